//! The real `agenda-bot run` process against the fake Discord: SIGTERM stops it with exit 0
//! within 2 s whether connected or unreachable, and `--metrics` serves `/metrics` and `/healthz`
//! whose figures move with the work done.

use agenda_test_support::bot::{original_path, GUILD, GUILD_COMMANDS};
use agenda_test_support::common::{shipped_corpus, CliSetup, Spawned};
use agenda_test_support::fake_discord::*;
use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration, Instant};

const T: Duration = Duration::from_secs(30);
const STOP: Duration = Duration::from_secs(2);

fn setup() -> CliSetup {
    let setup = CliSetup::new(Some(&shipped_corpus()));
    setup.append_config(&format!(
        "\n[discord]\nguild_ids = [{GUILD}]\nwatch_corpus = false\n"
    ));
    setup
}

/// SIGTERM, then exit 0 within [`STOP`].
fn assert_stops(bot: &mut Spawned) {
    let sent = Instant::now();
    bot.term();
    let status = bot.wait_exit(STOP);
    let took = sent.elapsed();
    eprintln!("stopped in {took:?}");
    assert_eq!(
        status.and_then(|s| s.code()),
        Some(0),
        "took {took:?}\n{}",
        bot.stderr()
    );
}

/// The `name{labels} value` samples of a Prometheus text exposition; panics on a malformed line.
fn parse_prometheus(text: &str) -> HashMap<String, f64> {
    let mut samples = HashMap::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        if let Some(comment) = line.strip_prefix('#') {
            let words: Vec<&str> = comment.split_whitespace().collect();
            assert!(matches!(words.first(), Some(&"HELP" | &"TYPE")), "{line}");
            continue;
        }
        let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("{line}"));
        let name_end = series.find('{').unwrap_or(series.len());
        let name = &series[..name_end];
        assert!(
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'),
            "{line}"
        );
        if name_end < series.len() {
            assert!(series.ends_with('}'), "{line}");
        }
        let value: f64 = match value {
            "+Inf" => f64::INFINITY,
            v => v.parse().unwrap_or_else(|_| panic!("{line}")),
        };
        samples.insert(series.to_string(), value);
    }
    samples
}

