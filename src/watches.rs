//! The channels' watches and what was posted for them: `state_dir/watches.json` (written
//! atomically; a file that cannot be read is reported and never overwritten), or one row of the
//! `[store] url` database, so that `/watch` on any replica reaches the bot that posts.
//!
//! Statements are looked at once: the store remembers every statement id it has seen. The first
//! time it is asked, every statement already in the index counts as seen (watches are about
//! statements added from then on); each (watch, statement) post is recorded so a restart never
//! posts it twice.

use crate::config::{Config, StoreUrl};
use crate::pg::{self, PgError};
use agenda_core::watch::Target;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tokio::sync::Mutex;

/// The file in the state directory.
pub const FILE: &str = "watches.json";
/// The most watches one channel may have.
pub const MAX_PER_CHANNEL: usize = 50;

/// One watch of one channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Watch {
    pub id: u64,
    pub channel: u64,
    /// As typed.
    pub text: String,
    pub target: Target,
    pub created: Timestamp,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct State {
    next_id: u64,
    watches: Vec<Watch>,
    /// Whether `seen` has been filled with the statements there were at first.
    baselined: bool,
    seen: BTreeSet<String>,
    /// (watch id, statement id) posted.
    posted: BTreeSet<(u64, String)>,
    /// `watch id:meeting id` → the planned instance's date and place when last looked at.
    instances: std::collections::BTreeMap<String, String>,
    /// `watch id:statement id` → who is posting it, until when (Unix seconds): a claim, so two
    /// processes sharing the store never post one thing twice; a dead one's claim runs out.
    claims: std::collections::BTreeMap<String, (String, i64)>,
}

/// How long a claim on a watch post holds.
pub const CLAIM_LEASE_SECS: i64 = 120;

/// What a claim on a watch post got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostClaim {
    /// Post it (then [`WatchStore::mark_posted`], or [`WatchStore::release`]).
    Claimed,
    AlreadyPosted,
    /// Another process is posting it.
    Held,
}

/// Why a watch could not be added, removed or recorded.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("this channel already has {MAX_PER_CHANNEL} watches, the most it can have")]
    TooMany,
    #[error("this channel already watches {0:?}")]
    Duplicate(String),
    #[error("cannot read the watches in {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("cannot write {}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] PgError),
}

/// The database's one-row table of watches.
const SCHEMA: pg::Schema = pg::Schema {
    version_table: "agenda_watch_schema",
    lock: 0x6167_656e_6461_0006,
    migrations: &["CREATE TABLE IF NOT EXISTS agenda_watch_state (
            id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
            state TEXT NOT NULL
        )"],
};

/// Where the watches are.
enum Backend {
    File {
        path: PathBuf,
        lock: Mutex<()>,
    },
    Postgres {
        pool: deadpool_postgres::Pool,
        url: StoreUrl,
        schema: tokio::sync::OnceCell<()>,
    },
}

/// The watches, in the state directory or the database.
pub struct WatchStore {
    backend: Backend,
    /// This process, in claims.
    replica: String,
}

impl std::fmt::Debug for WatchStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("WatchStore").field(&self.describe()).finish()
    }
}

fn parse(bytes: &[u8], path: &Path) -> Result<State, WatchError> {
    serde_json::from_slice(bytes).map_err(|e| WatchError::Read {
        path: path.to_path_buf(),
        source: e.into(),
    })
}

impl WatchStore {
    /// `state_dir/watches.json`.
    pub fn in_state_dir(state_dir: &Path) -> WatchStore {
        WatchStore {
            backend: Backend::File {
                path: state_dir.join(FILE),
                lock: Mutex::new(()),
            },
            replica: pg::replica_id(),
        }
    }

    /// The database `[store] url` names, else the state directory's file.
    pub fn for_config(config: &Config) -> Result<WatchStore, PgError> {
        Ok(match &config.store.url {
            Some(url) => WatchStore {
                backend: Backend::Postgres {
                    pool: pg::pool(url, "agenda-bot watches", 2)?,
                    url: url.clone(),
                    schema: tokio::sync::OnceCell::new(),
                },
                replica: pg::replica_id(),
            },
            None => WatchStore::in_state_dir(&config.state_dir),
        })
    }

