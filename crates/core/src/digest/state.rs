//! The digest's persisted bookkeeping: for each channel, the last local date a digest was
//! posted there. Kept in `state_dir/digest-state.json`, replaced atomically on every change.
//!
//! A missing file is an empty state (first run). A file that cannot be read or parsed is an
//! error naming the path: resetting it silently would post the day's digest again.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name under `state_dir`.
pub const FILE_NAME: &str = "digest-state.json";

/// Channel id → last local date the digest was posted there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DigestState {
    #[serde(default)]
    pub posted: BTreeMap<u64, Date>,
}

impl DigestState {
    pub fn last_posted(&self, channel_id: u64) -> Option<Date> {
        self.posted.get(&channel_id).copied()
    }

    /// Whether the digest for `date` (or a later one) was already posted in the channel.
    pub fn is_posted(&self, channel_id: u64, date: Date) -> bool {
        self.last_posted(channel_id)
            .is_some_and(|last| last >= date)
    }

    /// Records a post; an earlier date never replaces a later one.
    pub fn mark(&mut self, channel_id: u64, date: Date) {
        let entry = self.posted.entry(channel_id).or_insert(date);
        if *entry < date {
            *entry = date;
        }
    }
}

/// The state file cannot be used; the cause is the `source()`, not part of the message.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot use the digest state {}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("digest state {} is corrupt; fix or remove it (removing it may repost today's digest)", path.display())]
    Corrupt { path: PathBuf, source: CorruptState },
}

/// What is wrong with a state file's content.
#[derive(Debug, thiserror::Error)]
pub enum CorruptState {
    #[error("expected a JSON object")]
    NotAnObject,
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// The state and the file it lives in.
#[derive(Debug)]
pub struct StateStore {
    path: PathBuf,
    state: DigestState,
}

impl StateStore {
    /// Loads `state_dir/digest-state.json`; a missing file (or directory) is an empty state.
    pub fn open(state_dir: &Path) -> Result<StateStore, StateError> {
        let path = state_dir.join(FILE_NAME);
        let state = match std::fs::read(&path) {
            Ok(bytes) => parse(&bytes).map_err(|source| StateError::Corrupt {
                path: path.clone(),
                source,
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => DigestState::default(),
            Err(source) => return Err(StateError::Io { path, source }),
        };
        Ok(StateStore { path, state })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn state(&self) -> &DigestState {
        &self.state
    }

    /// Records that the digest for `date` was posted in the channel and saves the state.
    /// Call it only after the send succeeded. When saving fails the post stays recorded in
    /// memory (this process will not post it again) and the error is returned.
    pub fn mark_posted(&mut self, channel_id: u64, date: Date) -> Result<(), StateError> {
        self.state.mark(channel_id, date);
        self.save()
    }

    /// Writes the state atomically ([`crate::atomic_file::write`]).
    pub fn save(&self) -> Result<(), StateError> {
        let bytes = serde_json::to_vec_pretty(&self.state).map_err(|e| StateError::Corrupt {
            path: self.path.clone(),
            source: e.into(),
        })?;
        crate::atomic_file::write(&self.path, &bytes).map_err(|source| StateError::Io {
            path: self.path.clone(),
            source,
        })
    }
}

/// The file must be a JSON object of the [`DigestState`] shape (serde would also take an array).
fn parse(bytes: &[u8]) -> Result<DigestState, CorruptState> {
    let value: serde_json::Value = serde_json::from_slice(bytes)?;
    if !value.is_object() {
        return Err(CorruptState::NotAnObject);
    }
    Ok(serde_json::from_value(value)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn missing_file_is_empty_and_marks_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let state_dir = dir.path().join("state");
        let mut store = StateStore::open(&state_dir).unwrap();
        assert_eq!(store.state(), &DigestState::default());
        store.mark_posted(42, d(2026, 11, 22)).unwrap();
        store.mark_posted(7, d(2026, 11, 21)).unwrap();
        // An earlier date does not move a channel back.
        store.mark_posted(42, d(2026, 11, 1)).unwrap();
        let again = StateStore::open(&state_dir).unwrap();
        assert_eq!(again.state().last_posted(42), Some(d(2026, 11, 22)));
        assert_eq!(again.state().last_posted(7), Some(d(2026, 11, 21)));
        assert!(again.state().is_posted(42, d(2026, 11, 22)));
        assert!(!again.state().is_posted(7, d(2026, 11, 22)));
        let text = std::fs::read_to_string(state_dir.join(FILE_NAME)).unwrap();
        assert!(text.contains("\"42\": \"2026-11-22\""), "{text}");
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(&state_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE_NAME]);
    }

    #[test]
    fn corrupt_file_is_an_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        for bad in [
            "{not json",
            "{\"posted\": {\"42\": \"2026-13-01\"}}",
            "[]",
            "",
        ] {
            std::fs::write(&path, bad).unwrap();
            let e = StateStore::open(dir.path()).unwrap_err();
            assert!(matches!(e, StateError::Corrupt { .. }), "{bad:?}: {e}");
            assert!(e.to_string().contains(&path.display().to_string()), "{e}");
            // The file is left as it was.
            assert_eq!(std::fs::read_to_string(&path).unwrap(), bad);
        }
    }
}
