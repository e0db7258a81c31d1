//! Pre-meeting briefs posted to the digest channels, independent of any transport: at the
//! digest's time, `digest.brief_days` before the first day of a planned meeting known to the
//! day, the meetings of that day get their brief (`agenda_core::brief`) in one message per
//! channel.
//!
//! Guarantees, as for the digest (it uses the digest's [`DigestStore`] machinery on its own
//! file or table, keyed by channel and the meetings' first day):
//!
//! * Once per channel and first day, across restarts and replicas (a claim in the database,
//!   or `state_dir/brief-state.json` for one bot).
//! * Catch-up: a brief whose day passed while the bot was down is posted at start, as long as
//!   the meeting has not begun; a meeting whose first day is before today is not briefed.
//! * A meeting that moves to another day is briefed again for its new day.

use crate::clock::Clock;
use crate::config::Config;
use crate::digest_runner::{
    after, deliver, Delivery, DigestError, DigestSender, STORE_RETRY_BASE, STORE_RETRY_CAP,
};
use crate::digest_store::DigestStore;
use crate::retry::{Backoff, RetryPolicy};
use agenda_core::brief::{brief_by_id, due};
use agenda_core::digest::schedule::{due_at, local_date, next_run};
use agenda_core::error_chain::chain;
use agenda_core::index::AgendaIndex;
use agenda_core::render;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;

/// The first days whose briefs are due at `now`: their brief day (`first − days`) is before
/// today, or today with the post `time` passed; and the meetings have not begun.
pub fn due_days(
    index: &AgendaIndex,
    now: Timestamp,
    config: &crate::config::DigestConfig,
) -> Vec<(Date, Vec<String>)> {
    let today = local_date(now, &config.timezone);
    let time_passed = due_at(today, config.time, &config.timezone).is_some_and(|t| t <= now);
    let days = i64::from(config.brief_days);
    due(index, today, config.brief_days)
        .into_iter()
        .filter(|(first, _)| {
            let brief_day = first
                .checked_sub(jiff::Span::new().days(days))
                .unwrap_or(Date::MIN);
            brief_day < today || (brief_day == today && time_passed)
        })
        .collect()
}

/// Runs the briefs until `shutdown` completes (see the module's guarantees). Returns at once
/// when no digest channel is configured or `brief_days` is 0.
pub async fn run_briefs<D, I, C, S, F>(
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
    if d.channel_ids.is_empty() || d.brief_days == 0 {
        return Ok(());
    }
    let mut shutdown = std::pin::pin!(shutdown);
    let mut backoff = Backoff::new(STORE_RETRY_BASE, STORE_RETRY_CAP);
    // (channel, first day) settled: posted, or given up on for today.
    let mut settled: HashSet<(u64, Date)> = HashSet::new();
    loop {
        let now = clock.now();
        let mut wake: Option<Timestamp> = None;
        let index = index_source();
        match store.init().await {
            Ok(()) => {
                for (first, ids) in due_days(&index, now, d) {
                    let today = local_date(now, &d.timezone);
                    let briefs: Vec<_> = ids
                        .iter()
                        .filter_map(|id| brief_by_id(&index, id, today).ok())
                        .collect();
                    if briefs.is_empty() {
                        continue;
                    }
                    let reply = render::brief::replies(&briefs);
                    for &channel in &d.channel_ids {
                        if settled.contains(&(channel, first)) {
                            continue;
                        }
                        let delivered = deliver(
                            "brief",
                            (&sender, store, &clock, &policy),
                            &mut backoff,
                            (channel, first),
                            &reply,
                            shutdown.as_mut(),
                        )
                        .await?;
                        match delivered {
                            Delivery::Posted => {
                                tracing::info!(channel, %first, meetings = ids.len(), "brief posted");
                                settled.insert((channel, first));
                            }
                            Delivery::AlreadyPosted | Delivery::GaveUp => {
                                settled.insert((channel, first));
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
            Err(e) if e.is_retryable() => {
                tracing::warn!(
                    error = chain(&e),
                    "brief store unavailable; nothing is posted until it answers"
                );
                wake = Some(after(&clock, backoff.next_delay()));
            }
            Err(e) => return Err(e.into()),
        }
        // A new day starts afresh: yesterday's give-ups are tried again.
        let now = clock.now();
        let mut next = next_run(now, d.time, &d.timezone);
        if next <= now {
            next = next_run(now + SignedDuration::from_nanos(1), d.time, &d.timezone);
        }
        if let Some(w) = wake {
            next = next.min(w);
        } else {
            settled.clear();
        }
        tokio::select! {
            biased;
            () = shutdown.as_mut() => return Ok(()),
            () = clock.sleep_until(next) => {}
        }
    }
}
