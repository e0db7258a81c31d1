//! A fake Discord for integration tests: the REST API (axum) and the gateway websocket
//! (tokio-tungstenite), both bound to `127.0.0.1:0`, speaking just enough of the wire protocol for
//! serenity 0.12.5 / poise 0.7.1. Everything here is loopback only; nothing talks to the real
//! Discord.
//!
//! ```ignore
//! let fake = FakeDiscord::start().await;
//! let http = HttpBuilder::new("fake-token")
//!     .proxy(fake.rest_url())
//!     .ratelimiter_disabled(true) // REQUIRED: with the ratelimiter on, the proxy is ignored
//!     .build();
//! let mut client = ClientBuilder::new_with_http(http, intents).event_handler(h).await?;
//! // run the client in a task, then:
//! assert!(fake.wait_ready(Duration::from_secs(10)).await);
//! fake.dispatch("MESSAGE_CREATE", message_create(1, CHANNEL, 42, "<@111111111111111111> hi", true)).await;
//! let reply = fake.wait_for(|r| r.is("POST", "/api/v10/channels/*/messages"), timeout).await;
//! ```
//!
//! Modules: [`recorded`] (what the fake received, path patterns), [`faults`] (injected failures),
//! [`rest`] (routes and the message objects they return), [`tls`] (`discord.com` over TLS),
//! [`gateway`] (HELLO / IDENTIFY / RESUME / dispatches), [`payloads`] (events to dispatch).
//!
//! # The wire protocol, as serenity 0.12.5 speaks it (checked by `tests/discord/fake_discord_selftest.rs`)
//!
//! Pointing the client here:
//! - REST: `HttpBuilder::proxy(rest_url)` works only with `ratelimiter_disabled(true)`; with the
//!   rate limiter on, the proxy is ignored and requests go to the real discord.com (serenity issue
//!   1739), so a test must never run that way. serenity keeps the `/api/v10/...` path.
//! - Gateway: on start the client calls `GET /api/v10/gateway` (`start_autosharded`:
//!   `GET /api/v10/gateway/bot`, with `shards` and `session_start_limit`) and connects to
//!   `URL?v=10`; if that call fails it silently falls back to the real gateway. Plain `ws://` and
//!   uncompressed text frames are fine although IDENTIFY says `compress: true`.
//! - A token without a prefix gets `Bot ` prepended.
//!
//! The gateway exchange: server HELLO `{"op":10,"d":{"heartbeat_interval":…}}`; client IDENTIFY
//! (op 2); server READY, which needs `v, user{id,username}, guilds, session_id,
//! resume_gateway_url, application{id,flags}` (`application.id` gives the HTTP client the
//! application id the command routes need). Every op-0 frame MUST carry a sequence number `s`.
//! Heartbeat op 1 → ACK op 11; a missing ACK makes the client reconnect. Closing the socket makes
//! the client reconnect to the same URL and RESUME (op 6) with the last `s` it saw; like Discord,
//! the fake then replays the dispatches after that `s` and sends RESUMED.
//!
//! Dispatched payloads: an INTERACTION_CREATE needs `id, application_id, type, data{id,name,type},
//! channel_id, token, version, locale, entitlements, attachment_size_limit`, and for a guild a
//! `member` with `user, roles, deaf, mute, flags` (`permissions` for permission checks); a
//! MESSAGE_CREATE needs `id, channel_id, author{id,username}, content, timestamp, tts,
//! mention_everyone, mentions, mention_roles, attachments, embeds, pinned, type` (`guild_id` in a
//! guild, the bot's user in `mentions` for a mention). Snowflakes must be non-zero. A payload
//! missing a required field is dropped silently (an unknown event logged at debug): the builders
//! in [`payloads`] are checked against serenity by the self-test.
//!
//! REST answers the client parses: registered commands need `id, type, application_id, name,
//! description, version`; interaction callbacks any 2xx (204); edits and follow-ups a message
//! object; `GET /oauth2/applications/@me` an application (its failure only warns).
//!
//! Behaviour worth knowing:
//! - With `ratelimiter_disabled(true)` serenity performs every REST call exactly once: a 429 or a
//!   5xx becomes `Error::Http(HttpError::UnsuccessfulRequest(..))` immediately, with no retry. The
//!   `retry_after` of a 429 is lost too (the body does not decode as `DiscordJsonError`, so the
//!   error carries `code: -1`; response headers are not kept). An application that wants retries
//!   must do them itself.
//! - Two ways to point the bot here: `api_proxy` = [`FakeDiscord::rest_url`] (plain HTTP, rate
//!   limiter off, so 429s reach the application as errors: the e2e tests); or
//!   [`FakeOptions::tls`] + [`FakeDiscord::discord_client`]: the REST API served over TLS as
//!   `discord.com` (test CA in `tls/`) to a client that resolves **every** host name
//!   to this fake and trusts only that CA, so serenity runs exactly as in production, rate limiter
//!   on, requesting `https://discord.com/api/v10/...` (the fault tests).
//! - [`FakeDiscord::enforce_interaction_deadline`] holds the bot to Discord's 3 s rule for the
//!   first response to an interaction (later: 404 "Unknown interaction", code 10062).

