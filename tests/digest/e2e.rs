//! The daily digest and `/upcoming` through the real bot (`Bot::start_with_clock`) against the
//! fake Discord of `agenda-test-support`, on a clock the test sets: no test waits for a real post time.
//!
//! Every test has its own fake (ephemeral ports on 127.0.0.1), its own state dir and its own
//! in-memory index of the shipped corpus, so the tests run in parallel. Every wait is bounded
//! by `T` (15 s).

use agenda_bot::clock::SharedClock;
use agenda_bot::config::{DigestConfig, WhenEmpty};
use agenda_core::digest::state::StateStore;
use agenda_test_support::bot::*;
use agenda_test_support::clock::TestClock;
use agenda_test_support::fake_discord::*;
use agenda_test_support::limits::*;
use agenda_test_support::logs::capture_logs;
use jiff::civil::{date, Date};
use jiff::Timestamp;
use serde_json::{json, Value};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Digest channels.
const X: u64 = 990_000_000_000_000_001;
const Y: u64 = 990_000_000_000_000_002;
const Z: u64 = 990_000_000_000_000_003;
const LAO: &str = "Ends: Lao PDR Defence Capacity Building";

/// 08:00 in Vientiane (UTC+7) on 22 November 2026.
const POST_TIME_22: &str = "2026-11-22T01:00:00Z";
const POST_TIME_23: &str = "2026-11-23T01:00:00Z";

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

/// The bot on `clock` with its state in `state_dir`; on `fake` if given (prepared, e.g. with
/// faults armed).
async fn start(
    state_dir: &Path,
    digest: DigestConfig,
    clock: &Arc<TestClock>,
    fake: Option<FakeDiscord>,
) -> BotUnderTest {
    capture_logs();
    BotUnderTest::start(Setup {
        digest,
        state_dir: Some(state_dir.to_path_buf()),
        clock: Some(SharedClock::new(clock.clone())),
        fake,
        ..Setup::default()
    })
    .await
}

/// The digest at 08:00 Asia/Vientiane, 60 days ahead, to `channels`.
fn digest_config(channels: &[u64]) -> DigestConfig {
    DigestConfig {
        channel_ids: channels.to_vec(),
        time: jiff::civil::time(8, 0, 0, 0),
        timezone: jiff::tz::TimeZone::get("Asia/Vientiane").unwrap(),
        days: agenda_core::digest::Days::new(60).unwrap(),
        when_empty: WhenEmpty::Post,
        ..DigestConfig::default()
    }
}

fn last_posted(state_dir: &Path, channel: u64) -> Option<Date> {
    StateStore::open(state_dir)
        .expect("the state file reads")
        .state()
        .last_posted(channel)
}

/// Waits (bounded) until the state file records `day` for `channel`.
async fn wait_recorded(state_dir: &Path, channel: u64, day: Date) {
    let deadline = tokio::time::Instant::now() + T;
    while last_posted(state_dir, channel) != Some(day) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "{day} never recorded for {channel}: {:?}",
            last_posted(state_dir, channel)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Long enough for a duplicate already under way to show up at the fake.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(500)).await;
}

fn unix(t: &str) -> i64 {
    t.parse::<Timestamp>().unwrap().as_second()
}

/// The digest for 22 November 2026, 60 days: the Lao initiative ends by 31 December 2026.
fn assert_is_the_22_november_digest(body: &Value) {
    assert!(
        body["content"]
            .as_str()
            .unwrap()
            .contains("Upcoming in the next 60 days (22 November 2026 – 21 January 2027)"),
        "{body}"
    );
    let field = &body["embeds"][0]["fields"][0];
    assert_eq!(field["name"], LAO, "{body}");
    let value = field["value"].as_str().unwrap();
    // 31 December 2026, 00:00 in Vientiane.
    let t = unix("2026-12-30T17:00:00Z");
    assert!(
        value.starts_with(&format!(
            "<t:{t}:D> (<t:{t}:R>) · by 31 December 2026 (2024 – 2026)"
        )),
        "{value}"
    );
    // The citation: a quoted snippet and the paragraph.
    assert!(value.contains("\n> "), "{value}");
    assert!(value.contains("¶9"), "{value}");
    assert_no_mentions(body);
    assert_within_limits(body);
}

