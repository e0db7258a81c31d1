//! A fake Discord for integration tests: the REST API (axum) and the gateway websocket
//! (tokio-tungstenite), both bound to `127.0.0.1:0`, speaking just enough of the wire protocol for
//! serenity 0.12.5 / poise 0.7.1 (see `/work/shared/notes/fake-discord.md` for the proven facts).
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
//! Behaviour worth knowing (checked against serenity 0.12.5, see `tests/fake_discord_selftest.rs`):
//! - With `ratelimiter_disabled(true)` serenity performs every REST call exactly once: a 429 or a
//!   5xx becomes `Error::Http(HttpError::UnsuccessfulRequest(..))` immediately, with no retry. The
//!   `retry_after` of a 429 is lost too (the body does not decode as `DiscordJsonError`, so the
//!   error carries `code: -1`; response headers are not kept). An application that wants retries
//!   must do them itself.
//! - Closing the socket (`drop_gateway`) makes the shard reconnect to the same gateway URL and
//!   send RESUME (op 6) right away; the fake answers RESUMED and the session continues.
//!
//! Two ways to point the bot at it:
//! - `api_proxy` = [`FakeDiscord::rest_url`] (plain HTTP): serenity's ratelimiter must be off for
//!   the proxy to apply, so 429s reach the application as errors (the e2e tests);
//! - [`FakeOptions::tls`] + [`FakeDiscord::discord_client`]: the REST API is served over TLS as
//!   `discord.com` (test CA in `tests/fixtures/tls`), and the client resolves **every** host name
//!   to this fake and trusts only that CA. serenity then runs exactly as in production, rate
//!   limiter on, requesting `https://discord.com/api/v10/...` (the fault tests).
//!
//! [`FakeDiscord::enforce_interaction_deadline`] makes the fake hold the bot to Discord's 3 s rule
//! for the first response to an interaction (later: 404 "Unknown interaction", code 10062).
//!
//! Everything here is loopback only; nothing talks to the real Discord.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::AbortHandle;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

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

// ---------------------------------------------------------------------------------------------
// Recorded requests
// ---------------------------------------------------------------------------------------------

/// A file part of a multipart request (`files[N]` parts; the `payload_json` part becomes `body`).
#[derive(Clone, Debug)]
pub struct RecordedFile {
    /// Form field name, e.g. `files[0]`.
    pub field: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// One HTTP request the fake received (including those answered by fault injection or 404).
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `GET`, `POST`, ...
    pub method: String,
    /// Path only, e.g. `/api/v10/channels/333/messages`.
    pub path: String,
    /// Raw query string, if any (serenity sends e.g. `&wait=true` for follow-ups).
    pub query: Option<String>,
    /// The JSON body (`payload_json` for multipart); `Null` if empty, a JSON string if not JSON.
    pub body: Value,
    /// Uploaded files of a multipart request.
    pub files: Vec<RecordedFile>,
    /// The `Authorization` header (serenity sends `Bot <token>`).
    pub authorization: Option<String>,
    /// The status code the fake answered with (injected failures keep their injected status).
    pub status: u16,
    pub received_at: Instant,
}

impl Recorded {
    /// `method` equal (case-insensitive) and the path matching `pattern` (see [`path_matches`]).
    pub fn is(&self, method: &str, pattern: &str) -> bool {
        self.method.eq_ignore_ascii_case(method) && path_matches(pattern, &self.path)
    }

    /// The fake answered 2xx.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `body["content"]` as a string (interaction callbacks: `body["data"]["content"]`).
    pub fn content(&self) -> Option<&str> {
        self.body
            .get("content")
            .or_else(|| self.body.get("data").and_then(|d| d.get("content")))
            .and_then(Value::as_str)
    }
}

/// Matches a request path against a small pattern language:
/// - `*` matches any run of characters (it may span `/`);
/// - the pattern is anchored at the start and is a **prefix** match, unless it ends with `$`,
///   which anchors it at the end.
///
/// `"/api/v10/channels/"` matches every channel route, `"*/callback"` every interaction callback,
/// `"/api/v10/channels/*/messages$"` exactly the create-message route.
pub fn path_matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let Some(first) = parts.first() else {
        return true;
    };
    if !path.starts_with(first) {
        return false;
    }
    let mut pos = first.len();
    let last_index = parts.len() - 1;
    for (i, part) in parts.iter().enumerate().skip(1) {
        if anchored && i == last_index {
            return path.len() >= pos + part.len() && path.ends_with(part);
        }
        match path[pos..].find(part) {
            Some(offset) => pos += offset + part.len(),
            None => return false,
        }
    }
    !anchored || pos == path.len()
}

