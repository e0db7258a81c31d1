//! The real bot (`agenda_bot::discord::Bot`) against the fake Discord of `tests/support`: what
//! reaches the fake's REST endpoints is what Discord would get.
//!
//! Every test starts its own fake (ephemeral ports on 127.0.0.1), copies the shipped corpus into
//! its own temp dir and builds its own index there, so tests run in parallel without sharing
//! anything but the log buffer. Every wait is bounded by `T` (15 s).
#![cfg(feature = "discord")]

mod support;

use agenda_bot::config::{Config, DigestConfig, DiscordConfig};
use agenda_bot::discord::{self, Bot, BotHandle, BotOptions};
use agenda_core::index::{self, AgendaIndex};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use support::common::copy_dir;
use support::fake_discord::*;

const T: Duration = Duration::from_secs(15);
const GUILD: u64 = 222_222_222_222_222_222;
const CHANNEL: u64 = 333_333_333_333_333_333;
const ANSWER_CHANNEL: u64 = 666_666_666_666_666_666;
const ALICE: u64 = 444_444_444_444_444_444;
const ADMIN_ROLE: u64 = 777_777_777_777_777_777;
/// MANAGE_GUILD.
const MANAGE_GUILD: &str = "32";
const GUILD_COMMANDS: &str =
    "/api/v10/applications/111111111111111111/guilds/222222222222222222/commands$";
const GLOBAL_COMMANDS: &str = "/api/v10/applications/111111111111111111/commands$";

// ---------------------------------------------------------------------------------------------
// Log capture: one subscriber for the whole test binary, writing into a buffer.
// ---------------------------------------------------------------------------------------------

use support::bot::LogBuffer;

/// Everything the bot and its Discord libraries log at trace level, the rest (reqwest, hyper,
/// tungstenite...) at debug. (tungstenite's trace level is left out because the fake *server*
/// runs in this process and logs the IDENTIFY frame it receives, token included, at trace.)
fn logs() -> &'static LogBuffer {
    static LOGS: OnceLock<LogBuffer> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buffer = LogBuffer(Arc::new(Mutex::new(Vec::new())));
        let writer = buffer.clone();
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(
                "debug,agenda_bot=trace,serenity=trace,poise=trace",
            ))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .try_init();
        buffer
    })
}

