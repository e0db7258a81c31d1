//! Where the digest records its posts: the state file (one bot) or a PostgreSQL table that
//! replicas share, claiming each (channel, local date) in a transaction so it is posted once.
//!
//! A PostgreSQL claim is a row keyed by (channel, date) with a status (`claimed`, `posted`),
//! the claiming replica and a lease expiry taken from the database's clock. A replica that dies
//! mid-post leaves the row `claimed`; once the lease has run out another replica takes it over
//! and posts again with the same Discord nonce, so a POST that had reached Discord is dropped.

use crate::config::StoreUrl;
use crate::pg::{self, PgError};
use agenda_core::digest::state::{StateError, StateStore};
use jiff::civil::Date;
use std::future::Future;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

/// The answer to a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// This replica may post (a new claim, its own claim again, or an expired one taken over).
    Claimed,
    /// Already posted; nothing to do.
    AlreadyPosted,
    /// Another replica holds a live claim, for at most `expires_in` more.
    HeldByOther { by: String, expires_in: Duration },
}

/// Why the store could not answer. Retryable: the caller waits and asks again; it never posts.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    State(#[from] StateError),
    /// The database is unavailable, or has a schema this bot does not know.
    #[error("digest claims: {0}")]
    Pg(#[from] PgError),
    #[error("channel id {0} does not fit PostgreSQL's bigint")]
    ChannelId(u64),
}

impl StoreError {
    /// Whether asking again later can help (a database that is down, or a failed statement).
    pub fn is_retryable(&self) -> bool {
        matches!(self, StoreError::Pg(e) if e.is_retryable())
    }
}

/// The digest's bookkeeping, as [`crate::digest_runner`] uses it. Implementations may be
/// written as `async fn`.
pub trait DigestStore: Send + Sync {
    /// Prepares the store (the PostgreSQL schema); called once before the first claim.
    fn init(&self) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Asks to post the digest for `date` in `channel`.
    fn claim(
        &self,
        channel: u64,
        date: Date,
    ) -> impl Future<Output = Result<Claim, StoreError>> + Send;
    /// Extends this replica's claim before another attempt; `false` when it was lost.
    fn renew(
        &self,
        channel: u64,
        date: Date,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// Records the post (after the send succeeded).
    fn mark_posted(
        &self,
        channel: u64,
        date: Date,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Gives a claim up without posting (gave up, or shutting down), so another may take it.
    fn release(
        &self,
        channel: u64,
        date: Date,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Where it is, for logs (no secrets).
    fn describe(&self) -> String;
}

/// `state_dir/digest-state.json`: one bot, no claims (the file is only read by this process).
#[derive(Debug)]
pub struct FileStore(Mutex<StateStore>);

impl FileStore {
    pub fn open(state_dir: &Path) -> Result<FileStore, StateError> {
        Ok(FileStore(Mutex::new(StateStore::open(state_dir)?)))
    }
}

impl DigestStore for FileStore {
    async fn init(&self) -> Result<(), StoreError> {
        Ok(())
    }

    async fn claim(&self, channel: u64, date: Date) -> Result<Claim, StoreError> {
        let store = self.0.lock().unwrap_or_else(|e| e.into_inner());
        Ok(match store.state().is_posted(channel, date) {
            true => Claim::AlreadyPosted,
            false => Claim::Claimed,
        })
    }

    async fn renew(&self, _channel: u64, _date: Date) -> Result<bool, StoreError> {
        Ok(true)
    }

    async fn mark_posted(&self, channel: u64, date: Date) -> Result<(), StoreError> {
        let mut store = self.0.lock().unwrap_or_else(|e| e.into_inner());
        Ok(store.mark_posted(channel, date)?)
    }

    async fn release(&self, _channel: u64, _date: Date) -> Result<(), StoreError> {
        Ok(())
    }

    fn describe(&self) -> String {
        let store = self.0.lock().unwrap_or_else(|e| e.into_inner());
        store.path().display().to_string()
    }
}

/// `state_dir/brief-state.json`: the (channel, first day) pairs whose briefs were posted, for
/// one bot (no claims). Written atomically; a file that cannot be read is an error, not reset.
#[derive(Debug)]
pub struct BriefFileStore {
    path: std::path::PathBuf,
    posted: Mutex<std::collections::BTreeSet<(u64, Date)>>,
}

/// The brief posts' file in the state directory.
pub const BRIEF_FILE: &str = "brief-state.json";

impl BriefFileStore {
    pub fn open(state_dir: &Path) -> Result<BriefFileStore, StateError> {
        let path = state_dir.join(BRIEF_FILE);
        let posted = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| StateError::Corrupt {
                path: path.clone(),
                source: e.into(),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
            Err(source) => return Err(StateError::Io { path, source }),
        };
        Ok(BriefFileStore {
            path,
            posted: Mutex::new(posted),
        })
    }
}

impl DigestStore for BriefFileStore {
    async fn init(&self) -> Result<(), StoreError> {
        Ok(())
    }

    async fn claim(&self, channel: u64, date: Date) -> Result<Claim, StoreError> {
        let posted = self.posted.lock().unwrap_or_else(|e| e.into_inner());
        Ok(match posted.contains(&(channel, date)) {
            true => Claim::AlreadyPosted,
            false => Claim::Claimed,
        })
    }

    async fn renew(&self, _channel: u64, _date: Date) -> Result<bool, StoreError> {
        Ok(true)
    }

    async fn mark_posted(&self, channel: u64, date: Date) -> Result<(), StoreError> {
        let mut posted = self.posted.lock().unwrap_or_else(|e| e.into_inner());
        posted.insert((channel, date));
        let bytes = serde_json::to_vec_pretty(&*posted).expect("pairs serialise");
        agenda_core::atomic_file::write(&self.path, &bytes).map_err(|source| {
            StoreError::State(StateError::Io {
                path: self.path.clone(),
                source,
            })
        })
    }

    async fn release(&self, _channel: u64, _date: Date) -> Result<(), StoreError> {
        Ok(())
    }

    fn describe(&self) -> String {
        self.path.display().to_string()
    }
}

/// The claims table `$table`: one row per (channel, local date), claimed then posted.
macro_rules! claims_table {
    ($table:literal) => {
        concat!(
            "CREATE TABLE IF NOT EXISTS ",
            $table,
            " (
        channel_id BIGINT NOT NULL,
        local_date DATE NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'posted')),
        claimed_by TEXT NOT NULL,
        claimed_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        takeovers INT NOT NULL DEFAULT 0,
        posted_at TIMESTAMPTZ,
        PRIMARY KEY (channel_id, local_date)
    )"
        )
    };
}

