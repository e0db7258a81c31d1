//! One corpus across replicas: statements added through `[store] url`, written by every replica.
//!
//! Added statements go into PostgreSQL with their facts in one transaction, and every replica
//! writes them into its own `corpus/` and rebuilds. The table holds what was added (the
//! statement file and the facts file, as `add` made them); each replica's files are derived
//! from it. An add commits its row and `NOTIFY agenda_corpus, '<seq>'` together (PostgreSQL
//! delivers a notification on commit only), so a process killed mid-add leaves no row or a
//! whole one. A replica `LISTEN`s on a connection of its own and, on start and after every
//! reconnect (notifications sent meanwhile are lost), catches up: every stored statement whose
//! files it lacks is written, facts first, each file atomically (a facts file without its
//! statement does not validate, so a half write is never indexed), and the index is rebuilt and
//! swapped in. Bad input (a notification naming no row, a row that does not validate here) is
//! logged and skipped; the index in service keeps answering. Files already present are kept: a
//! reviewer's edit of extracted facts is never overwritten.

use crate::background::StoppableTask;
use crate::config::{Config, StoreUrl};
use crate::index_service::{swap_in, SharedIndex};
use crate::pg::{self, PgError};
use crate::reload::{self, ReloadEvent};
use crate::retry::Backoff;
use agenda_core::atomic_file;
use agenda_core::corpus::{self, Corpus, EXTRACTED_DIR};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, watch, OnceCell};

/// The channel adds are notified on; the payload is the row's `seq`.
pub const CHANNEL: &str = "agenda_corpus";

const SCHEMA: pg::Schema = pg::Schema {
    version_table: "agenda_corpus_schema",
    lock: 0x6167_656e_6461_0002,
    migrations: &["CREATE TABLE IF NOT EXISTS agenda_corpus_statements (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        statement_file TEXT NOT NULL,
        facts_file TEXT NOT NULL,
        added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        added_by TEXT NOT NULL
    )"],
};

/// Serialises adds between replicas: rows commit in `seq` order.
const ADD_LOCK: i64 = 0x6167_656e_6461_0003;

/// A stored statement: its two files as `add` wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub seq: i64,
    pub id: String,
    pub statement_file: String,
    pub facts_file: String,
}

/// A statement to store.
#[derive(Debug, Clone, Copy)]
pub struct NewStatement<'a> {
    pub id: &'a str,
    /// [`agenda_core::ingest::content_hash`] of its paragraphs: the same text is stored once.
    pub content_hash: &'a str,
    pub statement_file: &'a str,
    pub facts_file: &'a str,
    /// Who added it ("discord user 123", "cli"), with the replica that took it.
    pub added_by: &'a str,
}

/// Why the store did not take or give a statement.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Pg(#[from] PgError),
    #[error("the same text is already stored as statement {existing:?}")]
    Duplicate { existing: String },
    #[error("statement id {0:?} is already stored")]
    IdTaken(String),
    #[error("the corpus files could not be written")]
    Interrupted,
    /// The commit was sent and no answer came: stored or not, the next catch-up tells.
    #[error("corpus store: the add was not confirmed")]
    Unconfirmed(#[source] PgError),
}

/// Why a stored statement was not written into this replica's corpus (logged, nothing written).
#[derive(Debug, thiserror::Error)]
pub enum RowError {
    #[error("stored statement {seq} has the id {id:?}, which cannot name a statement file")]
    BadId { seq: i64, id: String },
    #[error("stored statement {seq} ({id}) does not validate in this corpus: {message}")]
    Invalid {
        seq: i64,
        id: String,
        message: String,
    },
    #[error("cannot read the corpus")]
    Read(#[source] std::io::Error),
    #[error("cannot write {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What writing a stored statement came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// One or both files were missing and are written now.
    New,
    /// Both files were there with this content.
    AlreadyThere,
    /// A file is there with other content (edited here): kept, logged.
    KeptLocal,
}

/// The statements table, through a small pool.
pub struct CorpusStore {
    pool: deadpool_postgres::Pool,
    url: StoreUrl,
    replica: String,
    schema: OnceCell<()>,
}

impl std::fmt::Debug for CorpusStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CorpusStore")
            .field("url", &self.url)
            .field("replica", &self.replica)
            .finish()
    }
}