// ---------------------------------------------------------------------------------------------
// Fault injection
// ---------------------------------------------------------------------------------------------

type PathPredicate = Box<dyn Fn(&str, &str) -> bool + Send + Sync>;

enum Matcher {
    Pattern(String),
    /// `(method, path) -> bool`
    Predicate(PathPredicate),
}

impl Matcher {
    fn matches(&self, method: &str, path: &str) -> bool {
        match self {
            Matcher::Pattern(p) => path_matches(p, path),
            Matcher::Predicate(f) => f(method, path),
        }
    }
}

struct Fault {
    matcher: Matcher,
    status: u16,
    remaining: usize,
    body: Option<Value>,
}

/// Body Discord sends with a 429.
pub fn rate_limited_body() -> Value {
    json!({"message": "You are being rate limited.", "retry_after": 0.2, "global": false})
}

fn fault_response(status: u16, body: Option<Value>) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if status == 429 {
        let body = body.unwrap_or_else(rate_limited_body);
        let mut headers = HeaderMap::new();
        // Discord sends whole seconds in Retry-After and the precise value in the body;
        // serenity's own ratelimiter (never used against the fake) parses both as f64.
        for (name, value) in [
            ("retry-after", "1"),
            ("x-ratelimit-limit", "5"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset-after", "0.200"),
            ("x-ratelimit-bucket", "fake-bucket"),
            ("x-ratelimit-scope", "user"),
        ] {
            headers.insert(name, HeaderValue::from_static(value));
        }
        let reset = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64() + 0.2)
            .unwrap_or(0.0);
        if let Ok(v) = HeaderValue::from_str(&format!("{reset:.3}")) {
            headers.insert("x-ratelimit-reset", v);
        }
        return (code, headers, axum::Json(body)).into_response();
    }
    let body = body.unwrap_or_else(
        || json!({"message": code.canonical_reason().unwrap_or("Injected failure"), "code": 0}),
    );
    (code, axum::Json(body)).into_response()
}

// ---------------------------------------------------------------------------------------------
// Gateway state
// ---------------------------------------------------------------------------------------------

enum ConnCmd {
    Dispatch {
        t: String,
        d: Value,
        ack: oneshot::Sender<u64>,
    },
    Raw {
        frame: Value,
        ack: oneshot::Sender<()>,
    },
    Close {
        code: u16,
        ack: oneshot::Sender<()>,
    },
}

#[derive(Clone)]
struct ConnHandle {
    id: u64,
    tx: mpsc::UnboundedSender<ConnCmd>,
}

#[derive(Default)]
struct GatewayState {
    /// The connection that has completed IDENTIFY/READY or RESUME/RESUMED and is still open.
    current: Option<ConnHandle>,
    /// Websocket connections accepted so far.
    connections: usize,
    /// Last sequence number sent (kept across RESUME, reset by a new IDENTIFY).
    seq: u64,
    sessions: u64,
    identifies: Vec<Value>,
    resumes: Vec<Value>,
    /// Every frame the client sent, in order.
    received: Vec<Value>,
}

// ---------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------

/// Knobs for [`FakeDiscord::start_with`].
#[derive(Clone, Debug)]
pub struct FakeOptions {
    /// Heartbeat interval announced in HELLO, in milliseconds.
    pub heartbeat_interval_ms: u64,
    /// Serve the REST API over TLS as `discord.com` (use [`FakeDiscord::discord_client`]).
    pub tls: bool,
}

impl Default for FakeOptions {
    fn default() -> Self {
        FakeOptions {
            heartbeat_interval_ms: HEARTBEAT_INTERVAL_MS,
            tls: false,
        }
    }
}

/// Discord's deadline for the first response to an interaction.
pub const INTERACTION_DEADLINE: Duration = Duration::from_secs(3);

