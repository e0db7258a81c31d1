//! Replies leave the bot here, and only here: [`Reply`] / [`EmbedSpec`] values → serenity builders,
//! always with empty allowed mentions (nobody can be pinged), sent with [`with_retry`]'s small
//! bounded retry (`super::rest`).
//!
//! A reply is never sent twice: a deferred answer is an edit of `@original` (idempotent), a chat
//! reply carries a nonce that Discord enforces, and an `Ok` is never retried.
//!
//! The daily digest's message is built here too ([`channel_message`]), but sent by
//! `super::digest` once per attempt, without [`with_retry`]: the digest runner does the retrying.

use super::data::{Context, Data, Error};
use super::rest::{discord_code, no_mentions, with_retry};
use agenda_core::render::components::{Button, ButtonStyle as Style, WithButtons};
use agenda_core::render::embed::{EmbedSpec, Reply};
use serenity::all::{
    ButtonStyle, CommandInteraction, ComponentInteraction, CreateActionRow, CreateButton,
    CreateEmbed, CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse, Http, Message, Nonce,
};
use std::sync::atomic::Ordering;

/// Discord's "Interaction has already been acknowledged": a retried callback whose first attempt
/// did get through.
const ALREADY_ACKNOWLEDGED: isize = 40060;

/// A reply that breaks a Discord limit (it should not happen: render fits everything) is replaced
/// by a short notice rather than rejected by Discord.
fn checked(reply: &Reply) -> std::borrow::Cow<'_, Reply> {
    if reply.within_limits() {
        std::borrow::Cow::Borrowed(reply)
    } else {
        tracing::error!(
            embeds = reply.embeds.len(),
            size = reply.total_embed_size(),
            "a rendered reply exceeds Discord's limits; sending a notice instead"
        );
        std::borrow::Cow::Owned(Reply::text(
            "The answer is too large to show here; ask with more words to narrow it down.",
        ))
    }
}

/// [`checked`] for a reply with buttons: a notice in place of an oversized reply has none.
fn checked_with(message: &WithButtons) -> (std::borrow::Cow<'_, Reply>, &[Vec<Button>]) {
    match checked(&message.reply) {
        std::borrow::Cow::Borrowed(reply) => (std::borrow::Cow::Borrowed(reply), &message.rows),
        notice => (notice, &[]),
    }
}

/// Button rows → serenity's action rows.
pub fn action_rows(rows: &[Vec<Button>]) -> Vec<CreateActionRow> {
    rows.iter()
        .map(|row| {
            CreateActionRow::Buttons(
                row.iter()
                    .map(|b| {
                        CreateButton::new(&b.custom_id)
                            .label(&b.label)
                            .style(match b.style {
                                Style::Primary => ButtonStyle::Primary,
                                Style::Secondary => ButtonStyle::Secondary,
                            })
                    })
                    .collect(),
            )
        })
        .collect()
}

/// One embed spec → serenity's builder.
pub fn embed(spec: &EmbedSpec) -> CreateEmbed {
    let mut e = CreateEmbed::new().colour(spec.color);
    if !spec.title.is_empty() {
        e = e.title(&spec.title);
    }
    if !spec.description.is_empty() {
        e = e.description(&spec.description);
    }
    if let Some(url) = &spec.url {
        e = e.url(url);
    }
    for f in &spec.fields {
        e = e.field(&f.name, &f.value, f.inline);
    }
    if let Some(footer) = &spec.footer {
        e = e.footer(CreateEmbedFooter::new(footer));
    }
    e
}

fn embeds(reply: &Reply) -> Vec<CreateEmbed> {
    reply.embeds.iter().map(embed).collect()
}

/// A reply without buttons.
fn plain(reply: &Reply) -> WithButtons {
    WithButtons {
        reply: reply.clone(),
        rows: Vec::new(),
    }
}

/// The initial interaction response (callback type 4).
pub fn interaction_message(reply: &Reply, ephemeral: bool) -> CreateInteractionResponseMessage {
    interaction_message_with(&plain(reply), ephemeral)
}

