//! `/meeting`: a meeting by name, handle (AMIM-21) or question.

use crate::discord::data::{Context, Error};
use agenda_core::corpus::FactKind;
use agenda_core::query::Scope;
use serenity::all::CreateAutocompleteResponse;

async fn complete(ctx: Context<'_>, typed: &str) -> CreateAutocompleteResponse {
    super::complete(ctx, FactKind::Meeting, typed)
}

/// A meeting: date, place, theme, who attended (e.g. AMIM-21)
#[poise::command(slash_command)]
pub async fn meeting(
    ctx: Context<'_>,
    #[description = "Meeting name or handle (AMIM-21), or a question about it"]
    #[autocomplete = "complete"]
    query: String,
    #[description = "Show the answer to you only"] private: Option<bool>,
) -> Result<(), Error> {
    super::query(ctx, Scope::Meeting, query, private).await
}