async fn get(url: &str) -> (u16, String) {
    let r = reqwest::Client::new().get(url).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_when_connected_exits_0_within_2_s_and_metrics_move() {
    let fake = FakeDiscord::start().await;
    let setup = setup();
    let mut bot = setup.spawn(
        &[
            "run",
            "--api-proxy",
            &fake.rest_url(),
            "--metrics",
            "127.0.0.1:0",
        ],
        "lifecycle-token",
    );
    assert!(
        fake.wait_for(|r| r.is("PUT", GUILD_COMMANDS), T)
            .await
            .is_some(),
        "{}",
        bot.stderr()
    );
    assert!(bot.wait_stderr("serving /metrics", T), "{}", bot.stderr());
    let log = bot.stderr();
    let addr = log
        .lines()
        .find(|l| l.contains("serving /metrics"))
        .and_then(|l| l.split("addr=").nth(1))
        .and_then(|a| a.split_whitespace().next())
        .unwrap()
        .to_string();
    assert!(bot.wait_stderr("gateway connected", T), "{}", bot.stderr());

    let (status, body) = get(&format!("http://{addr}/healthz")).await;
    let health: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 200, "{health}");
    assert_eq!(health["gateway"]["connected"], true);
    assert!(health["index"]["facts"].as_u64().unwrap() > 0, "{health}");
    assert!(health["index"]["fingerprint"]
        .as_str()
        .is_some_and(|f| !f.is_empty()));
    assert!(health["digest"]["last_post"].is_null());
    // Ready once Discord answered, the commands are registered and the gateway is connected.
    let until = Instant::now() + T;
    let ready = loop {
        let (status, body) = get(&format!("http://{addr}/readyz")).await;
        if status == 200 || Instant::now() > until {
            break serde_json::from_str::<serde_json::Value>(&body).unwrap();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(ready["ready"], true, "{ready}");
    assert_eq!(ready["registered"], true, "{ready}");
    assert_eq!(ready["discord_rest"]["reachable"], true, "{ready}");

    // The calendar to subscribe to, on the same listener: iCalendar with a validator, and 304
    // when the client's copy is current.
    let calendar = format!("http://{addr}/calendar.ics");
    let client = reqwest::Client::new();
    let r = client.get(&calendar).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let header = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    assert!(header(&r, "content-type").starts_with("text/calendar"));
    assert!(header(&r, "last-modified").ends_with(" GMT"));
    let etag = header(&r, "etag");
    assert!(
        etag.contains(health["index"]["fingerprint"].as_str().unwrap()),
        "{etag}"
    );
    let feed = r.text().await.unwrap();
    assert!(
        feed.starts_with("BEGIN:VCALENDAR") && feed.contains("BEGIN:VEVENT"),
        "{feed}"
    );
    let again = client
        .get(&calendar)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);

    let before = parse_prometheus(&get(&format!("http://{addr}/metrics")).await.1);
    assert_eq!(
        before.get(r#"agenda_index_builds_total{source="startup"}"#),
        Some(&1.0)
    );
    assert_eq!(before.get("agenda_gateway_connected"), Some(&1.0));
    // One answer, its deferral first refused with a 429 (retried by the bot).
    fake.fail_next("/api/v10/interactions/*/*/callback", 429, 1);
    let id = 760_000_000_000_000_001;
    let options = json!([{"name": "question", "type": 3, "value": "AMIM-21"}]);
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(id, "ask", options, 42, "0"),
    )
    .await;
    let path = original_path(id);
    assert!(
        fake.wait_for(|r| r.is("PATCH", &path) && r.ok(), T)
            .await
            .is_some(),
        "{}",
        bot.stderr()
    );
    let mut after = HashMap::new();
    for _ in 0..100 {
        after = parse_prometheus(&get(&format!("http://{addr}/metrics")).await.1);
        if after.contains_key(r#"agenda_answers_total{command="ask"}"#) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        after.get(r#"agenda_answers_total{command="ask"}"#),
        Some(&1.0),
        "{after:?}"
    );
    assert_eq!(
        after.get(r#"agenda_answer_seconds_count{command="ask"}"#),
        Some(&1.0)
    );
    assert_eq!(
        after.get(r#"agenda_discord_rate_limited_total{request="defer"}"#),
        Some(&1.0),
        "{after:?}"
    );
    assert_stops(&mut bot);
    assert!(!bot.stderr().contains("did not stop"), "{}", bot.stderr());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_when_discord_is_unreachable_exits_0_and_says_so_once() {
    // A port that accepts connections and drops them at once: every attempt is counted.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let attempts = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = attempts.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            drop(stream);
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    let setup = setup();
    let mut bot = setup.spawn(&["run", "--api-proxy", &url], "lifecycle-token");
    let until = Instant::now() + T;
    while attempts.load(std::sync::atomic::Ordering::SeqCst) < 3 && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        attempts.load(std::sync::atomic::Ordering::SeqCst) >= 3,
        "{}",
        bot.stderr()
    );
    let log = bot.stderr();
    assert_eq!(log.matches("Discord is unreachable").count(), 1, "{log}");
    assert!(
        !log.contains("\u{1b}["),
        "no colour codes when not a terminal: {log}"
    );
    assert_stops(&mut bot);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_exits_1_at_once_with_a_clear_message() {
    let fake = FakeDiscord::start().await;
    fake.fail_next("/api/v10/users/@me", 401, 1);
    let setup = setup();
    let mut bot = setup.spawn(&["run", "--api-proxy", &fake.rest_url()], "bad-token");
    let status = bot.wait_exit(T);
    assert_eq!(status.and_then(|s| s.code()), Some(1), "{}", bot.stderr());
    assert!(
        bot.stderr()
            .contains("DISCORD_TOKEN was refused by Discord"),
        "{}",
        bot.stderr()
    );
    assert_eq!(
        fake.count(|r| r.is("GET", "/api/v10/users/@me")),
        1,
        "no retry"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_while_reconnecting_exits_0_within_2_s() {
    let fake = FakeDiscord::start().await;
    let setup = setup();
    let mut bot = setup.spawn(&["run", "--api-proxy", &fake.rest_url()], "lifecycle-token");
    assert!(bot.wait_stderr("gateway connected", T), "{}", bot.stderr());
    // Discord goes away: the socket closes and every reconnect is refused.
    fake.shutdown();
    assert!(
        bot.wait_stderr("gateway connection lost", T),
        "{}",
        bot.stderr()
    );
    assert_stops(&mut bot);
    assert_eq!(bot.stderr().matches("gateway connection lost").count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_mid_answer_delivers_the_answer_then_exits_0() {
    let fake = FakeDiscord::start().await;
    let setup = setup();
    let mut bot = setup.spawn(&["run", "--api-proxy", &fake.rest_url()], "lifecycle-token");
    assert!(bot.wait_stderr("gateway connected", T), "{}", bot.stderr());
    // The deferral is held for 600 ms: the answer is in flight when the signal comes.
    fake.hold_next(
        "/api/v10/interactions/*/*/callback",
        Duration::from_millis(600),
    );
    let id = 760_000_000_000_000_002;
    let options = json!([{"name": "question", "type": 3, "value": "AMIM-21"}]);
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(id, "ask", options, 42, "0"),
    )
    .await;
    assert!(fake.wait_held(T).await, "{}", bot.stderr());
    assert_stops(&mut bot);
    let path = original_path(id);
    assert_eq!(
        fake.count(|r| r.is("PATCH", &path) && r.ok()),
        1,
        "{}",
        bot.stderr()
    );
}

/// The bot run against a fake Discord that closes the gateway with `code` on IDENTIFY (the
/// config extended by `config`): exit 1 at once, without retrying, and the standard error it
/// printed.
async fn closed_on_identify(code: u16, config: &str) -> String {
    let fake = FakeDiscord::start_with(FakeOptions {
        identify_close_code: Some(code),
        ..FakeOptions::default()
    })
    .await;
    let setup = setup();
    setup.append_config(config);
    let mut bot = setup.spawn(&["run", "--api-proxy", &fake.rest_url()], "token");
    assert!(
        fake.wait_gateway_connections(1, T).await,
        "{}",
        bot.stderr()
    );
    let status = bot.wait_exit(Duration::from_secs(5));
    assert_eq!(status.and_then(|s| s.code()), Some(1), "{}", bot.stderr());
    assert_eq!(fake.gateway_connections(), 1, "no retry");
    bot.stderr()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_close_4004_exits_1_at_once_with_a_clear_message() {
    let stderr = closed_on_identify(4004, "").await;
    assert!(
        stderr.contains("DISCORD_TOKEN was refused by Discord"),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gateway_close_4014_exits_1_naming_the_portal_setting() {
    let stderr = closed_on_identify(4014, "answer_threads = true\n").await;
    assert!(stderr.contains("Privileged Gateway Intents"), "{stderr}");
    assert!(stderr.contains("Message Content"), "{stderr}");
}
