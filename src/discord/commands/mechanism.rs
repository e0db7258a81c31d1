//! `/mechanism`: a cooperation mechanism or body by name or acronym.

use crate::discord::data::{Context, Error};
use agenda_core::corpus::FactKind;
use agenda_core::query::Scope;
use serenity::all::CreateAutocompleteResponse;

async fn complete(ctx: Context<'_>, typed: &str) -> CreateAutocompleteResponse {
    super::complete(ctx, FactKind::Mechanism, typed)
}

/// A cooperation mechanism or body (AJIIP, AOE, AMIC, ADMM...)
#[poise::command(slash_command)]
pub async fn mechanism(
    ctx: Context<'_>,
    #[description = "Mechanism name or acronym (AJIIP, AOE...), or a question about it"]
    #[autocomplete = "complete"]
    query: String,
    #[description = "Show the answer to you only"] private: Option<bool>,
) -> Result<(), Error> {
    super::query(ctx, Scope::Mechanism, query, private).await
}
