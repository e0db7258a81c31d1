//! Operations for `agenda-bot run`: Prometheus metrics ([`metrics`]), the `/healthz` report
//! ([`health`]), in-flight answer tracking for a clean shutdown ([`inflight`]) and the routes that
//! serve the first two ([`routes`]).

pub mod health;
pub mod inflight;
pub mod metrics;
#[cfg(feature = "discord")]
pub mod routes;
