//! Who may rebuild the index, beyond `tests/discord/e2e.rs`
//! (`reindex_is_for_admins_and_keeps_answering_on_a_broken_corpus`: a member without permissions
//! is refused; Manage Server and an admin role are allowed): a direct message (no member, no
//! permissions), a member with powerful but non-admin permissions, and `/reindex` typed in chat
//! never rebuild, even with a changed corpus waiting on disk.

use agenda_core::index;
use agenda_test_support::bot::*;
use agenda_test_support::fake_discord::*;
use serde_json::json;
use std::time::Duration;

/// KICK_MEMBERS | BAN_MEMBERS | MANAGE_CHANNELS | VIEW_CHANNEL | SEND_MESSAGES | MANAGE_MESSAGES:
/// much, but neither Manage Server (32) nor Administrator (8).
const MODERATOR: &str = "11286";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_can_reindex_whatever_the_channel() {
    let bot = BotUnderTest::start(Setup::default()).await;
    let facts = bot.index().load().manifest.facts;
    let good = index::current_generation(&bot.index_dir).unwrap().unwrap();
    // A change waiting on disk that a successful /reindex would pick up.
    let mechanisms = bot.corpus.join("facts/mechanisms.toml");
    let mut text = std::fs::read_to_string(&mechanisms).unwrap();
    text.push_str("\n[[mechanism]]\nid = \"adsom\"\nacronym = \"ADSOM\"\nname = \"ASEAN Defence Senior Officials' Meeting\"\ncites = [\"amim-21-vna#7\"]\n");
    std::fs::write(&mechanisms, text).unwrap();

    // A moderator who is not a server admin, in the guild.
    let id = 750_000_000_000_000_001;
    bot.slash(id, "reindex", json!([]), MODERATOR).await;
    assert_refused(&bot.callback(id, 4).await);

    // In a direct message there is no member and no permission: refused (the command is for
    // servers only), even when the payload claims Administrator for the user object.
    let id = 750_000_000_000_000_002;
    let mut dm = into_dm(slash_command(id, "reindex", json!([]), ALICE, "8"));
    dm["user"]["permissions"] = json!("8");
    bot.fake.dispatch("INTERACTION_CREATE", dm).await;
    assert_refused(&bot.callback(id, 4).await);

    // Typed in chat, by anyone: not a command there.
    let mid = 751_000_000_000_000_001;
    let content = format!("{} /reindex", bot_mention());
    bot.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(mid, CHANNEL, ALICE, &content, true),
        )
        .await;
    let reply = bot
        .fake
        .wait_for(
            |r| r.is("POST", "/api/v10/channels/*/messages$") && r.ok(),
            T,
        )
        .await
        .expect("a reply in chat");
    let raw = reply.body.to_string();
    assert!(raw.contains("Unknown command /reindex"), "{raw}");

    // Nothing was rebuilt or swapped.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(bot.index().load().manifest.facts, facts);
    assert_eq!(
        index::current_generation(&bot.index_dir).unwrap().unwrap(),
        good
    );
    assert_eq!(
        bot.fake
            .count(|r| r.is("PATCH", "/api/v10/webhooks/") || r.body["type"] == 5),
        0,
        "no rebuild was even started (no defer, no edit)"
    );
    bot.stop().await;
}

/// A refusal (the admins' in a server, a server-only command's in a direct message), shown to
/// the caller only.
fn assert_refused(refusal: &Recorded) {
    let text = refusal.content().unwrap();
    assert!(
        text.starts_with("Sorry, only server admins")
            || text == agenda_bot::discord::errors::IN_A_SERVER,
        "{}",
        refusal.body
    );
    assert_eq!(refusal.body["data"]["flags"], 64, "ephemeral");
}
