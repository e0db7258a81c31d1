//! The index in service: opened for answering ([`open_index`], built first when the corpus
//! changed), shared between answers and swapped without blocking them ([`SharedIndex`],
//! [`swap_in`]), and kept current by the corpus watcher ([`CorpusWatcher`]).
//!
//! Hot reload (`[discord] watch_corpus`, on by default): [`crate::reload::watch`] on
//! `corpus_dir`; each valid change is rebuilt into a new generation and swapped in, a broken one
//! is refused (logged with its `file:line` list by the watcher) and the index in service keeps
//! answering. `/reindex` and `/add` may race the watcher: builds are serialised by the index's
//! build lock, and [`swap_in`] never replaces a newer index with an older one, whichever
//! finishes last.

use crate::config::Config;
use crate::reload::{self, ReloadEvent};
use agenda_core::index::{self, AgendaIndex, BuildOutcome, IndexError};
use anyhow::{Context as _, Result};
use arc_swap::ArcSwap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;

/// Opens the index for answering, building it first when the corpus changed.
/// A corpus with errors is reported (logged, and told on stderr in the CLI) and the last good
/// index keeps answering.
pub fn open_index(config: &Config) -> Result<AgendaIndex> {
    match index::ensure_built(&config.corpus_dir, &config.index_dir) {
        Ok(BuildOutcome::Built) => {
            tracing::info!(dir = %config.index_dir.display(), "index rebuilt from the corpus")
        }
        Ok(BuildOutcome::UpToDate) => {}
        Err(IndexError::Corpus(errors)) => {
            if index::current_generation(&config.index_dir)?.is_none() {
                return Err(errors).context("cannot build the index");
            }
            tracing::warn!("answering from the last good index: {errors}");
        }
        Err(e) => return Err(e).context("cannot build the index"),
    }
    AgendaIndex::open(&config.index_dir).context("cannot open the index")
}

/// `agenda-bot index`: validates the corpus and builds the index if it changed.
pub fn build(config: &Config, out: &mut dyn Write) -> Result<()> {
    let started = std::time::Instant::now();
    let outcome = index::ensure_built(&config.corpus_dir, &config.index_dir)?;
    let idx = AgendaIndex::open(&config.index_dir)?;
    let m = &idx.manifest;
    let verb = match outcome {
        BuildOutcome::Built => "built",
        BuildOutcome::UpToDate => "up to date",
    };
    writeln!(
        out,
        "index {verb}: {} statements, {} paragraphs, {} facts ({:.0?})",
        m.statements,
        m.paragraphs,
        m.facts,
        started.elapsed()
    )?;
    Ok(())
}

/// The index in service. Readers take a snapshot (`load`/`load_full`) per request; `/reindex`
/// swaps in a new one without ever blocking them.
pub type SharedIndex = Arc<ArcSwap<AgendaIndex>>;

/// Wraps an open index for sharing.
pub fn shared_index(index: AgendaIndex) -> SharedIndex {
    Arc::new(ArcSwap::from_pointee(index))
}

/// How long the corpus must stay quiet before a rebuild (an editor's save is several events).
pub const DEBOUNCE: Duration = Duration::from_millis(500);

/// Puts `fresh` in service unless the index in service was built later (`manifest.built_at`).
/// Returns whether `fresh` is now in service. The index it replaces is handed to a background
/// thread to free; an answer still reading it frees it instead, when that answer is the last.
pub fn swap_in(index: &SharedIndex, fresh: Arc<AgendaIndex>) -> bool {
    let mut swapped = false;
    let previous = index.rcu(|current| {
        swapped = !built_later(current, &fresh);
        if swapped {
            fresh.clone()
        } else {
            current.clone()
        }
    });
    crate::background::drop_in_background(if swapped { previous } else { fresh });
    swapped
}

/// `a` was built strictly after `b`.
fn built_later(a: &AgendaIndex, b: &AgendaIndex) -> bool {
    a.manifest.built_at > b.manifest.built_at
}