fn log_text() -> String {
    String::from_utf8_lossy(&logs().0.lock().unwrap()).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

struct Running {
    fake: FakeDiscord,
    bot: Option<BotHandle>,
    corpus: PathBuf,
    _dir: tempfile::TempDir,
}

impl Running {
    /// Starts the bot on a copy of the shipped corpus (changed by `edit_corpus` before the index is
    /// built), registered in [`GUILD`], answering every message in [`ANSWER_CHANNEL`].
    async fn start(edit_corpus: impl FnOnce(&Path)) -> Running {
        Self::start_with("e2e-token", Some(GUILD), edit_corpus).await
    }

    async fn start_with(
        token: &str,
        guild: Option<u64>,
        edit_corpus: impl FnOnce(&Path),
    ) -> Running {
        logs();
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
            &corpus,
        );
        edit_corpus(&corpus);
        let index_dir = dir.path().join("index");
        let (c, i) = (corpus.clone(), index_dir.clone());
        let index = tokio::task::spawn_blocking(move || {
            index::ensure_built(&c, &i).expect("index builds");
            AgendaIndex::open(&i).expect("index opens")
        })
        .await
        .unwrap();
        let config = Config {
            corpus_dir: corpus.clone(),
            index_dir,
            state_dir: dir.path().join("state"),
            discord: DiscordConfig {
                guild_ids: guild.into_iter().collect(),
                answer_channel_ids: vec![ANSWER_CHANNEL],
                admin_role_ids: vec![ADMIN_ROLE],
                // /reindex is tested here; hot reload in tests/discord_hot_reload.rs.
                watch_corpus: false,
            },
            digest: DigestConfig::default(),
        };
        let fake = FakeDiscord::start().await;
        let bot = Bot::start(BotOptions {
            config,
            index: discord::shared_index(index),
            token: token.to_string(),
            api_proxy: Some(fake.rest_url()),
            test_hooks: Default::default(),
        })
        .await
        .expect("bot starts");
        assert!(fake.wait_ready(T).await, "bot never identified");
        let commands = if guild.is_some() {
            GUILD_COMMANDS
        } else {
            GLOBAL_COMMANDS
        };
        let put = fake
            .wait_for(|r| r.is("PUT", commands), T)
            .await
            .expect("commands registered");
        assert!(put.ok());
        Running {
            fake,
            bot: Some(bot),
            corpus,
            _dir: dir,
        }
    }

    async fn slash(&self, id: u64, name: &str, options: Value, permissions: &str) {
        self.fake
            .dispatch(
                "INTERACTION_CREATE",
                slash_command(id, name, options, ALICE, permissions),
            )
            .await;
    }

    async fn query(&self, id: u64, name: &str, option: &str, text: &str) {
        let options = json!([{"name": option, "type": 3, "value": text}]);
        self.slash(id, name, options, "0").await;
    }

    /// The successful edit of interaction `id`'s deferred response.
    async fn edited(&self, id: u64) -> Recorded {
        let path = original_path(id);
        self.fake
            .wait_for(|r| r.is("PATCH", &path) && r.ok(), T)
            .await
            .unwrap_or_else(|| panic!("no reply for interaction {id}: {:#?}", self.summary()))
    }

    /// The callback of type `kind` for interaction `id`.
    async fn callback(&self, id: u64, kind: u64) -> Recorded {
        let path = callback_path(id);
        self.fake
            .wait_for(
                |r| r.is("POST", &path) && r.ok() && r.body["type"] == kind,
                T,
            )
            .await
            .unwrap_or_else(|| panic!("no type {kind} callback for {id}: {:#?}", self.summary()))
    }

    fn summary(&self) -> Vec<(String, String, u16)> {
        self.fake
            .requests()
            .iter()
            .map(|r| (r.method.clone(), r.path.clone(), r.status))
            .collect()
    }

    async fn stop(mut self) {
        let bot = self.bot.take().unwrap();
        tokio::time::timeout(T, bot.shutdown())
            .await
            .expect("shutdown in time")
            .expect("clean shutdown");
    }
}

fn callback_path(id: u64) -> String {
    format!(
        "/api/v10/interactions/{id}/{}/callback$",
        interaction_token(id)
    )
}

fn original_path(id: u64) -> String {
    format!(
        "/api/v10/webhooks/{APPLICATION_ID}/{}/messages/@original$",
        interaction_token(id)
    )
}

fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Discord's limits on a message body with embeds.
fn assert_within_limits(body: &Value) {
    assert!(chars(&body["content"]) <= 2000, "content too long");
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= 10);
    let mut total = 0;
    for e in &embeds {
        assert!(chars(&e["title"]) <= 256, "title: {}", e["title"]);
        assert!(chars(&e["description"]) <= 4096, "description");
        assert!(chars(&e["footer"]["text"]) <= 2048, "footer");
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= 25, "{} fields", fields.len());
        for f in &fields {
            assert!(
                chars(&f["name"]) <= 256 && chars(&f["value"]) <= 1024,
                "{f}"
            );
            assert!(chars(&f["name"]) > 0 && chars(&f["value"]) > 0, "{f}");
        }
        total += chars(&e["title"])
            + chars(&e["description"])
            + chars(&e["footer"]["text"])
            + fields
                .iter()
                .map(|f| chars(&f["name"]) + chars(&f["value"]))
                .sum::<usize>();
    }
    assert!(total <= 6000, "embeds total {total}");
}

fn assert_no_mentions(body: &Value) {
    let am = &body["allowed_mentions"];
    assert!(am.is_object(), "allowed_mentions missing: {body}");
    assert_eq!(am["parse"], json!([]), "{am}");
    assert!(am["users"].as_array().is_none_or(|u| u.is_empty()), "{am}");
    assert!(am["roles"].as_array().is_none_or(|r| r.is_empty()), "{am}");
    assert_ne!(am["replied_user"], json!(true));
}

