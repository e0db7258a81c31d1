//! The ops routes, to serve on any listener: `/metrics` (Prometheus text) and `/healthz` (JSON,
//! 200 or 503).

/// What the ops routes read: the Prometheus recorder and the index once it is open.
#[derive(Clone)]
pub struct OpsState {
    pub prometheus: metrics_exporter_prometheus::PrometheusHandle,
    pub index: std::sync::Arc<std::sync::OnceLock<crate::index_service::SharedIndex>>,
}

/// `/metrics` (Prometheus text) and `/healthz` (JSON, 200 or 503), to serve on any listener.
pub fn router(state: OpsState) -> axum::Router {
    use axum::http::{header, StatusCode};
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
    async fn health_route(
        axum::extract::State(state): axum::extract::State<OpsState>,
    ) -> impl IntoResponse {
        let index = state.index.get().map(|i| i.load_full());
        let manifest = index.as_ref().map(|i| &i.manifest);
        let (healthy, body) = super::health::status().report(manifest, jiff::Timestamp::now());
        let code = match healthy {
            true => StatusCode::OK,
            false => StatusCode::SERVICE_UNAVAILABLE,
        };
        (code, axum::Json(body))
    }
    axum::Router::new()
        .route("/metrics", get(metrics_route))
        .route("/healthz", get(health_route))
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
