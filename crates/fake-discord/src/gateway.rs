//! The gateway websocket: HELLO, IDENTIFY → READY, RESUME → replay and RESUMED, heartbeats, and
//! the dispatches tests send; a session's frames are kept so that a RESUME replays what the
//! client missed, as Discord does.

use super::payloads::bot_user;
use super::{wait_watch, FakeDiscord, Inner, APPLICATION_ID, DISPATCH_WAIT, DROP_CLOSE_CODE};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

/// How many unacknowledged dispatches a RESUME can replay (the log stays small in long runs: the
/// soak test measures this process's heap).
const REPLAY_LIMIT: usize = 32;

enum ConnCmd {
    /// Write a text frame; the ack says it went out.
    Send {
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

impl ConnHandle {
    /// Whether the connection wrote `frame` to its socket.
    async fn send(&self, frame: Value) -> bool {
        let (ack, ack_rx) = oneshot::channel();
        self.tx.send(ConnCmd::Send { frame, ack }).is_ok() && ack_rx.await.is_ok()
    }
}

#[derive(Default)]
pub(super) struct GatewayState {
    /// The connection that identified or resumed last and is still open.
    current: Option<ConnHandle>,
    /// Websocket connections accepted so far.
    connections: usize,
    /// Last sequence number sent (kept across RESUME, reset by a new IDENTIFY).
    seq: u64,
    sessions: u64,
    /// The latest dispatches of the current session not yet acknowledged by a heartbeat, at most
    /// [`REPLAY_LIMIT`]: what a RESUME replays from the client's sequence number.
    sent: VecDeque<Value>,
    identifies: Vec<Value>,
    resumes: Vec<Value>,
    /// Every frame the client sent, in order.
    received: Vec<Value>,
}

impl GatewayState {
    /// Forgets connection `id` as the current one; whether it was.
    fn forget(&mut self, id: u64) -> bool {
        if self.current.as_ref().map(|c| c.id) == Some(id) {
            self.current = None;
            true
        } else {
            false
        }
    }
}

impl FakeDiscord {
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
    ///
    /// The frame gets its sequence number and goes into the session's log in one step with
    /// choosing the connection, so a frame written to a socket the client has just abandoned
    /// (it reconnects on op 7 without closing the old one first) is replayed when it resumes.
    /// Regression: the frame was lost then, and `tests/discord/faults.rs`'s
    /// `a_dropped_gateway_is_resumed_and_answers_continue` waited in vain for the reply to
    /// interaction 730000000000000013 under load.
    pub async fn try_dispatch(&self, event: &str, data: Value, timeout: Duration) -> Option<u64> {
        let deadline = tokio::time::Instant::now() + timeout;
        if event == "INTERACTION_CREATE" && self.inner.deadline.lock().unwrap().is_some() {
            if let Some(id) = data["id"].as_str() {
                let mut dispatched = self.inner.dispatched.lock().unwrap();
                dispatched.insert(id.to_string(), Instant::now());
            }
        }
        loop {
            self.ready_connection(deadline).await?;
            let mut picked = None;
            self.inner.gateway.send_if_modified(|st| {
                let Some(conn) = st.current.clone() else {
                    return false;
                };
                st.seq += 1;
                let frame = json!({"op": 0, "s": st.seq, "t": event, "d": data});
                st.sent.push_back(frame.clone());
                if st.sent.len() > REPLAY_LIMIT {
                    st.sent.pop_front();
                }
                picked = Some((conn, frame, st.seq, st.sessions));
                true
            });
            let Some((conn, frame, seq, session)) = picked else {
                continue;
            };
            if conn.send(frame).await {
                return Some(seq);
            }
            // That socket died before the frame went out: a RESUME of this session replays it;
            // a new session (IDENTIFY) never will, so it is sent again there.
            self.inner.gateway.send_if_modified(|st| st.forget(conn.id));
            self.ready_connection(deadline).await?;
            if self.inner.gateway.borrow().sessions == session {
                return Some(seq);
            }
        }
    }

    /// Sends an arbitrary frame (e.g. `{"op":7,"d":null}` RECONNECT or `{"op":9,"d":true}`
    /// INVALID_SESSION) to the ready client. Returns false if none was ready within `timeout`.
    pub async fn send_raw(&self, frame: Value, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        let Some(conn) = self.ready_connection(deadline).await else {
            return false;
        };
        conn.send(frame).await
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

pub(super) async fn accept_loop(listener: TcpListener, inner: std::sync::Weak<Inner>) {
    while let Ok((stream, _)) = listener.accept().await {
        // A dispatch is one small frame: sent at once, not held for the client's delayed ACK.
        let _ = stream.set_nodelay(true);
        let Some(inner) = inner.upgrade() else {
            return;
        };
        let task = tokio::spawn(connection(stream, inner.clone()));
        inner.track(task.abort_handle());
    }
}

/// What the fake answers to a frame from the client, decided in one step with recording it: a
/// test that saw the frame arrive also sees its effect (regression: the RESUME list lagged behind
/// and a test indexing `resumes()[0]` right after the wait failed under load). IDENTIFY and
/// RESUME make this connection the current one at once, so a dispatch that follows is queued
/// behind READY / the replay and RESUMED.
fn answer(st: &mut GatewayState, frame: &Value, conn: &ConnHandle, inner: &Inner) -> Vec<Value> {
    st.received.push(frame.clone());
    match frame.get("op").and_then(Value::as_u64) {
        Some(1) => {
            // The heartbeat carries the last sequence number the client has seen.
            if let Some(seen) = frame["d"].as_u64() {
                st.sent
                    .retain(|f| f["s"].as_u64().is_some_and(|s| s > seen));
            }
            vec![json!({"op": 11})]
        }
        Some(2) => {
            st.identifies.push(frame.clone());
            st.sessions += 1;
            st.seq = 1;
            st.sent.clear();
            st.current = Some(conn.clone());
            vec![json!({
                "op": 0, "s": st.seq, "t": "READY",
                "d": {
                    "v": 10,
                    "user": bot_user(),
                    "guilds": [],
                    "session_id": format!("fake-session-{}", st.sessions),
                    "resume_gateway_url": inner.gateway_url,
                    "shard": frame["d"].get("shard").cloned().unwrap_or(json!([0, 1])),
                    "application": {"id": APPLICATION_ID, "flags": 0}
                }
            })]
        }
        Some(6) => {
            st.resumes.push(frame.clone());
            st.current = Some(conn.clone());
            let seen = frame["d"]["seq"].as_u64().unwrap_or(0);
            let mut replies: Vec<Value> = st
                .sent
                .iter()
                .filter(|f| f["s"].as_u64().is_some_and(|s| s > seen))
                .cloned()
                .collect();
            st.seq += 1;
            replies.push(json!({"op": 0, "s": st.seq, "t": "RESUMED", "d": {}}));
            replies
        }
        _ => Vec::new(),
    }
}

async fn connection(stream: TcpStream, inner: Arc<Inner>) {
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
    let text = |v: Value| Message::Text(v.to_string());

    let hello = json!({"op": 10, "d": {"heartbeat_interval": inner.options.heartbeat_interval_ms}});
    if sink.send(text(hello)).await.is_err() {
        return;
    }

    let mut close_ack = None;
    'serve: loop {
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
                if let (Some(2), Some(code)) = (v["op"].as_u64(), inner.options.identify_close_code) {
                    let frame = CloseFrame { code: CloseCode::from(code), reason: "fake discord: refused".into() };
                    let _ = sink.send(Message::Close(Some(frame))).await;
                    break;
                }
                let mut replies = Vec::new();
                inner.gateway.send_modify(|st| replies = answer(st, &v, &handle, &inner));
                for reply in replies {
                    if sink.send(text(reply)).await.is_err() {
                        break 'serve;
                    }
                }
            }
            Some(cmd) = cmd_rx.recv() => match cmd {
                ConnCmd::Send { frame, ack } => {
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

    inner.gateway.send_if_modified(|st| st.forget(conn_id));
    if let Some(ack) = close_ack {
        let _ = ack.send(());
    }
}
