//! The HTTP interactions endpoint (`agenda-bot run --interactions ADDR`): Discord POSTs every
//! interaction, signed ([`verify`]); the answer goes back in the HTTP response, or, when it takes
//! longer than the deadline, the response acknowledges it (type 5) and the answer follows as an
//! edit of `@original` through the webhook route. Commands are answered by the gateway's code
//! path ([`Invocation`]), clicks by [`buttons::outcome`], autocomplete by [`commands::choices`].
//!
//! Nothing here keeps state between requests: any number of replicas can serve behind a load
//! balancer, each with its own copy of the index. The listener is served from the process's
//! start ([`Listener::pending`]): it answers PING and says "starting" to commands until the
//! bot's state is ready ([`Listener::open`]), so a balancer's checks pass while Discord is away.

pub mod replica;
pub mod verify;

use super::buttons::{self, Clicked};
use super::commands;
use super::data::{Data, USER_ERROR};
use super::invocation::{Answer, Caller, Invocation, BAD_OPTIONS};
use super::send;
use crate::clock::SharedClock;
use agenda_core::corpus::FactKind;
use agenda_core::render::components::{self, WithButtons};
use agenda_core::render::embed::Reply;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serenity::all::{
    CommandInteraction, ComponentInteraction, CreateInteractionResponse,
    CreateInteractionResponseMessage, Http, Interaction,
};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use verify::RequestVerifier;

/// The largest request body read (Discord's interactions are a few KiB); larger is 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// How long an answer may take before the response acknowledges it instead (Discord waits 3 s).
pub const DEADLINE: Duration = Duration::from_millis(2500);

/// The least time between the acknowledgement leaving and the edit that follows it, so the edit
/// never reaches Discord before the interaction it edits is acknowledged.
const EDIT_AFTER: Duration = Duration::from_millis(200);

/// What the endpoint needs: the bot's state, the REST client for slow answers, the key.
#[derive(Clone)]
pub struct Endpoint {
    pub data: Data,
    /// Used only for the edits and follow-ups of slow answers (webhook routes with the
    /// interaction's token); its application id is taken from the first interaction.
    pub http: Arc<Http>,
    pub verifier: RequestVerifier,
    /// [`DEADLINE`] unless a test sets another.
    pub deadline: Duration,
}

/// What a command or click gets before the bot's state is ready (the index still opening).
pub const STARTING: &str = "The bot is starting up; ask again in a few seconds.";

/// What the listener serves with: the key from the start, the endpoint once the bot is ready.
pub struct Listener {
    verifier: RequestVerifier,
    clock: SharedClock,
    endpoint: OnceLock<Arc<Endpoint>>,
}

impl Listener {
    /// A listener that verifies requests and answers PING at once; commands wait for [`Self::open`].
    pub fn pending(verifier: RequestVerifier, clock: SharedClock) -> Arc<Listener> {
        Arc::new(Listener {
            verifier,
            clock,
            endpoint: OnceLock::new(),
        })
    }

    /// A listener serving `endpoint` from the start.
    pub fn ready(endpoint: Endpoint) -> Arc<Listener> {
        let listener = Listener::pending(endpoint.verifier.clone(), endpoint.data.clock.clone());
        listener.open(endpoint);
        listener
    }

    /// Starts answering commands with `endpoint` (a second call changes nothing).
    pub fn open(&self, endpoint: Endpoint) {
        let _ = self.endpoint.set(Arc::new(endpoint));
    }
}

/// `POST /interactions` serving `endpoint`, with bodies capped at [`MAX_BODY_BYTES`].
pub fn router(endpoint: Endpoint) -> Router {
    router_for(Listener::ready(endpoint))
}

/// `POST /interactions` on `listener` (pending or ready), with bodies capped at [`MAX_BODY_BYTES`].
pub fn router_for(listener: Arc<Listener>) -> Router {
    Router::new()
        .route("/interactions", post(interaction))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(listener)
}