mod faults;
mod gateway;
mod payloads;
mod recorded;
mod rest;
mod tls;

pub use {
    faults::rate_limited_body,
    payloads::*,
    recorded::{path_matches, Recorded, RecordedFile},
    tls::TEST_CA_PEM,
};

use faults::{Fault, Matcher};
use gateway::GatewayState;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::AbortHandle;

/// The bot's user id, as sent in READY and `GET /users/@me`.
pub const BOT_USER_ID: &str = "111111111111111111";
/// The bot's username.
pub const BOT_USERNAME: &str = "fakebot";
/// The application id, as sent in READY (serenity's HTTP client picks it up from there).
pub const APPLICATION_ID: &str = "111111111111111111";
/// The owner reported by `GET /oauth2/applications/@me`.
pub const OWNER_USER_ID: &str = "555555555555555555";
/// Guild used by the payload builders.
pub const DEFAULT_GUILD_ID: &str = "222222222222222222";
/// Channel used by the interaction builders.
pub const DEFAULT_CHANNEL_ID: &str = "333333333333333333";
/// Command id used in interaction payloads (poise matches commands by name, not by id).
pub const DEFAULT_COMMAND_ID: &str = "900000000000000000";
/// Default heartbeat interval announced in HELLO (long enough that tests never depend on it).
pub const HEARTBEAT_INTERVAL_MS: u64 = 41_250;
/// Fixed timestamp used in every generated message (keeps snapshots deterministic).
pub const FIXED_TIMESTAMP: &str = "2025-01-01T00:00:00.000000+00:00";
/// Close code `drop_gateway` uses (4000 "unknown error": the client is expected to resume).
pub const DROP_CLOSE_CODE: u16 = 4000;
/// How long `dispatch` waits for a connected, READY (or RESUMED) client before panicking.
pub const DISPATCH_WAIT: Duration = Duration::from_secs(15);

/// The interaction token the builders put into an interaction with this id; the reply then goes
/// to `/api/v10/interactions/{id}/{interaction_token(id)}/callback`.
pub fn interaction_token(interaction_id: u64) -> String {
    format!("tok-{interaction_id}")
}

/// Knobs for [`FakeDiscord::start_with`].
#[derive(Clone, Debug)]
pub struct FakeOptions {
    /// Heartbeat interval announced in HELLO, in milliseconds.
    pub heartbeat_interval_ms: u64,
    /// Serve the REST API over TLS as `discord.com` (use [`FakeDiscord::discord_client`]).
    pub tls: bool,
    /// Answer IDENTIFY by closing the socket with this code (4004: the token is refused).
    pub identify_close_code: Option<u16>,
}

impl Default for FakeOptions {
    fn default() -> Self {
        FakeOptions {
            heartbeat_interval_ms: HEARTBEAT_INTERVAL_MS,
            tls: false,
            identify_close_code: None,
        }
    }
}

