//! The slash commands, one file each, and the one list they are registered from ([`all`]).
//!
//! A query command is a few lines: options → [`answer`] (defer, `command::respond` on a blocking
//! thread, `chat::message_of` with its buttons, deliver). Autocomplete reads the facts of the index in memory.

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
use agenda_core::command::{self, Command};
use agenda_core::corpus::FactKind;
use agenda_core::query::Scope;
use agenda_core::render::components::Asked;
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

/// Answers a query command: acknowledges at once, searches, renders and delivers the reply
/// (through [`command::respond`], as chat and the console do: `/ask` without a question gets
/// its usage).
pub(crate) async fn answer(
    ctx: Context<'_>,
    scope: Scope,
    text: &str,
    private: bool,
) -> Result<(), Error> {
    let started = Instant::now();
    let _in_flight = crate::ops::inflight::begin();
    send::defer(ctx, private).await?;
    if let Some(delay) = ctx.data().test_hooks.answer_delay {
        tokio::time::sleep(delay).await;
    }
    let data = ctx.data();
    let index = data.index.load_full();
    let asked = Asked::new(scope, text);
    let line = Command::query(asked.scope, &asked.text);
    let now = data.clock.now();
    let from = data.config.digest.upcoming_from(now);
    let response =
        tokio::task::spawn_blocking(move || command::respond(&index, line, from)).await??;
    let message = super::chat::message_of(&response, &asked, now, &data.config.digest.timezone);
    send::deliver_with(ctx, &message, private).await?;
    if response.results() == 0 {
        crate::ops::metrics::nothing_found(&ctx.command().name);
    }
    log_command(ctx, started, response.results());
    Ok(())
}

/// The one info line per command: name, user, latency, result count.
pub(crate) fn log_command(ctx: Context<'_>, started: Instant, results: usize) {
    crate::ops::metrics::answered(&ctx.command().name, started.elapsed());
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
    let choices = autocomplete::choices_with(&index.facts, &index.thesaurus, kind, typed)
        .into_iter()
        .map(|c| AutocompleteChoice::new(c.name, c.value))
        .collect();
    CreateAutocompleteResponse::new().set_choices(choices)
}
