//! The framework's error handler: every poise/serenity error is logged with its cause, and the
//! user gets a short message of their own.

use super::data::{Data, Error, USER_ERROR};
use super::invocation::BAD_OPTIONS;
use super::send::deliver;

/// What a server-only command (the admins' `/add` and `/reindex`, the channels' watches) says
/// in a direct message.
pub const IN_A_SERVER: &str =
    "Sorry, this command works in a server's channels only (not in a direct message).";

/// Every poise/serenity error ends here: the cause goes to the log (`{:#}`), the user gets a
/// short message.
pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    use poise::FrameworkError as E;
    let user_text: Option<&'static str> = match &error {
        E::Command { error, ctx, .. } => {
            tracing::error!(
                command = %ctx.command().name,
                user = ctx.author().id.get(),
                error = format!("{error:#}"),
                "command failed"
            );
            Some(USER_ERROR)
        }
        E::ArgumentParse {
            error, input, ctx, ..
        } => {
            tracing::warn!(
                command = %ctx.command().name,
                user = ctx.author().id.get(),
                input = ?input,
                error = %error,
                "could not read the command's options"
            );
            Some(BAD_OPTIONS)
        }
        E::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::warn!(
                command = %ctx.command().name,
                description,
                "the command Discord sent does not match the registered one"
            );
            Some("Sorry, that command looks out of date. Please try again in a minute.")
        }
        E::CommandPanic { payload, ctx, .. } => {
            tracing::error!(
                command = %ctx.command().name,
                panic = payload.as_deref().unwrap_or("(no message)"),
                "command panicked"
            );
            Some(USER_ERROR)
        }
        // `/add` and `/reindex` in a direct message (Discord hides them there; a stale client
        // may still send one): refused as any non-admin is.
        E::GuildOnly { ctx, .. } => {
            tracing::info!(command = %ctx.command().name, "a server-only command outside a server");
            Some(IN_A_SERVER)
        }
        E::UnknownInteraction { interaction, .. } => {
            tracing::warn!(
                command = %interaction.data.name,
                "an interaction for a command this bot does not have"
            );
            return;
        }
        E::EventHandler { error, event, .. } => {
            tracing::error!(
                event = event.snake_case_name(),
                error = format!("{error:#}"),
                "event handler failed"
            );
            return;
        }
        E::Setup { error, .. } => {
            tracing::error!(error = format!("{error:#}"), "setup failed");
            return;
        }
        // Cooldowns, permission and guild checks...: poise's own short messages will do (they
        // go out with the framework's empty allowed mentions).
        _ => None,
    };
    match (user_text, error.ctx()) {
        (Some(text), Some(ctx)) => {
            let reply = agenda_core::render::embed::Reply::text(text);
            if let Err(e) = deliver(ctx, &reply, true).await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    "could not tell the user about the error"
                );
            }
        }
        (Some(_), None) => {}
        (None, _) => {
            if let Err(e) = poise::builtins::on_error(error).await {
                tracing::error!(error = format!("{e:#}"), "while handling an error");
            }
        }
    }
}
