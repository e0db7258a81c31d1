//! `/help`: what the bot can do (`command::HELP`), shown to the caller only.

use crate::discord::data::{Context, Error};
use crate::discord::invocation::Invocation;

/// What the bot can do
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    super::run(ctx, Invocation::Help).await
}
