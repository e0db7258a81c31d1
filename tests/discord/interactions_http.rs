//! The HTTP interactions endpoint (`agenda-bot run --interactions ADDR`), signed with a test key
//! as Discord signs: PING → PONG; a missing, wrong or stale signature is 401 and nothing runs;
//! oversized bodies are 413; a slash command gives the same reply as over the gateway, in the
//! response or (slower than the deadline) deferred and finished through the webhook route on the
//! fake Discord; autocomplete and buttons answer in the response. Last, the real binary: a
//! gateway-less replica up (PING, `/healthz`) before Discord answers and ready (`/readyz`) once
//! its commands are registered, a refused token, and an endpoint beside an unreachable gateway.

use agenda_bot::discord::interactions::{self, verify::RequestVerifier, Endpoint};
use agenda_test_support::bot::*;
use agenda_test_support::common::{shipped_corpus, CliSetup};
use agenda_test_support::fake_discord::{autocomplete, bot_user, slash_command, APPLICATION_ID};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The application's key pair (the public half is what `DISCORD_PUBLIC_KEY` holds).
fn key() -> SigningKey {
    SigningKey::from_bytes(&[42; 32])
}

pub(super) fn public_hex() -> String {
    hex(key().verifying_key().as_bytes())
}

/// How a test request is signed.
#[derive(Clone, Copy)]
pub(super) enum Signing {
    /// As Discord: the application's key over timestamp + body, the timestamp now.
    Good,
    /// Good, but sent `seconds` ago (a replay).
    SentAgo(i64),
    /// Another key.
    WrongKey,
    /// No signature headers at all.
    Unsigned,
}

pub(super) struct Client {
    url: String,
    http: reqwest::Client,
}

impl Client {
    pub(super) fn new(addr: std::net::SocketAddr) -> Client {
        Client {
            url: format!("http://{addr}"),
            http: reqwest::Client::new(),
        }
    }

    async fn post_bytes(&self, body: Vec<u8>, signing: Signing) -> (u16, String) {
        let response = self.signed(body, signing).send().await.unwrap();
        (
            response.status().as_u16(),
            response.text().await.unwrap_or_default(),
        )
    }

    /// A signed POST of `body`, sent; `None` when no answer came (the server died meanwhile).
    pub(super) async fn try_post(&self, body: &Value) -> Option<u16> {
        let request = self.signed(body.to_string().into_bytes(), Signing::Good);
        request.send().await.ok().map(|r| r.status().as_u16())
    }

    fn signed(&self, body: Vec<u8>, signing: Signing) -> reqwest::RequestBuilder {
        let now = jiff::Timestamp::now().as_second();
        let (signer, sent) = match signing {
            Signing::Good | Signing::Unsigned => (key(), now),
            Signing::SentAgo(ago) => (key(), now - ago),
            Signing::WrongKey => (SigningKey::from_bytes(&[9; 32]), now),
        };
        let timestamp = sent.to_string();
        let signature = signer.sign(&[timestamp.as_bytes(), &body].concat());
        let mut request = self
            .http
            .post(format!("{}/interactions", self.url))
            .header("content-type", "application/json");
        if !matches!(signing, Signing::Unsigned) {
            request = request
                .header("x-signature-ed25519", hex(&signature.to_bytes()))
                .header("x-signature-timestamp", timestamp);
        }
        request.body(body)
    }