struct Inner {
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
    cdn: Mutex<HashMap<String, (String, Vec<u8>)>>,
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
        });

        let app = Router::new()
            .fallback(rest_handler)
            .with_state(inner.clone());
        let rest_task = if inner.options.tls {
            tokio::spawn(serve_tls(rest_listener, app))
        } else {
            tokio::spawn(async move {
                let _ = axum::serve(rest_listener, app).await;
            })
        };
        inner.track(rest_task.abort_handle());

        let gateway_task = tokio::spawn(accept_loop(gateway_listener, Arc::downgrade(&inner)));
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
            .dns_resolver(Arc::new(EveryHostIsHere(self.inner.rest_addr)))
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

    // ----- gateway -----

    /// Waits until a client has identified (READY sent) or resumed (RESUMED sent) on a socket
    /// that is still open.
    pub async fn wait_ready(&self, timeout: Duration) -> bool {
        wait_watch(&self.inner.gateway, timeout, |st| st.current.is_some()).await
    }

    /// Waits until at least `n` websocket connections have been accepted in total.
    pub async fn wait_gateway_connections(&self, n: usize, timeout: Duration) -> bool {
        wait_watch(&self.inner.gateway, timeout, |st| st.connections >= n).await
    }

    /// Websocket connections accepted so far.
    pub fn gateway_connections(&self) -> usize {
        self.inner.gateway.borrow().connections
    }

    /// The most recent IDENTIFY frame (`{"op":2,"d":{...}}`).
    pub fn identify(&self) -> Option<Value> {
        self.inner.gateway.borrow().identifies.last().cloned()
    }

    /// Every IDENTIFY frame received.
    pub fn identifies(&self) -> Vec<Value> {
        self.inner.gateway.borrow().identifies.clone()
    }

    /// Every RESUME frame received (`{"op":6,"d":{"session_id","seq","token"}}`).
    pub fn resumes(&self) -> Vec<Value> {
        self.inner.gateway.borrow().resumes.clone()
    }

    /// Every frame the client sent over the gateway (heartbeats included), in order.
    pub fn gateway_received(&self) -> Vec<Value> {
        self.inner.gateway.borrow().received.clone()
    }

    /// Waits until at least `n` frames sent by the client match `pred` (e.g.
    /// `|f| f["op"] == 1` for heartbeats); false on timeout.
    pub async fn wait_gateway_received(
        &self,
        pred: impl Fn(&Value) -> bool,
        n: usize,
        timeout: Duration,
    ) -> bool {
        wait_watch(&self.inner.gateway, timeout, |st| {
            st.received.iter().filter(|f| pred(f)).count() >= n
        })
        .await
    }

    /// Last sequence number sent.
    pub fn last_seq(&self) -> u64 {
        self.inner.gateway.borrow().seq
    }

    /// Sends `{"op":0,"s":<next>,"t":event,"d":data}` to the connected client, waiting (up to
    /// [`DISPATCH_WAIT`]) for a client that is READY/RESUMED. Returns the sequence number used.
    /// Panics if no client shows up in time.
    pub async fn dispatch(&self, event: &str, data: Value) -> u64 {
        match self.try_dispatch(event, data, DISPATCH_WAIT).await {
            Some(seq) => seq,
            None => panic!("fake discord: no READY gateway client to dispatch {event} to"),
        }
    }

    /// [`dispatch`](Self::dispatch) without the panic: `None` if no client was ready in time.
    pub async fn try_dispatch(&self, event: &str, data: Value, timeout: Duration) -> Option<u64> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let conn = self.ready_connection(deadline).await?;
            if event == "INTERACTION_CREATE" && self.inner.deadline.lock().unwrap().is_some() {
                if let Some(id) = data["id"].as_str() {
                    let mut dispatched = self.inner.dispatched.lock().unwrap();
                    dispatched.insert(id.to_string(), Instant::now());
                }
            }
            let (ack, ack_rx) = oneshot::channel();
            let cmd = ConnCmd::Dispatch {
                t: event.to_string(),
                d: data.clone(),
                ack,
            };
            if conn.tx.send(cmd).is_ok() {
                if let Ok(seq) = ack_rx.await {
                    return Some(seq);
                }
            }
            // That socket died before the frame went out: wait for the next READY client.
            self.inner.gateway.send_if_modified(|st| {
                if st.current.as_ref().map(|c| c.id) == Some(conn.id) {
                    st.current = None;
                    true
                } else {
                    false
                }
            });
        }
    }

    /// Sends an arbitrary frame (e.g. `{"op":7,"d":null}` RECONNECT or `{"op":9,"d":true}`
    /// INVALID_SESSION) to the ready client. Returns false if none was ready within `timeout`.
    pub async fn send_raw(&self, frame: Value, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        let Some(conn) = self.ready_connection(deadline).await else {
            return false;
        };
        let (ack, ack_rx) = oneshot::channel();
        conn.tx.send(ConnCmd::Raw { frame, ack }).is_ok() && ack_rx.await.is_ok()
    }

    async fn ready_connection(&self, deadline: tokio::time::Instant) -> Option<ConnHandle> {
        let mut rx = self.inner.gateway.subscribe();
        let state = tokio::time::timeout_at(deadline, rx.wait_for(|st| st.current.is_some()))
            .await
            .ok()?
            .ok()?;
        state.current.clone()
    }

    /// Closes the current gateway socket with close code 4000 (the client should reconnect and
    /// RESUME). Returns false if no client was connected and ready.
    pub async fn drop_gateway(&self) -> bool {
        let mut taken = None;
        self.inner
            .gateway
            .send_modify(|st| taken = st.current.take());
        let Some(conn) = taken else {
            return false;
        };
        let (ack, ack_rx) = oneshot::channel();
        if conn
            .tx
            .send(ConnCmd::Close {
                code: DROP_CLOSE_CODE,
                ack,
            })
            .is_err()
        {
            return true; // already gone
        }
        let _ = ack_rx.await;
        true
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

// ---------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------

async fn rest_handler(
    State(inner): State<Arc<Inner>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let (body_json, files) = parse_body(&headers, &body);

    let response = if too_late(&inner, &method, &path) {
        json_response(
            StatusCode::NOT_FOUND,
            json!({"message": "Unknown interaction", "code": 10062}),
        )
    } else {
        match inner.take_fault(method.as_str(), &path) {
            Some((status, custom)) => fault_response(status, custom),
            None => route(&inner, &method, &path, &body_json, &files),
        }
    };

    let recorded = Recorded {
        method: method.as_str().to_string(),
        path,
        query: uri.query().map(str::to_string),
        body: body_json,
        files,
        authorization: headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        status: response.status().as_u16(),
        received_at: Instant::now(),
    };
    inner.requests.send_modify(|reqs| reqs.push(recorded));
    response
}

/// An interaction callback past the enforced deadline (see `enforce_interaction_deadline`).
fn too_late(inner: &Inner, method: &Method, path: &str) -> bool {
    let Some(deadline) = *inner.deadline.lock().unwrap() else {
        return false;
    };
    let segments: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    match (method.as_str(), segments.as_slice()) {
        ("POST", ["interactions", id, _token, "callback"]) => {
            let dispatched = inner.dispatched.lock().unwrap();
            dispatched.get(*id).is_some_and(|t| t.elapsed() > deadline)
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// TLS (FakeOptions::tls)
// ---------------------------------------------------------------------------------------------

/// The test CA the fake's `discord.com` certificate is signed by (`tests/fixtures/tls`).
pub const TEST_CA_PEM: &str = include_str!("../fixtures/tls/ca.pem");
const TLS_CERT_PEM: &str = include_str!("../fixtures/tls/discord.com.pem");
const TLS_KEY_PEM: &str = include_str!("../fixtures/tls/discord.com.key");

/// Resolves every host name to the fake's REST address.
struct EveryHostIsHere(SocketAddr);

impl reqwest::dns::Resolve for EveryHostIsHere {
    fn resolve(&self, _name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let addr = self.0;
        Box::pin(async move { Ok(Box::new(std::iter::once(addr)) as reqwest::dns::Addrs) })
    }
}

fn tls_acceptor() -> tokio_rustls::TlsAcceptor {
    use tokio_rustls::rustls;
    use tokio_rustls::rustls::pki_types::pem::PemObject;
    use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs: Vec<CertificateDer<'static>> =
        CertificateDer::pem_slice_iter(TLS_CERT_PEM.as_bytes())
            .collect::<Result<_, _>>()
            .expect("test certificate parses");
    let key = PrivateKeyDer::from_pem_slice(TLS_KEY_PEM.as_bytes()).expect("test key parses");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .expect("test certificate and key match");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    tokio_rustls::TlsAcceptor::from(Arc::new(config))
}

async fn serve_tls(listener: TcpListener, app: Router) {
    let acceptor = tls_acceptor();
    while let Ok((tcp, _)) = listener.accept().await {
        let (acceptor, app) = (acceptor.clone(), app.clone());
        tokio::spawn(async move {
            let Ok(tls) = acceptor.accept(tcp).await else {
                return;
            };
            let service = hyper_util::service::TowerToHyperService::new(app);
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(tls), service)
                .await;
        });
    }
}

fn json_response(status: StatusCode, body: Value) -> Response {
    (status, axum::Json(body)).into_response()
}

fn not_found() -> Response {
    json_response(
        StatusCode::NOT_FOUND,
        json!({"message": "404: Not Found", "code": 0}),
    )
}

fn route(
    inner: &Inner,
    method: &Method,
    path: &str,
    body: &Value,
    files: &[RecordedFile],
) -> Response {
    let Some(rest) = path.strip_prefix("/api/v10/") else {
        return match inner.cdn.lock().unwrap().get(path) {
            Some((content_type, data)) if method == Method::GET => {
                ([(header::CONTENT_TYPE, content_type.clone())], data.clone()).into_response()
            }
            _ => not_found(),
        };
    };
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    let ok = |v: Value| json_response(StatusCode::OK, v);
    let no_content = || StatusCode::NO_CONTENT.into_response();

    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => ok(json!({ "url": inner.gateway_url })),
        ("GET", ["gateway", "bot"]) => ok(json!({
            "url": inner.gateway_url,
            "shards": 1,
            "session_start_limit": {
                "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1
            }
        })),
        ("GET", ["oauth2", "applications", "@me"]) => ok(application_info()),
        ("GET", ["users", "@me"]) => ok(bot_user()),
        ("PUT", ["applications", _app, "commands"]) => commands_echo(inner, body, None),
        ("PUT", ["applications", _app, "guilds", guild, "commands"]) => {
            commands_echo(inner, body, Some(*guild))
        }
        ("POST", ["applications", _app, "commands"]) => ok(command_echo(inner, body, None)),
        ("POST", ["applications", _app, "guilds", guild, "commands"]) => {
            ok(command_echo(inner, body, Some(*guild)))
        }
        ("GET", ["applications", _app, "commands"])
        | ("GET", ["applications", _app, "guilds", _, "commands"]) => ok(json!([])),
        ("POST", ["interactions", _id, _token, "callback"]) => no_content(),
        ("PATCH", ["webhooks", _app, _token, "messages", message]) => {
            let id = if *message == "@original" {
                inner.next_id()
            } else {
                message.to_string()
            };
            ok(message_from_body(
                &id,
                DEFAULT_CHANNEL_ID,
                body,
                files,
                true,
            ))
        }
        ("DELETE", ["webhooks", _app, _token, "messages", _]) => no_content(),
        ("POST", ["webhooks", _app, _token]) => ok(message_from_body(
            &inner.next_id(),
            DEFAULT_CHANNEL_ID,
            body,
            files,
            true,
        )),
        ("POST", ["channels", channel, "messages"]) => ok(message_from_body(
            &inner.next_id(),
            channel,
            body,
            files,
            false,
        )),
        ("PATCH", ["channels", channel, "messages", message]) => {
            ok(message_from_body(message, channel, body, files, false))
        }
        ("DELETE", ["channels", _, "messages", _]) => no_content(),
        ("POST", ["channels", _, "typing"]) => no_content(),
        _ => not_found(),
    }
}

/// The bot's user object (also used as the author of messages the bot sends).
pub fn bot_user() -> Value {
    json!({
        "id": BOT_USER_ID,
        "username": BOT_USERNAME,
        "global_name": null,
        "avatar": null,
        "bot": true,
        "verified": true,
        "mfa_enabled": false,
        "flags": 0
    })
}

fn application_info() -> Value {
    json!({
        "id": APPLICATION_ID,
        "name": BOT_USERNAME,
        "icon": null,
        "description": "fake application",
        "rpc_origins": [],
        "bot_public": true,
        "bot_require_code_grant": false,
        "owner": {"id": OWNER_USER_ID, "username": "owner"},
        "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
        "team": null,
        "flags": 0
    })
}

fn commands_echo(inner: &Inner, body: &Value, guild: Option<&str>) -> Response {
    let Some(commands) = body.as_array() else {
        return json_response(
            StatusCode::BAD_REQUEST,
            json!({"message": "Invalid Form Body", "code": 50035}),
        );
    };
    let echoed: Vec<Value> = commands
        .iter()
        .map(|c| command_echo(inner, c, guild))
        .collect();
    json_response(StatusCode::OK, Value::Array(echoed))
}

fn command_echo(inner: &Inner, command: &Value, guild: Option<&str>) -> Value {
    let mut c = match command {
        Value::Object(map) => map.clone(),
        _ => serde_json::Map::new(),
    };
    let id = inner.next_id();
    c.insert("id".into(), json!(id));
    c.insert("application_id".into(), json!(APPLICATION_ID));
    c.insert("version".into(), json!(id));
    c.entry("type").or_insert(json!(1));
    c.entry("name").or_insert(json!(""));
    c.entry("description").or_insert(json!(""));
    if let Some(guild) = guild {
        c.insert("guild_id".into(), json!(guild));
    }
    Value::Object(c)
}

/// A message object as Discord returns it, built from a create/edit request body.
fn message_from_body(
    id: &str,
    channel_id: &str,
    body: &Value,
    files: &[RecordedFile],
    webhook: bool,
) -> Value {
    let field = |name: &str, default: Value| body.get(name).cloned().unwrap_or(default);
    let attachments: Vec<Value> = body
        .get("attachments")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, a)| {
                    let filename = a
                        .get("filename")
                        .and_then(Value::as_str)
                        .unwrap_or("file")
                        .to_string();
                    let size = files
                        .iter()
                        .find(|f| f.filename.as_deref() == Some(filename.as_str()))
                        .map_or(0, |f| f.data.len());
                    let url = format!("http://127.0.0.1/fake-attachments/{id}/{filename}");
                    json!({
                        "id": (900_000_000_000_000_001_u64 + i as u64).to_string(),
                        "filename": filename,
                        "size": size,
                        "url": url,
                        "proxy_url": url,
                    })
                })
                .collect()
        })
        .unwrap_or_default();

    let mut m = json!({
        "id": id,
        "channel_id": channel_id,
        "author": bot_user(),
        "content": field("content", json!("")),
        "timestamp": FIXED_TIMESTAMP,
        "edited_timestamp": null,
        "tts": field("tts", json!(false)),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": field("embeds", json!([])),
        "components": field("components", json!([])),
        "pinned": false,
        "type": 0,
        "flags": field("flags", json!(0)),
    });
    if let Some(reference) = body.get("message_reference").filter(|r| r.is_object()) {
        let mut reference = reference.clone();
        if reference.get("channel_id").is_none() {
            reference["channel_id"] = json!(channel_id);
        }
        m["message_reference"] = reference;
        m["type"] = json!(19); // InlineReply
    }
    if webhook {
        m["webhook_id"] = json!(APPLICATION_ID);
        m["application_id"] = json!(APPLICATION_ID);
    }
    m
}