// ---------------------------------------------------------------------------------------------
// The daily digest
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_digest_is_posted_at_the_post_time_once_and_recorded() {
    let dir = tempfile::tempdir().unwrap();
    // 07:30 in Vientiane.
    let clock = TestClock::at("2026-11-22T00:30:00Z");
    let run = start(dir.path(), digest_config(&[X]), &clock, None).await;
    settle().await;
    assert!(run.posts(X).is_empty(), "posted before 08:00");
    assert_eq!(last_posted(dir.path(), X), None);

    clock.set(POST_TIME_22);
    let body = run.wait_posted(X).await;
    println!(
        "digest message as received by the fake:\n{}",
        serde_json::to_string_pretty(&body).unwrap()
    );
    assert_is_the_22_november_digest(&body);
    // A channel message of its own, deduplicated by Discord on a retry.
    assert!(body.get("message_reference").is_none_or(Value::is_null));
    let nonce = body["nonce"].as_str().expect("a string nonce");
    assert!((1..=25).contains(&nonce.chars().count()), "{nonce}");
    assert_eq!(body["enforce_nonce"], true);

    wait_recorded(dir.path(), X, date(2026, 11, 22)).await;
    // Later the same day: nothing more.
    clock.set("2026-11-22T12:00:00Z");
    settle().await;
    assert_eq!(run.posts(X).len(), 1, "{:?}", run.summary());
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_the_same_day_does_not_post_again() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(POST_TIME_22);
    let first = start(dir.path(), digest_config(&[X]), &clock, None).await;
    first.wait_posted(X).await;
    wait_recorded(dir.path(), X, date(2026, 11, 22)).await;
    first.stop().await;

    // 13:00 in Vientiane, same state dir, a new bot (and a new fake to count its requests).
    clock.set("2026-11-22T06:00:00Z");
    let second = start(dir.path(), digest_config(&[X]), &clock, None).await;
    // The digest loop started with the bot, before READY: a post would be here by now.
    settle().await;
    assert!(second.posts(X).is_empty(), "{:?}", second.summary());

    // The loop is alive: the next morning it posts, once.
    clock.set(POST_TIME_23);
    let body = second.wait_posted(X).await;
    assert!(
        body["content"]
            .as_str()
            .unwrap()
            .contains("(23 November 2026 – 22 January 2027)"),
        "{body}"
    );
    wait_recorded(dir.path(), X, date(2026, 11, 23)).await;
    settle().await;
    assert_eq!(second.posts(X).len(), 1);
    second.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missed_post_is_caught_up_once_at_start() {
    let dir = tempfile::tempdir().unwrap();
    // Posted yesterday; today the bot was down at 08:00 and starts at 17:00.
    StateStore::open(dir.path())
        .unwrap()
        .mark_posted(X, date(2026, 11, 21))
        .unwrap();
    // The clock stands still at 17:00: only the catch-up can post.
    let clock = TestClock::at("2026-11-22T10:00:00Z");
    let run = start(dir.path(), digest_config(&[X]), &clock, None).await;
    let body = run.wait_posted(X).await;
    assert_is_the_22_november_digest(&body);
    wait_recorded(dir.path(), X, date(2026, 11, 22)).await;
    settle().await;
    assert_eq!(run.posts(X).len(), 1, "{:?}", run.summary());
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_are_retried_by_the_runner_and_posted_once() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at(POST_TIME_22);
    // Armed before the bot starts: the post is due at once.
    let fake = FakeDiscord::start().await;
    fake.fail_next(&messages_path(X), 429, 1);
    fake.fail_next(&messages_path(Y), 503, 1);
    fake.fail_next_with(
        &messages_path(Z),
        403,
        1,
        json!({"message": "Missing Permissions", "code": 50013}),
    );
    let run = start(dir.path(), digest_config(&[X, Y, Z]), &clock, Some(fake)).await;

    // One request per attempt: while the test's clock stands still, the 429 is not retried
    // (the runner's backoff waits on that clock; nothing retries behind its back).
    run.fake
        .wait_for(|r| r.is("POST", &messages_path(X)), T)
        .await
        .expect("the first attempt");
    settle().await;
    assert_eq!(run.posts(X).len(), 1, "{:?}", run.summary());
    assert!(run.posts(Y).is_empty());

    // The runner waits its backoff (2 s after the first failure) on the test's clock: move it
    // on in small steps until every channel has had its outcome.
    let done = |run: &BotUnderTest| {
        run.posts(X).iter().any(|(s, _)| *s == 200)
            && run.posts(Y).iter().any(|(s, _)| *s == 200)
            && !run.posts(Z).is_empty()
    };
    let deadline = tokio::time::Instant::now() + T;
    while !done(&run) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "not done: {:?}",
            run.summary()
        );
        clock.advance(Duration::from_millis(500));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    wait_recorded(dir.path(), Y, date(2026, 11, 22)).await;
    settle().await;

    let statuses = |ch| run.posts(ch).iter().map(|(s, _)| *s).collect::<Vec<_>>();
    assert_eq!(statuses(X), [429, 200], "429: retried, posted once");
    assert_eq!(statuses(Y), [503, 200], "503: retried, posted once");
    assert_eq!(statuses(Z), [403], "403: not retried");
    // Each retry is the same message with the same enforced nonce; channels differ.
    let nonces = |ch| {
        run.posts(ch)
            .iter()
            .map(|(_, b)| {
                assert_eq!(b["enforce_nonce"], true);
                b["nonce"].as_str().unwrap().to_string()
            })
            .collect::<Vec<_>>()
    };
    let (x, y) = (nonces(X), nonces(Y));
    assert_eq!(x[0], x[1]);
    assert_eq!(y[0], y[1]);
    assert_ne!(x[0], y[0]);
    assert_eq!(run.posts(X)[0].1["embeds"], run.posts(X)[1].1["embeds"]);
    assert_is_the_22_november_digest(&run.posts(X)[1].1);

    assert_eq!(last_posted(dir.path(), X), Some(date(2026, 11, 22)));
    assert_eq!(last_posted(dir.path(), Y), Some(date(2026, 11, 22)));
    assert_eq!(
        last_posted(dir.path(), Z),
        None,
        "refused: tried again tomorrow"
    );
    run.stop().await;
}