/// Binds `addr` and serves `app` there until the runtime stops; returns the bound address.
pub async fn serve(
    addr: std::net::SocketAddr,
    app: Router,
) -> anyhow::Result<std::net::SocketAddr> {
    crate::ops::routes::serve_app(addr, app, "--interactions").await
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

async fn interaction(
    State(listener): State<Arc<Listener>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let checked = listener.verifier.check(
        header(&headers, "x-signature-ed25519"),
        header(&headers, "x-signature-timestamp"),
        &body,
        listener.clock.now(),
    );
    if let Err(why) = checked {
        tracing::warn!(reason = %why, "an interaction request refused");
        return (StatusCode::UNAUTHORIZED, "invalid request signature").into_response();
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(i) => i,
        Err(e) => {
            tracing::warn!(error = %e, "a signed interaction this bot cannot read");
            return (StatusCode::BAD_REQUEST, "unreadable interaction").into_response();
        }
    };
    let Some(endpoint) = listener.endpoint.get() else {
        return starting(&interaction);
    };
    if endpoint.http.application_id().is_none() {
        endpoint
            .http
            .set_application_id(interaction.application_id());
    }
    match interaction {
        Interaction::Ping(_) => pong(),
        Interaction::Command(command) => on_command(endpoint, command).await,
        Interaction::Autocomplete(command) => {
            Json(autocomplete(&endpoint.data, &command)).into_response()
        }
        Interaction::Component(click) => on_click(endpoint, click).await,
        other => unsupported(&other),
    }
}

fn pong() -> Response {
    Json(serde_json::json!({ "type": 1 })).into_response()
}

fn unsupported(interaction: &Interaction) -> Response {
    tracing::warn!(kind = ?interaction.kind(), "an interaction of a kind this bot does not use");
    (StatusCode::BAD_REQUEST, "unsupported interaction").into_response()
}

/// The answer while the bot's state is not ready: PING as always, no choices to autocomplete,
/// [`STARTING`] to the caller only for commands and clicks.
fn starting(interaction: &Interaction) -> Response {
    match interaction {
        Interaction::Ping(_) => pong(),
        Interaction::Autocomplete(_) => Json(CreateInteractionResponse::Autocomplete(
            serenity::all::CreateAutocompleteResponse::new(),
        ))
        .into_response(),
        Interaction::Command(_) | Interaction::Component(_) => {
            message(&plain(Reply::text(STARTING)), true)
        }
        other => unsupported(other),
    }
}

/// A type 4 response: `message`, to everyone or to the caller only.
fn message(message: &WithButtons, ephemeral: bool) -> Response {
    Json(CreateInteractionResponse::Message(
        send::interaction_message_with(message, ephemeral),
    ))
    .into_response()
}

fn plain(reply: Reply) -> WithButtons {
    WithButtons {
        reply,
        rows: Vec::new(),
    }
}

async fn on_command(endpoint: &Arc<Endpoint>, command: CommandInteraction) -> Response {
    let started = Instant::now();
    let data = &endpoint.data;
    let invocation = match Invocation::from_command(&command.data) {
        Ok(invocation) => invocation,
        Err(why) => {
            tracing::warn!(command = %command.data.name, why, "could not read the command's options");
            return message(&plain(Reply::text(BAD_OPTIONS)), true);
        }
    };
    let caller = Caller::of(&command, &data.config.discord.admin_role_ids);
    let private = invocation.ephemeral();
    if let Some(answer) = commands::instant(&invocation, &endpoint.data, &caller) {
        answer.log(invocation.name(), &caller, started);
        return message(&answer.message, private);
    }
    let mut work = tokio::spawn({
        let endpoint = endpoint.clone();
        async move {
            let _in_flight = crate::ops::inflight::begin();
            let answer = commands::respond(&invocation, &endpoint.data, &caller).await;
            (invocation, answer)
        }
    });
    match tokio::time::timeout(endpoint.deadline, &mut work).await {
        Ok(done) => {
            let message_of = finished(done, &caller, started);
            message(&message_of, private)
        }
        Err(_) => {
            let deferred_at = tokio::time::Instant::now();
            let endpoint = endpoint.clone();
            tokio::spawn(async move {
                let _in_flight = crate::ops::inflight::begin();
                let answer = finished(work.await, &caller, started);
                tokio::time::sleep_until(deferred_at + EDIT_AFTER).await;
                if let Err(e) = send::edit_deferred(&endpoint.http, &command, &answer).await {
                    tracing::error!(
                        error = format!("{e:#}"),
                        "could not deliver a deferred answer"
                    );
                }
            });
            Json(CreateInteractionResponse::Defer(
                CreateInteractionResponseMessage::new().ephemeral(private),
            ))
            .into_response()
        }
    }
}

/// The message of a finished command (the user-facing error when it failed), logged.
fn finished(
    done: Result<(Invocation, anyhow::Result<Answer>), tokio::task::JoinError>,
    caller: &Caller,
    started: Instant,
) -> WithButtons {
    match done {
        Ok((invocation, Ok(answer))) => {
            answer.log(invocation.name(), caller, started);
            answer.message
        }
        Ok((invocation, Err(e))) => {
            tracing::error!(
                command = %invocation.name(),
                user = caller.user,
                error = format!("{e:#}"),
                "command failed"
            );
            plain(Reply::text(USER_ERROR))
        }
        Err(e) => {
            tracing::error!(user = caller.user, error = %e, "command panicked");
            plain(Reply::text(USER_ERROR))
        }
    }
}

/// The choices for the option being typed (type 8).
fn autocomplete(data: &Data, command: &CommandInteraction) -> CreateInteractionResponse {
    let kind = match command.data.name.as_str() {
        "meeting" => Some(FactKind::Meeting),
        "initiative" => Some(FactKind::Initiative),
        "mechanism" => Some(FactKind::Mechanism),
        _ => None,
    };
    let typed = command.data.autocomplete().map_or("", |o| o.value);
    let choices = match kind {
        Some(kind) => commands::choices(data, kind, typed),
        None => serenity::all::CreateAutocompleteResponse::new(),
    };
    CreateInteractionResponse::Autocomplete(choices)
}

async fn on_click(endpoint: &Arc<Endpoint>, click: ComponentInteraction) -> Response {
    let started = Instant::now();
    let (clicked, results) = match buttons::outcome(&endpoint.data, &click).await {
        Ok(outcome) => outcome,
        Err(e) => {
            tracing::error!(
                user = click.user.id.get(),
                error = format!("{e:#}"),
                "button failed"
            );
            return message(&plain(Reply::text(USER_ERROR)), true);
        }
    };
    buttons::log_click(&click, started, results);
    let response = match clicked {
        Clicked::Update(message) => {
            CreateInteractionResponse::UpdateMessage(send::update_message(&message))
        }
        Clicked::Private(reply) => {
            CreateInteractionResponse::Message(send::interaction_message(&reply, true))
        }
        Clicked::Expired => {
            let http = endpoint.http.clone();
            tokio::spawn(async move {
                tokio::time::sleep(EDIT_AFTER).await;
                if let Err(e) = send::send_expired_notice(&http, &click, components::EXPIRED).await
                {
                    tracing::warn!(error = format!("{e:#}"), "could not send the expiry notice");
                }
            });
            send::strip_buttons()
        }
    };
    Json(response).into_response()
}
