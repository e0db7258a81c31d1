//! The real bot (`agenda_bot::discord::Bot`) against the fake Discord of `agenda-test-support`: what
//! reaches the fake's REST endpoints is what Discord would get.
//!
//! Every test starts its own fake (ephemeral ports on 127.0.0.1), copies the shipped corpus into
//! its own temp dir and builds its own index there, so tests run in parallel without sharing
//! anything but the log buffer. Every wait is bounded by `T` (15 s).

use agenda_bot::discord;
use agenda_test_support::bot::*;
use agenda_test_support::fake_discord::*;
use agenda_test_support::limits::*;
use agenda_test_support::logs::{capture_logs, log_text};
use serde_json::json;
use std::path::Path;
use std::time::Duration;

const ANSWER_CHANNEL: u64 = 666_666_666_666_666_666;
/// MANAGE_GUILD.
const MANAGE_GUILD: &str = "32";

/// The bot on a copy of the shipped corpus (changed by `edit_corpus` before the index is built),
/// registered in [`GUILD`], answering every message in [`ANSWER_CHANNEL`], its logs captured.
/// `/reindex` is tested here; hot reload in tests/discord/hot_reload.rs.
async fn start(edit_corpus: impl FnOnce(&Path) + Send + 'static) -> BotUnderTest {
    start_with(Setup {
        edit_corpus: Some(Box::new(edit_corpus)),
        ..Setup::default()
    })
    .await
}

async fn start_with(setup: Setup) -> BotUnderTest {
    capture_logs();
    BotUnderTest::start(Setup {
        answer_channel_ids: vec![ANSWER_CHANNEL],
        ..setup
    })
    .await
}

