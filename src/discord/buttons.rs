//! Clicks on the buttons under answers: "More results"/"Previous" page the answer in place,
//! "Full paragraph" shows a cited paragraph whole to the clicker alone, 👍/👎 are recorded
//! (`crate::feedback`) and thanked privately; everything a click needs is in its custom id
//! (`render::components`), so buttons work after a restart until they expire.

use super::data::{Data, Error};
use super::reply::{answer_page, reply_of};
use super::send;
use crate::feedback;
use agenda_core::command::{self, Command, Response};
use agenda_core::query;
use agenda_core::render::components::{
    self, asked_in, query_hash, Asked, ComponentId, QueryRef, Vote, WithButtons,
};
use agenda_core::render::embed::{self, Reply};
use serenity::all::{ComponentInteraction, Context as SerenityContext};
use std::time::Instant;

/// What a click gets.
#[derive(Debug, Clone)]
pub enum Clicked {
    /// The message the button is on, replaced (type 7): another page.
    Update(WithButtons),
    /// A message only the clicker sees (type 4, ephemeral): a paragraph, or why nothing can be done.
    Private(Reply),
    /// The button is too old: its buttons come off (type 7), then the clicker alone is told.
    Expired,
}

/// Handles one click that came over the gateway (INTERACTION_CREATE of type 3).
pub async fn on_component(
    ctx: &SerenityContext,
    data: &Data,
    click: &ComponentInteraction,
) -> Result<(), Error> {
    let started = Instant::now();
    let (clicked, results) = outcome(data, click).await?;
    let http = &ctx.http;
    match &clicked {
        Clicked::Update(message) => send::update_clicked(http, click, message).await?,
        Clicked::Private(reply) => send::answer_click_privately(http, click, reply).await?,
        Clicked::Expired => send::expire_clicked(http, click, components::EXPIRED).await?,
    }
    log_click(click, started, results);
    Ok(())
}

/// The one info line per click, as for commands.
pub fn log_click(click: &ComponentInteraction, started: Instant, results: usize) {
    tracing::info!(
        command = %"button",
        user = click.user.id.get(),
        latency_ms = started.elapsed().as_millis() as u64,
        results,
        "command answered"
    );
}

/// What `click` gets, and how many results that holds (the gateway and the HTTP endpoint send it).
pub async fn outcome(data: &Data, click: &ComponentInteraction) -> Result<(Clicked, usize), Error> {
    let id = match ComponentId::decode(&click.data.custom_id) {
        Ok(id) => id,
        Err(e) => {
            tracing::warn!(
                user = click.user.id.get(),
                error = %e,
                "a click on a button this bot cannot read"
            );
            return Ok((Clicked::Private(Reply::text(components::UNKNOWN)), 0));
        }
    };
    let max_age = i64::from(data.config.discord.buttons_expire_hours) * 3600;
    if id.expired(data.clock.now().as_second(), max_age) {
        tracing::info!(user = click.user.id.get(), "a click on an expired button");
        return Ok((Clicked::Expired, 0));
    }
    let index = data.index.load_full();
    Ok(match id {
        ComponentId::Paragraph {
            statement,
            paragraph,
            ..
        } => {
            let found = tokio::task::spawn_blocking(move || {
                query::paragraph(&index, &statement, paragraph)
            })
            .await??;
            let reply = match &found {
                Some(c) => embed::full_paragraph(c),
                None => Reply::text(components::PARAGRAPH_GONE),
            };
            (Clicked::Private(reply), usize::from(found.is_some()))
        }
        ComponentId::Page {
            scope,
            page,
            issued,
            query,
        } => {
            let Some(text) = query_text(query, click) else {
                return Ok(query_lost(click));
            };
            let asked = Asked::new(scope, &text);
            let from = data.config.digest.upcoming_from(data.clock.now());
            let line = Command::query(asked.scope, &asked.text);
            let response =
                tokio::task::spawn_blocking(move || command::respond(&index, line, from)).await??;
            let feedback = data.feedback.is_some();
            let message = match &response {
                Response::Answer(a) => answer_page(a, &asked, usize::from(page), issued, feedback),
                other => WithButtons {
                    reply: reply_of(other, &data.config.digest, &data.help),
                    rows: Vec::new(),
                },
            };
            (Clicked::Update(message), response.results())
        }
        ComponentId::Feedback {
            scope, vote, query, ..
        } => {
            let Some(text) = query_text(query, click) else {
                return Ok(query_lost(click));
            };
            let thanks = match data.feedback.is_some() {
                true => {
                    let kind = match vote {
                        Vote::Up => feedback::Kind::Up,
                        Vote::Down => feedback::Kind::Down,
                    };
                    let command = scope.as_str();
                    let answer = Some(click.message.id.get());
                    data.record_feedback(kind, command, &text, answer).await;
                    components::FEEDBACK_THANKS
                }
                false => components::FEEDBACK_OFF,
            };
            (Clicked::Private(Reply::text(thanks)), 0)
        }
    })
}

/// The query a button carries, or reads back from its message when the id holds its hash.
fn query_text(query: QueryRef, click: &ComponentInteraction) -> Option<String> {
    match query {
        QueryRef::Text(text) => Some(text),
        QueryRef::Hash(hash) => asked_in(&click.message.content).filter(|t| query_hash(t) == hash),
    }
}

/// What a click gets when its query is neither in its id nor on its message.
fn query_lost(click: &ComponentInteraction) -> (Clicked, usize) {
    tracing::warn!(
        user = click.user.id.get(),
        "a button whose query is not on its message"
    );
    (Clicked::Private(Reply::text(components::UNKNOWN)), 0)
}