/// JSON body (or multipart `payload_json`) plus uploaded files.
fn parse_body(headers: &HeaderMap, body: &[u8]) -> (Value, Vec<RecordedFile>) {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("multipart/form-data") {
        if let Some(boundary) = content_type
            .split(';')
            .filter_map(|p| p.trim().strip_prefix("boundary="))
            .next()
        {
            return parse_multipart(boundary.trim_matches('"'), body);
        }
    }
    (bytes_to_json(body), Vec::new())
}

fn bytes_to_json(body: &[u8]) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(body)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Minimal multipart/form-data parser (enough for what reqwest sends).
fn parse_multipart(boundary: &str, body: &[u8]) -> (Value, Vec<RecordedFile>) {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut payload = Value::Null;
    let mut files = Vec::new();
    let mut rest = body;
    while let Some(start) = find_bytes(rest, &delimiter) {
        rest = &rest[start + delimiter.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        let rest_part = rest.strip_prefix(b"\r\n").unwrap_or(rest);
        let end = find_bytes(rest_part, &delimiter).unwrap_or(rest_part.len());
        let part = &rest_part[..end];
        let part = part.strip_suffix(b"\r\n").unwrap_or(part);
        let Some(split) = find_bytes(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..split]).into_owned();
        let data = &part[split + 4..];
        let mut field = String::new();
        let mut filename = None;
        let mut content_type = None;
        for line in head.split("\r\n") {
            let lower = line.to_ascii_lowercase();
            if lower.starts_with("content-disposition:") {
                field = header_param(line, "name").unwrap_or_default();
                filename = header_param(line, "filename");
            } else if lower.starts_with("content-type:") {
                content_type = Some(line["content-type:".len()..].trim().to_string());
            }
        }
        if field == "payload_json" {
            payload = bytes_to_json(data);
        } else {
            files.push(RecordedFile {
                field,
                filename,
                content_type,
                data: data.to_vec(),
            });
        }
        rest = rest_part;
    }
    (payload, files)
}