impl CorpusStore {
    /// A store for `url`; nothing connects before the first use.
    pub fn new(url: &StoreUrl) -> Result<CorpusStore, PgError> {
        Ok(CorpusStore {
            pool: pg::pool(url, "agenda-bot corpus", 2)?,
            url: url.clone(),
            replica: pg::replica_id(),
            schema: OnceCell::new(),
        })
    }

    /// The store `[store] url` names, if any.
    pub fn from_config(config: &Config) -> Result<Option<CorpusStore>, PgError> {
        config.store.url.as_ref().map(CorpusStore::new).transpose()
    }

    /// This process, as recorded in `added_by`.
    pub fn replica(&self) -> &str {
        &self.replica
    }

    /// Where it is, for logs (no password).
    pub fn describe(&self) -> &str {
        self.url.redacted()
    }

    fn unavailable(&self, e: impl std::error::Error + Send + Sync + 'static) -> SyncError {
        PgError::unavailable(self.url.redacted(), e).into()
    }

    /// A pooled connection, the schema made current on first use.
    async fn client(&self) -> Result<deadpool_postgres::Object, SyncError> {
        let mut client = self.pool.get().await.map_err(|e| self.unavailable(e))?;
        self.schema
            .get_or_try_init(|| pg::migrate(&mut client, self.url.redacted(), &SCHEMA))
            .await?;
        Ok(client)
    }

    /// Stores a statement and notifies every replica, in one transaction; its `seq`.
    pub async fn insert(&self, new: NewStatement<'_>) -> Result<i64, SyncError> {
        let mut client = self.client().await?;
        let err = |e| self.unavailable(e);
        let tx = client.transaction().await.map_err(err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&ADD_LOCK])
            .await
            .map_err(err)?;
        let taken = tx
            .query_opt(
                "SELECT id, content_hash = $2 FROM agenda_corpus_statements
                 WHERE content_hash = $2 OR id = $1 ORDER BY content_hash = $2 DESC LIMIT 1",
                &[&new.id, &new.content_hash],
            )
            .await
            .map_err(err)?;
        if let Some(row) = taken {
            let (existing, same_text): (String, bool) = (row.get(0), row.get(1));
            return Err(match same_text {
                true => SyncError::Duplicate { existing },
                false => SyncError::IdTaken(existing),
            });
        }
        let seq: i64 = tx
            .query_one(
                "INSERT INTO agenda_corpus_statements
                     (id, content_hash, statement_file, facts_file, added_by)
                 VALUES ($1, $2, $3, $4, $5) RETURNING seq",
                &[
                    &new.id,
                    &new.content_hash,
                    &new.statement_file,
                    &new.facts_file,
                    &format!("{} on {}", new.added_by, self.replica),
                ],
            )
            .await
            .map_err(err)?
            .get(0);
        tx.execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &seq.to_string()])
            .await
            .map_err(err)?;
        // A commit without an answer may have been made: the caller must not say "not added".
        tx.commit()
            .await
            .map_err(|e| SyncError::Unconfirmed(PgError::unavailable(self.url.redacted(), e)))?;
        Ok(seq)
    }

    /// The stored statement `seq`, if there is one.
    pub async fn get(&self, seq: i64) -> Result<Option<Stored>, SyncError> {
        Ok(self.fetch(&[seq]).await?.into_iter().next())
    }

    /// Every stored statement's `seq` and id, in order.
    pub async fn ids(&self) -> Result<Vec<(i64, String)>, SyncError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT seq, id FROM agenda_corpus_statements ORDER BY seq",
                &[],
            )
            .await
            .map_err(|e| self.unavailable(e))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// The stored statements among `seqs`, in order.
    pub async fn fetch(&self, seqs: &[i64]) -> Result<Vec<Stored>, SyncError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT seq, id, statement_file, facts_file FROM agenda_corpus_statements
                 WHERE seq = ANY($1) ORDER BY seq",
                &[&seqs],
            )
            .await
            .map_err(|e| self.unavailable(e))?;
        Ok(rows
            .iter()
            .map(|r| Stored {
                seq: r.get(0),
                id: r.get(1),
                statement_file: r.get(2),
                facts_file: r.get(3),
            })
            .collect())
    }
}

/// `statements/<id>.md` and `facts/extracted/<id>.toml` under `corpus_dir`.
pub fn paths_of(corpus_dir: &Path, id: &str) -> (PathBuf, PathBuf) {
    (
        corpus_dir.join("statements").join(format!("{id}.md")),
        corpus_dir
            .join("facts")
            .join(EXTRACTED_DIR)
            .join(format!("{id}.toml")),
    )
}

