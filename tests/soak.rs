//! Soak: many interactions through the fake Discord, with the bot's production HTTP stack (rate
//! limiter on, TLS to the fake as `discord.com`): `/meeting`, `/mechanism`, `/initiative`, `/ask`,
//! autocomplete and chat mentions, in concurrent batches. Every interaction's reply must arrive
//! exactly once, the first response within Discord's 3 s, and the resident memory of this process
//! (which hosts the bot and the fake) must end within 10% of where it stood after the warm-up.
//!
//!     cargo test --test soak                                  # SOAK_N=300, a few seconds
//!     SOAK_N=10000 cargo test --release --test soak -- --nocapture
//!
//! The figures are printed (`--nocapture` shows them); RELIABILITY.md has the last 10,000 run.
//! The fake's request log is taken (read and emptied in one step) after every batch, so it does
//! not grow, and every request in it is counted.
#![cfg(feature = "discord")]

use agenda_bot::discord::rest::PRUNE_EVERY;
use agenda_test_support::bot::*;
use agenda_test_support::fake_discord::*;
use std::time::{Duration, Instant};

/// Counts live heap bytes (allocated and not yet freed) of the whole process: tells a leak (live
/// bytes grow with the interactions) from allocator slack (RSS grows, live bytes do not).
struct Counting;

static LIVE: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

