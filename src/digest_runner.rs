//! The daily digest loop, independent of any transport: it asks a [`Clock`] for the time,
//! builds the digest from the current index, hands it to a [`DigestSender`] per channel, and
//! records each success in the state file.
//!
//! Guarantees:
//!
//! * At most one successful post per channel and local date: a channel is only offered when
//!   its last posted date (from `state_dir/digest-state.json`) is before today, and the state
//!   is saved right after each successful send, before the next channel is tried.
//! * Catch-up: started after the post time, the runner posts today's digest at once to the
//!   channels that have not had it (one post, not one per missed day).
//! * Retryable failures (429, 5xx) are retried with exponential backoff (honouring
//!   `retry_after` when given), at most [`RetryPolicy::max_attempts`] sends in all. A send is
//!   never repeated after it succeeded. Permanent failures, and retryable ones that run out of
//!   attempts, are logged and the channel is left alone until the next day.
//! * `when_empty = "skip"`: with nothing upcoming nothing is sent (and nothing recorded).
//! * Replicas: with `[digest] store = "postgres://…"` each post is claimed first
//!   ([`DigestStore::claim`]); a channel another replica holds is checked again when its lease
//!   runs out, and nothing is posted while the store cannot be reached (retried with backoff).
//! * Shutdown is honoured while waiting; a send already under way is finished and recorded
//!   first, so a restart cannot post it twice.

use crate::clock::Clock;
use crate::config::{Config, WhenEmpty};
use crate::digest_store::{Claim, DigestStore, StoreError};
use crate::retry::{Backoff, RetryPolicy, SendError};
use agenda_core::digest::schedule::{due_today, next_run};
use agenda_core::digest::state::{DigestState, StateError};
use agenda_core::digest::upcoming;
use agenda_core::error_chain::chain;
use agenda_core::index::AgendaIndex;
use agenda_core::render::digest::{reply as render_reply, with_calendar};
use agenda_core::render::embed::Reply;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// Posts a rendered digest to a channel. The Discord transport implements this with serenity;
/// tests with a recording fake.
///
/// Contract: return `Ok(())` only once the message was accepted; classify failures with
/// [`SendError::from_status`] (or build the variants directly: timeouts and connection errors
/// are [`SendError::Retryable`]). Do not retry inside `send`: the runner does, with backoff.
/// `reply` is already within Discord's limits. Implementations may be written as `async fn`.
pub trait DigestSender: Send + Sync {
    fn send(
        &self,
        channel_id: u64,
        reply: &Reply,
    ) -> impl Future<Output = Result<(), SendError>> + Send;
}

impl<T: DigestSender + ?Sized> DigestSender for Arc<T> {
    fn send(
        &self,
        channel_id: u64,
        reply: &Reply,
    ) -> impl Future<Output = Result<(), SendError>> + Send {
        (**self).send(channel_id, reply)
    }
}

/// The waits while the digest store does not answer: 1 s doubling, at most a minute.
pub(crate) const STORE_RETRY_BASE: Duration = Duration::from_secs(1);
pub(crate) const STORE_RETRY_CAP: Duration = Duration::from_secs(60);

fn signed(wait: Duration) -> SignedDuration {
    SignedDuration::try_from(wait).unwrap_or(SignedDuration::MAX)
}

/// The time `wait` from now on `clock` (the end of time past its range).
pub(crate) fn after<C: Clock>(clock: &C, wait: Duration) -> Timestamp {
    clock
        .now()
        .saturating_add(signed(wait))
        .unwrap_or(Timestamp::MAX)
}

