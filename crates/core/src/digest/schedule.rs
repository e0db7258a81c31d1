//! When the daily digest is due: a local time of day in an IANA time zone, across DST changes.
//!
//! Conventions (time is always a parameter, never read here):
//!
//! * The digest for local date `D` is due at `D` `HH:MM` local time ([`due_at`]).
//! * A local time that does not exist (the spring-forward gap) is due at the first valid
//!   instant after it: the transition itself. New York's 02:30 on 8 March 2026 is due at
//!   03:00 EDT (07:00 UTC).
//! * A local time that happens twice (the fall-back fold) is due once, at the earlier instant.
//!   New York's 01:30 on 1 November 2026 is due at 01:30 EDT (05:30 UTC), not again at 01:30 EST.
//! * At most one digest per local date and channel: [`due_today`] only ever offers today's date,
//!   and only for channels whose last posted date is before it. A bot started after the post
//!   time catches up once; days it was down for are not posted afterwards.

use super::state::DigestState;
use jiff::civil::{Date, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};

/// The local date of `now` in `tz`.
pub fn local_date(now: Timestamp, tz: &TimeZone) -> Date {
    now.to_zoned(tz.clone()).date()
}

/// The instant the digest for local date `date` is due, at `time` local time.
/// `None` only for dates at the ends of the representable range.
pub fn due_at(date: Date, time: Time, tz: &TimeZone) -> Option<Timestamp> {
    let dt = date.to_datetime(time);
    let amb = tz.to_ambiguous_timestamp(dt);
    match amb.offset() {
        AmbiguousOffset::Unambiguous { offset } => offset.to_timestamp(dt).ok(),
        AmbiguousOffset::Fold { before, .. } => before.to_timestamp(dt).ok(),
        AmbiguousOffset::Gap { before, after } => {
            // The earliest reading of the wall time is before the transition, the latest after
            // it; the transition in between is the first instant that exists again.
            let earliest = after.to_timestamp(dt).ok()?;
            let latest = before.to_timestamp(dt).ok()?;
            tz.following(earliest)
                .next()
                .map(|t| t.timestamp())
                .filter(|t| *t <= latest)
                .or(Some(latest))
        }
    }
}

