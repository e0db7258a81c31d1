//! The channels' watches and what was posted for them, in `state_dir/watches.json` (written
//! atomically; a file that cannot be read is reported and never overwritten).
//!
//! Statements are looked at once: the store remembers every statement id it has seen. The first
//! time it is asked, every statement already in the index counts as seen (watches are about
//! statements added from then on); each (watch, statement) post is recorded so a restart never
//! posts it twice.

use agenda_core::watch::Target;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
struct State {
    next_id: u64,
    watches: Vec<Watch>,
    /// Whether `seen` has been filled with the statements there were at first.
    baselined: bool,
    seen: BTreeSet<String>,
    /// (watch id, statement id) posted.
    posted: BTreeSet<(u64, String)>,
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
}

/// `state_dir/watches.json`.
#[derive(Debug)]
pub struct WatchFile {
    path: PathBuf,
    lock: Mutex<()>,
}

impl WatchFile {
    pub fn in_state_dir(state_dir: &Path) -> WatchFile {
        WatchFile {
            path: state_dir.join(FILE),
            lock: Mutex::new(()),
        }
    }

    fn load(&self) -> Result<State, WatchError> {
        let read = |source: Box<dyn std::error::Error + Send + Sync>| WatchError::Read {
            path: self.path.clone(),
            source,
        };
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| read(e.into())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(read(e.into())),
        }
    }

    fn save(&self, state: &State) -> Result<(), WatchError> {
        let write = |source| WatchError::Write {
            path: self.path.clone(),
            source,
        };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(write)?;
        }
        let bytes = serde_json::to_vec_pretty(state).expect("the state serialises");
        agenda_core::atomic_file::write(&self.path, &bytes).map_err(write)
    }

    /// Runs `change` on the state under the lock, then saves it.
    fn update<T>(
        &self,
        change: impl FnOnce(&mut State) -> Result<T, WatchError>,
    ) -> Result<T, WatchError> {
        let _held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut state = self.load()?;
        let out = change(&mut state)?;
        self.save(&state)?;
        Ok(out)
    }

    /// Whether no watch was ever added (no file): nothing to look at.
    pub fn is_unused(&self) -> bool {
        !self.path.exists()
    }

    /// Adds a watch on `target` (typed as `text`) to `channel`. The first watch ever takes the
    /// statements of the index in service (`present`) as seen.
    pub fn add(
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
    }

    /// Removes the watch of `channel` on `target`; the watch removed, if any.
    pub fn remove(&self, channel: u64, target: &Target) -> Result<Option<Watch>, WatchError> {
        self.update(|state| {
            let at = state
                .watches
                .iter()
                .position(|w| w.channel == channel && w.target.same_as(target));
            Ok(at.map(|i| state.watches.remove(i)))
        })
    }

    /// The watches of `channel` (every channel's with `None`), oldest first.
    pub fn list(&self, channel: Option<u64>) -> Result<Vec<Watch>, WatchError> {
        let _held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        let state = self.load()?;
        Ok(state
            .watches
            .into_iter()
            .filter(|w| channel.is_none_or(|c| w.channel == c))
            .collect())
    }

    /// Of the statements the index holds (`ids`), those not seen yet. The first call counts
    /// every one as seen and returns none.
    pub fn unseen(&self, ids: &[String]) -> Result<Vec<String>, WatchError> {
        self.update(|state| {
            if !state.baselined {
                state.baselined = true;
                state.seen.extend(ids.iter().cloned());
                return Ok(Vec::new());
            }
            Ok(ids
                .iter()
                .filter(|id| !state.seen.contains(*id))
                .cloned()
                .collect())
        })
    }

    /// Records that `statement` was looked at for every watch.
    pub fn mark_seen(&self, statement: &str) -> Result<(), WatchError> {
        self.update(|state| {
            state.seen.insert(statement.to_string());
            Ok(())
        })
    }

    /// Whether `watch` was posted for `statement`.
    pub fn is_posted(&self, watch: u64, statement: &str) -> Result<bool, WatchError> {
        let _held = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        Ok(self
            .load()?
            .posted
            .contains(&(watch, statement.to_string())))
    }

    /// Records that `watch` was posted for `statement`.
    pub fn mark_posted(&self, watch: u64, statement: &str) -> Result<(), WatchError> {
        self.update(|state| {
            state.posted.insert((watch, statement.to_string()));
            Ok(())
        })
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

    #[test]
    fn watches_are_kept_per_channel_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = WatchFile::in_state_dir(dir.path());
        let now = Timestamp::UNIX_EPOCH;
        let first = file.add(1, "ADMM ", words("ADMM"), now, Vec::new).unwrap();
        assert_eq!((first.id, first.text.as_str()), (1, "ADMM"));
        assert!(matches!(
            file.add(1, "admm", words("ADMM"), now, Vec::new),
            Err(WatchError::Duplicate(_))
        ));
        file.add(2, "ADMM", words("ADMM"), now, Vec::new).unwrap();
        for n in 1..MAX_PER_CHANNEL {
            file.add(1, &format!("w{n}"), words(&format!("w{n}")), now, Vec::new)
                .unwrap();
        }
        assert!(matches!(
            file.add(1, "one more", words("one more"), now, Vec::new),
            Err(WatchError::TooMany)
        ));
        assert_eq!(file.list(Some(1)).unwrap().len(), MAX_PER_CHANNEL);
        assert_eq!(file.list(None).unwrap().len(), MAX_PER_CHANNEL + 1);
        assert_eq!(file.remove(1, &words("ADMM")).unwrap(), Some(first));
        assert_eq!(file.remove(1, &words("ADMM")).unwrap(), None);
        assert_eq!(file.list(Some(2)).unwrap().len(), 1);
    }

    #[test]
    fn statements_are_seen_once_and_posts_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let file = WatchFile::in_state_dir(dir.path());
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(
            file.unseen(&ids(&["a", "b"])).unwrap().is_empty(),
            "baseline"
        );
        assert_eq!(file.unseen(&ids(&["a", "b", "c"])).unwrap(), ["c"]);
        assert!(!file.is_posted(1, "c").unwrap());
        file.mark_posted(1, "c").unwrap();
        file.mark_seen("c").unwrap();
        // A restart reads the same file.
        let again = WatchFile::in_state_dir(dir.path());
        assert!(again.is_posted(1, "c").unwrap());
        assert!(again.unseen(&ids(&["a", "b", "c"])).unwrap().is_empty());
    }

    #[test]
    fn a_corrupt_file_is_named_and_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), b"{ not json").unwrap();
        let file = WatchFile::in_state_dir(dir.path());
        let e = file
            .add(1, "ADMM", words("ADMM"), Timestamp::UNIX_EPOCH, Vec::new)
            .unwrap_err();
        assert!(e.to_string().contains("watches.json"), "{e}");
        assert_eq!(
            std::fs::read(dir.path().join(FILE)).unwrap(),
            b"{ not json",
            "nothing lost"
        );
    }
}
