//! PostgreSQL as every feature uses it: connections from a [`StoreUrl`], versioned schemas.
//!
//! A client configuration and a pool from the URL (the password from it or `PGPASSWORD`, never
//! logged). Each feature owns its tables and its schema-version table (one row), and migrates
//! them with [`migrate`] under an advisory lock, so replicas starting together change the
//! schema once.

use crate::config::StoreUrl;
use std::time::Duration;

/// Why PostgreSQL could not answer (retryable), or answered with a schema this bot cannot use.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error("the database {url} is unavailable")]
    Unavailable {
        url: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error(
        "the database {url} has schema version {found} in {table}; this bot knows up to {known}"
    )]
    SchemaTooNew {
        url: String,
        table: &'static str,
        found: i32,
        known: i32,
    },
}

impl PgError {
    /// The database is down or a statement failed: asking again later can help.
    pub fn is_retryable(&self) -> bool {
        matches!(self, PgError::Unavailable { .. })
    }

    /// `Unavailable` for the database at `url` (redacted).
    pub fn unavailable(
        url: &str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> PgError {
        PgError::Unavailable {
            url: url.to_string(),
            source: source.into(),
        }
    }
}

/// The client configuration for `url`, named `application` in `pg_stat_activity`.
pub fn client_config(url: &StoreUrl, application: &str) -> Result<tokio_postgres::Config, PgError> {
    let mut config: tokio_postgres::Config = url
        .expose()
        .parse()
        .map_err(|e| PgError::unavailable(url.redacted(), e))?;
    if config.get_password().is_none() {
        if let Ok(password) = std::env::var("PGPASSWORD") {
            config.password(password);
        }
    }
    config.connect_timeout(Duration::from_secs(5));
    config.application_name(application);
    Ok(config)
}

/// A pool of at most `max_size` connections to `url` (no TLS: a local or tunnelled server);
/// nothing connects before the first use.
pub fn pool(
    url: &StoreUrl,
    application: &str,
    max_size: usize,
) -> Result<deadpool_postgres::Pool, PgError> {
    let config = client_config(url, application)?;
    let manager = deadpool_postgres::Manager::new(config, tokio_postgres::NoTls);
    deadpool_postgres::Pool::builder(manager)
        .max_size(max_size)
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .wait_timeout(Some(Duration::from_secs(10)))
        .create_timeout(Some(Duration::from_secs(10)))
        .build()
        .map_err(|e| PgError::unavailable(url.redacted(), e))
}

/// One feature's schema: its version table and its steps, one per version.
#[derive(Debug, Clone, Copy)]
pub struct Schema {
    /// The one-row table holding the version reached (`agenda_digest_schema`).
    pub version_table: &'static str,
    /// The advisory lock that serialises migrations between replicas.
    pub lock: i64,
    pub migrations: &'static [&'static str],
}

/// Brings `schema` up to date in one transaction (a no-op when it is); refuses a database
/// migrated by a newer bot.
pub async fn migrate(
    client: &mut deadpool_postgres::Object,
    url: &str,
    schema: &Schema,
) -> Result<(), PgError> {
    let err = |e| PgError::unavailable(url, e);
    let tx = client.transaction().await.map_err(err)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&schema.lock])
        .await
        .map_err(err)?;
    let table = schema.version_table;
    tx.batch_execute(&format!(
        "CREATE TABLE IF NOT EXISTS {table} (
             id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
             version INT NOT NULL)"
    ))
    .await
    .map_err(err)?;
    let found: i32 = tx
        .query_opt(&format!("SELECT version FROM {table}"), &[])
        .await
        .map_err(err)?
        .map_or(0, |row| row.get(0));
    let known = schema.migrations.len() as i32;
    if found > known {
        return Err(PgError::SchemaTooNew {
            url: url.to_string(),
            table,
            found,
            known,
        });
    }
    for step in &schema.migrations[found as usize..] {
        tx.batch_execute(step).await.map_err(err)?;
    }
    tx.execute(
        &format!(
            "INSERT INTO {table} (id, version) VALUES (TRUE, $1)
             ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version"
        ),
        &[&known],
    )
    .await
    .map_err(err)?;
    tx.commit().await.map_err(err)
}

/// `host:pid:random`, unique per process (and per call within a process): who did what, in rows.
pub fn replica_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::env::var("HOSTNAME"))
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "unknown".into());
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    format!(
        "{host}:{}:{:08x}",
        std::process::id(),
        hasher.finish() as u32
    )
}