/// The request is a message replying to message `id`.
fn replies_to(r: &Recorded, id: u64) -> bool {
    r.body["message_reference"]["message_id"]
        .as_str()
        .and_then(|m| m.parse::<u64>().ok())
        == Some(id)
}

fn first_title(body: &Value) -> String {
    body["embeds"][0]["title"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_registers_every_command_in_the_guild() {
    let run = Running::start(|_| {}).await;
    let put = run
        .fake
        .wait_for(|r| r.is("PUT", GUILD_COMMANDS), T)
        .await
        .unwrap();
    let commands = put.body.as_array().expect("an array of commands");
    let names: Vec<&str> = commands
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "meeting",
            "initiative",
            "mechanism",
            "ask",
            "upcoming",
            "help",
            "reindex",
            "add"
        ]
    );
    let by_name = |n: &str| commands.iter().find(|c| c["name"] == n).unwrap();
    for c in commands {
        let d = chars(&c["description"]);
        assert!((1..=100).contains(&d), "{c}");
    }
    for name in ["meeting", "initiative", "mechanism"] {
        let options = by_name(name)["options"].as_array().unwrap();
        assert_eq!(options.len(), 2, "{name}: {options:?}");
        assert_eq!(options[0]["name"], "query");
        assert_eq!(options[0]["type"], 3);
        assert_eq!(options[0]["required"], true);
        assert_eq!(options[0]["autocomplete"], true, "{name}");
        assert_eq!(options[1]["name"], "private");
        assert_eq!(options[1]["type"], 5);
        assert_ne!(options[1]["required"], true);
    }
    let ask = by_name("ask")["options"].as_array().unwrap();
    assert_eq!(ask[0]["name"], "question");
    assert_eq!(ask[0]["required"], true);
    assert_eq!(ask[1]["name"], "private");
    for name in ["help", "reindex"] {
        assert!(by_name(name)["options"]
            .as_array()
            .is_none_or(|o| o.is_empty()));
    }
    assert_eq!(run.fake.count(|r| r.is("PUT", GLOBAL_COMMANDS)), 0);
    let intents = run.fake.identify().unwrap()["d"]["intents"]
        .as_u64()
        .unwrap();
    let wanted = discord::intents().bits();
    assert_eq!(intents & wanted, wanted);
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_guilds_commands_are_registered_globally() {
    let run = Running::start_with("e2e-token-global", None, |_| {}).await;
    let put = run
        .fake
        .wait_for(|r| r.is("PUT", GLOBAL_COMMANDS), T)
        .await
        .unwrap();
    assert_eq!(put.body.as_array().unwrap().len(), 8);
    assert_eq!(
        run.fake
            .count(|r| r.is("PUT", "/api/v10/applications/*/guilds/")),
        0
    );
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meeting_defers_then_answers_with_a_cited_embed() {
    let run = Running::start(|_| {}).await;
    let id = 700_000_000_000_000_001;
    run.query(id, "meeting", "query", "AMIM-21").await;
    let defer = run.callback(id, 5).await;
    assert_eq!(
        defer.body["data"]["flags"].as_u64().unwrap_or(0) & 64,
        0,
        "public"
    );
    let reply = run.edited(id).await;
    assert!(defer.received_at <= reply.received_at);
    let body = &reply.body;
    assert!(first_title(body).contains("AMIM-21"), "{body}");
    let fields = body["embeds"][0]["fields"].as_array().unwrap();
    let vna = fields
        .iter()
        .find(|f| {
            f["name"].as_str().unwrap().starts_with('¶')
                && f["name"]
                    .as_str()
                    .unwrap()
                    .contains("ASEAN to enhance military intelligence cooperation")
        })
        .unwrap_or_else(|| panic!("no ¶ citation of the VNA statement: {fields:?}"));
    let value = vna["value"].as_str().unwrap();
    assert!(value.contains("Vietnam News Agency (VNA)"), "{value}");
    assert!(
        value.contains("**AMIM**") || value.contains("**21**"),
        "{value}"
    );
    assert_no_mentions(body);
    assert_within_limits(body);
    // Answered once; nothing else was posted for it.
    assert_eq!(run.fake.count(|r| r.is("PATCH", &original_path(id))), 1);
    assert_eq!(run.fake.count(|r| r.is("POST", "/api/v10/webhooks/")), 0);
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mechanism_initiative_and_ask_find_the_right_entity() {
    let run = Running::start(|_| {}).await;
    let cases = [
        (
            700_000_000_000_000_011,
            "mechanism",
            "query",
            "AOE",
            "ASEAN Our Eyes (AOE)",
        ),
        (
            700_000_000_000_000_012,
            "initiative",
            "query",
            "cyber task force",
            "Regional Cybersecurity Task Force",
        ),
        (
            700_000_000_000_000_013,
            "ask",
            "question",
            "who attended the intelligence meeting",
            "AMIM-21",
        ),
        (
            700_000_000_000_000_014,
            "mechanism",
            "query",
            "AJIIP",
            "(AJIIP)",
        ),
    ];
    for (id, name, option, text, _) in cases {
        run.query(id, name, option, text).await;
    }
    for (id, name, _, text, expected) in cases {
        let reply = run.edited(id).await;
        assert!(
            first_title(&reply.body).contains(expected),
            "/{name} {text}: {}",
            reply.body
        );
        assert_no_mentions(&reply.body);
        assert_within_limits(&reply.body);
    }
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_answers_are_ephemeral_and_nothing_found_says_so() {
    let run = Running::start(|_| {}).await;
    let id = 700_000_000_000_000_021;
    let options = json!([
        {"name": "query", "type": 3, "value": "quantum teleportation summit"},
        {"name": "private", "type": 5, "value": true}
    ]);
    run.slash(id, "meeting", options, "0").await;
    let defer = run.callback(id, 5).await;
    assert_eq!(
        defer.body["data"]["flags"], 64,
        "ephemeral defer: {}",
        defer.body
    );
    let reply = run.edited(id).await;
    assert_eq!(first_title(&reply.body), "Nothing found");
    assert!(reply.body["embeds"][0]["description"]
        .as_str()
        .unwrap()
        .contains("quantum teleportation summit"));
    assert_no_mentions(&reply.body);

    // /help answers at once (no defer), to the caller only, with command::HELP.
    let id = 700_000_000_000_000_022;
    run.slash(id, "help", json!([]), "0").await;
    let help = run.callback(id, 4).await;
    assert_eq!(help.body["data"]["flags"], 64);
    let description = help.body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap();
    assert!(
        description.contains(agenda_core::command::HELP),
        "{description}"
    );
    assert_no_mentions(&help.body["data"]);
    assert_within_limits(&help.body["data"]);
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_fact_names() {
    let run = Running::start(|_| {}).await;
    let id = 700_000_000_000_000_031;
    run.fake
        .dispatch(
            "INTERACTION_CREATE",
            autocomplete(id, "meeting", "query", "AM", ALICE),
        )
        .await;
    let cb = run.callback(id, 8).await;
    let choices = cb.body["data"]["choices"].as_array().expect("choices");
    assert!(!choices.is_empty() && choices.len() <= 25, "{choices:?}");
    for c in choices {
        assert!((1..=100).contains(&chars(&c["name"])), "{c}");
        assert!((1..=100).contains(&chars(&c["value"])), "{c}");
    }
    assert_eq!(choices[0]["value"], "AMIM-21", "{choices:?}");
    assert!(choices[0]["name"].as_str().unwrap().contains("AMIM-21"));

    // Mechanisms complete from their own names only.
    let id = 700_000_000_000_000_032;
    run.fake
        .dispatch(
            "INTERACTION_CREATE",
            autocomplete(id, "mechanism", "query", "our", ALICE),
        )
        .await;
    let cb = run.callback(id, 8).await;
    let choices = cb.body["data"]["choices"].as_array().unwrap();
    assert!(
        choices.iter().any(|c| c["value"] == "Our Eyes"),
        "{choices:?}"
    );
    assert!(!choices.iter().any(|c| c["value"] == "AMIM-21"));
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_in_chat_get_a_reply() {
    let run = Running::start(|_| {}).await;
    let messages = format!("/api/v10/channels/{CHANNEL}/messages$");

    // Not for the bot: another channel, no mention; and a bot's message even with a mention.
    let ignored = 710_000_000_000_000_001;
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(ignored, CHANNEL, ALICE, "who observed AMIM-21?", false),
        )
        .await;
    let mut from_bot = message_create(
        710_000_000_000_000_002,
        CHANNEL,
        999_999_999_999_999_999,
        &format!("{} who observed AMIM-21?", bot_mention()),
        true,
    );
    from_bot["author"]["bot"] = json!(true);
    run.fake.dispatch("MESSAGE_CREATE", from_bot).await;

    // A mention anywhere in the text.
    let mid = 710_000_000_000_000_003;
    let content = format!("{} who observed AMIM-21?", bot_mention());
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid, CHANNEL, ALICE, &content, true),
        )
        .await;
    let sent = run
        .fake
        .wait_for(|r| r.is("POST", &messages) && r.ok(), T)
        .await
        .expect("a reply in the channel");
    assert_eq!(
        sent.body["message_reference"]["message_id"],
        mid.to_string()
    );
    assert_no_mentions(&sent.body);
    assert_within_limits(&sent.body);
    assert!(first_title(&sent.body).contains("AMIM-21"), "{}", sent.body);
    assert_eq!(sent.body["nonce"], mid.to_string());
    assert_eq!(sent.body["enforce_nonce"], true);

    // Every message in an answer channel, `/mechanism X` typed as text included.
    let mid2 = 710_000_000_000_000_004;
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid2, ANSWER_CHANNEL, ALICE, "/mechanism AJIIP", false),
        )
        .await;
    let answer_channel = format!("/api/v10/channels/{ANSWER_CHANNEL}/messages$");
    let sent = run
        .fake
        .wait_for(|r| r.is("POST", &answer_channel) && r.ok(), T)
        .await
        .expect("a reply in the answer channel");
    assert_eq!(
        sent.body["message_reference"]["message_id"],
        mid2.to_string()
    );
    assert!(first_title(&sent.body).contains("AJIIP"), "{}", sent.body);
    assert_no_mentions(&sent.body);

    // A bare mention gets the help text.
    let mid3 = 710_000_000_000_000_005;
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid3, CHANNEL, ALICE, &bot_mention(), true),
        )
        .await;
    let help = run
        .fake
        .wait_for(|r| r.is("POST", &messages) && replies_to(r, mid3), T)
        .await
        .expect("help reply");
    assert!(help.body["embeds"][0]["description"]
        .as_str()
        .unwrap()
        .contains("/meeting"));

    // A direct message needs no mention.
    let dm_channel = 880_000_000_000_000_001_u64;
    let mid4 = 710_000_000_000_000_006;
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            dm_message_create(mid4, dm_channel, ALICE, "what is AMIC?", false),
        )
        .await;
    let dm = format!("/api/v10/channels/{dm_channel}/messages$");
    let sent = run
        .fake
        .wait_for(|r| r.is("POST", &dm) && r.ok(), T)
        .await
        .expect("a reply to the direct message");
    assert!(first_title(&sent.body).contains("AMIC"), "{}", sent.body);
    assert_no_mentions(&sent.body);

    // The ignored ones were dispatched first; by now they would have been answered.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let replies: Vec<String> = run
        .fake
        .requests()
        .iter()
        .filter(|r| r.is("POST", "/api/v10/channels/"))
        .map(|r| {
            r.body["message_reference"]["message_id"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(
        replies,
        [mid, mid2, mid3, mid4].map(|m| m.to_string()),
        "only the messages meant for the bot are answered"
    );
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limited_reply_is_retried_and_arrives_once() {
    let run = Running::start(|_| {}).await;
    let id = 700_000_000_000_000_041;
    run.fake.fail_next(&original_path(id), 429, 1);
    run.query(id, "meeting", "query", "AMIM-21").await;
    let reply = run.edited(id).await;
    assert!(first_title(&reply.body).contains("AMIM-21"));
    // A late duplicate would show up within the retry delays; give it that long.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let attempts: Vec<u16> = run
        .fake
        .requests()
        .iter()
        .filter(|r| r.is("PATCH", &original_path(id)))
        .map(|r| r.status)
        .collect();
    assert_eq!(attempts, [429, 200]);
    assert_eq!(run.fake.count(|r| r.is("POST", "/api/v10/webhooks/")), 0);

    // A 503 on the defer: the defer is retried, then the answer comes.
    let id = 700_000_000_000_000_042;
    run.fake.fail_next(&callback_path(id), 503, 1);
    run.query(id, "mechanism", "query", "AOE").await;
    run.edited(id).await;
    let defers: Vec<u16> = run
        .fake
        .requests()
        .iter()
        .filter(|r| r.is("POST", &callback_path(id)))
        .map(|r| r.status)
        .collect();
    assert_eq!(defers, [503, 204]);

    // A 429 on a chat reply: retried, posted once.
    let mid = 710_000_000_000_000_041;
    let messages = format!("/api/v10/channels/{CHANNEL}/messages$");
    run.fake.fail_next(&messages, 429, 1);
    let content = format!("{} what is AOE?", bot_mention());
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid, CHANNEL, ALICE, &content, true),
        )
        .await;
    run.fake
        .wait_for(|r| r.is("POST", &messages) && r.ok(), T)
        .await
        .expect("chat reply after the retry");
    tokio::time::sleep(Duration::from_millis(800)).await;
    let posts: Vec<u16> = run
        .fake
        .requests()
        .iter()
        .filter(|r| r.is("POST", &messages))
        .map(|r| r.status)
        .collect();
    assert_eq!(posts, [429, 200]);
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_4xx_is_not_retried_and_the_user_gets_a_short_message() {
    let run = Running::start(|_| {}).await;
    let id = 700_000_000_000_000_051;
    run.fake.fail_next_with(
        &original_path(id),
        400,
        1,
        json!({"message": "Invalid Form Body", "code": 50035}),
    );
    run.query(id, "meeting", "query", "AMIM-21").await;
    let notice = run.edited(id).await;
    assert_eq!(notice.body["content"], discord::USER_ERROR);
    assert_no_mentions(&notice.body);
    let attempts: Vec<(u16, bool)> = run
        .fake
        .requests()
        .iter()
        .filter(|r| r.is("PATCH", &original_path(id)))
        .map(|r| {
            (
                r.status,
                r.body["embeds"].as_array().is_some_and(|e| !e.is_empty()),
            )
        })
        .collect();
    // The answer once (400, not retried), then the short notice.
    assert_eq!(attempts, [(400, true), (200, false)]);
    // The cause is in the log, not in the message.
    assert!(log_text().contains("Invalid Form Body"));

    // A command this bot does not have, and a payload missing its required option: no crash.
    run.slash(700_000_000_000_000_052, "frobnicate", json!([]), "0")
        .await;
    let id = 700_000_000_000_000_053;
    run.slash(id, "meeting", json!([]), "0").await;
    let cb = run.callback(id, 4).await;
    assert!(cb.content().unwrap().starts_with("Sorry"), "{}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64);
    assert_no_mentions(&cb.body["data"]);
    // Still answering.
    let id = 700_000_000_000_000_054;
    run.query(id, "mechanism", "query", "AOE").await;
    assert!(first_title(&run.edited(id).await.body).contains("AOE"));
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reindex_is_for_admins_and_keeps_answering_on_a_broken_corpus() {
    let run = Running::start(|_| {}).await;

    // Not an admin: a polite ephemeral refusal, nothing rebuilt.
    let id = 700_000_000_000_000_061;
    run.slash(id, "reindex", json!([]), "0").await;
    let refusal = run.callback(id, 4).await;
    assert_eq!(refusal.body["data"]["flags"], 64);
    assert!(refusal
        .content()
        .unwrap()
        .starts_with("Sorry, only server admins"));
    assert_no_mentions(&refusal.body["data"]);

    // An admin by Manage Server, after a corpus change: rebuilt, and the new fact answers.
    let mechanisms = run.corpus.join("facts/mechanisms.toml");
    let mut text = std::fs::read_to_string(&mechanisms).unwrap();
    text.push_str(
        "\n[[mechanism]]\nid = \"adsom\"\nacronym = \"ADSOM\"\nname = \"ASEAN Defence Senior Officials' Meeting\"\ncites = [\"amim-21-vna#7\"]\n",
    );
    std::fs::write(&mechanisms, text).unwrap();
    let id = 700_000_000_000_000_062;
    run.slash(id, "reindex", json!([]), MANAGE_GUILD).await;
    let defer = run.callback(id, 5).await;
    assert_eq!(defer.body["data"]["flags"], 64);
    let done = run.edited(id).await;
    assert_eq!(first_title(&done.body), "Index rebuilt", "{}", done.body);
    assert!(done.body["embeds"][0]["description"]
        .as_str()
        .unwrap()
        .contains("23 facts"));
    let id = 700_000_000_000_000_063;
    run.query(id, "mechanism", "query", "ADSOM").await;
    assert!(first_title(&run.edited(id).await.body).contains("ADSOM"));

    // An admin by role; the corpus now broken: file:line named, old index kept.
    let meetings = run.corpus.join("facts/meetings.toml");
    let mut text = std::fs::read_to_string(&meetings).unwrap();
    text.push_str(
        "\n[[meeting]]\nid = \"broken\"\nname = \"Broken\"\nbogus_field = 1\ncites = []\n",
    );
    let line = text
        .lines()
        .position(|l| l.starts_with("bogus_field"))
        .unwrap()
        + 1;
    std::fs::write(&meetings, text).unwrap();
    let id = 700_000_000_000_000_064;
    let mut by_role = slash_command(id, "reindex", json!([]), ALICE, "0");
    by_role["member"]["roles"] = json!([ADMIN_ROLE.to_string()]);
    run.fake.dispatch("INTERACTION_CREATE", by_role).await;
    let report = run.edited(id).await;
    let description = report.body["embeds"][0]["description"].as_str().unwrap();
    assert_eq!(first_title(&report.body), "The corpus has 1 error");
    assert!(
        description.contains(&format!("facts/meetings.toml:{line}")),
        "{description}"
    );
    assert!(description.contains("bogus"), "{description}");
    assert_within_limits(&report.body);
    let id = 700_000_000_000_000_065;
    run.query(id, "meeting", "query", "AMIM-21").await;
    assert!(first_title(&run.edited(id).await.body).contains("AMIM-21"));
    let id = 700_000_000_000_000_066;
    run.query(id, "mechanism", "query", "ADSOM").await;
    assert!(first_title(&run.edited(id).await.body).contains("ADSOM"));
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentions_in_statements_and_questions_are_defused() {
    let run = Running::start(|corpus| {
        std::fs::write(
            corpus.join("statements/ping-test.md"),
            "+++\nid = \"ping-test\"\ntitle = \"Notice on the joint patrol roster\"\nsource = \"Test desk\"\n+++\n\n\
             Attention @everyone and <@&123>: the joint patrol roster for the zephyrine exercise is out.\n",
        )
        .unwrap();
    })
    .await;
    let id = 700_000_000_000_000_071;
    run.query(id, "ask", "question", "zephyrine patrol roster")
        .await;
    let reply = run.edited(id).await;
    let raw = reply.body.to_string();
    assert!(raw.contains("zephyrine"), "the passage is cited: {raw}");
    assert!(
        !raw.contains("@everyone") && !raw.contains("<@&123>"),
        "{raw}"
    );
    assert_no_mentions(&reply.body);

    // Asked in chat: the passage is found through those very words, and still defused.
    let messages = "/api/v10/channels/*/messages$";
    let mid = 710_000_000_000_000_071;
    let content = format!("{} @everyone <@&123> roster?", bot_mention());
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid, CHANNEL, ALICE, &content, true),
        )
        .await;
    let sent = run
        .fake
        .wait_for(|r| r.is("POST", messages) && r.ok(), T)
        .await
        .expect("reply");
    let raw = sent.body.to_string();
    assert!(raw.contains("zephyrine"), "{raw}");
    assert!(
        !raw.contains("@everyone") && !raw.contains("<@&123>"),
        "{raw}"
    );
    assert_no_mentions(&sent.body);

    // Nothing found: the question is echoed, defused.
    let mid = 710_000_000_000_000_072;
    let content = format!("{} @here <@&456> plugh xyzzy?", bot_mention());
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid, CHANNEL, ALICE, &content, true),
        )
        .await;
    let sent = run
        .fake
        .wait_for(|r| r.is("POST", messages) && replies_to(r, mid), T)
        .await
        .expect("reply");
    let raw = sent.body.to_string();
    assert_eq!(first_title(&sent.body), "Nothing found");
    assert!(raw.contains("xyzzy"), "{raw}");
    assert!(!raw.contains("@here") && !raw.contains("<@&456>"), "{raw}");
    assert_no_mentions(&sent.body);
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_reaches_the_log() {
    let token = "MTE5-e2e-distinctive-Secret-Token.Xq7Zp9";
    let run = Running::start_with(token, Some(GUILD), |_| {}).await;
    // The log buffer is shared by every test of this binary: this test's user is its own.
    const CAROL: u64 = 454_545_454_545_454_545;
    let id = 700_000_000_000_000_081;
    let options = json!([{"name": "query", "type": 3, "value": "AMIM-21"}]);
    run.fake
        .dispatch(
            "INTERACTION_CREATE",
            slash_command(id, "meeting", options, CAROL, "0"),
        )
        .await;
    run.edited(id).await;
    let mid = 710_000_000_000_000_081;
    let content = format!("{} who observed AMIM-21?", bot_mention());
    run.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid, CHANNEL, CAROL, &content, true),
        )
        .await;
    run.fake
        .wait_for(
            |r| r.is("POST", "/api/v10/channels/*/messages$") && r.ok(),
            T,
        )
        .await
        .unwrap();
    // The token was in use...
    let put = run
        .fake
        .wait_for(|r| r.is("PUT", GUILD_COMMANDS), T)
        .await
        .unwrap();
    assert_eq!(
        put.authorization.as_deref(),
        Some(format!("Bot {token}").as_str())
    );
    assert_eq!(
        run.fake.identify().unwrap()["d"]["token"],
        format!("Bot {token}")
    );
    run.stop().await;
    // ...and the log has the command lines, but not the token.
    let log = log_text();
    let mine = |command: &str| {
        log.lines()
            .find(|l| {
                l.contains("command answered")
                    && l.contains(&format!("command={command} "))
                    && l.contains(&format!("user={CAROL} "))
            })
            .unwrap_or_else(|| panic!("no info line for {command}"))
            .to_string()
    };
    for line in [mine("meeting"), mine("chat")] {
        assert!(line.contains(" INFO "), "{line}");
        assert!(line.contains("latency_ms="), "{line}");
        assert!(line.contains("results=1"), "{line}");
    }
    assert!(
        log.contains("serenity"),
        "serenity's own logging is captured too"
    );
    assert!(!log.contains(token), "the token leaked into the log");
    assert!(
        !log.contains("Secret-Token"),
        "part of the token leaked into the log"
    );
}

/// `agenda-bot run` without `DISCORD_TOKEN` stops at once with a clear message (before the index
/// or the network are touched).
#[test]
fn run_without_a_token_explains_itself() {
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agenda-bot"))
        .arg("--config")
        .arg(&config)
        .arg("run")
        .env_remove("DISCORD_TOKEN")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("DISCORD_TOKEN is not set") && stderr.contains("export DISCORD_TOKEN="),
        "{stderr}"
    );
}
