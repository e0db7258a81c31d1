//! The slash commands, one file each, and the one list they are registered from ([`all`]).
//!
//! A command body is one line: its options as an [`Invocation`] → [`run`] (acknowledge,
//! [`respond`], deliver). [`respond`] is the one path from a command to its answer, for the
//! gateway and the HTTP endpoint alike. Autocomplete reads the facts of the index in memory.

pub(crate) mod add;
mod ask;
mod brief;
pub mod help;
mod initiative;
mod mechanism;
mod meeting;
pub(crate) mod reindex;
pub(crate) mod upcoming;
pub(crate) mod watch;

pub use reindex::corpus_errors_reply;

use super::autocomplete;
use super::data::{Context, Data, Error};
use super::invocation::{Answer, Caller, Invocation};
use super::reply::{message_of, upcoming_reply};
use super::send;
use crate::feedback;
use agenda_core::brief::BriefError;
use agenda_core::command::{self, Command};
use agenda_core::corpus::FactKind;
use agenda_core::render::components::Asked;
use agenda_core::render::embed::{escape, Reply};
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
        brief::brief(),
        watch::watch(),
        watch::unwatch(),
        watch::watches(),
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
/// [`respond`] (the HTTP endpoint's code path too) and delivered as the edit.
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
    let answer = match instant(&invocation, data, &caller) {
        Some(answer) => answer,
        None => {
            send::defer(ctx, private).await?;
            respond(&invocation, data, &caller).await?
        }
    };
    send::deliver_with(ctx, &answer.message, private).await?;
    answer.log(invocation.name(), &caller, started);
    Ok(())
}

/// The answer when a command needs no work (help, a refusal, options that cannot work): sent as
/// the initial response, with nothing acknowledged first.
pub fn instant(invocation: &Invocation, data: &Data, caller: &Caller) -> Option<Answer> {
    match invocation {
        Invocation::Help => Some(Answer::plain((*data.help).clone(), 0)),
        Invocation::Reindex if !caller.admin => Some(Answer::plain(reindex::refusal(), 0)),
        Invocation::Add { .. } if !caller.admin => {
            Some(Answer::plain(add::refusal(add::NOT_ADMIN), 0))
        }
        Invocation::Add { file, url } => add::source_of(file.as_ref(), url.as_deref())
            .err()
            .map(|why| Answer::plain(add::refusal(&why), 0)),
        Invocation::Watch { .. } | Invocation::Unwatch { .. } if !caller.manage_channels => {
            Some(Answer::plain(Reply::text(watch::NOT_ALLOWED), 0))
        }
        _ => None,
    }
}

/// Answers a command: searches, rebuilds or adds as it asks, on blocking threads where the work
/// is; the gateway ([`run`]) and the HTTP endpoint both deliver what this returns.
pub async fn respond(
    invocation: &Invocation,
    data: &Data,
    caller: &Caller,
) -> Result<Answer, Error> {
    if let Some(answer) = instant(invocation, data, caller) {
        return Ok(answer);
    }
    let settings = &data.config.digest;
    match invocation {
        Invocation::Query { scope, text, .. } => {
            if let Some(delay) = data.test_hooks.answer_delay {
                tokio::time::sleep(delay).await;
            }
            let index = data.index.load_full();
            let asked = Asked::new(*scope, text);
            let line = Command::query(asked.scope, &asked.text);
            let now = data.clock.now();
            let from = settings.upcoming_from(now);
            let response =
                tokio::task::spawn_blocking(move || command::respond(&index, line, from)).await??;
            let results = response.results();
            if results == 0 && matches!(response, command::Response::Answer(_)) {
                let name = invocation.name();
                data.record_feedback(feedback::Kind::NothingFound, name, text, None)
                    .await;
            }
            let feedback = data.feedback.is_some();
            Ok(Answer {
                message: message_of(&response, &asked, now, settings, &data.help, feedback),
                results,
            })
        }
        Invocation::Upcoming { days, .. } => {
            let index = data.index.load_full();
            let (settings, now, days) = (settings.clone(), data.clock.now(), *days);
            let (reply, milestones) = {
                let help = data.help.clone();
                tokio::task::spawn_blocking(move || {
                    upcoming_reply(&index, &settings, now, days, &help)
                })
            }
            .await??;
            Ok(Answer::plain(reply, milestones))
        }
        Invocation::Brief { meeting, .. } => {
            let index = data.index.load_full();
            let today = settings.today(data.clock.now());
            let meeting = meeting.clone();
            let brief =
                tokio::task::spawn_blocking(move || brief::brief_of(&index, &meeting, today))
                    .await?;
            Ok(match brief {
                Ok(brief) => {
                    let items = brief.due.len() + brief.latest.len() + 1;
                    Answer::plain(agenda_core::render::brief::reply(&brief), items)
                }
                Err(e @ BriefError::NoMeeting(_)) => {
                    Answer::plain(Reply::text(&escape(&e.to_string())), 0)
                }
                Err(e) => return Err(e.into()),
            })
        }
        Invocation::Reindex => {
            let (reply, facts) = reindex::rebuild(data).await?;
            Ok(Answer::plain(reply, facts))
        }
        Invocation::Add { file, url } => {
            let source = add::source_of(file.as_ref(), url.as_deref())
                .map_err(|why| anyhow::anyhow!("unchecked /add options: {why}"))?;
            let (reply, listed) = add::add_from(data, source, caller.user).await?;
            Ok(Answer::plain(reply, listed))
        }
        Invocation::Watch { .. } | Invocation::Unwatch { .. } | Invocation::Watches => {
            let (reply, watches) = watch::respond(invocation, data, caller).await?;
            Ok(Answer::plain(reply, watches))
        }
        Invocation::Help => Ok(Answer::plain((*data.help).clone(), 0)),
    }
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
