//! Helpers shared by the integration tests that need no Discord (`mod common;`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The shipped corpus, `corpus/`.
pub fn shipped_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The small hand-written corpus, `tests/fixtures/corpus/`.
pub fn fixture_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// Copies a directory tree (a corpus into a test's temp dir).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A `config.toml` in a temp dir over a corpus (a copy of `from`, or an empty one) and a fresh
/// index directory, for running the `agenda-bot` binary.
pub struct CliSetup {
    pub tmp: tempfile::TempDir,
    pub config: PathBuf,
    pub corpus: PathBuf,
}

impl CliSetup {
    pub fn new(from: Option<&Path>) -> CliSetup {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        match from {
            Some(from) => copy_dir(from, &corpus),
            None => {
                std::fs::create_dir_all(corpus.join("statements")).unwrap();
                std::fs::create_dir_all(corpus.join("facts")).unwrap();
            }
        }
        let config = tmp.path().join("config.toml");
        std::fs::write(
            &config,
            "corpus_dir = \"corpus\"\nindex_dir = \"index\"\nstate_dir = \"state\"\n",
        )
        .unwrap();
        CliSetup {
            tmp,
            config,
            corpus,
        }
    }

    /// `agenda-bot --config … ARGS`, without a Discord token.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_agenda-bot"))
            .arg("--config")
            .arg(&self.config)
            .args(args)
            .env_remove("DISCORD_TOKEN")
            .output()
            .unwrap()
    }
}