/// What the bot does with a reload event (the watcher has logged it already).
fn apply(index: &SharedIndex, event: ReloadEvent) {
    crate::ops::metrics::index_built("hot_reload", matches!(event, ReloadEvent::Swapped(_)));
    match event {
        ReloadEvent::Swapped(fresh) => {
            let facts = fresh.manifest.facts;
            if swap_in(index, fresh) {
                tracing::info!(facts, "hot reload: the new index answers from now on");
            } else {
                tracing::info!("hot reload: a newer index is already in service");
            }
        }
        // Logged by `reload::watch` with the `file:line: message` list / the cause.
        ReloadEvent::Refused(_) | ReloadEvent::Failed(_) => {}
    }
}

/// The running watcher; stopped by [`CorpusWatcher::stop`] (or when dropped).
pub struct CorpusWatcher(crate::background::StoppableTask);

impl CorpusWatcher {
    /// Starts watching and returns once the watch is in place, after one catch-up check (a change
    /// made between opening the index and arming the watch is picked up too). `None`, logged,
    /// when the directory cannot be watched (e.g. the inotify limit): `/reindex` still works.
    pub async fn start(
        corpus_dir: PathBuf,
        index_dir: PathBuf,
        index: SharedIndex,
    ) -> Option<CorpusWatcher> {
        let (armed_tx, armed_rx) = oneshot::channel();
        let task = crate::background::StoppableTask::spawn("the corpus watcher", |stop_rx| {
            let (corpus_dir, index_dir, index) =
                (corpus_dir.clone(), index_dir.clone(), index.clone());
            async move {
                let on_event = move |event| apply(&index, event);
                let watched = reload::watch_armed(
                    corpus_dir.clone(),
                    index_dir,
                    DEBOUNCE,
                    stop_rx,
                    armed_tx,
                    on_event,
                )
                .await;
                if let Err(e) = watched {
                    tracing::error!(
                        corpus = %corpus_dir.display(),
                        error = %e,
                        "cannot watch the corpus: hot reload is off (/reindex still works)"
                    );
                }
            }
        });
        let watcher = CorpusWatcher(task);
        if armed_rx.await.is_err() {
            return None; // the watch failed, and said so
        }
        if let Some(event) = reload::reload_once(corpus_dir.clone(), index_dir).await {
            match &event {
                ReloadEvent::Refused(e) => tracing::warn!(
                    "the corpus changed since the index was opened and is refused, the index in \
                     service is unchanged: {e}"
                ),
                ReloadEvent::Failed(e) => tracing::error!(
                    "the corpus changed but could not be indexed: {}",
                    agenda_core::error_chain::chain(e)
                ),
                ReloadEvent::Swapped(_) => {}
            }
            apply(&index, event);
        }
        tracing::info!(corpus = %corpus_dir.display(), "watching the corpus for changes");
        Some(watcher)
    }

    /// Stops the watcher and waits (up to 5 s) for it; a rebuild under way is finished first.
    pub async fn stop(self) {
        self.0.stop().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::corpus::Corpus;
    use std::path::Path;

    fn built_at(at: &str) -> Arc<AgendaIndex> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
        let mut idx = AgendaIndex::build_in_ram(&Corpus::load(&root).unwrap()).unwrap();
        idx.manifest.built_at = at.parse().unwrap();
        Arc::new(idx)
    }

    #[test]
    fn an_older_build_never_replaces_a_newer_one() {
        let shared = shared_index(Arc::try_unwrap(built_at("2026-01-01T00:00:01Z")).unwrap());
        let newer = built_at("2026-01-01T00:00:02.5Z");
        assert!(swap_in(&shared, newer.clone()));
        assert!(Arc::ptr_eq(&shared.load_full(), &newer));
        // The watcher's build finished first, /reindex's older one stores last: kept out.
        assert!(!swap_in(&shared, built_at("2026-01-01T00:00:02Z")));
        assert!(Arc::ptr_eq(&shared.load_full(), &newer));
        // Same time: the fresh one goes in.
        assert!(swap_in(&shared, built_at("2026-01-01T00:00:02.5Z")));
        assert!(swap_in(&shared, built_at("2026-01-01T00:00:03Z")));
    }
}
