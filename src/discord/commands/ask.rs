//! `/ask`: any question; statements and facts are searched together.

use crate::discord::data::{Context, Error};
use agenda_core::query::Scope;

/// Any question; answers cite the statements
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question, e.g. who attended the intelligence meeting?"] question: String,
    #[description = "Show the answer to you only"] private: Option<bool>,
) -> Result<(), Error> {
    super::query(ctx, Scope::Ask, question, private).await
}
