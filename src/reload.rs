//! Hot reload: watch the corpus directory and swap in a new index only when the corpus is valid.

use agenda_core::corpus::CorpusErrors;
use agenda_core::error_chain::chain;
use agenda_core::index::{self, AgendaIndex, BuildOutcome, Cores, IndexError};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// What a reload attempt came to.
#[derive(Debug)]
pub enum ReloadEvent {
    /// A new generation was built from a valid corpus and opened.
    Swapped(Arc<AgendaIndex>),
    /// The corpus has errors; the index in service is unchanged.
    Refused(CorpusErrors),
    /// Building or opening failed for another reason; the index in service is unchanged.
    Failed(ReloadError),
}

/// Why a rebuild failed, the corpus aside.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Thread(#[from] crate::background::BackgroundError),
}

/// Rebuilds if the corpus changed, on the cores the answers leave free. `Ok(None)` when it had not.
pub fn rebuild(corpus_dir: &Path, index_dir: &Path) -> Result<Option<AgendaIndex>, IndexError> {
    match index::ensure_built_with(corpus_dir, index_dir, Cores::BesideServing)? {
        BuildOutcome::UpToDate => Ok(None),
        BuildOutcome::Built => AgendaIndex::open(index_dir).map(Some),
    }
}

/// Runs one rebuild on an idle-priority thread of its own and reports it as an event (`None`: nothing
/// changed).
pub async fn reload_once(corpus_dir: PathBuf, index_dir: PathBuf) -> Option<ReloadEvent> {
    let result =
        crate::background::run_at_idle_priority(move || rebuild(&corpus_dir, &index_dir)).await;
    match result {
        Ok(Ok(Some(idx))) => Some(ReloadEvent::Swapped(Arc::new(idx))),
        Ok(Ok(None)) => None,
        Ok(Err(IndexError::Corpus(e))) => Some(ReloadEvent::Refused(e)),
        Ok(Err(e)) => Some(ReloadEvent::Failed(e.into())),
        Err(e) => Some(ReloadEvent::Failed(e.into())),
    }
}

/// Watches `corpus_dir`; after changes settle for `debounce`, rebuilds and reports to `on_event`.
/// Returns when `shutdown` turns true (or its sender is dropped).
pub async fn watch(
    corpus_dir: PathBuf,
    index_dir: PathBuf,
    debounce: Duration,
    shutdown: tokio::sync::watch::Receiver<bool>,
    on_event: impl FnMut(ReloadEvent) + Send,
) -> notify::Result<()> {
    let (armed, _) = tokio::sync::oneshot::channel();
    watch_armed(corpus_dir, index_dir, debounce, shutdown, armed, on_event).await
}

/// [`watch`], telling `armed` once the watch is in place: a change made after that is seen.
pub async fn watch_armed(
    corpus_dir: PathBuf,
    index_dir: PathBuf,
    debounce: Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
    armed: tokio::sync::oneshot::Sender<()>,
    mut on_event: impl FnMut(ReloadEvent) + Send,
) -> notify::Result<()> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            if !event.kind.is_access() {
                let _ = tx.send(());
            }
        }
    })?;
    watcher.watch(&corpus_dir, RecursiveMode::Recursive)?;
    let _ = armed.send(());
    loop {
        tokio::select! {
            changed = shutdown.changed() => {
                if changed.is_err() || *shutdown.borrow() {
                    return Ok(());
                }
            }
            got = rx.recv() => {
                if got.is_none() {
                    return Ok(());
                }
                // Debounce: wait until the directory has been quiet for `debounce`.
                while let Ok(Some(())) = tokio::time::timeout(debounce, rx.recv()).await {}
                if let Some(event) = reload_once(corpus_dir.clone(), index_dir.clone()).await {
                    match &event {
                        ReloadEvent::Swapped(idx) => tracing::info!(facts = idx.facts.len(), "corpus changed: new index in service"),
                        ReloadEvent::Refused(e) => tracing::warn!("corpus change refused, the index in service is unchanged: {e}"),
                        ReloadEvent::Failed(e) => tracing::error!("corpus change could not be indexed: {}", chain(e)),
                    }
                    on_event(event);
                }
            }
        }
    }
}