fn header_param(line: &str, name: &str) -> Option<String> {
    line.split(';').skip(1).find_map(|p| {
        let (key, value) = p.trim().split_once('=')?;
        (key.trim() == name).then(|| value.trim().trim_matches('"').to_string())
    })
}

// ---------------------------------------------------------------------------------------------
// Gateway
// ---------------------------------------------------------------------------------------------

async fn accept_loop(listener: TcpListener, inner: std::sync::Weak<Inner>) {
    while let Ok((stream, _)) = listener.accept().await {
        let Some(inner) = inner.upgrade() else {
            return;
        };
        let task = tokio::spawn(gateway_connection(stream, inner.clone()));
        inner.track(task.abort_handle());
    }
}

async fn gateway_connection(stream: TcpStream, inner: Arc<Inner>) {
    let Ok(ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let (mut sink, mut source) = ws.split();
    let (cmd_tx, mut cmd_rx) = mpsc::unbounded_channel::<ConnCmd>();
    let mut conn_id = 0;
    inner.gateway.send_modify(|st| {
        st.connections += 1;
        conn_id = st.connections as u64;
    });
    let handle = ConnHandle {
        id: conn_id,
        tx: cmd_tx,
    };

    let next_seq = || {
        let mut seq = 0;
        inner.gateway.send_modify(|st| {
            st.seq += 1;
            seq = st.seq;
        });
        seq
    };
    let text = |v: Value| Message::Text(v.to_string());

    let hello = json!({"op": 10, "d": {"heartbeat_interval": inner.options.heartbeat_interval_ms}});
    if sink.send(text(hello)).await.is_err() {
        return;
    }

    let mut close_ack = None;
    loop {
        tokio::select! {
            frame = source.next() => {
                let payload = match frame {
                    Some(Ok(Message::Text(t))) => t,
                    Some(Ok(Message::Close(_))) => {
                        // Flush the close reply tungstenite queued (serenity's shutdown waits
                        // for it).
                        let _ = sink.close().await;
                        break;
                    }
                    Some(Err(_)) | None => break,
                    Some(Ok(_)) => continue,
                };
                let Ok(v) = serde_json::from_str::<Value>(&payload) else {
                    continue;
                };
                // Recorded in one step with the RESUME list, so a test that saw the frame arrive
                // also sees it in `resumes()` (regression: the RESUME list lagged behind and a
                // test indexing `resumes()[0]` right after the wait failed under load).
                inner.gateway.send_modify(|st| {
                    st.received.push(v.clone());
                    if v.get("op").and_then(Value::as_u64) == Some(6) {
                        st.resumes.push(v.clone());
                    }
                });
                // HEARTBEAT -> ACK; IDENTIFY -> READY; RESUME -> RESUMED; anything else ignored.
                let (reply, now_ready) = match v.get("op").and_then(Value::as_u64) {
                    Some(1) => (json!({"op": 11}), false),
                    Some(2) => {
                        let mut session = 0;
                        inner.gateway.send_modify(|st| {
                            st.identifies.push(v.clone());
                            st.sessions += 1;
                            session = st.sessions;
                            st.seq = 0;
                        });
                        let ready = json!({
                            "op": 0, "s": next_seq(), "t": "READY",
                            "d": {
                                "v": 10,
                                "user": bot_user(),
                                "guilds": [],
                                "session_id": format!("fake-session-{session}"),
                                "resume_gateway_url": inner.gateway_url,
                                "shard": v["d"].get("shard").cloned().unwrap_or(json!([0, 1])),
                                "application": {"id": APPLICATION_ID, "flags": 0}
                            }
                        });
                        (ready, true)
                    }
                    Some(6) => (json!({"op": 0, "s": next_seq(), "t": "RESUMED", "d": {}}), true),
                    _ => continue,
                };
                if sink.send(text(reply)).await.is_err() {
                    break;
                }
                if now_ready {
                    inner.gateway.send_modify(|st| st.current = Some(handle.clone()));
                }
            }
            Some(cmd) = cmd_rx.recv() => match cmd {
                ConnCmd::Dispatch { t, d, ack } => {
                    let seq = next_seq();
                    let frame = json!({"op": 0, "s": seq, "t": t, "d": d});
                    if sink.send(text(frame)).await.is_err() {
                        break;
                    }
                    let _ = ack.send(seq);
                }
                ConnCmd::Raw { frame, ack } => {
                    if sink.send(text(frame)).await.is_err() {
                        break;
                    }
                    let _ = ack.send(());
                }
                ConnCmd::Close { code, ack } => {
                    let frame = CloseFrame {
                        code: CloseCode::from(code),
                        reason: "fake discord: drop_gateway".into(),
                    };
                    let _ = sink.send(Message::Close(Some(frame))).await;
                    // Let the client read the close frame (and answer it) before the socket goes
                    // away, so that it is not lost to a TCP reset.
                    let drain = async { while let Some(Ok(_)) = source.next().await {} };
                    let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
                    close_ack = Some(ack);
                    break;
                }
            },
        }
    }

    inner.gateway.send_if_modified(|st| {
        if st.current.as_ref().map(|c| c.id) == Some(conn_id) {
            st.current = None;
            true
        } else {
            false
        }
    });
    if let Some(ack) = close_ack {
        let _ = ack.send(());
    }
}

// ---------------------------------------------------------------------------------------------
// Payload builders (parse in serenity 0.12.5; checked by the self-test)
// ---------------------------------------------------------------------------------------------

fn test_user(user_id: u64) -> Value {
    json!({"id": user_id.to_string(), "username": format!("user{user_id}")})
}

fn interaction(
    id: u64,
    kind: u8,
    name: &str,
    options: Value,
    user_id: u64,
    permissions: &str,
) -> Value {
    json!({
        "id": id.to_string(),
        "application_id": APPLICATION_ID,
        "type": kind,
        "data": {"id": DEFAULT_COMMAND_ID, "name": name, "type": 1, "options": options},
        "guild_id": DEFAULT_GUILD_ID,
        "channel_id": DEFAULT_CHANNEL_ID,
        "member": {
            "user": test_user(user_id),
            "roles": [],
            "deaf": false,
            "mute": false,
            "flags": 0,
            "joined_at": FIXED_TIMESTAMP,
            "permissions": permissions
        },
        "app_permissions": "0",
        "token": interaction_token(id),
        "version": 1,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10_485_760
    })
}

/// INTERACTION_CREATE data for a guild slash command (type 2) in [`DEFAULT_GUILD_ID`] /
/// [`DEFAULT_CHANNEL_ID`]. `options` is the `data.options` array, e.g.
/// `json!([{"name":"query","type":3,"value":"AMIM-21"}])`; `permissions` is the member's
/// permission bitfield as a decimal string ("0", "8" for administrator, ...).
pub fn slash_command(
    id: u64,
    name: &str,
    options: Value,
    user_id: u64,
    permissions: &str,
) -> Value {
    interaction(id, 2, name, options, user_id, permissions)
}

/// INTERACTION_CREATE data for an autocomplete request (type 4) on option `option` (string)
/// currently holding `partial`.
pub fn autocomplete(id: u64, name: &str, option: &str, partial: &str, user_id: u64) -> Value {
    let options = json!([{"name": option, "type": 3, "value": partial, "focused": true}]);
    autocomplete_with_options(id, name, options, user_id)
}

/// Autocomplete with arbitrary options; exactly one of them should carry `"focused": true`.
pub fn autocomplete_with_options(id: u64, name: &str, options: Value, user_id: u64) -> Value {
    interaction(id, 4, name, options, user_id, "0")
}

/// Turns a guild interaction from the builders into a DM one (`user` instead of `member`, no
/// `guild_id`).
pub fn into_dm(mut interaction: Value) -> Value {
    if let Value::Object(map) = &mut interaction {
        map.remove("guild_id");
        map.remove("guild_locale");
        if let Some(member) = map.remove("member") {
            map.insert("user".into(), member["user"].clone());
        }
    }
    interaction
}

/// MESSAGE_CREATE data for a guild message in [`DEFAULT_GUILD_ID`]. With `mentions_bot` the
/// bot's user is put into `mentions` (the content should then contain `<@111111111111111111>`).
pub fn message_create(
    id: u64,
    channel_id: u64,
    author_id: u64,
    content: &str,
    mentions_bot: bool,
) -> Value {
    let mut m = dm_message_create(id, channel_id, author_id, content, mentions_bot);
    m["guild_id"] = json!(DEFAULT_GUILD_ID);
    m
}

/// MESSAGE_CREATE data for a direct message (no `guild_id`).
pub fn dm_message_create(
    id: u64,
    channel_id: u64,
    author_id: u64,
    content: &str,
    mentions_bot: bool,
) -> Value {
    let mentions = if mentions_bot {
        json!([bot_user()])
    } else {
        json!([])
    };
    json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": test_user(author_id),
        "content": content,
        "timestamp": FIXED_TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": mentions,
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0
    })
}

/// The content of a mention of the bot, `<@111111111111111111>`.
pub fn bot_mention() -> String {
    format!("<@{BOT_USER_ID}>")
}