/// Discord's deadline for the first response to an interaction.
pub const INTERACTION_DEADLINE: Duration = Duration::from_secs(3);

pub(crate) struct Inner {
    rest_addr: SocketAddr,
    options: FakeOptions,
    gateway_url: String,
    requests: watch::Sender<Vec<Recorded>>,
    faults: Mutex<Vec<Fault>>,
    gateway: watch::Sender<GatewayState>,
    next_id: AtomicU64,
    tasks: Mutex<Vec<AbortHandle>>,
    /// When set, interaction callbacks later than this after the dispatch are refused.
    deadline: Mutex<Option<Duration>>,
    /// Interaction id → when its INTERACTION_CREATE was sent (only while a deadline is set).
    dispatched: Mutex<HashMap<String, Instant>>,
    /// The CDN: `/attachments/...` path → (content type, bytes), see `host_attachment`.
    pub(crate) cdn: Mutex<HashMap<String, (String, Vec<u8>)>>,
    /// Path patterns whose next request is held this long before it is served (`hold_next`).
    holds: Mutex<Vec<(String, Duration)>>,
    /// How many requests have been held so far.
    held: watch::Sender<usize>,
    /// Messages created with `POST /channels/{id}/messages`, oldest first (read back by `GET`).
    pub(crate) channel_messages: Mutex<Vec<Value>>,
    /// Threads opened on messages: thread id (the message's id, as on Discord) → channel object.
    pub(crate) threads: Mutex<HashMap<String, Value>>,
}

impl Inner {
    fn next_id(&self) -> String {
        self.next_id.fetch_add(1, Ordering::Relaxed).to_string()
    }

    fn take_fault(&self, method: &str, path: &str) -> Option<(u16, Option<Value>)> {
        let mut faults = self.faults.lock().unwrap();
        let fault = faults
            .iter_mut()
            .find(|f| f.remaining > 0 && f.matcher.matches(method, path))?;
        fault.remaining -= 1;
        let result = (fault.status, fault.body.clone());
        faults.retain(|f| f.remaining > 0);
        Some(result)
    }

    /// The hold for this request, if one was armed (taken: it applies once).
    pub(crate) fn take_hold(&self, path: &str) -> Option<Duration> {
        let mut holds = self.holds.lock().unwrap();
        let i = holds.iter().position(|(p, _)| path_matches(p, path))?;
        let (_, hold) = holds.remove(i);
        self.held.send_modify(|n| *n += 1);
        Some(hold)
    }

    fn track(&self, handle: AbortHandle) {
        self.tasks.lock().unwrap().push(handle);
    }
}

/// A running fake Discord. Dropping it stops both servers and every gateway connection.
pub struct FakeDiscord {
    inner: Arc<Inner>,
}

impl FakeDiscord {
    /// Starts the REST server and the gateway on `127.0.0.1` with ephemeral ports.
    pub async fn start() -> FakeDiscord {
        Self::start_with(FakeOptions::default()).await
    }

    /// [`start`](Self::start) with options (e.g. a short heartbeat interval).
    pub async fn start_with(options: FakeOptions) -> FakeDiscord {
        let rest_listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake discord: bind REST port");
        let gateway_listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake discord: bind gateway port");
        let rest_addr = rest_listener.local_addr().expect("REST local addr");
        let gateway_addr = gateway_listener.local_addr().expect("gateway local addr");

        let inner = Arc::new(Inner {
            rest_addr,
            gateway_url: format!("ws://{gateway_addr}"),
            options,
            requests: watch::channel(Vec::new()).0,
            faults: Mutex::new(Vec::new()),
            gateway: watch::channel(GatewayState::default()).0,
            next_id: AtomicU64::new(800_000_000_000_000_001),
            tasks: Mutex::new(Vec::new()),
            deadline: Mutex::new(None),
            dispatched: Mutex::new(HashMap::new()),
            cdn: Mutex::new(HashMap::new()),
            holds: Mutex::new(Vec::new()),
            held: watch::channel(0).0,
            channel_messages: Mutex::new(Vec::new()),
            threads: Mutex::new(HashMap::new()),
        });

        let app = Router::new()
            .fallback(rest::handler)
            .with_state(inner.clone());
        let rest_task = if inner.options.tls {
            tokio::spawn(tls::serve(rest_listener, app))
        } else {
            tokio::spawn(async move {
                // Like Discord's servers, no Nagle delay on small replies.
                let _ = axum::serve(rest_listener, app).tcp_nodelay(true).await;
            })
        };
        inner.track(rest_task.abort_handle());

        let gateway_task = tokio::spawn(gateway::accept_loop(
            gateway_listener,
            Arc::downgrade(&inner),
        ));
        inner.track(gateway_task.abort_handle());

        FakeDiscord { inner }
    }

