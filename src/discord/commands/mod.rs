//! The slash commands, one file each, and the one list they are registered from ([`all`]).
//!
//! A command body is one line: its options as an [`Invocation`] → [`run`] (acknowledge, answer,
//! deliver). Autocomplete reads the facts of the index in memory.

pub(crate) mod add;
mod ask;
mod help;
mod initiative;
mod mechanism;
mod meeting;
pub(crate) mod reindex;
pub(crate) mod upcoming;

pub use help::help_reply;
pub use reindex::{corpus_errors_reply, is_admin};
pub use upcoming::upcoming_reply;

use super::autocomplete;
use super::invocation::{Caller, Invocation};
use super::{send, Context, Data, Error};
use agenda_core::corpus::FactKind;
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

/// A query command (`/meeting`, `/initiative`, `/mechanism`, `/ask`) through [`run`].
pub(crate) async fn query(
    ctx: Context<'_>,
    scope: agenda_core::query::Scope,
    text: String,
    private: Option<bool>,
) -> Result<(), Error> {
    let private = private.unwrap_or(false);
    run(
        ctx,
        Invocation::Query {
            scope,
            text,
            private,
        },
    )
    .await
}

/// Runs a slash command that came over the gateway: what needs no work (help, refusals) is the
/// initial response; anything else is acknowledged at once ("thinking…"), answered by
/// [`Invocation::respond`] (the HTTP endpoint's code path too) and delivered as the edit.
pub(crate) async fn run(ctx: Context<'_>, invocation: Invocation) -> Result<(), Error> {
    let started = Instant::now();
    let _in_flight = crate::ops::inflight::begin();
    let data = ctx.data();
    let caller = match ctx {
        poise::Context::Application(app) => {
            Caller::of(app.interaction, &data.config.discord.admin_role_ids)
        }
        poise::Context::Prefix(_) => anyhow::bail!("prefix commands are not supported"),
    };
    let private = invocation.ephemeral();
    let answer = match invocation.instant(&caller) {
        Some(answer) => answer,
        None => {
            send::defer(ctx, private).await?;
            invocation.respond(data, &caller).await?
        }
    };
    send::deliver_with(ctx, &answer.message, private).await?;
    answer.log(invocation.name(), &caller, started);
    Ok(())
}

/// Autocomplete choices for a fact kind, from the index in service.
pub(crate) fn complete(
    ctx: Context<'_>,
    kind: FactKind,
    typed: &str,
) -> CreateAutocompleteResponse {
    choices(ctx.data(), kind, typed)
}

/// The autocomplete response for `typed` in a `kind` option (gateway and HTTP alike).
pub fn choices(data: &Data, kind: FactKind, typed: &str) -> CreateAutocompleteResponse {
    let index = data.index.load();
    let choices = autocomplete::choices_with(&index.facts, &index.thesaurus, kind, typed)
        .into_iter()
        .map(|c| AutocompleteChoice::new(c.name, c.value))
        .collect();
    CreateAutocompleteResponse::new().set_choices(choices)
}