/// Why the digest loop stopped.
#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    #[error(transparent)]
    State(#[from] StateError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

enum Outcome {
    Sent,
    GaveUp,
    /// Another replica took the claim over (this one's lease ran out during a backoff).
    Lost,
    Shutdown,
}

/// Runs the daily digest until `shutdown` completes, on `store` (from [`crate::digest_store::AnyStore::open`]: the
/// state file, or the database `[digest] store` names; tests wrap one to watch the claims).
///
/// `index_source` is called for each day's digest, so a reindexed corpus is used from the next
/// post on. Returns at once (`Ok`) when no channel is configured; fails only when the state
/// file is unreadable (a corrupt state is not reset) or the database's schema is newer than
/// this bot. The configuration is typed and checked when it is loaded.
pub async fn run_digest<D, I, C, S, F>(
    config: Config,
    policy: RetryPolicy,
    store: &D,
    index_source: I,
    clock: C,
    sender: S,
    shutdown: F,
) -> Result<(), DigestError>
where
    D: DigestStore,
    I: Fn() -> Arc<AgendaIndex> + Send + Sync,
    C: Clock,
    S: DigestSender,
    F: Future<Output = ()> + Send,
{
    let d = &config.digest;
    let time = d.time;
    let tz = &d.timezone;
    let channels = d.channel_ids.clone();
    if channels.is_empty() {
        tracing::info!("no digest channels configured; the daily digest is off");
        return Ok(());
    }
    let mut shutdown = std::pin::pin!(shutdown);
    // The store first: nothing is posted without it.
    let mut store_backoff = Backoff::new(STORE_RETRY_BASE, STORE_RETRY_CAP);
    loop {
        match store.init().await {
            Ok(()) => break,
            Err(e) if e.is_retryable() => {
                let wait = store_backoff.next_delay();
                tracing::warn!(error = chain(&e), wait = ?wait,
                    "digest store unavailable; nothing is posted until it answers");
                let until = after(&clock, wait);
                tokio::select! {
                    biased;
                    () = shutdown.as_mut() => return Ok(()),
                    () = clock.sleep_until(until) => {}
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    store_backoff.reset();
    tracing::info!(
        channels = channels.len(),
        time = %d.time.strftime("%H:%M"),
        timezone = d.timezone_name(),
        store = %store.describe(),
        "daily digest scheduled"
    );
    // (channel, date) pairs settled: posted, skipped as empty, or given up on.
    let mut settled: HashSet<(u64, Date)> = HashSet::new();
    loop {
        let now = clock.now();
        // Every channel whose post time has come; the store says which are still to post.
        let due: Vec<(u64, Date)> = due_today(now, time, tz, &channels, &DigestState::default())
            .into_iter()
            .filter(|k| !settled.contains(k))
            .collect();
        // Earlier than the next post time: a claim held by another replica, or a store error.
        let mut wake: Option<Timestamp> = None;
        if let Some(&(_, date)) = due.first() {
            settled.retain(|(_, d)| *d >= date);
            let index = index_source();
            let digest = upcoming(&index, date, d.days.get());
            if digest.is_empty() && d.when_empty == WhenEmpty::Skip {
                tracing::info!(%date, "nothing upcoming; digest skipped (when_empty = skip)");
                settled.extend(due);
            } else {
                let reply = with_calendar(render_reply(&digest, tz), d.calendar_url.as_deref());
                for (channel, date) in due {
                    let delivered = deliver(
                        "digest",
                        (&sender, store, &clock, &policy),
                        &mut store_backoff,
                        (channel, date),
                        &reply,
                        shutdown.as_mut(),
                    )
                    .await?;
                    match delivered {
                        Delivery::Posted => {
                            tracing::info!(channel, %date, milestones = digest.len(), "digest posted");
                            crate::ops::health::digest_posted(channel, date);
                            settled.insert((channel, date));
                        }
                        Delivery::AlreadyPosted | Delivery::GaveUp => {
                            settled.insert((channel, date));
                        }
                        Delivery::Later(at) => wake = Some(wake.map_or(at, |w| w.min(at))),
                        Delivery::StoreDown(at) => {
                            wake = Some(wake.map_or(at, |w| w.min(at)));
                            break;
                        }
                        Delivery::Shutdown => return Ok(()),
                    }
                }
            }
        }
        let now = clock.now();
        let mut next = next_run(now, time, tz);
        if next <= now {
            // Today's time is exactly now and was just handled.
            let later = now
                .checked_add(SignedDuration::from_nanos(1))
                .unwrap_or(now);
            next = next_run(later, time, tz);
        }
        if let Some(w) = wake {
            next = next.min(w);
        }
        tokio::select! {
            biased;
            () = shutdown.as_mut() => return Ok(()),
            () = clock.sleep_until(next) => {}
        }
    }
}

/// What became of one post ([`deliver`]).
pub(crate) enum Delivery {
    Posted,
    /// By this process before, or by another replica.
    AlreadyPosted,
    /// Another replica holds the claim: ask again at this time.
    Later(Timestamp),
    /// The store did not answer: ask again at this time (nothing posted without a claim).
    StoreDown(Timestamp),
    /// Refused for good, or out of attempts, or taken over by another replica.
    GaveUp,
    Shutdown,
}

/// Claims the post `(channel, date)` in `store`, sends it with retries ([`post`]) and records it:
/// the one path of every claimed post (`what` names it in the log: "digest", "brief"). An
/// error only when the store's schema is newer than this bot.
pub(crate) async fn deliver<D: DigestStore, C: Clock, S: DigestSender, F: Future<Output = ()>>(
    what: &str,
    (sender, store, clock, policy): (&S, &D, &C, &RetryPolicy),
    store_backoff: &mut Backoff,
    (channel, date): (u64, Date),
    reply: &Reply,
    shutdown: std::pin::Pin<&mut F>,
) -> Result<Delivery, StoreError> {
    match store.claim(channel, date).await {
        Ok(Claim::Claimed) => store_backoff.reset(),
        Ok(Claim::AlreadyPosted) => {
            store_backoff.reset();
            tracing::debug!(channel, %date, "{what} already posted (by this or another replica)");
            return Ok(Delivery::AlreadyPosted);
        }
        Ok(Claim::HeldByOther { by, expires_in }) => {
            store_backoff.reset();
            tracing::info!(channel, %date, by, expires_in = ?expires_in,
                "another replica is posting this {what}; checking again when its claim expires");
            return Ok(Delivery::Later(after(
                clock,
                expires_in.saturating_add(Duration::from_millis(100)),
            )));
        }
        Err(e) if e.is_retryable() => {
            let wait = store_backoff.next_delay();
            tracing::warn!(channel, %date, error = chain(&e), wait = ?wait,
                "{what} store unavailable; not posting without a claim");
            return Ok(Delivery::StoreDown(after(clock, wait)));
        }
        Err(e) => return Err(e),
    }
    let outcome = post(
        sender,
        store,
        clock,
        policy,
        (channel, date),
        reply,
        shutdown,
    )
    .await;
    if matches!(outcome, Outcome::GaveUp | Outcome::Shutdown) {
        if let Err(e) = store.release(channel, date).await {
            tracing::warn!(channel, %date, error = chain(&e),
                "could not release the {what} claim; it expires with its lease");
        }
    }
    Ok(match outcome {
        Outcome::Sent => {
            if let Err(e) = store.mark_posted(channel, date).await {
                tracing::error!(channel, %date, error = chain(&e),
                    "{what} posted but the store could not record it; a restart today may post it again");
            }
            Delivery::Posted
        }
        Outcome::GaveUp | Outcome::Lost => Delivery::GaveUp,
        Outcome::Shutdown => Delivery::Shutdown,
    })
}

/// One channel's post, with retries; the claim is renewed before each retry. The send itself
/// is never raced against shutdown.
async fn post<D: DigestStore, C: Clock, S: DigestSender, F: Future<Output = ()>>(
    sender: &S,
    store: &D,
    clock: &C,
    policy: &RetryPolicy,
    (channel, date): (u64, Date),
    reply: &Reply,
    mut shutdown: std::pin::Pin<&mut F>,
) -> Outcome {
    if !reply.within_limits() {
        tracing::error!(channel, "digest reply exceeds Discord's limits; not sent");
        return Outcome::GaveUp;
    }
    let attempts = policy.max_attempts.max(1);
    for attempt in 1..=attempts {
        if attempt > 1 {
            match store.renew(channel, date).await {
                Ok(true) => {}
                Ok(false) => {
                    tracing::warn!(channel, %date, "the digest claim expired and another replica took it; stopping here");
                    return Outcome::Lost;
                }
                // The claim may still be ours; the nonce keeps a double send out of the channel.
                Err(e) => {
                    tracing::warn!(channel, %date, error = chain(&e), "could not renew the digest claim; retrying anyway")
                }
            }
        }
        match sender.send(channel, reply).await {
            Ok(()) => return Outcome::Sent,
            Err(e) if e.is_retryable() && attempt < attempts => {
                let wait = policy.delay(attempt, e.retry_after());
                crate::ops::metrics::digest_retry();
                tracing::warn!(channel, attempt, error = %e, wait = ?wait, "digest send failed; retrying");
                let until = after(clock, wait);
                tokio::select! {
                    biased;
                    () = shutdown.as_mut() => return Outcome::Shutdown,
                    () = clock.sleep_until(until) => {}
                }
            }
            Err(e) => {
                tracing::error!(channel, attempt, error = %e, "digest not posted; trying again tomorrow");
                return Outcome::GaveUp;
            }
        }
    }
    Outcome::GaveUp
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SystemClock;
    use crate::config::DigestConfig;
    use crate::digest_store::AnyStore;
    use agenda_core::digest::state::{StateStore, FILE_NAME};
    use agenda_core::testing::shipped_index;
    use jiff::civil::date as d;
    use std::collections::VecDeque;
    use std::path::Path;
    use std::sync::Mutex;
    use tokio::sync::Notify;

    /// Virtual time: sleeping moves the clock; a sleep past `stop_after` parks and signals idle.
    struct FakeClock {
        now: Mutex<Timestamp>,
        stop_after: Timestamp,
        idle: Notify,
    }

    impl FakeClock {
        fn new(start: &str, stop_after: &str) -> Arc<FakeClock> {
            Arc::new(FakeClock {
                now: Mutex::new(start.parse().unwrap()),
                stop_after: stop_after.parse().unwrap(),
                idle: Notify::new(),
            })
        }
    }

    impl Clock for FakeClock {
        fn now(&self) -> Timestamp {
            *self.now.lock().unwrap()
        }

        async fn sleep_until(&self, t: Timestamp) {
            if t > self.stop_after {
                self.idle.notify_one();
                std::future::pending::<()>().await;
            }
            {
                let mut now = self.now.lock().unwrap();
                *now = (*now).max(t);
            }
            tokio::task::yield_now().await;
        }
    }

    #[derive(Debug, Clone)]
    struct Call {
        channel: u64,
        at: Timestamp,
        reply: Reply,
        ok: bool,
    }

    /// Records every send; answers from `script` first, then `Ok`.
    struct FakeSender {
        clock: Arc<FakeClock>,
        script: Mutex<VecDeque<Result<(), SendError>>>,
        calls: Mutex<Vec<Call>>,
    }

    impl FakeSender {
        fn new(clock: &Arc<FakeClock>, script: Vec<Result<(), SendError>>) -> Arc<FakeSender> {
            Arc::new(FakeSender {
                clock: clock.clone(),
                script: Mutex::new(script.into()),
                calls: Mutex::new(Vec::new()),
            })
        }

        fn calls(&self) -> Vec<Call> {
            self.calls.lock().unwrap().clone()
        }

        /// (channel, UTC instant) of the successful sends.
        fn posts(&self) -> Vec<(u64, String)> {
            self.calls()
                .into_iter()
                .filter(|c| c.ok)
                .map(|c| (c.channel, c.at.to_string()))
                .collect()
        }
    }

    impl DigestSender for FakeSender {
        async fn send(&self, channel_id: u64, reply: &Reply) -> Result<(), SendError> {
            let result = self.script.lock().unwrap().pop_front().unwrap_or(Ok(()));
            self.calls.lock().unwrap().push(Call {
                channel: channel_id,
                at: self.clock.now(),
                reply: reply.clone(),
                ok: result.is_ok(),
            });
            result
        }
    }

    fn config(state_dir: &Path, channels: &[u64], when_empty: WhenEmpty) -> Config {
        Config {
            corpus_dir: "corpus".into(),
            index_dir: "index".into(),
            state_dir: state_dir.to_path_buf(),
            discord: Default::default(),
            feedback: Default::default(),
            digest: DigestConfig {
                channel_ids: channels.to_vec(),
                time: jiff::civil::time(8, 0, 0, 0),
                timezone: jiff::tz::TimeZone::get("Asia/Vientiane").unwrap(),
                days: agenda_core::digest::Days::new(60).unwrap(),
                when_empty,
                ..DigestConfig::default()
            },
            store: Default::default(),
        }
    }

    /// Runs the loop until the clock is asked to sleep past its stop time.
    async fn run(
        config: Config,
        clock: &Arc<FakeClock>,
        sender: &Arc<FakeSender>,
    ) -> Result<(), DigestError> {
        let idle = clock.clone();
        let shutdown = async move { idle.idle.notified().await };
        let store = AnyStore::open(&config)?;
        tokio::time::timeout(
            Duration::from_secs(20),
            run_digest(
                config,
                RetryPolicy::default(),
                &store,
                shipped_index,
                clock.clone(),
                sender.clone(),
                shutdown,
            ),
        )
        .await
        .expect("the digest loop stops when the fake clock runs out")
    }

    fn state(dir: &Path) -> DigestState {
        StateStore::open(dir).unwrap().state().clone()
    }

    #[tokio::test]
    async fn posts_once_per_channel_per_day_at_the_post_time() {
        let dir = tempfile::tempdir().unwrap();
        // 07:00 in Vientiane on 20 November, until the 22nd's post is done.
        let clock = FakeClock::new("2026-11-20T00:00:00Z", "2026-11-22T12:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        run(
            config(dir.path(), &[10, 20], WhenEmpty::Post),
            &clock,
            &sender,
        )
        .await
        .unwrap();
        let mut expected = Vec::new();
        for day in ["20", "21", "22"] {
            for ch in [10, 20] {
                expected.push((ch, format!("2026-11-{day}T01:00:00Z")));
            }
        }
        assert_eq!(sender.posts(), expected);
        assert_eq!(sender.calls().len(), 6);
        let s = state(dir.path());
        assert_eq!(s.last_posted(10), Some(d(2026, 11, 22)));
        assert_eq!(s.last_posted(20), Some(d(2026, 11, 22)));
        // The digest is the real one: the Lao initiative ends within 60 days of 20 November.
        let reply = &sender.calls()[0].reply;
        assert!(reply.within_limits());
        assert!(reply.embeds[0].fields[0]
            .name
            .contains("Lao PDR Defence Capacity Building"));
        assert!(!reply.content.as_deref().unwrap_or("").contains("calendar"));
    }

    /// Issue 24: with a public calendar address the post offers it.
    #[tokio::test]
    async fn the_post_offers_the_calendar_when_one_is_served() {
        let dir = tempfile::tempdir().unwrap();
        let clock = FakeClock::new("2026-11-22T00:00:00Z", "2026-11-22T05:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        let mut cfg = config(dir.path(), &[10], WhenEmpty::Post);
        cfg.digest.calendar_url = Some("https://bot.example.org/calendar.ics".into());
        run(cfg, &clock, &sender).await.unwrap();
        let calls = sender.calls();
        assert_eq!(calls.len(), 1);
        let content = calls[0].reply.content.clone().unwrap_or_default();
        assert!(
            content.contains("<https://bot.example.org/calendar.ics>"),
            "{content}"
        );
    }

    #[tokio::test]
    async fn restart_does_not_repost_and_catches_up_once() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = config(dir.path(), &[10, 20], WhenEmpty::Post);
        // First run: 22 November, posts at 08:00 local and stops at noon.
        let clock = FakeClock::new("2026-11-22T00:00:00Z", "2026-11-22T05:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        run(cfg.clone(), &clock, &sender).await.unwrap();
        assert_eq!(sender.posts().len(), 2);
        // Restart the same afternoon with the same state: nothing today, then the 23rd.
        let clock = FakeClock::new("2026-11-22T08:00:00Z", "2026-11-23T02:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        run(cfg.clone(), &clock, &sender).await.unwrap();
        assert_eq!(
            sender.posts(),
            vec![
                (10, "2026-11-23T01:00:00Z".to_string()),
                (20, "2026-11-23T01:00:00Z".to_string()),
            ]
        );
        // A channel added later, started after the post time: caught up at once, only it.
        let mut cfg = cfg;
        cfg.digest.channel_ids.push(30);
        let clock = FakeClock::new("2026-11-23T09:15:00Z", "2026-11-23T20:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        run(cfg, &clock, &sender).await.unwrap();
        assert_eq!(
            sender.posts(),
            vec![(30, "2026-11-23T09:15:00Z".to_string())]
        );
    }

    #[tokio::test]
    async fn catch_up_after_the_post_time_posts_once_now() {
        let dir = tempfile::tempdir().unwrap();
        // 17:00 in Vientiane: today's 08:00 post is overdue.
        let clock = FakeClock::new("2026-11-22T10:00:00Z", "2026-11-23T00:59:59Z");
        let sender = FakeSender::new(&clock, vec![]);
        run(config(dir.path(), &[10], WhenEmpty::Post), &clock, &sender)
            .await
            .unwrap();
        assert_eq!(
            sender.posts(),
            vec![(10, "2026-11-22T10:00:00Z".to_string())]
        );
        assert_eq!(state(dir.path()).last_posted(10), Some(d(2026, 11, 22)));
    }

    #[tokio::test]
    async fn rate_limit_is_retried_after_the_wait_without_double_posting() {
        let dir = tempfile::tempdir().unwrap();
        let clock = FakeClock::new("2026-11-22T00:00:00Z", "2026-11-22T12:00:00Z");
        let sender = FakeSender::new(
            &clock,
            vec![Err(SendError::from_status(
                429,
                Some(Duration::from_secs(30)),
                "slow down",
            ))],
        );
        run(
            config(dir.path(), &[10, 20], WhenEmpty::Post),
            &clock,
            &sender,
        )
        .await
        .unwrap();
        let calls: Vec<(u64, String, bool)> = sender
            .calls()
            .into_iter()
            .map(|c| (c.channel, c.at.to_string(), c.ok))
            .collect();
        assert_eq!(
            calls,
            vec![
                (10, "2026-11-22T01:00:00Z".to_string(), false),
                (10, "2026-11-22T01:00:30Z".to_string(), true),
                (20, "2026-11-22T01:00:30Z".to_string(), true),
            ]
        );
        assert_eq!(state(dir.path()).last_posted(10), Some(d(2026, 11, 22)));
    }

    #[tokio::test]
    async fn retries_are_bounded_with_growing_waits() {
        let dir = tempfile::tempdir().unwrap();
        let clock = FakeClock::new("2026-11-22T00:00:00Z", "2026-11-23T00:00:00Z");
        let errors = (0..10)
            .map(|_| Err(SendError::from_status(503, None, "unavailable")))
            .collect();
        let sender = FakeSender::new(&clock, errors);
        run(config(dir.path(), &[10], WhenEmpty::Post), &clock, &sender)
            .await
            .unwrap();
        let at: Vec<String> = sender.calls().iter().map(|c| c.at.to_string()).collect();
        assert_eq!(
            at,
            [
                "2026-11-22T01:00:00Z",
                "2026-11-22T01:00:02Z",
                "2026-11-22T01:00:06Z",
                "2026-11-22T01:00:14Z",
                "2026-11-22T01:00:30Z",
            ]
        );
        // Not posted, not recorded, and not tried again the same day.
        assert_eq!(state(dir.path()).last_posted(10), None);
    }

    #[tokio::test]
    async fn permanent_failure_is_not_retried_and_other_channels_still_post() {
        let dir = tempfile::tempdir().unwrap();
        let clock = FakeClock::new("2026-11-22T00:00:00Z", "2026-11-23T12:00:00Z");
        let sender = FakeSender::new(
            &clock,
            vec![Err(SendError::from_status(403, None, "Missing Access"))],
        );
        run(
            config(dir.path(), &[10, 20], WhenEmpty::Post),
            &clock,
            &sender,
        )
        .await
        .unwrap();
        let calls: Vec<(u64, String, bool)> = sender
            .calls()
            .into_iter()
            .map(|c| (c.channel, c.at.to_string(), c.ok))
            .collect();
        assert_eq!(
            calls,
            vec![
                (10, "2026-11-22T01:00:00Z".to_string(), false),
                (20, "2026-11-22T01:00:00Z".to_string(), true),
                // The next day channel 10 is tried again.
                (10, "2026-11-23T01:00:00Z".to_string(), true),
                (20, "2026-11-23T01:00:00Z".to_string(), true),
            ]
        );
    }

    #[tokio::test]
    async fn when_empty_skip_sends_nothing_and_post_sends_a_note() {
        // Nothing in the corpus is dated in 2030.
        let dir = tempfile::tempdir().unwrap();
        let clock = FakeClock::new("2030-01-01T00:00:00Z", "2030-01-02T12:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        run(config(dir.path(), &[10], WhenEmpty::Skip), &clock, &sender)
            .await
            .unwrap();
        assert!(sender.calls().is_empty());
        assert_eq!(state(dir.path()).last_posted(10), None);

        let dir = tempfile::tempdir().unwrap();
        let clock = FakeClock::new("2030-01-01T00:00:00Z", "2030-01-01T12:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        run(config(dir.path(), &[10], WhenEmpty::Post), &clock, &sender)
            .await
            .unwrap();
        let calls = sender.calls();
        assert_eq!(calls.len(), 1);
        assert_eq!(
            calls[0].reply.content.as_deref(),
            Some("Nothing upcoming in the next 60 days.")
        );
    }

    #[tokio::test]
    async fn corrupt_state_stops_the_runner_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{oops").unwrap();
        let clock = FakeClock::new("2026-11-22T10:00:00Z", "2026-11-23T00:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        let e = run(config(dir.path(), &[10], WhenEmpty::Post), &clock, &sender)
            .await
            .unwrap_err();
        assert!(e.to_string().contains(FILE_NAME), "{e}");
        assert!(sender.calls().is_empty());
        assert_eq!(
            std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap(),
            "{oops"
        );
    }

    #[tokio::test]
    async fn shutdown_during_backoff_leaves_the_day_unposted() {
        let dir = tempfile::tempdir().unwrap();
        // The clock stops one second into the first backoff wait.
        let clock = FakeClock::new("2026-11-22T01:00:00Z", "2026-11-22T01:00:01Z");
        let sender = FakeSender::new(
            &clock,
            vec![Err(SendError::from_status(502, None, "bad gateway"))],
        );
        run(config(dir.path(), &[10], WhenEmpty::Post), &clock, &sender)
            .await
            .unwrap();
        assert_eq!(sender.calls().len(), 1);
        assert_eq!(state(dir.path()).last_posted(10), None);
    }

    #[test]
    fn the_loop_can_be_spawned() {
        fn assert_send<T: Send + 'static>(_: &T) {}
        let clock = FakeClock::new("2026-11-22T00:00:00Z", "2026-11-22T00:00:00Z");
        let sender = FakeSender::new(&clock, vec![]);
        let config = config(Path::new("/nonexistent"), &[1], WhenEmpty::Post);
        let fut = async move {
            let store = AnyStore::open(&config)?;
            run_digest(
                config,
                RetryPolicy::default(),
                &store,
                shipped_index,
                SystemClock,
                sender,
                std::future::pending::<()>(),
            )
            .await
        };
        assert_send(&fut);
    }
}