    /// Where it is, for messages (no password).
    pub fn describe(&self) -> String {
        match &self.backend {
            Backend::File { path, .. } => path.display().to_string(),
            Backend::Postgres { url, .. } => url.redacted().to_string(),
        }
    }

    /// Runs `change` on the stored state (an empty one when nothing is stored), then stores it;
    /// one change at a time (a row lock in the database).
    async fn update<T>(
        &self,
        change: impl FnOnce(&mut State) -> Result<T, WatchError>,
    ) -> Result<T, WatchError> {
        match &self.backend {
            Backend::File { path, lock } => {
                let _held = lock.lock().await;
                let mut state = match std::fs::read(path) {
                    Ok(bytes) => parse(&bytes, path)?,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => State::default(),
                    Err(e) => {
                        return Err(WatchError::Read {
                            path: path.clone(),
                            source: e.into(),
                        })
                    }
                };
                let out = change(&mut state)?;
                let write = |source| WatchError::Write {
                    path: path.clone(),
                    source,
                };
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(write)?;
                }
                let bytes = serde_json::to_vec_pretty(&state).expect("the state serialises");
                agenda_core::atomic_file::write(path, &bytes).map_err(write)?;
                Ok(out)
            }
            Backend::Postgres { pool, url, schema } => {
                let url = url.redacted();
                let err = |e| PgError::unavailable(url, e);
                let mut client = pool.get().await.map_err(|e| PgError::unavailable(url, e))?;
                schema
                    .get_or_try_init(|| pg::migrate(&mut client, url, &SCHEMA))
                    .await?;
                let tx = client.transaction().await.map_err(err)?;
                tx.execute(
                    "INSERT INTO agenda_watch_state (id, state) VALUES (TRUE, '{}')
                     ON CONFLICT (id) DO NOTHING",
                    &[],
                )
                .await
                .map_err(err)?;
                let row = tx
                    .query_one("SELECT state FROM agenda_watch_state FOR UPDATE", &[])
                    .await
                    .map_err(err)?;
                let text: String = row.get(0);
                let mut state = parse(text.as_bytes(), Path::new("agenda_watch_state"))?;
                let out = change(&mut state)?;
                let text = serde_json::to_string(&state).expect("the state serialises");
                tx.execute("UPDATE agenda_watch_state SET state = $1", &[&text])
                    .await
                    .map_err(err)?;
                tx.commit().await.map_err(err)?;
                Ok(out)
            }
        }
    }

    /// The stored state, read only (an empty one when nothing is stored).
    async fn read(&self) -> Result<State, WatchError> {
        match &self.backend {
            Backend::File { path, lock } => {
                let _held = lock.lock().await;
                match std::fs::read(path) {
                    Ok(bytes) => parse(&bytes, path),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
                    Err(e) => Err(WatchError::Read {
                        path: path.clone(),
                        source: e.into(),
                    }),
                }
            }
            Backend::Postgres { pool, url, schema } => {
                let url = url.redacted();
                let mut client = pool.get().await.map_err(|e| PgError::unavailable(url, e))?;
                schema
                    .get_or_try_init(|| pg::migrate(&mut client, url, &SCHEMA))
                    .await?;
                let row = client
                    .query_opt("SELECT state FROM agenda_watch_state", &[])
                    .await
                    .map_err(|e| PgError::unavailable(url, e))?;
                match row {
                    Some(row) => parse(
                        row.get::<_, &str>(0).as_bytes(),
                        Path::new("agenda_watch_state"),
                    ),
                    None => Ok(State::default()),
                }
            }
        }
    }

    /// Whether no watch was ever added: nothing to look at.
    pub async fn is_unused(&self) -> Result<bool, WatchError> {
        Ok(!self.read().await?.baselined)
    }

    /// Adds a watch on `target` (typed as `text`) to `channel`. The first watch ever takes the
    /// statements of the index in service (`present`) as seen.
    pub async fn add(
        &self,
        channel: u64,
        text: &str,
        target: Target,
        now: Timestamp,
        present: impl FnOnce() -> Vec<String>,
    ) -> Result<Watch, WatchError> {
        self.update(|state| {
            if !state.baselined {
                state.baselined = true;
                state.seen.extend(present());
            }
            let mine: Vec<&Watch> = state
                .watches
                .iter()
                .filter(|w| w.channel == channel)
                .collect();
            if let Some(same) = mine.iter().find(|w| w.target.same_as(&target)) {
                return Err(WatchError::Duplicate(same.target.label.clone()));
            }
            if mine.len() >= MAX_PER_CHANNEL {
                return Err(WatchError::TooMany);
            }
            state.next_id += 1;
            let watch = Watch {
                id: state.next_id,
                channel,
                text: text.trim().to_string(),
                target,
                created: now,
            };
            state.watches.push(watch.clone());
            Ok(watch)
        })
        .await
    }

    /// Removes the watch of `channel` on `target`; the watch removed, if any.
    pub async fn remove(&self, channel: u64, target: &Target) -> Result<Option<Watch>, WatchError> {
        self.update(|state| {
            let at = state
                .watches
                .iter()
                .position(|w| w.channel == channel && w.target.same_as(target));
            Ok(at.map(|i| state.watches.remove(i)))
        })
        .await
    }

    /// The watches of `channel` (every channel's with `None`), oldest first.
    pub async fn list(&self, channel: Option<u64>) -> Result<Vec<Watch>, WatchError> {
        Ok(self
            .read()
            .await?
            .watches
            .into_iter()
            .filter(|w| channel.is_none_or(|c| w.channel == c))
            .collect())
    }

    /// Of the statements the index holds (`ids`), those not seen yet. The first call counts
    /// every one as seen and returns none.
    pub async fn unseen(&self, ids: &[String]) -> Result<Vec<String>, WatchError> {
        let state = self.read().await?;
        if state.baselined {
            return Ok(ids
                .iter()
                .filter(|id| !state.seen.contains(*id))
                .cloned()
                .collect());
        }
        self.update(|state| {
            if !state.baselined {
                state.baselined = true;
                state.seen.extend(ids.iter().cloned());
            }
            Ok(Vec::new())
        })
        .await
    }

    /// Records that `statement` was looked at for every watch.
    pub async fn mark_seen(&self, statement: &str) -> Result<(), WatchError> {
        self.update(|state| {
            state.seen.insert(statement.to_string());
            Ok(())
        })
        .await
    }

    /// Whether `watch` was posted for `statement`.
    pub async fn is_posted(&self, watch: u64, statement: &str) -> Result<bool, WatchError> {
        Ok(self
            .read()
            .await?
            .posted
            .contains(&(watch, statement.to_string())))
    }

    /// What the planned meeting `meeting` of `watch`'s series looked like when last recorded.
    pub async fn instance(&self, watch: u64, meeting: &str) -> Result<Option<String>, WatchError> {
        Ok(self
            .read()
            .await?
            .instances
            .get(&format!("{watch}:{meeting}"))
            .cloned())
    }

    /// Records what the planned meeting `meeting` of `watch`'s series looks like now.
    pub async fn record_instance(
        &self,
        watch: u64,
        meeting: &str,
        looks: &str,
    ) -> Result<(), WatchError> {
        self.update(|state| {
            state
                .instances
                .insert(format!("{watch}:{meeting}"), looks.to_string());
            Ok(())
        })
        .await
    }

    /// Claims the post of `watch` for `statement` at `now` (Unix seconds) for
    /// [`CLAIM_LEASE_SECS`]: this process's claim is renewed, another's holds until it runs out.
    pub async fn claim(
        &self,
        watch: u64,
        statement: &str,
        now: i64,
    ) -> Result<PostClaim, WatchError> {
        let key = format!("{watch}:{statement}");
        self.update(|state| {
            if state.posted.contains(&(watch, statement.to_string())) {
                return Ok(PostClaim::AlreadyPosted);
            }
            if let Some((by, until)) = state.claims.get(&key) {
                if *by != self.replica && *until > now {
                    return Ok(PostClaim::Held);
                }
            }
            state
                .claims
                .insert(key, (self.replica.clone(), now + CLAIM_LEASE_SECS));
            Ok(PostClaim::Claimed)
        })
        .await
    }

    /// Gives this process's claim up without posting (the post failed for now).
    pub async fn release(&self, watch: u64, statement: &str) -> Result<(), WatchError> {
        let key = format!("{watch}:{statement}");
        self.update(|state| {
            if state
                .claims
                .get(&key)
                .is_some_and(|(by, _)| *by == self.replica)
            {
                state.claims.remove(&key);
            }
            Ok(())
        })
        .await
    }

    /// Records that `watch` was posted for `statement` (its claim done).
    pub async fn mark_posted(&self, watch: u64, statement: &str) -> Result<(), WatchError> {
        self.update(|state| {
            state.claims.remove(&format!("{watch}:{statement}"));
            state.posted.insert((watch, statement.to_string()));
            Ok(())
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::watch::What;

    fn words(text: &str) -> Target {
        Target {
            what: What::Words,
            label: text.into(),
            names: vec![text.into()],
        }
    }

    #[tokio::test]
    async fn watches_are_kept_per_channel_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = WatchStore::in_state_dir(dir.path());
        let now = Timestamp::UNIX_EPOCH;
        let first = file
            .add(1, "ADMM ", words("ADMM"), now, Vec::new)
            .await
            .unwrap();
        assert_eq!((first.id, first.text.as_str()), (1, "ADMM"));
        assert!(matches!(
            file.add(1, "admm", words("ADMM"), now, Vec::new).await,
            Err(WatchError::Duplicate(_))
        ));
        file.add(2, "ADMM", words("ADMM"), now, Vec::new)
            .await
            .unwrap();
        for n in 1..MAX_PER_CHANNEL {
            file.add(1, &format!("w{n}"), words(&format!("w{n}")), now, Vec::new)
                .await
                .unwrap();
        }
        assert!(matches!(
            file.add(1, "one more", words("one more"), now, Vec::new)
                .await,
            Err(WatchError::TooMany)
        ));
        assert_eq!(file.list(Some(1)).await.unwrap().len(), MAX_PER_CHANNEL);
        assert_eq!(file.list(None).await.unwrap().len(), MAX_PER_CHANNEL + 1);
        assert_eq!(file.remove(1, &words("ADMM")).await.unwrap(), Some(first));
        assert_eq!(file.remove(1, &words("ADMM")).await.unwrap(), None);
        assert_eq!(file.list(Some(2)).await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn statements_are_seen_once_and_posts_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let file = WatchStore::in_state_dir(dir.path());
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(
            file.unseen(&ids(&["a", "b"])).await.unwrap().is_empty(),
            "baseline"
        );
        assert_eq!(file.unseen(&ids(&["a", "b", "c"])).await.unwrap(), ["c"]);
        assert!(!file.is_posted(1, "c").await.unwrap());
        file.mark_posted(1, "c").await.unwrap();
        file.mark_seen("c").await.unwrap();
        // Claims: one process at a time, until the lease runs out.
        let other = WatchStore::in_state_dir(dir.path());
        assert_eq!(file.claim(2, "c", 100).await.unwrap(), PostClaim::Claimed);
        assert_eq!(
            file.claim(2, "c", 101).await.unwrap(),
            PostClaim::Claimed,
            "renewed"
        );
        assert_eq!(other.claim(2, "c", 150).await.unwrap(), PostClaim::Held);
        assert_eq!(
            other.claim(2, "c", 101 + CLAIM_LEASE_SECS).await.unwrap(),
            PostClaim::Claimed,
            "taken over"
        );
        other.mark_posted(2, "c").await.unwrap();
        assert_eq!(
            file.claim(2, "c", 1_000).await.unwrap(),
            PostClaim::AlreadyPosted
        );
        assert_eq!(file.claim(3, "c", 1_000).await.unwrap(), PostClaim::Claimed);
        file.release(3, "c").await.unwrap();
        assert_eq!(
            other.claim(3, "c", 1_001).await.unwrap(),
            PostClaim::Claimed
        );
        // A restart reads the same file.
        let again = WatchStore::in_state_dir(dir.path());
        assert!(again.is_posted(1, "c").await.unwrap());
        assert!(again
            .unseen(&ids(&["a", "b", "c"]))
            .await
            .unwrap()
            .is_empty());
    }

    #[tokio::test]
    async fn a_corrupt_file_is_named_and_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), b"{ not json").unwrap();
        let file = WatchStore::in_state_dir(dir.path());
        let e = file
            .add(1, "ADMM", words("ADMM"), Timestamp::UNIX_EPOCH, Vec::new)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("watches.json"), "{e}");
        assert_eq!(
            std::fs::read(dir.path().join(FILE)).unwrap(),
            b"{ not json",
            "nothing lost"
        );
    }
}