/// The first due instant at or after `now`: today's post time when it is still ahead (or is
/// `now` exactly), otherwise the next day's. A fold's second occurrence is never returned.
pub fn next_run(now: Timestamp, time: Time, tz: &TimeZone) -> Timestamp {
    let mut day = local_date(now, tz);
    for _ in 0..4 {
        if let Some(t) = due_at(day, time, tz) {
            if t >= now {
                return t;
            }
        }
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    // Only reachable at the end of time: wait "forever".
    now.saturating_add(SignedDuration::from_hours(24 * 365))
        .unwrap_or(now)
}

/// What to post now: `(channel_id, local date)` for each channel whose digest for today's
/// local date is due (`now` is at or past today's post time) and not yet posted.
pub fn due_today(
    now: Timestamp,
    time: Time,
    tz: &TimeZone,
    channels: &[u64],
    state: &DigestState,
) -> Vec<(u64, Date)> {
    let today = local_date(now, tz);
    let Some(due) = due_at(today, time, tz) else {
        return Vec::new();
    };
    if now < due {
        return Vec::new();
    }
    let mut seen = std::collections::HashSet::new();
    channels
        .iter()
        .copied()
        .filter(|c| seen.insert(*c))
        .filter(|&c| !state.is_posted(c, today))
        .map(|c| (c, today))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date as d, time};
    use proptest::prelude::*;

    fn tz(name: &str) -> TimeZone {
        TimeZone::get(name).unwrap()
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn ns(t: Timestamp, n: i64) -> Timestamp {
        t.checked_add(SignedDuration::from_nanos(n)).unwrap()
    }

    #[test]
    fn vientiane_has_no_dst() {
        let tz = tz("Asia/Vientiane");
        assert_eq!(
            due_at(d(2026, 11, 22), time(8, 0, 0, 0), &tz),
            Some(ts("2026-11-22T01:00:00Z"))
        );
        assert_eq!(
            due_at(d(2026, 6, 22), time(8, 0, 0, 0), &tz),
            Some(ts("2026-06-22T01:00:00Z"))
        );
        // Before, at and just after the post time.
        let at = ts("2026-11-22T01:00:00Z");
        assert_eq!(
            next_run(ts("2026-11-21T23:00:00Z"), time(8, 0, 0, 0), &tz),
            at
        );
        assert_eq!(next_run(at, time(8, 0, 0, 0), &tz), at);
        assert_eq!(
            next_run(ns(at, 1), time(8, 0, 0, 0), &tz),
            ts("2026-11-23T01:00:00Z")
        );
        // Local midnight rolls the date over at 17:00 UTC.
        assert_eq!(local_date(ts("2026-11-22T16:59:59Z"), &tz), d(2026, 11, 22));
        assert_eq!(local_date(ts("2026-11-22T17:00:00Z"), &tz), d(2026, 11, 23));
        assert_eq!(
            next_run(ts("2026-11-22T17:00:00Z"), time(0, 0, 0, 0), &tz),
            ts("2026-11-22T17:00:00Z")
        );
    }

    #[test]
    fn new_york_spring_forward_gap_posts_at_the_transition() {
        let tz = tz("America/New_York");
        // 02:30 does not exist on 8 March 2026: due at 03:00 EDT = 07:00 UTC.
        assert_eq!(
            due_at(d(2026, 3, 8), time(2, 30, 0, 0), &tz),
            Some(ts("2026-03-08T07:00:00Z"))
        );
        assert_eq!(
            due_at(d(2026, 3, 8), time(2, 0, 0, 0), &tz),
            Some(ts("2026-03-08T07:00:00Z"))
        );
        // The days around it are ordinary.
        assert_eq!(
            due_at(d(2026, 3, 7), time(2, 30, 0, 0), &tz),
            Some(ts("2026-03-07T07:30:00Z"))
        );
        assert_eq!(
            due_at(d(2026, 3, 9), time(2, 30, 0, 0), &tz),
            Some(ts("2026-03-09T06:30:00Z"))
        );
        // 08:00 keeps its wall time: 13:00 UTC the day before, 12:00 UTC after (a 23-hour day).
        assert_eq!(
            next_run(ts("2026-03-07T13:00:01Z"), time(8, 0, 0, 0), &tz),
            ts("2026-03-08T12:00:00Z")
        );
        assert_eq!(
            next_run(ts("2026-03-08T06:59:59Z"), time(2, 30, 0, 0), &tz),
            ts("2026-03-08T07:00:00Z")
        );
        assert_eq!(
            next_run(ts("2026-03-08T07:00:01Z"), time(2, 30, 0, 0), &tz),
            ts("2026-03-09T06:30:00Z")
        );
    }

    #[test]
    fn new_york_fall_back_fold_posts_once_at_the_earlier_instant() {
        let tz = tz("America/New_York");
        let first = ts("2026-11-01T05:30:00Z"); // 01:30 EDT
        let second = ts("2026-11-01T06:30:00Z"); // 01:30 EST
        assert_eq!(due_at(d(2026, 11, 1), time(1, 30, 0, 0), &tz), Some(first));
        assert_eq!(
            next_run(ts("2026-11-01T04:00:00Z"), time(1, 30, 0, 0), &tz),
            first
        );
        // After the first 01:30, the next run is the next day, not the repeated 01:30.
        let next = next_run(ns(first, 1), time(1, 30, 0, 0), &tz);
        assert_eq!(next, ts("2026-11-02T06:30:00Z"));
        assert!(next > second);
        // Posted at the first 01:30: nothing is due at the second.
        let mut state = DigestState::default();
        assert_eq!(
            due_today(first, time(1, 30, 0, 0), &tz, &[7], &state),
            vec![(7, d(2026, 11, 1))]
        );
        state.mark(7, d(2026, 11, 1));
        assert!(due_today(second, time(1, 30, 0, 0), &tz, &[7], &state).is_empty());
    }

    #[test]
    fn london_gap_and_fold() {
        let tz = tz("Europe/London");
        // 29 March 2026: 01:00 GMT → 02:00 BST, so 01:30 does not exist; due at 01:00 UTC.
        assert_eq!(
            due_at(d(2026, 3, 29), time(1, 30, 0, 0), &tz),
            Some(ts("2026-03-29T01:00:00Z"))
        );
        assert_eq!(
            due_at(d(2026, 3, 29), time(9, 0, 0, 0), &tz),
            Some(ts("2026-03-29T08:00:00Z"))
        );
        assert_eq!(
            due_at(d(2026, 3, 28), time(9, 0, 0, 0), &tz),
            Some(ts("2026-03-28T09:00:00Z"))
        );
        // 25 October 2026: 02:00 BST → 01:00 GMT, so 01:30 happens twice; the first is 00:30 UTC.
        assert_eq!(
            due_at(d(2026, 10, 25), time(1, 30, 0, 0), &tz),
            Some(ts("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            next_run(ts("2026-10-25T00:30:00.5Z"), time(1, 30, 0, 0), &tz),
            ts("2026-10-26T01:30:00Z")
        );
        assert_eq!(
            due_at(d(2026, 10, 25), time(9, 0, 0, 0), &tz),
            Some(ts("2026-10-25T09:00:00Z"))
        );
    }

    #[test]
    fn due_today_waits_for_the_time_and_skips_posted_channels() {
        let tz = tz("Asia/Vientiane");
        let mut state = DigestState::default();
        let before = ts("2026-11-22T00:59:59Z");
        let at = ts("2026-11-22T01:00:00Z");
        let late = ts("2026-11-22T15:00:00Z"); // 22:00 local: catch-up
        assert!(due_today(before, time(8, 0, 0, 0), &tz, &[1, 2], &state).is_empty());
        let today = d(2026, 11, 22);
        assert_eq!(
            due_today(at, time(8, 0, 0, 0), &tz, &[1, 2, 1], &state),
            vec![(1, today), (2, today)]
        );
        state.mark(1, today);
        assert_eq!(
            due_today(late, time(8, 0, 0, 0), &tz, &[1, 2], &state),
            vec![(2, today)]
        );
        state.mark(2, today);
        assert!(due_today(late, time(8, 0, 0, 0), &tz, &[1, 2], &state).is_empty());
        // Yesterday's post does not count for today.
        let tomorrow = ts("2026-11-23T01:00:00Z");
        assert_eq!(
            due_today(tomorrow, time(8, 0, 0, 0), &tz, &[1], &state),
            vec![(1, d(2026, 11, 23))]
        );
        // A date ahead of today (clock moved back) counts as posted.
        state.mark(3, d(2026, 12, 1));
        assert!(due_today(late, time(8, 0, 0, 0), &tz, &[3], &state).is_empty());
    }

    proptest! {
        #[test]
        fn next_run_is_the_first_due_instant_not_before_now(
            secs in 1_700_000_000i64..1_900_000_000,
            h in 0i8..24,
            m in 0i8..60,
            zone in prop::sample::select(vec![
                "America/New_York", "Europe/London", "Asia/Vientiane", "Australia/Lord_Howe",
            ]),
        ) {
            let tz = tz(zone);
            let now = Timestamp::from_second(secs).unwrap();
            let at = time(h, m, 0, 0);
            let next = next_run(now, at, &tz);
            prop_assert!(next >= now);
            prop_assert!(next.duration_since(now) <= SignedDuration::from_hours(26));
            // It is the due instant of its own local date (or of the day before, never later).
            let day = local_date(next, &tz);
            prop_assert!(
                due_at(day, at, &tz) == Some(next)
                    || due_at(day.yesterday().unwrap(), at, &tz) == Some(next)
            );
            // And no due instant lies between now and it.
            let today = local_date(now, &tz);
            for d in [today, today.tomorrow().unwrap()] {
                let t = due_at(d, at, &tz).unwrap();
                prop_assert!(!(t >= now && t < next), "{d} due at {t} before {next}");
            }
        }
    }
}
