//! Injected failures: the next requests matching a pattern are answered with a status (a 429
//! that looks like Discord's, or any error) instead of being served.

use super::recorded::path_matches;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

pub(super) type PathPredicate = Box<dyn Fn(&str, &str) -> bool + Send + Sync>;

pub(super) enum Matcher {
    Pattern(String),
    /// `(method, path) -> bool`
    Predicate(PathPredicate),
}

impl Matcher {
    pub(super) fn matches(&self, method: &str, path: &str) -> bool {
        match self {
            Matcher::Pattern(p) => path_matches(p, path),
            Matcher::Predicate(f) => f(method, path),
        }
    }
}

pub(super) struct Fault {
    pub(super) matcher: Matcher,
    pub(super) status: u16,
    pub(super) remaining: usize,
    pub(super) body: Option<Value>,
}

/// Body Discord sends with a 429.
pub fn rate_limited_body() -> Value {
    json!({"message": "You are being rate limited.", "retry_after": 0.2, "global": false})
}

pub(super) fn fault_response(status: u16, body: Option<Value>) -> Response {
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