/// The schema this bot creates and understands, one step per version.
const SCHEMA: pg::Schema = pg::Schema {
    version_table: "agenda_digest_schema",
    // Serialises schema changes between replicas starting together.
    lock: 0x6167_656e_6461_0001,
    migrations: &[claims_table!("agenda_digest_claims")],
};

/// The pre-meeting briefs' claims: the same columns, keyed by channel and the meetings' first
/// day (`local_date`).
const BRIEF_SCHEMA: pg::Schema = pg::Schema {
    version_table: "agenda_brief_schema",
    lock: 0x6167_656e_6461_0005,
    migrations: &[claims_table!("agenda_brief_claims")],
};

/// What a store's claims are for: one table each, the same columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posts {
    /// The daily digest, keyed by channel and local date.
    Digest,
    /// Pre-meeting briefs, keyed by channel and the first day of the meetings they brief.
    Briefs,
}

impl Posts {
    fn table(self) -> &'static str {
        match self {
            Posts::Digest => "agenda_digest_claims",
            Posts::Briefs => "agenda_brief_claims",
        }
    }

    fn schema(self) -> &'static pg::Schema {
        match self {
            Posts::Digest => &SCHEMA,
            Posts::Briefs => &BRIEF_SCHEMA,
        }
    }
}

/// PostgreSQL through a connection pool (no TLS: use a local or tunnelled server).
pub struct PgStore {
    pool: deadpool_postgres::Pool,
    url: String,
    replica: String,
    lease: Duration,
    posts: Posts,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("url", &self.url)
            .field("replica", &self.replica)
            .field("lease", &self.lease)
            .finish()
    }
}

impl PgStore {
    /// A pool for `url` (the password from the URL or `PGPASSWORD`); connects on first use.
    pub fn new(url: &StoreUrl, lease: Duration) -> Result<PgStore, StoreError> {
        PgStore::for_posts(url, lease, Posts::Digest)
    }

    /// [`PgStore::new`] for the claims of `posts`.
    pub fn for_posts(url: &StoreUrl, lease: Duration, posts: Posts) -> Result<PgStore, StoreError> {
        Ok(PgStore {
            pool: pg::pool(url, "agenda-bot digest", 2)?,
            url: url.redacted().to_string(),
            replica: pg::replica_id(),
            lease,
            posts,
        })
    }

