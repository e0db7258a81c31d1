//! The slash commands, one file each, and the one list they are registered from ([`all`]).
//!
//! A query command is a few lines: options → [`answer`] (defer, `query::answer` on a blocking
//! thread, `render::embed::answer`, deliver). Autocomplete reads the facts of the index in memory.

mod add;
mod ask;
mod help;
mod initiative;
mod mechanism;
mod meeting;
mod reindex;
mod upcoming;

pub use help::help_reply;
pub use reindex::{corpus_errors_reply, is_admin};
pub use upcoming::upcoming_reply;

use super::autocomplete;
use super::{send, Context, Data, Error};
use agenda_core::corpus::FactKind;
use agenda_core::query::{self, Scope};
use agenda_core::render;
use serenity::all::{AutocompleteChoice, CreateAutocompleteResponse};
use std::time::Instant;

/// Every command the bot registers and answers, in the order Discord lists them.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        meeting::meeting(),
        initiative::initiative(),
        mechanism::mechanism(),
        ask::ask(),
        upcoming::upcoming(),
        help::help(),
        reindex::reindex(),
        add::add(),
    ]
}

/// Answers a query command: acknowledges at once, searches, renders and delivers the reply.
pub(crate) async fn answer(
    ctx: Context<'_>,
    scope: Scope,
    text: &str,
    private: bool,
) -> Result<(), Error> {
    let started = Instant::now();
    send::defer(ctx, private).await?;
    if let Some(delay) = ctx.data().test_hooks.answer_delay {
        tokio::time::sleep(delay).await;
    }
    let index = ctx.data().index.load_full();
    let text = text.to_string();
    let answer = tokio::task::spawn_blocking(move || query::answer(&index, scope, &text)).await??;
    send::deliver(ctx, &render::embed::answer(&answer), private).await?;
    log_command(ctx, started, answer.results.len());
    Ok(())
}

/// The one info line per command: name, user, latency, result count.
pub(crate) fn log_command(ctx: Context<'_>, started: Instant, results: usize) {
    tracing::info!(
        command = %ctx.command().name,
        user = ctx.author().id.get(),
        latency_ms = started.elapsed().as_millis() as u64,
        results,
        "command answered"
    );
}

/// Autocomplete choices for a fact kind, from the index in service.
pub(crate) fn complete(
    ctx: Context<'_>,
    kind: FactKind,
    typed: &str,
) -> CreateAutocompleteResponse {
    let index = ctx.data().index.load();
    let choices = autocomplete::choices(&index.facts, kind, typed)
        .into_iter()
        .map(|c| AutocompleteChoice::new(c.name, c.value))
        .collect();
    CreateAutocompleteResponse::new().set_choices(choices)
}