/// One writer of stored statements per process (an add and the listener may write the same one).
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Writes a stored statement's missing files into `corpus_dir`: [`write_all`] of one.
pub fn write_stored(corpus_dir: &Path, stored: &Stored) -> Result<Written, RowError> {
    write_all(corpus_dir, std::slice::from_ref(stored))
        .pop()
        .expect("one result per statement")
}

/// Writes the missing files of each stored statement into `corpus_dir`, facts first, each
/// atomically, once the corpus with them validates: all of them checked at once, one by one
/// only when that fails (a statement that adds errors is refused). A corpus that had errors
/// before takes them all: its own errors stay the admin's to fix. One result per statement.
pub fn write_all(corpus_dir: &Path, stored: &[Stored]) -> Vec<Result<Written, RowError>> {
    let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    let mut results = Vec::with_capacity(stored.len());
    // Statements to write: (position in `results`, the statement, its paths, which are there).
    let mut pending = Vec::new();
    for row in stored {
        if !corpus::valid_statement_id(&row.id) {
            results.push(Err(RowError::BadId {
                seq: row.seq,
                id: row.id.clone(),
            }));
            continue;
        }
        let (statement_path, facts_path) = paths_of(corpus_dir, &row.id);
        let present = |path: &Path| std::fs::read_to_string(path).ok();
        let (statement, facts) = (present(&statement_path), present(&facts_path));
        if statement.as_ref().is_some_and(|t| *t != row.statement_file)
            || facts.as_ref().is_some_and(|t| *t != row.facts_file)
        {
            results.push(Ok(Written::KeptLocal));
        } else if statement.is_some() && facts.is_some() {
            results.push(Ok(Written::AlreadyThere));
        } else {
            let there = (statement.is_some(), facts.is_some());
            pending.push((results.len(), row, statement_path, facts_path, there));
            results.push(Ok(Written::New));
        }
    }
    if pending.is_empty() {
        return results;
    }
    let ours = |p: &PathBuf| pending.iter().any(|(_, _, s, f, _)| p == s || p == f);
    let read = corpus::corpus_files(corpus_dir).and_then(|files| {
        files
            .into_iter()
            .filter(|p| !ours(p))
            .map(|p| std::fs::read_to_string(&p).map(|t| (p, t)))
            .collect::<std::io::Result<Vec<_>>>()
    });
    let mut sources = match read {
        Ok(sources) => sources,
        Err(e) => {
            for (at, ..) in &pending {
                results[*at] = Err(RowError::Read(std::io::Error::new(e.kind(), e.to_string())));
            }
            return results;
        }
    };
    let files_of = |row: &Stored, statement: &PathBuf, facts: &PathBuf| {
        [
            (statement.clone(), row.statement_file.clone()),
            (facts.clone(), row.facts_file.clone()),
        ]
    };
    let base = sources.len();
    let valid_before = Corpus::from_sources(&sources).is_ok();
    for (_, row, statement, facts, _) in &pending {
        sources.extend(files_of(row, statement, facts));
    }
    if valid_before && Corpus::from_sources(&sources).is_err() {
        sources.truncate(base);
        for (at, row, statement, facts, _) in &pending {
            sources.extend(files_of(row, statement, facts));
            if let Err(errors) = Corpus::from_sources(&sources) {
                sources.truncate(sources.len() - 2);
                results[*at] = Err(RowError::Invalid {
                    seq: row.seq,
                    id: row.id.clone(),
                    message: errors
                        .0
                        .first()
                        .map_or_else(|| errors.to_string(), ToString::to_string),
                });
            }
        }
    }
    for (at, row, statement_path, facts_path, (statement, facts)) in &pending {
        if results[*at].is_err() {
            continue;
        }
        let files = [
            (facts_path, &row.facts_file, *facts),
            (statement_path, &row.statement_file, *statement),
        ];
        for (path, text, there) in files {
            if there {
                continue;
            }
            if let Err(source) = atomic_file::write(path, text.as_bytes()) {
                results[*at] = Err(RowError::Write {
                    path: path.clone(),
                    source,
                });
                break;
            }
        }
    }
    results
}