    /// This replica's name in `claimed_by`: host, process id and a random part.
    pub fn replica(&self) -> &str {
        &self.replica
    }

    fn unavailable(&self, e: impl std::error::Error + Send + Sync + 'static) -> StoreError {
        PgError::unavailable(&self.url, e).into()
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(|e| self.unavailable(e))
    }

    fn key(&self, channel: u64, date: Date) -> Result<(i64, String), StoreError> {
        let id = i64::try_from(channel).map_err(|_| StoreError::ChannelId(channel))?;
        Ok((id, date.to_string()))
    }

    fn lease_secs(&self) -> f64 {
        self.lease.as_secs_f64()
    }
}

impl DigestStore for PgStore {
    async fn init(&self) -> Result<(), StoreError> {
        let mut client = self.client().await?;
        Ok(pg::migrate(&mut client, &self.url, self.posts.schema()).await?)
    }

    async fn claim(&self, channel: u64, date: Date) -> Result<Claim, StoreError> {
        let (id, day) = self.key(channel, date)?;
        let lease = self.lease_secs();
        let mut client = self.client().await?;
        let err = |e| self.unavailable(e);
        let tx = client.transaction().await.map_err(err)?;
        // A new row, or a claimed one whose lease ran out (or that is ours): take it. The
        // conflicting row is locked, so of two replicas only one gets a row back.
        let taken = tx
            .query_opt(
                &format!(
                    "INSERT INTO {} AS c
                     (channel_id, local_date, status, claimed_by, claimed_at, expires_at)
                 VALUES ($1, $2::text::date, 'claimed', $3, now(),
                         now() + make_interval(secs => $4))
                 ON CONFLICT (channel_id, local_date) DO UPDATE
                     SET claimed_by = EXCLUDED.claimed_by, claimed_at = now(),
                         expires_at = EXCLUDED.expires_at,
                         takeovers = c.takeovers
                             + CASE WHEN c.claimed_by = EXCLUDED.claimed_by THEN 0 ELSE 1 END
                     WHERE c.status = 'claimed'
                       AND (c.expires_at <= now() OR c.claimed_by = EXCLUDED.claimed_by)
                 RETURNING takeovers",
                    self.posts.table()
                ),
                &[&id, &day, &self.replica, &lease],
            )
            .await
            .map_err(err)?;
        let claim = match taken {
            Some(row) => {
                let takeovers: i32 = row.get(0);
                if takeovers > 0 {
                    tracing::warn!(channel, %date, takeovers,
                        "took over an expired digest claim; posting with the same nonce");
                }
                Claim::Claimed
            }
            None => {
                let row = tx
                    .query_one(
                        &format!(
                            "SELECT status, claimed_by,
                                GREATEST(EXTRACT(EPOCH FROM expires_at - now()), 0)::float8
                         FROM {}
                         WHERE channel_id = $1 AND local_date = $2::text::date",
                            self.posts.table()
                        ),
                        &[&id, &day],
                    )
                    .await
                    .map_err(err)?;
                let status: String = row.get(0);
                if status == "posted" {
                    Claim::AlreadyPosted
                } else {
                    let secs: f64 = row.get(2);
                    Claim::HeldByOther {
                        by: row.get(1),
                        expires_in: Duration::from_secs_f64(secs.max(0.0)),
                    }
                }
            }
        };
        tx.commit().await.map_err(err)?;
        Ok(claim)
    }

    async fn renew(&self, channel: u64, date: Date) -> Result<bool, StoreError> {
        let (id, day) = self.key(channel, date)?;
        let client = self.client().await?;
        let n = client
            .execute(
                &format!(
                    "UPDATE {} SET expires_at = now() + make_interval(secs => $4)
                 WHERE channel_id = $1 AND local_date = $2::text::date
                   AND status = 'claimed' AND claimed_by = $3",
                    self.posts.table()
                ),
                &[&id, &day, &self.replica, &self.lease_secs()],
            )
            .await
            .map_err(|e| self.unavailable(e))?;
        Ok(n == 1)
    }

    async fn mark_posted(&self, channel: u64, date: Date) -> Result<(), StoreError> {
        let (id, day) = self.key(channel, date)?;
        let client = self.client().await?;
        // Whoever holds the claim now: the message is out either way.
        client
            .execute(
                &format!(
                    "UPDATE {}
                 SET status = 'posted', posted_at = now(), claimed_by = $3
                 WHERE channel_id = $1 AND local_date = $2::text::date AND status = 'claimed'",
                    self.posts.table()
                ),
                &[&id, &day, &self.replica],
            )
            .await
            .map_err(|e| self.unavailable(e))?;
        Ok(())
    }

