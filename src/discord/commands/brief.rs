//! `/brief <meeting>`: what to read before a meeting (`agenda_core::brief`), on demand.

use crate::discord::data::{Context, Error};
use crate::discord::invocation::Invocation;
pub(crate) use agenda_core::brief::brief as brief_of;
use agenda_core::corpus::FactKind;
use serenity::all::CreateAutocompleteResponse;

async fn complete(ctx: Context<'_>, typed: &str) -> CreateAutocompleteResponse {
    super::complete(ctx, FactKind::Meeting, typed)
}

/// Before a meeting: the last one, what was agreed, what is due, the latest statements
#[poise::command(slash_command)]
pub async fn brief(
    ctx: Context<'_>,
    #[description = "A series (ADMM: its next meeting) or a meeting (AMIM-21)"]
    #[autocomplete = "complete"]
    meeting: String,
    #[description = "Show the answer to you only"] private: Option<bool>,
) -> Result<(), Error> {
    let private = private.unwrap_or(false);
    super::run(ctx, Invocation::Brief { meeting, private }).await
}