/// [`interaction_message`] with buttons.
pub fn interaction_message_with(
    message: &WithButtons,
    ephemeral: bool,
) -> CreateInteractionResponseMessage {
    let (reply, rows) = checked_with(message);
    let mut m = CreateInteractionResponseMessage::new()
        .embeds(embeds(&reply))
        .allowed_mentions(no_mentions())
        .ephemeral(ephemeral);
    if !rows.is_empty() {
        m = m.components(action_rows(rows));
    }
    if let Some(content) = &reply.content {
        m = m.content(content);
    }
    m
}

/// The new content of the message a button is on (callback type 7, UPDATE_MESSAGE): every
/// part is set, so nothing of the previous page stays behind.
pub fn update_message(message: &WithButtons) -> CreateInteractionResponseMessage {
    let (reply, rows) = checked_with(message);
    CreateInteractionResponseMessage::new()
        .content(reply.content.clone().unwrap_or_default())
        .embeds(embeds(&reply))
        .components(action_rows(rows))
        .allowed_mentions(no_mentions())
}

/// The edit of a deferred response (`PATCH .../messages/@original`).
pub fn edit_response(reply: &Reply) -> EditInteractionResponse {
    edit_response_with(&plain(reply))
}

/// [`edit_response`] with buttons.
pub fn edit_response_with(message: &WithButtons) -> EditInteractionResponse {
    let (reply, rows) = checked_with(message);
    EditInteractionResponse::new()
        .content(reply.content.clone().unwrap_or_default())
        .embeds(embeds(&reply))
        .components(action_rows(rows))
        .allowed_mentions(no_mentions())
}

/// A channel message replying to `to` (chat questions).
pub fn reply_message(reply: &Reply, to: &Message) -> CreateMessage {
    reply_message_with(&plain(reply), to)
}

/// [`reply_message`] with buttons.
pub fn reply_message_with(message: &WithButtons, to: &Message) -> CreateMessage {
    let (reply, rows) = checked_with(message);
    let mut m = CreateMessage::new()
        .embeds(embeds(&reply))
        .components(action_rows(rows))
        .allowed_mentions(no_mentions())
        .reference_message(to)
        // Discord drops a second message with the same nonce from the same author, so a retry
        // after a 5xx that did create the message cannot post the answer twice.
        .nonce(Nonce::String(to.id.to_string()))
        .enforce_nonce(true);
    if let Some(content) = &reply.content {
        m = m.content(content);
    }
    m
}

/// A channel message of its own (the daily digest): no reference, and a `nonce` that Discord
/// enforces, so a retry after a 5xx or a timeout that did create the message cannot post it twice.
/// `nonce` must be at most 25 characters.
pub fn channel_message(reply: &Reply, nonce: &str) -> CreateMessage {
    let reply = checked(reply);
    let mut m = CreateMessage::new()
        .embeds(embeds(&reply))
        .allowed_mentions(no_mentions())
        .nonce(Nonce::String(nonce.to_string()))
        .enforce_nonce(true);
    if let Some(content) = &reply.content {
        m = m.content(content);
    }
    m
}

fn application<'a>(ctx: Context<'a>) -> Result<poise::ApplicationContext<'a, Data, Error>, Error> {
    match ctx {
        poise::Context::Application(app) => Ok(app),
        poise::Context::Prefix(_) => Err(anyhow::anyhow!("prefix commands are not supported")),
    }
}

/// A callback refused as "already acknowledged" did get through (on an earlier attempt).
fn acknowledged(result: serenity::Result<()>) -> Result<(), Error> {
    match result {
        Err(e) if discord_code(&e) == Some(ALREADY_ACKNOWLEDGED) => Ok(()),
        other => Ok(other?),
    }
}

/// Acknowledges the interaction within Discord's 3 s ("thinking…"); the answer follows as an edit.
pub async fn defer(ctx: Context<'_>, ephemeral: bool) -> Result<(), Error> {
    let app = application(ctx)?;
    if app.has_sent_initial_response.load(Ordering::SeqCst) {
        return Ok(());
    }
    let interaction: &CommandInteraction = app.interaction;
    let http = &ctx.serenity_context().http;
    let response = CreateInteractionResponse::Defer(
        CreateInteractionResponseMessage::new().ephemeral(ephemeral),
    );
    acknowledged(
        with_retry("defer", || {
            interaction.create_response(http, response.clone())
        })
        .await,
    )?;
    app.has_sent_initial_response.store(true, Ordering::SeqCst);
    Ok(())
}