// A global allocator is unsafe to implement: each method passes its call on to the system's.
#[allow(unsafe_code)]
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let p = unsafe { std::alloc::System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as i64, std::sync::atomic::Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        unsafe { std::alloc::System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size() as i64, std::sync::atomic::Ordering::Relaxed);
    }
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        let p = unsafe { std::alloc::System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size() as i64, std::sync::atomic::Ordering::Relaxed);
        }
        p
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { std::alloc::System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(
                new_size as i64 - layout.size() as i64,
                std::sync::atomic::Ordering::Relaxed,
            );
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Live heap, in KiB.
fn live_kib() -> i64 {
    LIVE.load(std::sync::atomic::Ordering::Relaxed) / 1024
}

/// Interactions in flight at once.
const BATCH: usize = 25;
const SLASH_BASE: u64 = 740_000_000_000_000_000;
const CHAT_BASE: u64 = 741_000_000_000_000_000;

fn soak_n() -> usize {
    std::env::var("SOAK_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// A number field of /proc/self/status (`VmRSS` in KiB, `Threads`).
fn status(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{field} in /proc/self/status"))
}

/// VmRSS of this process, in KiB.
fn rss_kib() -> u64 {
    status("VmRSS")
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Slash,
    Autocomplete,
    Chat,
}

const MEETINGS: &[&str] = &[
    "AMIM-21",
    "amim 21",
    "21st intelligence meeting",
    "AMOM-14",
    "who attended the intelligence meeting",
];
const MECHANISMS: &[&str] = &["AJIIP", "AOE", "AMIC", "ADMM", "ASEAN Our Eyes"];
const INITIATIVES: &[&str] = &[
    "cyber task force",
    "Lao capacity building",
    "joint exercises",
    "youth programs",
];
const QUESTIONS: &[&str] = &[
    "what was the theme of AMIM-21?",
    "who observed AMIM-21?",
    "maritime security cooperation",
    "plugh xyzzy",
];
const TYPED: &[(&str, &str)] = &[("meeting", "AM"), ("mechanism", "A"), ("initiative", "cy")];
const CHAT: &[&str] = &["what is AOE?", "/meeting AMIM-21", "who observed AMIM-21?"];

/// Sends interaction number `i` of the mix; what kind it was.
async fn send(bot: &BotUnderTest, i: usize) -> Kind {
    let pick = |list: &[&'static str]| list[(i / 10) % list.len()];
    let id = SLASH_BASE + i as u64;
    match i % 10 {
        0 | 1 => {
            bot.query(id, "meeting", "query", pick(MEETINGS)).await;
            Kind::Slash
        }
        2 | 3 => {
            bot.query(id, "mechanism", "query", pick(MECHANISMS)).await;
            Kind::Slash
        }
        4 => {
            bot.query(id, "initiative", "query", pick(INITIATIVES))
                .await;
            Kind::Slash
        }
        5 | 6 => {
            bot.query(id, "ask", "question", pick(QUESTIONS)).await;
            Kind::Slash
        }
        7 | 8 => {
            let (command, typed) = TYPED[(i / 10) % TYPED.len()];
            bot.fake
                .dispatch(
                    "INTERACTION_CREATE",
                    autocomplete(id, command, "query", typed, ALICE),
                )
                .await;
            Kind::Autocomplete
        }
        _ => {
            let content = format!("{} {}", bot_mention(), pick(CHAT));
            let mid = CHAT_BASE + i as u64;
            bot.fake
                .dispatch(
                    "MESSAGE_CREATE",
                    message_create(mid, CHANNEL, ALICE, &content, true),
                )
                .await;
            Kind::Chat
        }
    }
}

/// Per-interaction bookkeeping, allocated up front so that it does not grow during the run.
struct Tally {
    kinds: Vec<Option<Kind>>,
    sent_at: Vec<Option<Instant>>,
    /// Final replies (the edit of a deferred answer, the autocomplete choices, the chat reply).
    replies: Vec<u16>,
    /// Acknowledgements of slash commands (type 5 callbacks).
    defers: Vec<u16>,
    /// Dispatch → first response, ms.
    first_ms: Vec<u32>,
    /// Dispatch → final reply, ms.
    final_ms: Vec<u32>,
    failed_requests: usize,
    error_replies: usize,
    unexpected: usize,
}

impl Tally {
    fn new(n: usize) -> Tally {
        Tally {
            kinds: vec![None; n],
            sent_at: vec![None; n],
            replies: vec![0; n],
            defers: vec![0; n],
            first_ms: vec![u32::MAX; n],
            final_ms: vec![u32::MAX; n],
            failed_requests: 0,
            error_replies: 0,
            unexpected: 0,
        }
    }

    /// Interaction number from a path segment such as the token `tok-{id}` or a channel message's
    /// referenced id.
    fn index_of(&self, id: u64, base: u64) -> Option<usize> {
        id.checked_sub(base)
            .map(|i| i as usize)
            .filter(|i| *i < self.kinds.len())
    }

    fn ms(&self, i: usize, at: Instant) -> u32 {
        self.sent_at[i].map_or(u32::MAX, |t| {
            at.saturating_duration_since(t).as_millis() as u32
        })
    }

    /// Counts every request taken from the fake.
    fn account(&mut self, requests: Vec<Recorded>) {
        for r in requests {
            if !r.ok() {
                self.failed_requests += 1;
                continue;
            }
            let segments: Vec<&str> = r.path.split('/').collect();
            match (r.method.as_str(), &segments[..]) {
                ("POST", ["", "api", "v10", "interactions", id, _, "callback"]) => {
                    let Some(i) = id.parse().ok().and_then(|id| self.index_of(id, SLASH_BASE))
                    else {
                        self.unexpected += 1;
                        continue;
                    };
                    let ms = self.ms(i, r.received_at);
                    self.first_ms[i] = self.first_ms[i].min(ms);
                    match r.body["type"].as_u64() {
                        Some(5) => self.defers[i] += 1,
                        Some(8) => {
                            self.replies[i] += 1;
                            self.final_ms[i] = ms;
                        }
                        _ => {
                            // A direct answer (type 4) is only sent for errors and refusals.
                            self.error_replies += 1;
                            self.replies[i] += 1;
                        }
                    }
                }
                ("PATCH", ["", "api", "v10", "webhooks", _, token, "messages", "@original"]) => {
                    let Some(i) = token
                        .strip_prefix("tok-")
                        .and_then(|id| id.parse().ok())
                        .and_then(|id| self.index_of(id, SLASH_BASE))
                    else {
                        self.unexpected += 1;
                        continue;
                    };
                    self.replies[i] += 1;
                    self.final_ms[i] = self.ms(i, r.received_at);
                    if r.content() == Some(agenda_bot::discord::USER_ERROR) {
                        self.error_replies += 1;
                    }
                }
                ("POST", ["", "api", "v10", "channels", _, "messages"]) => {
                    let Some(i) = r.body["message_reference"]["message_id"]
                        .as_str()
                        .and_then(|m| m.parse().ok())
                        .and_then(|m| self.index_of(m, CHAT_BASE))
                    else {
                        self.unexpected += 1;
                        continue;
                    };
                    let ms = self.ms(i, r.received_at);
                    self.replies[i] += 1;
                    self.first_ms[i] = self.first_ms[i].min(ms);
                    self.final_ms[i] = ms;
                    if r.content() == Some(agenda_bot::discord::USER_ERROR) {
                        self.error_replies += 1;
                    }
                }
                // Registration at start (the guild's commands, then the global list emptied)
                // may still be under way when the first batch is taken.
                ("PUT", ["", "api", "v10", "applications", _, "commands"])
                | ("PUT", ["", "api", "v10", "applications", _, "guilds", _, "commands"]) => {}
                _ => self.unexpected += 1,
            }
        }
    }

    /// How many interactions of `range` got no reply yet.
    fn missing(&self, range: std::ops::Range<usize>) -> usize {
        range.filter(|&i| self.replies[i] == 0).count()
    }
}

fn percentile(sorted: &[u32], p: f64) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Memory right after the warm-up (and, for the record, after the first 200 interactions).
#[derive(Default)]
struct Marks {
    rss_200: Option<u64>,
    rss_start: Option<u64>,
    live_start: Option<i64>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak_every_reply_arrives_once_and_memory_stays_flat() {
    let n = soak_n();
    assert!(n >= 20, "SOAK_N must be at least 20");
    // 200 interactions, or a tenth of a long run: glibc's per-thread arenas keep growing into
    // their working set for a few thousand interactions (RSS rises ever more slowly while the
    // live heap stays flat), which is not what this test is after.
    let warm_up = (n / 10).max(200).min(n / 2);
    let bot = BotUnderTest::start(Setup {
        // SOAK_PROXY=1: through `api_proxy` (serenity's rate limiter off), for comparison.
        tls: std::env::var_os("SOAK_PROXY").is_none(),
        ..Setup::default()
    })
    .await;
    bot.fake.take_requests(); // start-up traffic (gateway, command registration)
    let mut tally = Tally::new(n);
    let mut marks = Marks::default();
    let mut started = Instant::now();
    let mut i = 0;
    while i < n {
        if i == warm_up.min(200) {
            marks.rss_200 = Some(rss_kib());
        }
        if i == warm_up {
            // Let the warm-up's stragglers finish, then measure.
            tokio::time::sleep(Duration::from_millis(200)).await;
            tally.account(bot.fake.take_requests());
            marks.rss_start = Some(rss_kib());
            marks.live_start = Some(live_kib());
            started = Instant::now();
        }
        let end = (i + BATCH).min(if i < warm_up { warm_up } else { n });
        let batch = i..end;
        for j in batch.clone() {
            tally.sent_at[j] = Some(Instant::now());
            tally.kinds[j] = Some(send(&bot, j).await);
        }
        let deadline = Instant::now() + T;
        loop {
            tally.account(bot.fake.take_requests());
            if tally.missing(batch.clone()) == 0 || Instant::now() > deadline {
                break;
            }
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        // The fake keeps every message posted to a channel (it lists them on request); it
        // shares the measured heap, so a long run's chat replies would read as the bot's leak.
        bot.fake.forget_channel_messages();
        i = end;
        if i % 1000 == 0 {
            println!(
                "soak: {i:>6} interactions: RSS {} KiB, live heap {} KiB, {} threads",
                rss_kib(),
                live_kib(),
                status("Threads")
            );
        }
    }
    let elapsed = started.elapsed();
    // Late duplicates would come within the retry delays; and let the rate limiter's idle buckets
    // be pruned once more (the live heap holds the last PRUNE_EVERY's worth until then).
    tokio::time::sleep(PRUNE_EVERY + Duration::from_millis(500)).await;
    tally.account(bot.fake.take_requests());
    let (rss_end, live_end) = (rss_kib(), live_kib());
    let rss_start = marks.rss_start.expect("measured after the warm-up");
    let live_start = marks.live_start.expect("measured after the warm-up");
    let rss_200 = marks.rss_200.expect("measured after 200");

    let lost: Vec<usize> = (0..n).filter(|&i| tally.replies[i] == 0).collect();
    let duplicated: Vec<usize> = (0..n).filter(|&i| tally.replies[i] > 1).collect();
    let bad_defers: Vec<usize> = (0..n)
        .filter(|&i| tally.kinds[i] == Some(Kind::Slash) && tally.defers[i] != 1)
        .collect();
    let mut first: Vec<u32> = tally.first_ms[warm_up..].to_vec();
    first.sort_unstable();
    let mut finals: Vec<u32> = tally.final_ms[warm_up..].to_vec();
    finals.sort_unstable();
    let measured = n - warm_up;
    let count = |k| tally.kinds.iter().filter(|x| **x == Some(k)).count();
    let pct = |a: f64, b: f64| (b - a) / a * 100.0;
    let rss_growth = pct(rss_start as f64, rss_end as f64);
    let live_growth = pct(live_start as f64, live_end as f64);
    println!(
        "soak: {n} interactions ({} slash commands, {} autocompletes, {} chat mentions), \
         {warm_up} of them warm-up, {}\n\
         soak: measured {measured} in {:.2} s = {:.0} interactions/s\n\
         soak: first response p50 {} ms, p99 {} ms, max {} ms; final reply p50 {} ms, p99 {} ms, max {} ms\n\
         soak: RSS after 200 interactions {rss_200} KiB, after the warm-up {rss_start} KiB, \
         at the end {rss_end} KiB ({rss_growth:+.1}% since the warm-up, {:+.1}% since 200)\n\
         soak: live heap after the warm-up {live_start} KiB, at the end {live_end} KiB ({live_growth:+.1}%)\n\
         soak: lost replies {}, duplicated {}, slash commands not deferred exactly once {}, \
         error replies {}, failed requests {}, unexpected requests {}",
        count(Kind::Slash),
        count(Kind::Autocomplete),
        count(Kind::Chat),
        if std::env::var_os("SOAK_PROXY").is_none() {
            "production HTTP stack (TLS, rate limiter on)"
        } else {
            "through api_proxy (rate limiter off)"
        },
        elapsed.as_secs_f64(),
        measured as f64 / elapsed.as_secs_f64(),
        percentile(&first, 0.5),
        percentile(&first, 0.99),
        first.last().unwrap_or(&0),
        percentile(&finals, 0.5),
        percentile(&finals, 0.99),
        finals.last().unwrap_or(&0),
        pct(rss_200 as f64, rss_end as f64),
        lost.len(),
        duplicated.len(),
        bad_defers.len(),
        tally.error_replies,
        tally.failed_requests,
        tally.unexpected,
    );
    assert!(lost.is_empty(), "lost replies: {lost:?}");
    assert!(duplicated.is_empty(), "replies sent twice: {duplicated:?}");
    assert!(bad_defers.is_empty(), "defers: {bad_defers:?}");
    assert_eq!(tally.error_replies, 0);
    assert_eq!(tally.failed_requests, 0);
    assert_eq!(tally.unexpected, 0);
    // Discord's 3 s applies to interactions (a chat reply has no deadline).
    let slowest_first = (0..n)
        .filter(|&i| tally.kinds[i] != Some(Kind::Chat))
        .map(|i| tally.first_ms[i])
        .max()
        .unwrap_or(0);
    assert!(
        u128::from(slowest_first) < INTERACTION_DEADLINE.as_millis(),
        "an interaction was first answered after {slowest_first} ms"
    );
    assert!(
        rss_end as f64 <= rss_start as f64 * 1.10,
        "RSS grew by {rss_growth:.1}% ({rss_start} → {rss_end} KiB)"
    );
    // The leak detector proper: what is still allocated (a leak of 100 bytes per interaction
    // shows over a few thousand interactions).
    assert!(
        live_end <= live_start + (live_start / 10).max(512),
        "the live heap grew by {live_growth:.1}% ({live_start} → {live_end} KiB)"
    );
    bot.stop().await;
}