    /// Serves `data` on the fake's CDN route (`GET /attachments/{channel}/{id}/{filename}` on
    /// this server) and returns the attachment object Discord puts into `data.resolved`.
    pub fn host_attachment(&self, filename: &str, content_type: &str, data: &[u8]) -> Value {
        let id = self.inner.next_id();
        let path = format!("/attachments/{DEFAULT_CHANNEL_ID}/{id}/{filename}");
        let url = format!("{}{path}", self.rest_url());
        let file = (content_type.to_string(), data.to_vec());
        self.inner.cdn.lock().unwrap().insert(path, file);
        json!({
            "id": id, "filename": filename, "size": data.len(), "url": url, "proxy_url": url,
            "content_type": content_type
        })
    }

    /// `http://127.0.0.1:PORT`, for `HttpBuilder::proxy`.
    pub fn rest_url(&self) -> String {
        format!("http://{}", self.inner.rest_addr)
    }

    /// With [`FakeOptions::tls`]: a client for serenity's `HttpBuilder::client` that sends every
    /// host name (discord.com included) to this fake, trusts only the fake's test CA and ignores
    /// proxy settings from the environment, so nothing it sends can leave 127.0.0.1.
    pub fn discord_client(&self) -> reqwest::Client {
        assert!(
            self.inner.options.tls,
            "discord_client needs FakeOptions::tls"
        );
        let ca = reqwest::Certificate::from_pem(TEST_CA_PEM.as_bytes()).expect("test CA parses");
        reqwest::Client::builder()
            .no_proxy()
            .tls_built_in_root_certs(false)
            .add_root_certificate(ca)
            .dns_resolver(Arc::new(tls::EveryHostIsHere(self.inner.rest_addr)))
            .build()
            .expect("the test client builds")
    }

    /// From now on, the first response to an interaction dispatched after this call must reach
    /// the fake within `deadline` of the dispatch (Discord: 3 s, [`INTERACTION_DEADLINE`]);
    /// a later callback is answered 404 `{"message": "Unknown interaction", "code": 10062}`.
    pub fn enforce_interaction_deadline(&self, deadline: Duration) {
        *self.inner.deadline.lock().unwrap() = Some(deadline);
    }

    /// `ws://127.0.0.1:PORT`, what `GET /api/v10/gateway` returns.
    pub fn gateway_url(&self) -> String {
        self.inner.gateway_url.clone()
    }

    /// Stops both servers and closes every gateway connection (also done on drop).
    pub fn shutdown(&self) {
        for task in self.inner.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }

    // ----- recorded requests -----