/// Writes `stored` (on a blocking thread) and logs what came of each; how many were written.
async fn write_logged(corpus_dir: &Path, stored: Vec<Stored>) -> Result<usize, SyncError> {
    let dir = corpus_dir.to_path_buf();
    let names: Vec<(i64, String)> = stored.iter().map(|s| (s.seq, s.id.clone())).collect();
    let results = tokio::task::spawn_blocking(move || write_all(&dir, &stored))
        .await
        .map_err(|_| SyncError::Interrupted)?;
    let mut written = 0;
    for ((seq, id), result) in names.into_iter().zip(results) {
        match result {
            Ok(Written::New) => {
                tracing::info!(seq, id, "corpus sync: wrote a stored statement");
                written += 1;
            }
            Ok(Written::AlreadyThere) => {}
            Ok(Written::KeptLocal) => tracing::warn!(
                seq,
                id,
                "corpus sync: this corpus has the statement with other content (edited \
                 here?); kept the local files"
            ),
            Err(e) => tracing::error!(
                error = %agenda_core::error_chain::chain(&e),
                "corpus sync: a stored statement was not written; the index in service is \
                 unchanged"
            ),
        }
    }
    Ok(written)
}

/// Writes every stored statement whose files `corpus_dir` lacks; how many were written.
pub async fn catch_up(store: &CorpusStore, corpus_dir: &Path) -> Result<usize, SyncError> {
    let dir = corpus_dir.to_path_buf();
    let ids = store.ids().await?;
    let missing: Vec<i64> = tokio::task::spawn_blocking(move || {
        ids.into_iter()
            .filter(|(_, id)| {
                let (statement, facts) = paths_of(&dir, id);
                !(statement.is_file() && facts.is_file())
            })
            .map(|(seq, _)| seq)
            .collect()
    })
    .await
    .map_err(|_| SyncError::Interrupted)?;
    if missing.is_empty() {
        return Ok(0);
    }
    write_logged(corpus_dir, store.fetch(&missing).await?).await
}

/// What a notification on [`CHANNEL`] came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notified {
    /// The statement's files were written.
    Written,
    /// Nothing to write (already here, kept, or refused and logged).
    Nothing,
    /// The payload names no stored statement (logged, ignored).
    Unknown,
}

/// Handles one notification's payload (a stored statement's `seq`).
pub async fn on_notification(
    store: &CorpusStore,
    corpus_dir: &Path,
    payload: &str,
) -> Result<Notified, SyncError> {
    let Ok(seq) = payload.trim().parse::<i64>() else {
        tracing::warn!(payload = %payload.chars().take(40).collect::<String>(),
            "corpus sync: a notification that names no statement; ignored");
        return Ok(Notified::Unknown);
    };
    match store.get(seq).await? {
        None => {
            tracing::warn!(
                seq,
                "corpus sync: a notification for a statement that is not \
                stored; ignored"
            );
            Ok(Notified::Unknown)
        }
        Some(stored) => Ok(match write_logged(corpus_dir, vec![stored]).await? {
            0 => Notified::Nothing,
            _ => Notified::Written,
        }),
    }
}

/// A `LISTEN` on [`CHANNEL`] over a connection of its own.
pub struct Listener {
    _client: tokio_postgres::Client,
    events: mpsc::UnboundedReceiver<Result<String, String>>,
}

impl Listener {
    /// Connects and listens.
    pub async fn start(url: &StoreUrl) -> Result<Listener, SyncError> {
        let unavailable = |e: tokio_postgres::Error| PgError::unavailable(url.redacted(), e);
        let config = pg::client_config(url, "agenda-bot corpus listener")?;
        let (client, mut connection) = config
            .connect(tokio_postgres::NoTls)
            .await
            .map_err(unavailable)?;
        let (tx, events) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            loop {
                let message = std::future::poll_fn(|cx| connection.poll_message(cx)).await;
                let event = match message {
                    Some(Ok(tokio_postgres::AsyncMessage::Notification(n))) => {
                        Ok(n.payload().to_string())
                    }
                    Some(Ok(_)) => continue,
                    Some(Err(e)) => Err(e.to_string()),
                    None => Err("the connection closed".to_string()),
                };
                let lost = event.is_err();
                if tx.send(event).is_err() || lost {
                    return;
                }
            }
        });
        client
            .batch_execute(&format!("LISTEN {CHANNEL}"))
            .await
            .map_err(unavailable)?;
        Ok(Listener {
            _client: client,
            events,
        })
    }

    /// The next notification's payload; `Err` once the connection is lost.
    pub async fn next(&mut self) -> Result<String, String> {
        self.events
            .recv()
            .await
            .unwrap_or_else(|| Err("the connection closed".to_string()))
    }
}

/// The running sync; stopped by [`CorpusSync::stop`] or when dropped.
pub struct CorpusSync(StoppableTask);

