//! `/initiative`: an initiative with its expected outcome and timeline.

use crate::discord::data::{Context, Error};
use agenda_core::corpus::FactKind;
use agenda_core::query::Scope;
use serenity::all::CreateAutocompleteResponse;

async fn complete(ctx: Context<'_>, typed: &str) -> CreateAutocompleteResponse {
    super::complete(ctx, FactKind::Initiative, typed)
}

/// An initiative: expected outcome and timeline
#[poise::command(slash_command)]
pub async fn initiative(
    ctx: Context<'_>,
    #[description = "Initiative name, or a question about it"]
    #[autocomplete = "complete"]
    query: String,
    #[description = "Show the answer to you only"] private: Option<bool>,
) -> Result<(), Error> {
    super::query(ctx, Scope::Initiative, query, private).await
}
