//! Rebuilds beside the answers: each on a thread of its own at a lower CPU priority.
//!
//! On two cores a rebuild of 100k paragraphs keeps both busy for seconds; at the same priority
//! the answering runtime gets half of them and an answer's p99 doubles. A thread niced to
//! [`NICENESS`] (and tantivy's indexing and merging threads, which it starts and which inherit
//! its niceness) yields to the answers while they run and takes the whole machine when idle.

use tokio::sync::oneshot;

/// The rebuild threads' niceness (0 is the default, 19 the lowest priority).
pub const NICENESS: i32 = 10;

/// The rebuild thread could not be started or did not finish (it panicked).
#[derive(Debug, thiserror::Error)]
pub enum BackgroundError {
    #[error("could not start the rebuild thread: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("the rebuild thread panicked")]
    Panicked,
}

/// Runs `work` on a new thread niced to [`NICENESS`] and waits for its result without
/// blocking the runtime.
pub async fn run_niced<T, F>(work: F) -> Result<T, BackgroundError>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let (tx, rx) = oneshot::channel();
    std::thread::Builder::new()
        .name("agenda-rebuild".into())
        .spawn(move || {
            lower_priority();
            let _ = tx.send(work());
        })
        .map_err(BackgroundError::Spawn)?;
    // The sender is dropped unsent only when `work` panicked.
    rx.await.map_err(|_| BackgroundError::Panicked)
}

/// Lowers this thread's priority to at least [`NICENESS`] (Linux: niceness is per thread; a
/// process already niced further stays so); a failure only costs speed.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        let tid = rustix::thread::gettid();
        let niceness = current_niceness().unwrap_or(0).max(NICENESS);
        if let Err(e) = rustix::process::setpriority_process(Some(tid), niceness) {
            tracing::debug!(error = %e, "the rebuild thread keeps its priority");
        }
    }
}

/// This thread's niceness (Linux only).
#[cfg(target_os = "linux")]
pub fn current_niceness() -> std::io::Result<i32> {
    Ok(rustix::process::getpriority_process(Some(
        rustix::thread::gettid(),
    ))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn the_work_and_the_threads_it_starts_run_niced() {
        let before = current_niceness().unwrap();
        let (own, child) = run_niced(|| {
            let own = current_niceness().unwrap();
            let child = std::thread::spawn(|| current_niceness().unwrap())
                .join()
                .unwrap();
            (own, child)
        })
        .await
        .unwrap();
        let niced = before.max(NICENESS);
        assert_eq!((own, child), (niced, niced));
        // The caller's thread is untouched.
        assert_eq!(current_niceness().unwrap(), before);
    }

    #[tokio::test]
    async fn a_panicking_rebuild_is_an_error_not_a_hang() {
        let result = run_niced(|| -> u8 { panic!("boom") }).await;
        assert!(matches!(result, Err(BackgroundError::Panicked)));
    }
}
