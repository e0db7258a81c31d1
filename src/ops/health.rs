//! What `/healthz` and `/readyz` report: the index in service, Discord's REST API, the commands'
//! registration, the gateway connection, the shared store and the digest's last post. The process-wide [`Status`]
//! is updated by one-line calls where things happen.

use agenda_core::index::Manifest;
use jiff::civil::Date;
use jiff::Timestamp;
use serde_json::{json, Value};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// A digest post went out: counted, and remembered for `/healthz` (one call from the runner).
pub fn digest_posted(channel: u64, date: Date) {
    super::metrics::digest_posted();
    status().digest_posted(channel, date, Timestamp::now());
}

/// The gateway down (or never up) for longer than this makes the bot unhealthy.
pub const GATEWAY_GRACE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone)]
struct Inner {
    /// False in `--no-gateway` mode: the gateway is then neither reported nor required.
    gateway_used: bool,
    connected: bool,
    /// Since when `connected` holds (the process start before the first connection).
    since: Timestamp,
    digest_last: Option<(u64, Date, Timestamp)>,
    /// Whether Discord's REST API last answered (and since when); `None` before the first try.
    rest: Option<(bool, Timestamp)>,
    /// Whether the commands are registered with Discord.
    registered: bool,
    /// Whether the corpus sync follows the shared store (and since when); `None` without one.
    store: Option<(bool, Timestamp)>,
}

/// The gateway and digest state, shared by the whole process (see [`status`]).
#[derive(Debug)]
pub struct Status(Mutex<Inner>);

/// The process's [`Status`].
pub fn status() -> &'static Status {
    static STATUS: OnceLock<Status> = OnceLock::new();
    STATUS.get_or_init(|| Status::new(Timestamp::now()))
}