impl CorpusSync {
    /// With `[store] url`: catches up, then follows the store in the background, rebuilding
    /// `index` after each statement written. `None` without a store.
    pub fn start(config: &Config, index: &SharedIndex) -> Option<CorpusSync> {
        let url = config.store.url.as_ref()?;
        match CorpusStore::new(url) {
            Ok(store) => Some(CorpusSync::start_with(
                Arc::new(store),
                config.corpus_dir.clone(),
                config.index_dir.clone(),
                index.clone(),
            )),
            Err(e) => {
                tracing::error!(error = %agenda_core::error_chain::chain(&e),
                    "corpus sync is off: statements added elsewhere are not written here");
                None
            }
        }
    }

    /// [`CorpusSync::start`] on a given store and directories.
    pub fn start_with(
        store: Arc<CorpusStore>,
        corpus_dir: PathBuf,
        index_dir: PathBuf,
        index: SharedIndex,
    ) -> CorpusSync {
        CorpusSync(StoppableTask::spawn("the corpus sync", |stopped| {
            follow(store, corpus_dir, index_dir, index, stopped)
        }))
    }

    /// Stops following (a write under way is finished; files are written atomically anyway).
    pub async fn stop(self) {
        self.0.stop().await
    }
}

/// The directories and the index a sync keeps current.
struct Target {
    corpus_dir: PathBuf,
    index_dir: PathBuf,
    index: SharedIndex,
}

/// Listen, catch up, follow; on a lost connection wait (backing off) and start over.
async fn follow(
    store: Arc<CorpusStore>,
    corpus_dir: PathBuf,
    index_dir: PathBuf,
    index: SharedIndex,
    mut stopped: watch::Receiver<bool>,
) {
    let target = Target {
        corpus_dir,
        index_dir,
        index,
    };
    let mut backoff = Backoff::new(Duration::from_millis(500), Duration::from_secs(60));
    loop {
        let failed = tokio::select! {
            Err(e) = session(&store, &target, &mut backoff) => e,
            _ = stopped.wait_for(|stop| *stop) => return,
        };
        crate::ops::health::status().set_store(false, jiff::Timestamp::now());
        let wait = backoff.next_delay();
        tracing::warn!(error = %agenda_core::error_chain::chain(&failed), retry_in = ?wait,
            "corpus sync: the store is unavailable; statements added meanwhile are caught up \
             on reconnect");
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = stopped.wait_for(|stop| *stop) => return,
        }
    }
}

/// One connection's worth of following: returns only when the store fails.
async fn session(
    store: &CorpusStore,
    target: &Target,
    backoff: &mut Backoff,
) -> Result<std::convert::Infallible, SyncError> {
    // Listening before catching up: a statement stored in between is notified.
    let mut listener = Listener::start(&store.url).await?;
    let written = catch_up(store, &target.corpus_dir).await?;
    crate::ops::health::status().set_store(true, jiff::Timestamp::now());
    tracing::info!(
        store = store.describe(),
        written,
        "corpus sync: caught up; following statements added on any replica"
    );
    if written > 0 {
        rebuild(target).await;
    }
    backoff.reset();
    loop {
        let payload = listener
            .next()
            .await
            .map_err(|e| PgError::unavailable(store.url.redacted(), e))?;
        if on_notification(store, &target.corpus_dir, &payload).await? == Notified::Written {
            rebuild(target).await;
        }
    }
}

/// Rebuilds the index from the corpus and swaps it in; a refused corpus keeps the index in
/// service (logged).
async fn rebuild(target: &Target) {
    let event = reload::reload_once(target.corpus_dir.clone(), target.index_dir.clone()).await;
    let ok = matches!(event, Some(ReloadEvent::Swapped(_)) | None);
    crate::ops::metrics::index_built("corpus_sync", ok);
    match event {
        Some(ReloadEvent::Swapped(fresh)) => {
            let statements = fresh.manifest.statements;
            if swap_in(&target.index, fresh) {
                tracing::info!(statements, "corpus sync: the new index answers from now on");
            }
        }
        Some(ReloadEvent::Refused(e)) => tracing::warn!(
            "corpus sync: the corpus is refused, the index in service is unchanged: {e}"
        ),
        Some(ReloadEvent::Failed(e)) => tracing::error!(
            "corpus sync: the corpus could not be indexed: {}",
            agenda_core::error_chain::chain(&e)
        ),
        None => {}
    }
}
