//! Buttons on answers, end to end on the fake Discord: "More results" pages in place (type 7),
//! "Full paragraph" answers ephemerally (type 4, flags 64), an unreadable custom id gets a polite
//! ephemeral message.
#![cfg(feature = "discord")]

mod support;

use serde_json::{json, Value};
use support::bot::*;
use support::fake_discord::{bot_user, interaction_token, APPLICATION_ID, FIXED_TIMESTAMP};

/// The bot's message as Discord holds it, from the body it sent.
fn sent_message(id: u64, body: &Value) -> Value {
    json!({
        "id": id.to_string(), "channel_id": CHANNEL.to_string(), "author": bot_user(),
        "content": body["content"].clone(), "timestamp": FIXED_TIMESTAMP,
        "edited_timestamp": null, "tts": false, "mention_everyone": false, "mentions": [],
        "mention_roles": [], "attachments": [], "embeds": body["embeds"].clone(),
        "components": body["components"].clone(), "pinned": false, "type": 0,
        "application_id": APPLICATION_ID
    })
}

/// INTERACTION_CREATE of type 3 (MESSAGE_COMPONENT): a click on button `custom_id` of `message`.
fn click(id: u64, custom_id: &str, message: Value) -> Value {
    json!({
        "id": id.to_string(), "application_id": APPLICATION_ID, "type": 3,
        "data": {"custom_id": custom_id, "component_type": 2},
        "guild_id": GUILD.to_string(), "channel_id": CHANNEL.to_string(),
        "member": {"user": {"id": ALICE.to_string(), "username": "alice"}, "roles": [],
                   "deaf": false, "mute": false, "flags": 0, "joined_at": FIXED_TIMESTAMP,
                   "permissions": "0"},
        "message": message, "token": interaction_token(id), "version": 1, "locale": "en-US",
        "entitlements": [], "attachment_size_limit": 10_485_760
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_results_pages_in_place_and_full_paragraph_is_ephemeral() {
    let bot = BotUnderTest::start(Setup::default()).await;
    bot.query(740_000_000_000_000_001, "initiative", "query", "all")
        .await;
    let first = bot.edited(740_000_000_000_000_001).await.body;
    assert_eq!(first["content"], "Results 1–3 of 7.", "{first}");
    let more = button(&first, "More results").expect("a More results button");
    assert!(more.len() <= 100);
    assert!(button(&first, "Previous").is_none());

    let message = sent_message(740_000_000_000_000_900, &first);
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            click(740_000_000_000_000_002, more, message),
        )
        .await;
    let page = bot.callback(740_000_000_000_000_002, 7).await.body;
    assert_eq!(page["data"]["content"], "Results 4–6 of 7.", "{page}");
    assert_eq!(page["data"]["allowed_mentions"]["parse"], json!([]));
    assert!(button(&page["data"], "Previous").is_some());
    let last = button(&page["data"], "More results").expect("page 3 is left");
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            click(
                740_000_000_000_000_003,
                last,
                sent_message(740_000_000_000_000_900, &page["data"]),
            ),
        )
        .await;
    let end = bot.callback(740_000_000_000_000_003, 7).await.body;
    assert_eq!(end["data"]["content"], "Results 7–7 of 7.", "{end}");
    assert!(
        button(&end["data"], "More results").is_none(),
        "no More on the last page"
    );

    // Full paragraph: ephemeral, the paragraph whole.
    let full = button(&first, "Full").expect("a Full paragraph button");
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            click(
                740_000_000_000_000_004,
                full,
                sent_message(740_000_000_000_000_900, &first),
            ),
        )
        .await;
    let shown = bot.callback(740_000_000_000_000_004, 4).await.body;
    assert_eq!(shown["data"]["flags"], 64, "{shown}");
    assert!(shown["data"]["embeds"][0]["title"]
        .as_str()
        .unwrap()
        .starts_with('¶'));
    let cited = first["embeds"][0]["fields"][0]["value"].as_str().unwrap();
    let whole = shown["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(
        whole.len() + 50 >= cited.split('\n').next().unwrap().len(),
        "{whole}"
    );

    // Garbage: a polite ephemeral message.
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            click(
                740_000_000_000_000_005,
                "9:zz:garbage",
                sent_message(740_000_000_000_000_900, &first),
            ),
        )
        .await;
    let polite = bot.callback(740_000_000_000_000_005, 4).await.body;
    assert_eq!(polite["data"]["flags"], 64);
    assert!(
        polite["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Please ask again"),
        "{polite}"
    );
    bot.stop().await;
}
