//! Fixtures shared by the tests of every crate: the shipped corpus and its index, built once.

use crate::corpus::Corpus;
use crate::index::AgendaIndex;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The repository's top-level directory (the workspace root).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shipped corpus, `corpus/`.
pub fn shipped_corpus_dir() -> PathBuf {
    repo_root().join("corpus")
}

/// The shipped corpus, loaded once per test process.
pub fn shipped_corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| Corpus::load(&shipped_corpus_dir()).expect("the shipped corpus loads"))
}

/// The shipped corpus, indexed in memory once per test process.
pub fn shipped_index() -> Arc<AgendaIndex> {
    static INDEX: OnceLock<Arc<AgendaIndex>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            Arc::new(
                AgendaIndex::build_in_ram(shipped_corpus()).expect("the shipped corpus indexes"),
            )
        })
        .clone()
}