/// The request is a message replying to message `id`.
fn replies_to(r: &Recorded, id: u64) -> bool {
    r.body["message_reference"]["message_id"]
        .as_str()
        .and_then(|m| m.parse::<u64>().ok())
        == Some(id)
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_registers_every_command_in_the_guild() {
    let run = start(|_| {}).await;
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
            "brief",
            "watch",
            "unwatch",
            "watches",
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
    // Admin commands: shown to Manage Server only (a server may grant them to other roles in its
    // Integrations settings; the admin-role check still applies), and never in direct messages.
    // Watches: changed by Manage Channels (16), in servers only.
    for c in commands {
        let name = c["name"].as_str();
        let admin = matches!(name, Some("reindex" | "add"));
        let channel = matches!(name, Some("watch" | "unwatch"));
        let permissions = c["default_member_permissions"].as_str();
        assert_eq!(permissions == Some("32"), admin, "{c}");
        assert_eq!(permissions == Some("16"), channel, "{c}");
        // Interaction context 0 alone: guilds only (1 is the bot's DMs, 2 private channels).
        let guild_only = admin || channel || name == Some("watches");
        assert_eq!(c["contexts"] == json!([0]), guild_only, "{c}");
    }
    // Guild commands only: the global list is emptied, so a switch from global leaves no
    // duplicates.
    let global: Vec<Recorded> = run
        .fake
        .requests()
        .into_iter()
        .filter(|r| r.is("PUT", GLOBAL_COMMANDS))
        .collect();
    assert!(global.iter().all(|r| r.body == json!([])), "{global:?}");
    // Every message of an answer channel is read: the Message Content intent is asked for.
    let intents = run.fake.identify().unwrap()["d"]["intents"]
        .as_u64()
        .unwrap();
    let wanted = GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT;
    assert_eq!(intents & wanted, wanted);
    run.stop().await;
}

/// Gateway intent bits (Discord's documentation).
const GUILD_MESSAGES: u64 = 1 << 9;
const DIRECT_MESSAGES: u64 = 1 << 12;
const MESSAGE_CONTENT: u64 = 1 << 15;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentions_and_direct_messages_need_no_privileged_intent() {
    let run = BotUnderTest::start(Setup {
        token: Some("e2e-token-no-content".into()),
        ..Setup::default()
    })
    .await;
    let intents = run.fake.identify().unwrap()["d"]["intents"]
        .as_u64()
        .unwrap();
    assert_eq!(intents & MESSAGE_CONTENT, 0, "{intents:b}");
    assert_eq!(intents & GUILD_MESSAGES, GUILD_MESSAGES);
    assert_eq!(intents & DIRECT_MESSAGES, DIRECT_MESSAGES);
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_guilds_commands_are_registered_globally() {
    let run = start_with(Setup {
        token: Some("e2e-token-global".into()),
        global_commands: true,
        ..Setup::default()
    })
    .await;
    let put = run
        .fake
        .wait_for(|r| r.is("PUT", GLOBAL_COMMANDS), T)
        .await
        .unwrap();
    assert_eq!(
        put.body.as_array().unwrap().len(),
        agenda_bot::discord::commands::all().len()
    );
    assert_eq!(
        run.fake
            .count(|r| r.is("PUT", "/api/v10/applications/*/guilds/")),
        0
    );
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meeting_defers_then_answers_with_a_cited_embed() {
    let run = start(|_| {}).await;
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
async fn brief_answers_with_the_meeting_cited_or_says_none_matches() {
    let run = start(|_| {}).await;
    let id = 700_000_000_000_000_051;
    run.query(id, "brief", "meeting", "AMIM").await;
    let body = run.edited(id).await.body;
    assert!(
        first_title(&body).starts_with("Brief: 21st ASEAN Military Intelligence Meeting"),
        "{body}"
    );
    let fields = body["embeds"][0]["fields"].as_array().unwrap();
    assert!(
        fields.iter().any(|f| f["value"]
            .as_str()
            .unwrap()
            .contains("Vietnam News Agency (VNA)")),
        "cited: {body}"
    );
    assert_within_limits(&body);
    assert_no_mentions(&body);
    let unknown = 700_000_000_000_000_052;
    run.query(unknown, "brief", "meeting", "@everyone zzqv")
        .await;
    let body = run.edited(unknown).await.body;
    let text = body["content"].as_str().unwrap();
    assert!(text.starts_with("no meeting matches"), "{body}");
    assert!(!text.contains("@everyone"), "{body}");
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mechanism_initiative_and_ask_find_the_right_entity() {
    let run = start(|_| {}).await;
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
    let run = start(|_| {}).await;
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

    // /help answers at once (no defer), to the caller only, with the help made from the
    // registered commands and this bot's config (its answer channel).
    let id = 700_000_000_000_000_022;
    run.slash(id, "help", json!([]), "0").await;
    let help = run.callback(id, 4).await;
    assert_eq!(help.body["data"]["flags"], 64);
    let description = help.body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap();
    for part in ["/meeting <query>", "/add", "/reindex", "`private: True`"] {
        assert!(description.contains(part), "{part}: {description}");
    }
    assert!(
        description.contains(&format!(
            "In <#{ANSWER_CHANNEL}> every message is a question"
        )),
        "{description}"
    );
    assert_no_mentions(&help.body["data"]);
    assert_within_limits(&help.body["data"]);
    run.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_fact_names() {
    let run = start(|_| {}).await;
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
    let run = start(|_| {}).await;
    let messages = format!("/api/v10/channels/{CHANNEL}/messages$");

    // Not for the bot: another channel, no mention; and a bot's message even with a mention.
    let ignored = 710_000_000_000_000_001;
    run.say(ignored, CHANNEL, "who observed AMIM-21?", false)
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
    run.say(mid, CHANNEL, &content, true).await;
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
    run.say(mid2, ANSWER_CHANNEL, "/mechanism AJIIP", false)
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
    run.say(mid3, CHANNEL, &bot_mention(), true).await;
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
    let run = start(|_| {}).await;
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
    run.say(mid, CHANNEL, &content, true).await;
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
    let run = start(|_| {}).await;
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
    let run = start(|_| {}).await;

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
    // Both mistakes of the entry are named (issue 13: the unknown key used to hide the rest).
    assert_eq!(first_title(&report.body), "The corpus has 2 errors");
    assert!(
        description.contains(&format!("facts/meetings.toml:{line}")),
        "{description}"
    );
    assert!(description.contains("bogus"), "{description}");
    assert!(description.contains("cites no paragraph"), "{description}");
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
    let run = start(|corpus| {
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
    run.say(mid, CHANNEL, &content, true).await;
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
    run.say(mid, CHANNEL, &content, true).await;
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
    let run = start_with(Setup {
        token: Some(token.into()),
        ..Setup::default()
    })
    .await;
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
        // The meeting and, since issue 21, the passages that follow a fact command's facts.
        let results: usize = line
            .split("results=")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(results >= 1, "{line}");
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
