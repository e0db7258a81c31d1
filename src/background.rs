//! Work beside the answers: rebuilds, each on a thread of its own that runs only when the
//! answers do not, and long-running tasks stopped on request ([`StoppableTask`]).
//!
//! On two cores a rebuild of 100k paragraphs keeps both busy for seconds; at the same priority
//! the answering runtime gets half of them and an answer's p99 doubles. A niced thread still
//! keeps a core for the rest of its time slice when an answer wakes up; a thread under Linux's
//! `SCHED_IDLE` policy is preempted at once. The rebuild thread runs under it (tantivy's indexing
//! and merging threads, which it starts, inherit it), so it takes what the answers leave, the
//! whole machine when the bot is idle. Where the policy cannot be set, it is niced to 19.

use std::future::Future;
use std::time::Duration;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;

/// The rebuild thread could not be started or did not finish (it panicked).
#[derive(Debug, thiserror::Error)]
pub enum BackgroundError {
    #[error("could not start the rebuild thread")]
    Spawn(#[source] std::io::Error),
    #[error("the rebuild thread panicked")]
    Panicked,
}

/// Runs `work` on a new thread at the lowest CPU priority and waits for its result without
/// blocking the runtime.
pub async fn run_at_idle_priority<T, F>(work: F) -> Result<T, BackgroundError>
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

/// Drops `value` on a thread of its own at the lowest CPU priority: freeing a replaced index
/// (its facts, tantivy's readers and mappings) is work no answer should wait behind on the
/// runtime worker that swapped it out. Drops it here when no thread can be started.
pub fn drop_in_background<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("agenda-retire".into())
        .spawn(move || {
            lower_priority();
            drop(value);
        });
    // When no thread starts, the closure, and `value` with it, is dropped here.
    if let Err(e) = spawned {
        tracing::debug!(error = %e, "the replaced value was dropped in place");
    }
}

/// A task that runs until told to stop ([`StoppableTask::stop`], or when dropped): the corpus
/// watcher, the corpus sync.
pub struct StoppableTask {
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
    name: &'static str,
}

impl StoppableTask {
    /// Spawns `run`, which is to return once its receiver turns `true` (or its sender is gone).
    pub fn spawn<F>(name: &'static str, run: impl FnOnce(watch::Receiver<bool>) -> F) -> Self
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let (stop, stopped) = watch::channel(false);
        StoppableTask {
            stop,
            task: Some(tokio::spawn(run(stopped))),
            name,
        }
    }

    /// Tells the task to stop and waits (up to 5 s) for it, so work under way is finished;
    /// aborts it after that.
    pub async fn stop(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(5), task)
                .await
                .is_err()
            {
                tracing::warn!("{} did not stop within 5 s", self.name);
                abort.abort();
            }
        }
    }
}

impl Drop for StoppableTask {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// Puts this thread under `SCHED_IDLE` at niceness 19 (per thread on Linux), or, where the policy
/// is refused, only nices it; a failure only costs the answers some speed during the rebuild.
#[cfg(target_os = "linux")]
fn lower_priority() {
    use thread_priority::{
        set_current_thread_priority, set_thread_priority_and_policy, thread_native_id,
        NormalThreadSchedulePolicy, ThreadPriority, ThreadSchedulePolicy,
    };
    let idle = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Idle);
    if let Err(e) = set_thread_priority_and_policy(thread_native_id(), ThreadPriority::Min, idle) {
        tracing::debug!(error = ?e, "the rebuild thread is not under SCHED_IDLE");
        if let Err(e) = set_current_thread_priority(ThreadPriority::Min) {
            tracing::debug!(error = ?e, "the rebuild thread keeps its priority");
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn the_work_and_the_threads_it_starts_run_under_the_idle_policy() {
        use thread_priority::{
            thread_schedule_policy, NormalThreadSchedulePolicy, ThreadSchedulePolicy,
        };
        let before = thread_schedule_policy().unwrap();
        let (own, child) = run_at_idle_priority(|| {
            let own = thread_schedule_policy().unwrap();
            let child = std::thread::spawn(|| thread_schedule_policy().unwrap())
                .join()
                .unwrap();
            (own, child)
        })
        .await
        .unwrap();
        let idle = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Idle);
        assert_eq!((own, child), (idle, idle));
        // The caller's thread is untouched.
        assert_eq!(thread_schedule_policy().unwrap(), before);
        assert_ne!(before, idle);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_value_dropped_in_the_background_is_dropped_on_an_idle_thread() {
        use thread_priority::{
            thread_schedule_policy, NormalThreadSchedulePolicy, ThreadSchedulePolicy,
        };
        type Seen = (std::thread::ThreadId, ThreadSchedulePolicy);
        struct Tell(std::sync::mpsc::Sender<Seen>);
        impl Drop for Tell {
            fn drop(&mut self) {
                let seen = (
                    std::thread::current().id(),
                    thread_schedule_policy().unwrap(),
                );
                let _ = self.0.send(seen);
            }
        }
        let (tx, rx) = std::sync::mpsc::channel();
        drop_in_background(Tell(tx));
        let (thread, policy) = rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        assert_ne!(thread, std::thread::current().id());
        let idle = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Idle);
        assert_eq!(policy, idle);
    }

    #[tokio::test]
    async fn a_panicking_rebuild_is_an_error_not_a_hang() {
        let result = run_at_idle_priority(|| -> u8 { panic!("boom") }).await;
        assert!(matches!(result, Err(BackgroundError::Panicked)));
    }
}
