//! Clicks on the buttons under answers: "More results"/"Previous" page the answer in place,
//! "Full paragraph" shows a cited paragraph whole to the clicker alone; everything a click needs
//! is in its custom id (`render::components`), so buttons work after a restart until they expire.

use super::{chat, send, Data, Error};
use agenda_core::command::{self, Command, Response};
use agenda_core::query;
use agenda_core::render::components::{
    self, asked_in, query_hash, Asked, ComponentId, QueryRef, WithButtons,
};
use agenda_core::render::embed::{self, Reply};
use serenity::all::{ComponentInteraction, Context as SerenityContext};
use std::time::Instant;

/// Handles one click (INTERACTION_CREATE of type 3).
pub async fn on_component(
    ctx: &SerenityContext,
    data: &Data,
    click: &ComponentInteraction,
) -> Result<(), Error> {
    let started = Instant::now();
    let http = &ctx.http;
    let id = match ComponentId::decode(&click.data.custom_id) {
        Ok(id) => id,
        Err(e) => {
            tracing::warn!(
                user = click.user.id.get(),
                error = %e,
                "a click on a button this bot cannot read"
            );
            return send::answer_click_privately(http, click, &Reply::text(components::UNKNOWN))
                .await;
        }
    };
    let max_age = i64::from(data.config.discord.buttons_expire_hours) * 3600;
    if id.expired(data.clock.now().as_second(), max_age) {
        tracing::info!(user = click.user.id.get(), "a click on an expired button");
        return send::expire_clicked(http, click, components::EXPIRED).await;
    }
    let index = data.index.load_full();
    let results = match id {
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
            send::answer_click_privately(http, click, &reply).await?;
            usize::from(found.is_some())
        }
        ComponentId::Page {
            scope,
            page,
            issued,
            query,
        } => {
            let text = match query {
                QueryRef::Text(text) => Some(text),
                QueryRef::Hash(hash) => {
                    asked_in(&click.message.content).filter(|t| query_hash(t) == hash)
                }
            };
            let Some(text) = text else {
                tracing::warn!(
                    user = click.user.id.get(),
                    "a page button whose query is not on its message"
                );
                return send::answer_click_privately(
                    http,
                    click,
                    &Reply::text(components::UNKNOWN),
                )
                .await;
            };
            let asked = Asked::new(scope, &text);
            let from = data.config.digest.upcoming_from(data.clock.now());
            let line = Command::query(asked.scope, &asked.text);
            let response =
                tokio::task::spawn_blocking(move || command::respond(&index, line, from)).await??;
            let message = match &response {
                Response::Answer(a) => {
                    components::answer_with_buttons(a, &asked, usize::from(page), issued)
                }
                other => WithButtons {
                    reply: chat::reply_of(other, &data.config.digest.timezone),
                    rows: Vec::new(),
                },
            };
            send::update_clicked(http, click, &message).await?;
            response.results()
        }
    };
    tracing::info!(
        command = %"button",
        user = click.user.id.get(),
        latency_ms = started.elapsed().as_millis() as u64,
        results,
        "command answered"
    );
    Ok(())
}
