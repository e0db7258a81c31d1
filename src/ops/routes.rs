//! The routes of the bot's own listener, to serve on any address: `/metrics` (Prometheus text),
//! `/healthz` (JSON, 200 or 503: up), `/readyz` (the same JSON, 200 once ready to answer) and
//! `/calendar.ics` (every milestone as iCalendar, for people to
//! subscribe to; made again after each index swap, with `ETag` and `Last-Modified`).

use agenda_core::index::AgendaIndex;
use agenda_core::render;
use std::sync::{Arc, Mutex};

/// The calendar of the index in service, made once per index (keyed by its [`etag`]).
#[derive(Debug, Default)]
pub struct CalendarCache(Mutex<Option<(String, Arc<String>)>>);

/// The entity tag of an index's calendar: its corpus fingerprint and build time.
pub fn etag(index: &AgendaIndex) -> String {
    let m = &index.manifest;
    format!("\"{}-{}\"", m.fingerprint, m.built_at.as_nanosecond())
}

/// An HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`), for `Last-Modified`.
pub fn http_date(t: jiff::Timestamp) -> String {
    t.strftime("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

impl CalendarCache {
    /// The feed of `index`: the one made for it before, or a new one (off the async threads).
    async fn feed(&self, index: Arc<AgendaIndex>) -> anyhow::Result<Arc<String>> {
        let tag = etag(&index);
        if let Some((cached, feed)) = self.0.lock().expect("calendar cache").as_ref() {
            if *cached == tag {
                return Ok(feed.clone());
            }
        }
        let feed = tokio::task::spawn_blocking(move || {
            render::ics::feed(&index, render::ics::index_stamp(&index))
        })
        .await?;
        let feed = Arc::new(feed);
        *self.0.lock().expect("calendar cache") = Some((tag, feed.clone()));
        Ok(feed)
    }
}

/// What the ops routes read: the Prometheus recorder and the index once it is open.
#[derive(Clone)]
pub struct OpsState {
    pub prometheus: metrics_exporter_prometheus::PrometheusHandle,
    pub index: std::sync::Arc<std::sync::OnceLock<crate::index_service::SharedIndex>>,
    pub calendar: Arc<CalendarCache>,
}

/// `/metrics`, `/healthz`, `/readyz` and `/calendar.ics`, to serve on any listener.
pub fn router(state: OpsState) -> axum::Router {
    use axum::http::{header, HeaderMap, StatusCode};
    use axum::response::IntoResponse;
    use axum::routing::get;
    async fn metrics_route(
        axum::extract::State(state): axum::extract::State<OpsState>,
    ) -> impl IntoResponse {
        (
            [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
            state.prometheus.render(),
        )
    }
    fn status_response(state: &OpsState, ready: bool) -> axum::response::Response {
        let index = state.index.get().map(|i| i.load_full());
        let manifest = index.as_ref().map(|i| &i.manifest);
        let status = super::health::status();
        let now = jiff::Timestamp::now();
        let (ok, body) = match ready {
            true => status.readiness(manifest, now),
            false => status.report(manifest, now),
        };
        let code = match ok {
            true => StatusCode::OK,
            false => StatusCode::SERVICE_UNAVAILABLE,
        };
        (code, axum::Json(body)).into_response()
    }
    async fn health_route(
        axum::extract::State(state): axum::extract::State<OpsState>,
    ) -> axum::response::Response {
        status_response(&state, false)
    }
    async fn ready_route(
        axum::extract::State(state): axum::extract::State<OpsState>,
    ) -> axum::response::Response {
        status_response(&state, true)
    }
    async fn calendar_route(
        axum::extract::State(state): axum::extract::State<OpsState>,
        request: HeaderMap,
    ) -> axum::response::Response {
        let Some(index) = state.index.get().map(|i| i.load_full()) else {
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "5")],
                "the index is not open yet; try again in a few seconds\n",
            )
                .into_response();
        };
        let tag = etag(&index);
        let modified = http_date(index.manifest.built_at);
        let cache = [
            (header::ETAG, tag.clone()),
            (header::LAST_MODIFIED, modified),
            (header::CACHE_CONTROL, "no-cache".to_string()),
        ];
        let unchanged = request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
        if unchanged {
            return (StatusCode::NOT_MODIFIED, cache).into_response();
        }
        match state.calendar.feed(index).await {
            Ok(feed) => (
                cache,
                [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
                feed.as_str().to_owned(),
            )
                .into_response(),
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), "the calendar could not be made");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the calendar could not be made\n",
                )
                    .into_response()
            }
        }
    }
    axum::Router::new()
        .route("/metrics", get(metrics_route))
        .route("/healthz", get(health_route))
        .route("/readyz", get(ready_route))
        .route("/calendar.ics", get(calendar_route))
        .with_state(state)
}

/// Binds `addr` and serves [`router`] there until the runtime stops; returns the bound address
/// (port 0 picks a free one).
pub async fn serve(
    addr: std::net::SocketAddr,
    state: OpsState,
) -> anyhow::Result<std::net::SocketAddr> {
    serve_app(addr, router(state), "--metrics").await
}

/// Binds `addr` and serves `app` there until the runtime stops (`flag` names the option in
/// errors); returns the bound address.
pub async fn serve_app(
    addr: std::net::SocketAddr,
    app: axum::Router,
    flag: &'static str,
) -> anyhow::Result<std::net::SocketAddr> {
    use anyhow::Context as _;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr} for {flag}"))?;
    let bound = listener.local_addr()?;
    tokio::spawn(async move {
        // Replies are small: Nagle's algorithm would hold one back for a delayed ACK.
        if let Err(e) = axum::serve(listener, app).tcp_nodelay(true).await {
            tracing::error!(error = %e, flag, "a listener stopped");
        }
    });
    Ok(bound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::testing::{shipped_corpus, shipped_index};

    /// The feed is made once per index in service and again after a swap.
    #[tokio::test]
    async fn the_calendar_is_made_again_only_for_another_index() {
        let cache = CalendarCache::default();
        let first = shipped_index();
        let a = cache.feed(first.clone()).await.unwrap();
        assert!(a.starts_with("BEGIN:VCALENDAR") && a.contains("BEGIN:VEVENT"));
        assert!(Arc::ptr_eq(&a, &cache.feed(first).await.unwrap()), "cached");
        let swapped = Arc::new(AgendaIndex::build_in_ram(shipped_corpus()).unwrap());
        let b = cache.feed(swapped).await.unwrap();
        assert!(!Arc::ptr_eq(&a, &b), "made again for the new index");
    }

    #[test]
    fn http_dates() {
        let t: jiff::Timestamp = "1994-11-06T08:49:37Z".parse().unwrap();
        assert_eq!(http_date(t), "Sun, 06 Nov 1994 08:49:37 GMT");
    }
}