    pub(super) async fn post(&self, body: &Value, signing: Signing) -> (u16, Value) {
        let (status, text) = self
            .post_bytes(body.to_string().into_bytes(), signing)
            .await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub(super) async fn get(&self, path: &str) -> (u16, Value) {
        let response = self
            .http
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

fn ping() -> Value {
    json!({"id": "700000000000000001", "application_id": APPLICATION_ID, "type": 1,
           "token": "ping-token", "version": 1})
}

pub(super) fn query(id: u64, name: &str, option: &str, text: &str) -> Value {
    let options = json!([{"name": option, "type": 3, "value": text}]);
    slash_command(id, name, options, ALICE, "0")
}

/// An endpoint in process beside the harness's gateway bot (its state and REST client).
async fn endpoint_for(bot: &BotUnderTest, deadline: Duration) -> Client {
    let handle = bot.handle();
    let endpoint = Endpoint {
        data: handle.data().clone(),
        http: handle.http().clone(),
        verifier: RequestVerifier::from_hex(&public_hex()).unwrap(),
        deadline,
    };
    let addr = interactions::serve(
        "127.0.0.1:0".parse().unwrap(),
        interactions::router(endpoint),
    )
    .await
    .unwrap();
    Client::new(addr)
}

/// A custom id with its issue time (seconds, base 36) blanked: two answers a second apart
/// carry different ones.
fn without_issue_time(custom_id: &str) -> String {
    let mut parts: Vec<&str> = custom_id.split(':').collect();
    let issued = match parts.get(1) {
        Some(&"p" | &"h") => 4,
        Some(&"f") => 2,
        _ => return custom_id.to_string(),
    };
    if let Some(part) = parts.get_mut(issued) {
        *part = "_";
    }
    parts.join(":")
}

/// What a reader sees of a message body: content, embeds, buttons, allowed mentions.
fn visible(body: &Value) -> Value {
    // An edit clears what the deferred message had ("" and []); a response leaves them out.
    let mut components = match &body["components"] {
        Value::Null => json!([]),
        c => c.clone(),
    };
    for row in components.as_array_mut().into_iter().flatten() {
        for button in row["components"].as_array_mut().into_iter().flatten() {
            if let Some(id) = button["custom_id"].as_str() {
                button["custom_id"] = json!(without_issue_time(id));
            }
        }
    }
    json!({
        "content": body["content"].as_str().unwrap_or(""),
        "embeds": body["embeds"],
        "components": components,
        "allowed_mentions": body["allowed_mentions"],
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_ping_gets_pong_and_bad_signatures_are_refused_before_anything_runs() {
    let bot = BotUnderTest::start(Setup::default()).await;
    let client = endpoint_for(&bot, interactions::DEADLINE).await;
    assert_eq!(
        client.post(&ping(), Signing::Good).await,
        (200, json!({"type": 1}))
    );
    for signing in [
        Signing::Unsigned,
        Signing::WrongKey,
        Signing::SentAgo(6 * 60),
        Signing::SentAgo(-6 * 60),
    ] {
        assert_eq!(client.post(&ping(), signing).await.0, 401);
    }
    assert_eq!(
        client.post(&ping(), Signing::SentAgo(60)).await.0,
        200,
        "a minute late is within the allowed skew"
    );
    // The signature is over the bytes as sent (here pretty-printed), not over the JSON.
    let pretty = serde_json::to_vec_pretty(&ping()).unwrap();
    assert_eq!(client.post_bytes(pretty, Signing::Good).await.0, 200);
    let (status, _) = client.post_bytes(b"not json".to_vec(), Signing::Good).await;
    assert_eq!(status, 400);

    // Nothing runs on a refused request: a stale or forged `/reindex` by an admin rebuilds
    // nothing, and the fake sees no callback; the same request signed properly rebuilds.
    let before = bot.index().load_full();
    let reindex = |id| slash_command(id, "reindex", json!([]), ALICE, "32");
    let forged = 780_000_000_000_000_001;
    assert_eq!(
        client.post(&reindex(forged), Signing::WrongKey).await.0,
        401
    );
    let stale = 780_000_000_000_000_002;
    assert_eq!(
        client.post(&reindex(stale), Signing::SentAgo(3600)).await.0,
        401
    );
    let good = 780_000_000_000_000_003;
    let (status, response) = client.post(&reindex(good), Signing::Good).await;
    assert_eq!(status, 200, "{response}");
    assert!(response["type"] == 4 || response["type"] == 5, "{response}");
    let until = Instant::now() + T;
    while Arc::ptr_eq(&before, &bot.index().load_full()) {
        assert!(Instant::now() < until, "the signed /reindex never rebuilt");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    for id in [forged, stale] {
        let token = agenda_test_support::fake_discord::interaction_token(id);
        assert!(
            !bot.summary()
                .iter()
                .any(|(_, path, _)| path.contains(&token)),
            "{:?}",
            bot.summary()
        );
    }

    // Bodies over the cap are refused unread.
    let huge = vec![b' '; interactions::MAX_BODY_BYTES + 1];
    assert_eq!(client.post_bytes(huge, Signing::Good).await.0, 413);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slash_command_over_http_gets_the_gateway_reply_and_its_buttons_and_autocomplete_work() {
    let bot = BotUnderTest::start(Setup::default()).await;
    let client = endpoint_for(&bot, interactions::DEADLINE).await;
    for (n, (name, option, text)) in [
        ("meeting", "query", "AMIM-21"),
        ("initiative", "query", "all"),
        (
            "ask",
            "question",
            "who attended the military intelligence meeting in Vientiane?",
        ),
        ("meeting", "query", "zzzz nothing like this"),
        ("help", "", ""),
    ]
    .into_iter()
    .enumerate()
    {
        let (gateway_id, http_id) = (
            781_000_000_000_000_000 + 2 * n as u64,
            781_000_000_000_000_001 + 2 * n as u64,
        );
        let payload = |id| match option {
            "" => slash_command(id, name, json!([]), ALICE, "0"),
            _ => query(id, name, option, text),
        };
        bot.fake
            .dispatch("INTERACTION_CREATE", payload(gateway_id))
            .await;
        let over_gateway = match name {
            // `/help` answers at once in the callback, like over HTTP.
            "help" => bot.callback(gateway_id, 4).await.body["data"].clone(),
            _ => bot.edited(gateway_id).await.body,
        };
        let (status, over_http) = client.post(&payload(http_id), Signing::Good).await;
        assert_eq!(status, 200, "{over_http}");
        assert_eq!(
            over_http["type"], 4,
            "answered in the response: {over_http}"
        );
        assert_eq!(
            visible(&over_http["data"]),
            visible(&over_gateway),
            "/{name} {text}"
        );
    }

    // The buttons of an HTTP answer work over HTTP: "More results" updates the message (type 7).
    let (_, first) = client
        .post(
            &query(782_000_000_000_000_001, "initiative", "query", "all"),
            Signing::Good,
        )
        .await;
    let more = button(&first["data"], "More results").expect("a More results button");
    let message = json!({
        "id": "782000000000000900", "channel_id": CHANNEL.to_string(), "author": bot_user(),
        "content": first["data"]["content"], "timestamp": "2026-12-01T00:00:00.000000+00:00",
        "edited_timestamp": null, "tts": false, "mention_everyone": false, "mentions": [],
        "mention_roles": [], "attachments": [], "embeds": first["data"]["embeds"],
        "components": first["data"]["components"], "pinned": false, "type": 0,
        "application_id": APPLICATION_ID
    });
    let mut click = slash_command(782_000_000_000_000_002, "unused", json!([]), ALICE, "0");
    click["type"] = json!(3);
    click["data"] = json!({"custom_id": more, "component_type": 2});
    click["message"] = message;
    let (status, page) = client.post(&click, Signing::Good).await;
    assert_eq!((status, page["type"].clone()), (200, json!(7)), "{page}");
    assert_ne!(page["data"]["content"], first["data"]["content"], "{page}");
    assert!(page["data"]["content"]
        .as_str()
        .is_some_and(|c| c.starts_with("Results 4")));

    // Autocomplete: the choices in the response (type 8), the gateway's choices.
    let typing = |id| autocomplete(id, "meeting", "query", "military intel", ALICE);
    bot.fake
        .dispatch("INTERACTION_CREATE", typing(782_000_000_000_000_003))
        .await;
    let over_gateway = bot.callback(782_000_000_000_000_003, 8).await.body;
    let (status, choices) = client
        .post(&typing(782_000_000_000_000_004), Signing::Good)
        .await;
    assert_eq!((status, &choices), (200, &over_gateway), "{choices}");
    let names: Vec<&str> = choices["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(
        names.iter().any(|n| n.contains("Military Intelligence")),
        "{names:?}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_slower_than_the_deadline_is_deferred_then_edited_through_the_webhook() {
    let bot = BotUnderTest::start(Setup {
        answer_delay: Some(Duration::from_millis(800)),
        ..Setup::default()
    })
    .await;
    let client = endpoint_for(&bot, Duration::from_millis(100)).await;
    let id = 783_000_000_000_000_001;
    let sent = Instant::now();
    let (status, response) = client
        .post(&query(id, "meeting", "query", "AMIM-21"), Signing::Good)
        .await;
    assert!(
        sent.elapsed() < Duration::from_millis(700),
        "acknowledged before the answer"
    );
    assert_eq!(status, 200);
    assert_eq!(response["type"], 5, "{response}");
    assert_eq!(response["data"]["flags"], 0, "to everyone: {response}");
    let edit = bot.edited(id).await.body;
    assert!(first_title(&edit).contains("AMIM-21"), "{edit}");
    assert!(button(&edit, "Full").is_some(), "{edit}");
    // Nothing else went to Discord for it: no callback (the response was the callback).
    assert!(bot.statuses("POST", &callback_path(id)).is_empty());
    bot.stop().await;
}

/// A free port on 127.0.0.1, as `ADDR`.
fn free_addr() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("127.0.0.1:{port}")
}

const APPLICATION: &str = "/api/v10/oauth2/applications/@me";

/// The real binary as a replica: `--interactions` and `--metrics` on one address.
fn spawn_replica(
    setup: &CliSetup,
    rest_url: &str,
    addr: &str,
) -> agenda_test_support::common::Spawned {
    setup.spawn_with_env(
        &[
            "run",
            "--api-proxy",
            rest_url,
            "--interactions",
            addr,
            "--metrics",
            addr,
            "--no-gateway",
        ],
        "replica-token",
        &[("DISCORD_PUBLIC_KEY", &public_hex())],
    )
}

/// Polls `GET path` (every 50 ms, up to `T`) until `done` holds for (status, body); the last seen.
async fn poll(client: &Client, path: &str, done: impl Fn(u16, &Value) -> bool) -> (u16, Value) {
    let until = Instant::now() + T;
    loop {
        let (status, body) = client.get(path).await;
        if done(status, &body) || Instant::now() > until {
            return (status, body);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_interactions_without_a_gateway_and_stops_on_sigterm() {
    let fake = agenda_test_support::fake_discord::FakeDiscord::start().await;
    // Discord is slow, then fails, then slow again before it answers: the replica is up (PING,
    // `/healthz`) the whole time and ready (`/readyz`) only once its commands are registered.
    fake.hold_next(APPLICATION, Duration::from_secs(2));
    fake.fail_next(APPLICATION, 503, 1);
    fake.hold_next(APPLICATION, Duration::from_secs(2));
    let setup = CliSetup::new(Some(&shipped_corpus()));
    setup.append_config(&format!(
        "\n[discord]\nguild_ids = [{GUILD}]\nwatch_corpus = false\n"
    ));
    let addr = free_addr();
    let mut replica = spawn_replica(&setup, &fake.rest_url(), &addr);
    assert!(
        replica.wait_stderr("serving Discord interactions", T),
        "{}",
        replica.stderr()
    );
    let client = Client::new(addr.parse().unwrap());
    assert_eq!(
        client.post(&ping(), Signing::Good).await,
        (200, json!({"type": 1})),
        "PING answered before Discord did"
    );
    assert_eq!(client.post(&ping(), Signing::WrongKey).await.0, 401);
    let (status, health) = poll(&client, "/healthz", |_, body| {
        body["discord_rest"]["reachable"] == false
    })
    .await;
    assert_eq!(status, 200, "up while Discord fails: {health}");
    assert_eq!(health["discord_rest"]["reachable"], false, "{health}");
    assert_eq!(health["registered"], false, "{health}");
    assert_eq!(health["ready"], false, "{health}");
    assert_eq!(client.get("/readyz").await.0, 503);
    let (status, ready) = poll(&client, "/readyz", |status, _| status == 200).await;
    assert_eq!(status, 200, "{ready}\n{}", replica.stderr());
    assert_eq!(ready["registered"], true, "{ready}");
    assert_eq!(ready["discord_rest"]["reachable"], true, "{ready}");
    assert!(
        fake.requests()
            .iter()
            .any(|r| r.is("PUT", GUILD_COMMANDS) && r.ok()),
        "commands registered over REST"
    );
    let (status, answer) = client
        .post(
            &query(784_000_000_000_000_001, "meeting", "query", "AMIM-21"),
            Signing::Good,
        )
        .await;
    assert_eq!(
        (status, answer["type"].clone()),
        (200, json!(4)),
        "{answer}"
    );
    assert!(first_title(&answer["data"]).contains("AMIM-21"), "{answer}");
    assert_eq!(ready["gateway"], json!({"used": false}));
    assert!(
        !fake
            .requests()
            .iter()
            .any(|r| r.method == "GET" && r.path.starts_with("/api/v10/gateway")),
        "no gateway asked for"
    );
    let stopping = Instant::now();
    replica.term();
    let status = replica.wait_exit(Duration::from_secs(2));
    assert_eq!(
        status.and_then(|s| s.code()),
        Some(0),
        "took {:?}\n{}",
        stopping.elapsed(),
        replica.stderr()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_whose_token_is_refused_exits_1_with_a_clear_message() {
    let fake = agenda_test_support::fake_discord::FakeDiscord::start().await;
    fake.fail_next(APPLICATION, 401, 1);
    let setup = CliSetup::new(Some(&shipped_corpus()));
    let mut replica = spawn_replica(&setup, &fake.rest_url(), &free_addr());
    let status = replica.wait_exit(T);
    assert_eq!(
        status.and_then(|s| s.code()),
        Some(1),
        "{}",
        replica.stderr()
    );
    assert!(
        replica
            .stderr()
            .contains("DISCORD_TOKEN was refused by Discord"),
        "{}",
        replica.stderr()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn beside_a_gateway_the_endpoint_answers_while_discord_is_unreachable() {
    // A port that accepts connections and drops them: Discord never answers.
    let dropping = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", dropping.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in dropping.incoming() {
            drop(stream);
        }
    });
    let setup = CliSetup::new(Some(&shipped_corpus()));
    let addr = free_addr();
    let mut bot = setup.spawn_with_env(
        &[
            "run",
            "--api-proxy",
            &url,
            "--interactions",
            &addr,
            "--metrics",
            &addr,
        ],
        "gateway-token",
        &[("DISCORD_PUBLIC_KEY", &public_hex())],
    );
    assert!(
        bot.wait_stderr("Discord is unreachable", T),
        "{}",
        bot.stderr()
    );
    let client = Client::new(addr.parse().unwrap());
    assert_eq!(
        client.post(&ping(), Signing::Good).await,
        (200, json!({"type": 1}))
    );
    let (status, answer) = client
        .post(
            &query(784_000_000_000_000_002, "meeting", "query", "AMIM-21"),
            Signing::Good,
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["type"], 4, "{answer}");
    assert_eq!(
        answer["data"]["content"],
        interactions::STARTING,
        "{answer}"
    );
    assert_eq!(answer["data"]["flags"], 64, "to the caller only: {answer}");
    let (status, health) = client.get("/healthz").await;
    assert_eq!(status, 200, "up (within the gateway's grace): {health}");
    assert_eq!(health["ready"], false, "{health}");
    assert_eq!(health["discord_rest"]["reachable"], false, "{health}");
    assert_eq!(client.get("/readyz").await.0, 503);
    bot.term();
    let status = bot.wait_exit(Duration::from_secs(2));
    assert_eq!(status.and_then(|s| s.code()), Some(0), "{}", bot.stderr());
}