/// Delivers `reply` for this interaction: the edit of a deferred response, or the initial
/// response when nothing was sent yet.
pub async fn deliver(ctx: Context<'_>, reply: &Reply, ephemeral: bool) -> Result<(), Error> {
    deliver_with(ctx, &plain(reply), ephemeral).await
}

/// [`deliver`] with buttons.
pub async fn deliver_with(
    ctx: Context<'_>,
    message: &WithButtons,
    ephemeral: bool,
) -> Result<(), Error> {
    let app = application(ctx)?;
    let interaction: &CommandInteraction = app.interaction;
    let http: &Http = &ctx.serenity_context().http;
    if app.has_sent_initial_response.load(Ordering::SeqCst) {
        edit_deferred(http, interaction, message).await?;
    } else {
        let response =
            CreateInteractionResponse::Message(interaction_message_with(message, ephemeral));
        acknowledged(
            with_retry("reply", || {
                interaction.create_response(http, response.clone())
            })
            .await,
        )?;
        app.has_sent_initial_response.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Replies to a chat message in its channel.
pub async fn reply_to(http: &Http, to: &Message, reply: &Reply) -> serenity::Result<Message> {
    reply_to_with(http, to, &plain(reply)).await
}

/// [`reply_to`] with buttons.
pub async fn reply_to_with(
    http: &Http,
    to: &Message,
    message: &WithButtons,
) -> serenity::Result<Message> {
    let message = reply_message_with(message, to);
    with_retry("chat reply", || {
        to.channel_id.send_message(http, message.clone())
    })
    .await
}

/// A button click answered by replacing the message it is on (type 7): the next page.
pub async fn update_clicked(
    http: &Http,
    click: &ComponentInteraction,
    message: &WithButtons,
) -> Result<(), Error> {
    let response = CreateInteractionResponse::UpdateMessage(update_message(message));
    acknowledged(
        with_retry("update message", || {
            click.create_response(http, response.clone())
        })
        .await,
    )
}

/// A button click answered with a message only the clicker sees (type 4, flags 64).
pub async fn answer_click_privately(
    http: &Http,
    click: &ComponentInteraction,
    reply: &Reply,
) -> Result<(), Error> {
    let response = CreateInteractionResponse::Message(interaction_message(reply, true));
    acknowledged(
        with_retry("private answer", || {
            click.create_response(http, response.clone())
        })
        .await,
    )
}

/// A click on an expired button: the buttons come off the message it is on ([`strip_buttons`];
/// the answer itself stays), then the clicker alone is told `notice` ([`expired_notice`]).
pub async fn expire_clicked(
    http: &Http,
    click: &ComponentInteraction,
    notice: &str,
) -> Result<(), Error> {
    let strip = strip_buttons();
    acknowledged(
        with_retry("remove buttons", || {
            click.create_response(http, strip.clone())
        })
        .await,
    )?;
    send_expired_notice(http, click, notice).await
}

/// The message a button is on, without its buttons (type 7 with no components).
pub fn strip_buttons() -> CreateInteractionResponse {
    CreateInteractionResponse::UpdateMessage(
        CreateInteractionResponseMessage::new()
            .components(Vec::new())
            .allowed_mentions(no_mentions()),
    )
}

/// After [`strip_buttons`]: `notice` to the clicker alone, as a follow-up message.
pub async fn send_expired_notice(
    http: &Http,
    click: &ComponentInteraction,
    notice: &str,
) -> Result<(), Error> {
    let followup = CreateInteractionResponseFollowup::new()
        .content(notice)
        .ephemeral(true)
        .allowed_mentions(no_mentions());
    // A follow-up is a new message: a 5xx after Discord created it would post it twice, a
    // harmless duplicate of an ephemeral notice.
    with_retry("expired notice", || {
        click.create_followup(http, followup.clone())
    })
    .await?;
    Ok(())
}

/// Edits the deferred response to `interaction` into `message` (the HTTP endpoint's slow path;
/// the gateway's is [`deliver_with`]).
pub async fn edit_deferred(
    http: &Http,
    interaction: &CommandInteraction,
    message: &WithButtons,
) -> Result<(), Error> {
    let edit = edit_response_with(message);
    with_retry("edit reply", || {
        interaction.edit_response(http, edit.clone())
    })
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::render::embed::FieldSpec;
    use serde_json::json;

    fn spec() -> Reply {
        Reply {
            content: Some("1 more result did not fit".into()),
            embeds: vec![EmbedSpec {
                title: "T".into(),
                description: "D".into(),
                url: None,
                color: 0x123456,
                fields: vec![FieldSpec {
                    name: "¶2 · S".into(),
                    value: "**x**".into(),
                    inline: false,
                }],
                footer: Some("meeting · amim-21".into()),
            }],
        }
    }

    #[test]
    fn every_builder_carries_empty_allowed_mentions() {
        let reply = spec();
        let msg = serde_json::to_value(interaction_message(&reply, true)).unwrap();
        assert_eq!(msg["allowed_mentions"]["parse"], serde_json::json!([]));
        assert_eq!(msg["flags"], 64);
        assert_eq!(msg["embeds"][0]["fields"][0]["name"], "¶2 · S");
        let edit = serde_json::to_value(edit_response(&reply)).unwrap();
        assert_eq!(edit["allowed_mentions"]["parse"], serde_json::json!([]));
        assert_eq!(edit["content"], "1 more result did not fit");
        assert_eq!(edit["embeds"][0]["footer"]["text"], "meeting · amim-21");
    }

    #[test]
    fn channel_messages_carry_an_enforced_nonce_and_no_reference() {
        let msg = serde_json::to_value(channel_message(&spec(), "d0123456789abcdef")).unwrap();
        assert_eq!(msg["allowed_mentions"]["parse"], serde_json::json!([]));
        assert_eq!(msg["nonce"], "d0123456789abcdef");
        assert_eq!(msg["enforce_nonce"], true);
        assert!(
            msg.get("message_reference").is_none_or(|r| r.is_null()),
            "{msg}"
        );
        assert_eq!(msg["content"], "1 more result did not fit");
        assert_eq!(msg["embeds"][0]["fields"][0]["name"], "¶2 · S");
    }

    #[test]
    fn buttons_become_action_rows_and_leave_with_an_oversized_reply() {
        let with = WithButtons {
            reply: spec(),
            rows: vec![vec![Button {
                label: "More results".into(),
                custom_id: "1:p:m:1:0:x".into(),
                style: Style::Primary,
            }]],
        };
        let msg = serde_json::to_value(interaction_message_with(&with, false)).unwrap();
        let button = &msg["components"][0]["components"][0];
        assert_eq!(msg["components"][0]["type"], 1);
        assert_eq!(
            (
                &button["type"],
                &button["style"],
                &button["custom_id"],
                &button["label"]
            ),
            (
                &json!(2),
                &json!(1),
                &json!("1:p:m:1:0:x"),
                &json!("More results")
            )
        );
        let update = serde_json::to_value(update_message(&with)).unwrap();
        assert_eq!(update["components"], msg["components"]);
        assert_eq!(update["allowed_mentions"]["parse"], json!([]));
        let mut too_big = with.clone();
        too_big.reply.embeds[0].title = "x".repeat(300);
        let update = serde_json::to_value(update_message(&too_big)).unwrap();
        assert_eq!(update["components"], json!([]), "{update}");
        let edit = serde_json::to_value(edit_response_with(&too_big)).unwrap();
        assert_eq!(edit["components"], json!([]), "{edit}");
    }

    #[test]
    fn oversized_replies_become_a_notice() {
        let mut reply = spec();
        reply.embeds[0].title = "x".repeat(300);
        let edit = serde_json::to_value(edit_response(&reply)).unwrap();
        assert!(edit["embeds"].as_array().unwrap().is_empty(), "{edit}");
        assert!(edit["content"].as_str().unwrap().contains("too large"));
    }
}