    async fn release(&self, channel: u64, date: Date) -> Result<(), StoreError> {
        let (id, day) = self.key(channel, date)?;
        let client = self.client().await?;
        client
            .execute(
                &format!(
                    "UPDATE {} SET expires_at = now()
                 WHERE channel_id = $1 AND local_date = $2::text::date
                   AND status = 'claimed' AND claimed_by = $3",
                    self.posts.table()
                ),
                &[&id, &day, &self.replica],
            )
            .await
            .map_err(|e| self.unavailable(e))?;
        Ok(())
    }

    fn describe(&self) -> String {
        self.url.clone()
    }
}

/// The store [`crate::config::Config::digest_store`] names: the state file when unset.
#[derive(Debug)]
pub enum AnyStore {
    File(FileStore),
    Briefs(BriefFileStore),
    Postgres(PgStore),
}

impl AnyStore {
    pub fn open(config: &crate::config::Config) -> Result<AnyStore, StoreError> {
        AnyStore::open_for(config, Posts::Digest)
    }

    /// The store of `posts`: its file in the state directory, or its table in the database.
    pub fn open_for(config: &crate::config::Config, posts: Posts) -> Result<AnyStore, StoreError> {
        let lease = Duration::from_secs(config.digest.claim_lease_secs);
        Ok(match (config.digest_store(), posts) {
            (None, Posts::Digest) => AnyStore::File(FileStore::open(&config.state_dir)?),
            (None, Posts::Briefs) => AnyStore::Briefs(BriefFileStore::open(&config.state_dir)?),
            (Some(url), posts) => AnyStore::Postgres(PgStore::for_posts(url, lease, posts)?),
        })
    }
}

impl DigestStore for AnyStore {
    async fn init(&self) -> Result<(), StoreError> {
        match self {
            AnyStore::File(s) => s.init().await,
            AnyStore::Briefs(s) => s.init().await,
            AnyStore::Postgres(s) => s.init().await,
        }
    }
    async fn claim(&self, channel: u64, date: Date) -> Result<Claim, StoreError> {
        match self {
            AnyStore::File(s) => s.claim(channel, date).await,
            AnyStore::Briefs(s) => s.claim(channel, date).await,
            AnyStore::Postgres(s) => s.claim(channel, date).await,
        }
    }
    async fn renew(&self, channel: u64, date: Date) -> Result<bool, StoreError> {
        match self {
            AnyStore::File(s) => s.renew(channel, date).await,
            AnyStore::Briefs(s) => s.renew(channel, date).await,
            AnyStore::Postgres(s) => s.renew(channel, date).await,
        }
    }
    async fn mark_posted(&self, channel: u64, date: Date) -> Result<(), StoreError> {
        match self {
            AnyStore::File(s) => s.mark_posted(channel, date).await,
            AnyStore::Briefs(s) => s.mark_posted(channel, date).await,
            AnyStore::Postgres(s) => s.mark_posted(channel, date).await,
        }
    }
    async fn release(&self, channel: u64, date: Date) -> Result<(), StoreError> {
        match self {
            AnyStore::File(s) => s.release(channel, date).await,
            AnyStore::Briefs(s) => s.release(channel, date).await,
            AnyStore::Postgres(s) => s.release(channel, date).await,
        }
    }
    fn describe(&self) -> String {
        match self {
            AnyStore::File(s) => s.describe(),
            AnyStore::Briefs(s) => s.describe(),
            AnyStore::Postgres(s) => s.describe(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_shared_store_holds_the_claims_unless_the_digest_names_its_own() {
        let base = "corpus_dir = \"c\"\nindex_dir = \"i\"\n";
        let open = |text: &str| {
            let config = Config::parse(Path::new("c.toml"), &format!("{base}{text}")).unwrap();
            AnyStore::open(&config).unwrap()
        };
        assert!(matches!(open(""), AnyStore::File(_)));
        let shared = open("[store]\nurl = \"postgres://bot:pw@db/agenda\"\n");
        assert!(matches!(shared, AnyStore::Postgres(_)));
        assert_eq!(shared.describe(), "postgres://bot:***@db/agenda");
        let own = open("[digest]\nstore = \"postgres://bot@db/claims\"\n");
        assert_eq!(own.describe(), "postgres://bot@db/claims");
    }
}