    /// Snapshot of every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.inner.requests.borrow().clone()
    }

    /// Forget the requests recorded so far.
    pub fn clear_requests(&self) {
        self.inner.requests.send_modify(Vec::clear);
    }

    /// The requests recorded so far, forgetting them, in one step (none can slip in between, as
    /// between [`requests`](Self::requests) and [`clear_requests`](Self::clear_requests)): keeps
    /// the log small in long runs while every request is still accounted for.
    pub fn take_requests(&self) -> Vec<Recorded> {
        let mut taken = Vec::new();
        self.inner
            .requests
            .send_modify(|reqs| taken = std::mem::take(reqs));
        taken
    }

    /// Forgets the messages posted to channels so far (a long run's replies need not stay to be
    /// listed): keeps the fake's own memory flat where the test measures the bot's.
    pub fn forget_channel_messages(&self) {
        self.inner.channel_messages.lock().unwrap().clear();
    }

    /// Number of recorded requests matching `pred`.
    pub fn count(&self, pred: impl Fn(&Recorded) -> bool) -> usize {
        self.inner
            .requests
            .borrow()
            .iter()
            .filter(|r| pred(r))
            .count()
    }

    /// The first recorded request (already received or arriving later) matching `pred`, or
    /// `None` after `timeout`.
    pub async fn wait_for(
        &self,
        pred: impl Fn(&Recorded) -> bool,
        timeout: Duration,
    ) -> Option<Recorded> {
        let mut rx = self.inner.requests.subscribe();
        let found = tokio::time::timeout(timeout, rx.wait_for(|reqs| reqs.iter().any(&pred)))
            .await
            .ok()?
            .ok()?;
        found.iter().find(|r| pred(r)).cloned()
    }

    /// Waits until at least `n` recorded requests match `pred`; returns whether that happened
    /// within `timeout`.
    pub async fn wait_for_count(
        &self,
        pred: impl Fn(&Recorded) -> bool,
        n: usize,
        timeout: Duration,
    ) -> bool {
        wait_watch(&self.inner.requests, timeout, |reqs| {
            reqs.iter().filter(|r| pred(r)).count() >= n
        })
        .await
    }

    // ----- fault injection -----

    /// The next request matching `pattern` is held for `hold` before it is served (a slow
    /// Discord; the request is recorded when served).
    pub fn hold_next(&self, pattern: &str, hold: Duration) {
        self.inner
            .holds
            .lock()
            .unwrap()
            .push((pattern.to_string(), hold));
    }

    /// Waits until a request armed by [`hold_next`](Self::hold_next) has arrived (and is held).
    pub async fn wait_held(&self, timeout: Duration) -> bool {
        let mut rx = self.inner.held.subscribe();
        tokio::time::timeout(timeout, rx.wait_for(|n| *n > 0))
            .await
            .is_ok_and(|r| r.is_ok())
    }

    /// The next `n` requests whose path matches `pattern` (see [`path_matches`]) are answered
    /// with `status` instead of being served. A 429 looks like Discord's (JSON body with
    /// `retry_after`, `Retry-After` and `X-RateLimit-*` headers); other statuses get
    /// `{"message", "code": 0}`. The failed attempts are recorded with that status.
    pub fn fail_next(&self, pattern: &str, status: u16, n: usize) {
        self.push_fault(Matcher::Pattern(pattern.to_string()), status, n, None);
    }

    /// Like [`fail_next`](Self::fail_next) with a custom JSON body, e.g.
    /// `{"message": "Unknown interaction", "code": 10062}` with 404.
    pub fn fail_next_with(&self, pattern: &str, status: u16, n: usize, body: Value) {
        self.push_fault(Matcher::Pattern(pattern.to_string()), status, n, Some(body));
    }

    /// Like [`fail_next`](Self::fail_next) with a `(method, path) -> bool` predicate.
    pub fn fail_next_matching(
        &self,
        pred: impl Fn(&str, &str) -> bool + Send + Sync + 'static,
        status: u16,
        n: usize,
    ) {
        self.push_fault(Matcher::Predicate(Box::new(pred)), status, n, None);
    }

    fn push_fault(&self, matcher: Matcher, status: u16, n: usize, body: Option<Value>) {
        if n == 0 {
            return;
        }
        self.inner.faults.lock().unwrap().push(Fault {
            matcher,
            status,
            remaining: n,
            body,
        });
    }
}

/// Waits until `pred` holds for the watched value; false on timeout.
async fn wait_watch<T>(
    tx: &watch::Sender<T>,
    timeout: Duration,
    pred: impl FnMut(&T) -> bool,
) -> bool {
    let mut rx = tx.subscribe();
    let result = tokio::time::timeout(timeout, rx.wait_for(pred)).await;
    matches!(result, Ok(Ok(_)))
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.shutdown();
    }
}
