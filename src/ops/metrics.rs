//! The bot's Prometheus metrics: their names, one-line recording functions for the call sites,
//! and [`install`] of the global recorder (without it, as in the CLI, recording is a no-op).

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

pub const ANSWERS: &str = "agenda_answers_total";
pub const NOTHING_FOUND: &str = "agenda_nothing_found_total";
pub const ANSWER_SECONDS: &str = "agenda_answer_seconds";
pub const INDEX_BUILDS: &str = "agenda_index_builds_total";
pub const INDEX_BUILD_FAILURES: &str = "agenda_index_build_failures_total";
pub const DIGEST_POSTS: &str = "agenda_digest_posts_total";
pub const DIGEST_RETRIES: &str = "agenda_digest_retries_total";
pub const RATE_LIMITED: &str = "agenda_discord_rate_limited_total";
pub const GATEWAY_CONNECTED: &str = "agenda_gateway_connected";

/// Answer latency buckets, in seconds: a search is milliseconds, a slow Discord seconds.
pub const ANSWER_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Installs the global Prometheus recorder (once per process; later calls return the same
/// handle).
pub fn install() -> Result<PrometheusHandle, metrics_exporter_prometheus::BuildError> {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    if let Some(h) = HANDLE.get() {
        return Ok(h.clone());
    }
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(ANSWER_SECONDS.into()), ANSWER_BUCKETS)?
        .install_recorder()?;
    describe_counter!(ANSWERS, "Answers delivered, per command (chat included).");
    describe_counter!(NOTHING_FOUND, "Answers that found nothing, per command.");
    describe_histogram!(
        ANSWER_SECONDS,
        metrics::Unit::Seconds,
        "Time from receiving a question to its reply being accepted."
    );
    describe_counter!(
        INDEX_BUILDS,
        "Index builds, per source (startup, reindex, hot_reload, add)."
    );
    describe_counter!(
        INDEX_BUILD_FAILURES,
        "Index builds that failed or were refused, per source."
    );
    describe_counter!(DIGEST_POSTS, "Daily digest messages posted.");
    describe_counter!(
        DIGEST_RETRIES,
        "Daily digest sends retried after a temporary failure."
    );
    describe_counter!(
        RATE_LIMITED,
        "HTTP 429 answers seen from Discord's REST API, per request."
    );
    describe_gauge!(
        GATEWAY_CONNECTED,
        "1 while the gateway connection is up, else 0."
    );
    gauge!(GATEWAY_CONNECTED).set(0.0);
    Ok(HANDLE.get_or_init(|| handle).clone())
}

/// An answer was delivered for `command`, `took` after the question came in.
pub fn answered(command: &str, took: Duration) {
    let command = command.to_string();
    counter!(ANSWERS, "command" => command.clone()).increment(1);
    histogram!(ANSWER_SECONDS, "command" => command).record(took.as_secs_f64());
}

/// A query for `command` found nothing.
pub fn nothing_found(command: &str) {
    counter!(NOTHING_FOUND, "command" => command.to_string()).increment(1);
}

/// An index build from `source` finished (`ok`) or failed / was refused.
pub fn index_built(source: &'static str, ok: bool) {
    counter!(INDEX_BUILDS, "source" => source).increment(1);
    if !ok {
        counter!(INDEX_BUILD_FAILURES, "source" => source).increment(1);
    }
}

/// A digest message was posted (see [`super::health::digest_posted`]).
pub fn digest_posted() {
    counter!(DIGEST_POSTS).increment(1);
}

/// A digest send is retried.
pub fn digest_retry() {
    counter!(DIGEST_RETRIES).increment(1);
}

/// Discord answered `request` with 429.
pub fn rate_limited(request: &'static str) {
    counter!(RATE_LIMITED, "request" => request).increment(1);
}

/// The gateway connection went up or down.
pub fn gateway_connected(up: bool) {
    gauge!(GATEWAY_CONNECTED).set(if up { 1.0 } else { 0.0 });
}
