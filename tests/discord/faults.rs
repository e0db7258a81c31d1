//! Discord faults, on the fake Discord, with the bot's HTTP stack as in production: serenity's rate
//! limiter on, requests to `https://discord.com/api/v10/...` over TLS. The fake serves them on
//! 127.0.0.1 as `discord.com` (test CA); the client resolves every host name to it, so nothing can
//! leave the machine. The fake also holds the bot to Discord's 3 s deadline for the first response
//! to an interaction.
//!
//! - the gateway drops → the bot RESUMEs (same session, no new IDENTIFY) and keeps answering;
//! - 429 with `Retry-After` on the reply → the retry waits that long, the answer arrives once;
//! - 5xx on the reply (and on the defer) → retried, the answer arrives once;
//! - an answer slower than 3 s → acknowledged (deferred) at once, the answer follows and arrives.

use agenda_test_support::bot::*;
use agenda_test_support::fake_discord::*;
use std::time::{Duration, Instant};

async fn start(setup: Setup) -> BotUnderTest {
    let bot = BotUnderTest::start(Setup { tls: true, ..setup }).await;
    bot.fake.enforce_interaction_deadline(INTERACTION_DEADLINE);
    bot
}

/// The first embed's title of the answer to interaction `id`, after checking it arrived once.
async fn answered_once(bot: &BotUnderTest, id: u64) -> String {
    let reply = bot.edited(id).await;
    let defers = bot.statuses("POST", &callback_path(id));
    assert_eq!(
        defers.iter().filter(|s| **s == 204).count(),
        1,
        "{defers:?}"
    );
    assert!(!defers.contains(&404), "deferred too late: {defers:?}");
    first_title(&reply.body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_http_stack_reaches_only_the_fake() {
    let bot = start(Setup::default()).await;
    let put = bot
        .fake
        .wait_for(|r| r.is("PUT", GUILD_COMMANDS), T)
        .await
        .unwrap();
    assert_eq!(put.authorization.as_deref(), Some("Bot harness-token"));
    let id = 730_000_000_000_000_001;
    bot.query(id, "meeting", "query", "AMIM-21").await;
    assert!(answered_once(&bot, id).await.contains("AMIM-21"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_gateway_is_resumed_and_answers_continue() {
    let bot = start(Setup::default()).await;
    let id = 730_000_000_000_000_011;
    let seq = bot.query(id, "mechanism", "query", "AOE").await;
    assert!(answered_once(&bot, id).await.contains("AOE"));

    assert!(
        bot.fake.drop_gateway().await,
        "no gateway connection to drop"
    );
    assert!(
        bot.fake.wait_gateway_received(|f| f["op"] == 6, 1, T).await,
        "no RESUME after the drop"
    );
    let resume = &bot.fake.resumes()[0]["d"];
    assert_eq!(resume["session_id"], "fake-session-1");
    assert_eq!(resume["seq"], seq, "resumed from the last event seen");
    assert_eq!(bot.fake.identifies().len(), 1, "resumed, not re-identified");
    assert!(bot.fake.gateway_connections() >= 2);
    assert!(bot.fake.wait_ready(T).await);

    let id = 730_000_000_000_000_012;
    bot.query(id, "meeting", "query", "AMIM-21").await;
    assert!(answered_once(&bot, id).await.contains("AMIM-21"));

    // Discord asks for a reconnect (op 7): resumed again, still answering.
    assert!(
        bot.fake
            .send_raw(serde_json::json!({"op": 7, "d": null}), T)
            .await
    );
    assert!(
        bot.fake.wait_gateway_received(|f| f["op"] == 6, 2, T).await,
        "no RESUME after op 7"
    );
    assert_eq!(bot.fake.identifies().len(), 1);
    let id = 730_000_000_000_000_013;
    bot.query(id, "initiative", "query", "cyber task force")
        .await;
    assert!(answered_once(&bot, id).await.contains("Cyber"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_on_the_reply_is_waited_out_and_the_answer_arrives_once() {
    let bot = start(Setup::default()).await;
    let id = 730_000_000_000_000_021;
    // The fake's 429 says Retry-After: 1 (header) / retry_after: 0.2 (body), like Discord.
    bot.fake.fail_next(&original_path(id), 429, 1);
    bot.query(id, "meeting", "query", "AMIM-21").await;
    assert!(answered_once(&bot, id).await.contains("AMIM-21"));
    // A late duplicate would show up within a second retry; give it that long.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let edits: Vec<_> = bot
        .fake
        .requests()
        .into_iter()
        .filter(|r| r.is("PATCH", &original_path(id)))
        .collect();
    let statuses: Vec<u16> = edits.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [429, 200], "one 429, then delivered once");
    let waited = edits[1].received_at - edits[0].received_at;
    assert!(
        waited >= Duration::from_millis(950),
        "the retry came {waited:?} after the 429, before its Retry-After: 1"
    );
    assert_eq!(bot.fake.count(|r| r.is("POST", "/api/v10/webhooks/")), 0);

    // A 429 on the defer: waited out too, and still within Discord's 3 s.
    let id = 730_000_000_000_000_022;
    bot.fake.fail_next(&callback_path(id), 429, 1);
    bot.query(id, "mechanism", "query", "AOE").await;
    assert!(answered_once(&bot, id).await.contains("AOE"));
    assert_eq!(bot.statuses("POST", &callback_path(id)), [429, 204]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_on_the_reply_are_retried_and_the_answer_arrives_once() {
    let bot = start(Setup::default()).await;
    let id = 730_000_000_000_000_031;
    bot.fake.fail_next(&original_path(id), 502, 1);
    bot.fake.fail_next(&original_path(id), 503, 1);
    bot.query(id, "meeting", "query", "AMIM-21").await;
    assert!(answered_once(&bot, id).await.contains("AMIM-21"));
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(
        bot.statuses("PATCH", &original_path(id)),
        [502, 503, 200],
        "two server errors, then delivered once"
    );

    // A 500 on the defer: retried within the deadline, then the answer.
    let id = 730_000_000_000_000_032;
    bot.fake.fail_next(&callback_path(id), 500, 1);
    bot.query(id, "ask", "question", "who observed AMIM-21?")
        .await;
    answered_once(&bot, id).await;
    assert_eq!(bot.statuses("POST", &callback_path(id)), [500, 204]);

    // A 5xx on a chat reply: retried (the nonce keeps Discord from posting it twice).
    let mid = 731_000_000_000_000_031;
    let messages = format!("/api/v10/channels/{CHANNEL}/messages$");
    bot.fake.fail_next(&messages, 500, 1);
    let content = format!("{} what is AOE?", bot_mention());
    bot.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid, CHANNEL, ALICE, &content, true),
        )
        .await;
    let sent = bot
        .fake
        .wait_for(|r| r.is("POST", &messages) && r.ok(), T)
        .await
        .expect("chat reply after the retry");
    assert!(first_title(&sent.body).contains("AOE"));
    assert_eq!(sent.body["nonce"], mid.to_string());
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(bot.statuses("POST", &messages), [500, 200]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_slower_than_3_s_is_deferred_and_still_delivered() {
    let delay = Duration::from_millis(3500);
    let bot = start(Setup {
        answer_delay: Some(delay),
        ..Setup::default()
    })
    .await;
    let id = 730_000_000_000_000_041;
    let dispatched = Instant::now();
    bot.query(id, "meeting", "query", "AMIM-21").await;
    let defer = bot.callback(id, 5).await;
    let acked = defer.received_at - dispatched;
    assert!(
        acked < Duration::from_secs(1),
        "the defer took {acked:?} (Discord allows 3 s)"
    );
    let reply = bot.edited(id).await;
    let answered = reply.received_at - dispatched;
    assert!(answered >= delay, "{answered:?}");
    assert!(
        answered > INTERACTION_DEADLINE,
        "the answer itself came after Discord's 3 s"
    );
    assert!(first_title(&reply.body).contains("AMIM-21"));
    assert_eq!(bot.statuses("PATCH", &original_path(id)), [200]);
    assert_eq!(bot.statuses("POST", &callback_path(id)), [204]);
    assert_eq!(bot.fake.count(|r| r.is("POST", "/api/v10/webhooks/")), 0);

    // The fake does hold responses to Discord's deadline: had the bot answered directly instead
    // of deferring, its response (now, > 3 s after the dispatch) would have been refused.
    let late = bot
        .fake
        .discord_client()
        .post(format!(
            "https://discord.com/api/v10/interactions/{id}/{}/callback",
            interaction_token(id)
        ))
        .header("content-type", "application/json")
        .body(r#"{"type": 4, "data": {"content": "too late"}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(late.status().as_u16(), 404);
    let body: serde_json::Value = serde_json::from_slice(&late.bytes().await.unwrap()).unwrap();
    assert_eq!(body["code"], 10062, "{body}");
    bot.stop().await;
}