impl Status {
    pub fn new(started: Timestamp) -> Status {
        Status(Mutex::new(Inner {
            gateway_used: true,
            connected: false,
            since: started,
            digest_last: None,
            rest: None,
            registered: false,
            store: None,
        }))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records the gateway going up or down at `at`; whether that is a change.
    pub fn set_gateway(&self, connected: bool, at: Timestamp) -> bool {
        let mut s = self.lock();
        let changed = s.connected != connected;
        if changed {
            s.connected = connected;
            s.since = at;
        }
        changed
    }

    /// This process serves HTTP interactions only (`--no-gateway`).
    pub fn set_no_gateway(&self) {
        self.lock().gateway_used = false;
    }

    /// Records whether Discord's REST API answered at `at`; whether that is a change.
    pub fn set_rest(&self, reachable: bool, at: Timestamp) -> bool {
        let mut s = self.lock();
        let changed = s.rest.map(|(r, _)| r) != Some(reachable);
        if changed {
            s.rest = Some((reachable, at));
        }
        changed
    }

    /// Records whether the corpus sync follows the shared store at `at` (informational: a
    /// replica whose store is down still answers from its own index).
    pub fn set_store(&self, following: bool, at: Timestamp) {
        let mut s = self.lock();
        if s.store.map(|(f, _)| f) != Some(following) {
            s.store = Some((following, at));
        }
    }

    /// Records that the commands are registered with Discord (or that registering failed).
    pub fn set_registered(&self, registered: bool) {
        self.lock().registered = registered;
    }

    pub fn digest_posted(&self, channel: u64, date: Date, at: Timestamp) {
        self.lock().digest_last = Some((channel, date, at));
    }

    /// Healthy or not, and the JSON body: unhealthy when no index is open or the gateway has
    /// been down for longer than [`GATEWAY_GRACE`]. The body's `ready` tells "up" from "ready":
    /// an index open, Discord's REST API answering, the commands registered and, when used, the
    /// gateway connected ([`Self::readiness`]).
    pub fn report(&self, index: Option<&Manifest>, now: Timestamp) -> (bool, Value) {
        let s = self.lock().clone();
        let secs = |t: Timestamp| now.duration_since(t).as_secs().max(0);
        let mut problems = Vec::new();
        let index = match index {
            Some(m) => json!({
                "fingerprint": m.fingerprint,
                "statements": m.statements,
                "paragraphs": m.paragraphs,
                "facts": m.facts,
                "built_at": m.built_at.to_string(),
                "age_seconds": secs(m.built_at),
            }),
            None => {
                problems.push("no index is open".to_string());
                Value::Null
            }
        };
        let down_for = secs(s.since);
        if s.gateway_used && !s.connected && down_for as u64 > GATEWAY_GRACE.as_secs() {
            problems.push(format!("the gateway has been down for {down_for} s"));
        }
        let digest = s.digest_last.map(|(channel, date, at)| {
            json!({"channel": channel.to_string(), "date": date.to_string(), "at": at.to_string()})
        });
        let healthy = problems.is_empty();
        let ready = index_open(&index)
            && s.rest.is_some_and(|(r, _)| r)
            && s.registered
            && (!s.gateway_used || s.connected);
        let body = json!({
            "status": if healthy { "ok" } else { "unavailable" },
            "ready": ready,
            "problems": problems,
            "index": index,
            "gateway": match s.gateway_used {
                true => json!({
                    "connected": s.connected,
                    "since": s.since.to_string(),
                    "for_seconds": down_for,
                }),
                false => json!({"used": false}),
            },
            "discord_rest": match s.rest {
                Some((reachable, since)) => json!({
                    "reachable": reachable,
                    "since": since.to_string(),
                }),
                None => json!({"reachable": null}),
            },
            "registered": s.registered,
            "store": match s.store {
                Some((following, since)) => json!({
                    "following": following,
                    "since": since.to_string(),
                }),
                None => json!({"used": false}),
            },
            "digest": {"last_post": digest},
        });
        (healthy, body)
    }

    /// Ready or not (the body's `ready`), and the same body as [`Self::report`].
    pub fn readiness(&self, index: Option<&Manifest>, now: Timestamp) -> (bool, Value) {
        let (_, body) = self.report(index, now);
        (body["ready"] == true, body)
    }
}

fn index_open(index: &Value) -> bool {
    !index.is_null()
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::testing::shipped_index;

    #[test]
    fn healthy_only_with_an_index_and_a_gateway_not_long_down() {
        let t0: Timestamp = "2026-12-01T00:00:00Z".parse().unwrap();
        let at = |s: i64| t0.checked_add(jiff::SignedDuration::from_secs(s)).unwrap();
        let status = Status::new(t0);
        let index = shipped_index();
        let m = Some(&index.manifest);
        let (ok, body) = status.report(None, at(1));
        assert!(!ok && body["problems"][0] == "no index is open", "{body}");
        // Starting up: not connected yet, within the grace.
        let (ok, body) = status.report(m, at(10));
        assert!(ok, "{body}");
        assert_eq!(body["index"]["facts"], index.manifest.facts);
        assert_eq!(body["index"]["fingerprint"], index.manifest.fingerprint);
        assert_eq!(body["gateway"]["connected"], false);
        assert!(!status.report(m, at(61)).0);
        assert!(status.set_gateway(true, at(62)));
        assert!(!status.set_gateway(true, at(63)), "no change");
        let (ok, body) = status.report(m, at(500));
        assert!(ok && body["gateway"]["for_seconds"] == 438, "{body}");
        status.set_gateway(false, at(500));
        assert!(status.report(m, at(560)).0);
        assert!(!status.report(m, at(561)).0);
        status.digest_posted(42, jiff::civil::date(2026, 12, 1), at(3));
        let (_, body) = status.report(m, at(562));
        assert_eq!(body["digest"]["last_post"]["channel"], "42");
        assert_eq!(body["digest"]["last_post"]["date"], "2026-12-01");
    }

    #[test]
    fn without_a_gateway_health_does_not_wait_for_one() {
        let t0: Timestamp = "2026-12-01T00:00:00Z".parse().unwrap();
        let status = Status::new(t0);
        status.set_no_gateway();
        let index = shipped_index();
        let (ok, body) = status.report(
            Some(&index.manifest),
            t0 + jiff::SignedDuration::from_hours(5),
        );
        assert!(ok, "{body}");
        assert_eq!(body["gateway"], serde_json::json!({"used": false}));
    }

    #[test]
    fn ready_only_with_an_index_discord_answering_commands_registered_and_the_gateway_up() {
        let t0: Timestamp = "2026-12-01T00:00:00Z".parse().unwrap();
        let index = shipped_index();
        let m = Some(&index.manifest);
        let status = Status::new(t0);
        let ready = |status: &Status, m| status.readiness(m, t0).0;
        let (ok, body) = status.readiness(m, t0);
        assert!(!ok && body["discord_rest"]["reachable"].is_null(), "{body}");
        assert_eq!(body["registered"], false);
        assert!(status.set_rest(false, t0));
        assert!(!status.set_rest(false, t0), "no change");
        let (healthy, body) = status.report(m, t0);
        assert!(healthy && body["ready"] == false, "up, not ready: {body}");
        status.set_rest(true, t0);
        status.set_registered(true);
        assert!(!ready(&status, m), "the gateway is not connected yet");
        status.set_gateway(true, t0);
        assert!(ready(&status, m));
        assert!(!ready(&status, None), "no index");
        status.set_rest(false, t0);
        assert!(!ready(&status, m), "Discord's REST API stopped answering");
        status.set_rest(true, t0);
        status.set_registered(false);
        assert!(!ready(&status, m));
        // A replica has no gateway to wait for.
        let replica = Status::new(t0);
        replica.set_no_gateway();
        replica.set_rest(true, t0);
        replica.set_registered(true);
        assert!(ready(&replica, m));
        // The shared store is reported, not required: its replica answers from its own index.
        assert_eq!(
            replica.report(m, t0).1["store"],
            serde_json::json!({"used": false})
        );
        replica.set_store(false, t0);
        let (_, body) = replica.report(m, t0);
        assert_eq!(body["store"]["following"], false, "{body}");
        assert!(ready(&replica, m));
    }
}