// ---------------------------------------------------------------------------------------------
// /upcoming
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upcoming_lists_the_milestones_from_the_bots_today() {
    let dir = tempfile::tempdir().unwrap();
    // Noon in Vientiane on 22 November 2026; no digest channels (the digest is off).
    let clock = TestClock::at("2026-11-22T05:00:00Z");
    let mut digest = digest_config(&[]);
    digest.days = agenda_core::digest::Days::new(30).unwrap();
    let run = start(dir.path(), digest, &clock, None).await;

    // Registered with a bounded optional integer and the usual `private`.
    let put = run
        .fake
        .wait_for(|r| r.is("PUT", GUILD_COMMANDS), T)
        .await
        .unwrap();
    let command = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "upcoming")
        .expect("/upcoming is registered")
        .clone();
    let options = command["options"].as_array().unwrap();
    assert_eq!(options[0]["name"], "days");
    assert_eq!(options[0]["type"], 4);
    // (poise sends the bounds as JSON numbers such as 1.0)
    assert_eq!(options[0]["min_value"].as_f64(), Some(1.0));
    assert_eq!(options[0]["max_value"].as_f64(), Some(366.0));
    assert_ne!(options[0]["required"], true);
    assert_eq!(options[1]["name"], "private");
    assert_eq!(options[1]["type"], 5);

    // /upcoming days:60 → deferred, then the digest for today.
    let id = 720_000_000_000_000_001;
    let options = json!([{"name": "days", "type": 4, "value": 60}]);
    run.fake
        .dispatch(
            "INTERACTION_CREATE",
            slash_command(id, "upcoming", options, ALICE, "0"),
        )
        .await;
    let token = interaction_token(id);
    let callback = format!("/api/v10/interactions/{id}/{token}/callback$");
    let defer = run
        .fake
        .wait_for(|r| r.is("POST", &callback) && r.ok(), T)
        .await
        .expect("deferred");
    assert_eq!(defer.body["type"], 5);
    let original = format!("/api/v10/webhooks/{APPLICATION_ID}/{token}/messages/@original$");
    let reply = run
        .fake
        .wait_for(|r| r.is("PATCH", &original) && r.ok(), T)
        .await
        .expect("the answer");
    assert_is_the_22_november_digest(&reply.body);

    // Without days: the digest's 30 (the end of 2026 still overlaps); private → ephemeral.
    let id = 720_000_000_000_000_002;
    let options = json!([{"name": "private", "type": 5, "value": true}]);
    run.fake
        .dispatch(
            "INTERACTION_CREATE",
            slash_command(id, "upcoming", options, ALICE, "0"),
        )
        .await;
    let token = interaction_token(id);
    let callback = format!("/api/v10/interactions/{id}/{token}/callback$");
    let defer = run
        .fake
        .wait_for(|r| r.is("POST", &callback) && r.ok(), T)
        .await
        .expect("deferred");
    assert_eq!(defer.body["data"]["flags"], 64);
    let original = format!("/api/v10/webhooks/{APPLICATION_ID}/{token}/messages/@original$");
    let reply = run
        .fake
        .wait_for(|r| r.is("PATCH", &original) && r.ok(), T)
        .await
        .expect("the answer");
    assert!(
        reply.body["content"]
            .as_str()
            .unwrap()
            .contains("Upcoming in the next 30 days (22 November – 22 December 2026)"),
        "{}",
        reply.body
    );
    assert_eq!(reply.body["embeds"][0]["fields"][0]["name"], LAO);

    // Typed in chat.
    let mid = 730_000_000_000_000_001;
    let content = format!("{} /upcoming 60", bot_mention());
    run.say(mid, CHANNEL, &content, true).await;
    let sent = run
        .fake
        .wait_for(|r| r.is("POST", &messages_path(CHANNEL)) && r.ok(), T)
        .await
        .expect("a chat reply");
    assert_eq!(
        sent.body["message_reference"]["message_id"],
        mid.to_string()
    );
    assert_is_the_22_november_digest(&sent.body);

    // The digest is off: nothing else was posted to a channel.
    assert_eq!(
        run.fake
            .count(|r| r.is("POST", "/api/v10/channels/*/messages$")),
        1
    );
    run.stop().await;
}
