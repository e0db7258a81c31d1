//! Buttons on answers, end to end on the fake Discord: "More results" pages in place (type 7),
//! "Full paragraph" answers ephemerally (type 4, flags 64), an unreadable custom id gets a polite
//! ephemeral message; a button works on a bot that never saw the answer (custom ids carry all it
//! needs: a restart loses nothing) and, once older than `buttons_expire_hours` on the bot's
//! clock, is answered with the expiry notice and removed.

use agenda_test_support::bot::*;
use agenda_test_support::fake_discord::{
    bot_user, interaction_token, APPLICATION_ID, FIXED_TIMESTAMP,
};
use serde_json::{json, Value};

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

/// Clicks `label` on `message_body` (the bot's message `message_id`) as interaction `id`.
async fn click_on(bot: &BotUnderTest, id: u64, label: &str, message_body: &Value) {
    let custom_id = button(message_body, label).unwrap_or_else(|| panic!("no {label} button"));
    let message = sent_message(740_000_000_000_000_900, message_body);
    bot.fake
        .dispatch("INTERACTION_CREATE", click(id, custom_id, message))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_works_on_a_bot_that_never_saw_the_answer() {
    let first_bot = BotUnderTest::start(Setup::default()).await;
    first_bot
        .query(741_000_000_000_000_001, "initiative", "query", "all")
        .await;
    let first = first_bot.edited(741_000_000_000_000_001).await.body;
    click_on(&first_bot, 741_000_000_000_000_002, "More results", &first).await;
    let page = first_bot.callback(741_000_000_000_000_002, 7).await.body;
    first_bot.stop().await;

    // Another process (as after a restart): its own fake, state and index copy; only the
    // message with its buttons comes along.
    let restarted = BotUnderTest::start(Setup::default()).await;
    click_on(&restarted, 741_000_000_000_000_003, "More results", &first).await;
    let again = restarted.callback(741_000_000_000_000_003, 7).await.body;
    assert_eq!(again["data"]["content"], "Results 4–6 of 7.", "{again}");
    assert_eq!(again["data"]["embeds"], page["data"]["embeds"]);
    assert_eq!(again["data"]["components"], page["data"]["components"]);
    click_on(&restarted, 741_000_000_000_000_004, "Full", &first).await;
    let shown = restarted.callback(741_000_000_000_000_004, 4).await.body;
    assert_eq!(shown["data"]["flags"], 64, "{shown}");
    restarted.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_older_than_its_lifetime_on_the_bots_clock_expires_cleanly() {
    let clock = agenda_test_support::clock::TestClock::at("2026-12-01T09:00:00Z");
    let bot = BotUnderTest::start(Setup {
        clock: Some(clock.shared()),
        buttons_expire_hours: Some(24),
        ..Setup::default()
    })
    .await;
    bot.query(742_000_000_000_000_001, "initiative", "query", "all")
        .await;
    let first = bot.edited(742_000_000_000_000_001).await.body;

    // 23 h later: still pages.
    clock.set("2026-12-02T08:00:00Z");
    click_on(&bot, 742_000_000_000_000_002, "More results", &first).await;
    let page = bot.callback(742_000_000_000_000_002, 7).await.body;
    assert_eq!(page["data"]["content"], "Results 4–6 of 7.", "{page}");

    // 25 h after the answer: the buttons are removed (the message otherwise left as it is, no
    // search run) and the clicker alone is told to ask again.
    clock.set("2026-12-02T10:00:00Z");
    click_on(&bot, 742_000_000_000_000_003, "More results", &first).await;
    let stripped = bot.callback(742_000_000_000_000_003, 7).await.body;
    assert_eq!(stripped["data"]["components"], json!([]), "{stripped}");
    assert!(stripped["data"].get("content").is_none(), "{stripped}");
    assert!(stripped["data"].get("embeds").is_none(), "{stripped}");
    let followups = format!(
        "/api/v10/webhooks/{APPLICATION_ID}/{}$",
        interaction_token(742_000_000_000_000_003)
    );
    let notice = bot
        .fake
        .wait_for(|r| r.is("POST", &followups) && r.ok(), T)
        .await
        .expect("an expiry notice")
        .body;
    assert_eq!(notice["flags"], 64, "{notice}");
    assert!(
        notice["content"]
            .as_str()
            .is_some_and(|c| c.contains("expired")),
        "{notice}"
    );
    // "Full paragraph" expires the same way.
    click_on(&bot, 742_000_000_000_000_004, "Full", &first).await;
    let full = bot.callback(742_000_000_000_000_004, 7).await.body;
    assert_eq!(full["data"]["components"], json!([]), "{full}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_buttons_are_recorded_once_per_answer_with_the_unanswered_questions() {
    use agenda_bot::feedback::{report, FeedbackLog, Kind};
    use agenda_core::render::components::{FEEDBACK_OFF, FEEDBACK_THANKS, UNKNOWN};
    let state = tempfile::tempdir().unwrap();
    let bot = BotUnderTest::start(Setup {
        feedback: true,
        state_dir: Some(state.path().to_path_buf()),
        ..Setup::default()
    })
    .await;
    let log = FeedbackLog::in_state_dir(state.path());
    bot.query(741_000_000_000_000_001, "meeting", "query", "AMIM-21")
        .await;
    let answer = bot.edited(741_000_000_000_000_001).await.body;
    let down = button(&answer, "👎 Not helpful").expect("a 👎 button");
    assert!(button(&answer, "👍 Helpful").is_some(), "{answer}");
    let message = sent_message(741_000_000_000_000_900, &answer);
    // Two clicks on 👎 of one answer, then a forged id: each is answered privately.
    for (id, custom_id, expected) in [
        (741_000_000_000_000_002, down, FEEDBACK_THANKS),
        (741_000_000_000_000_003, down, FEEDBACK_THANKS),
        (741_000_000_000_000_004, "1:v:m:x:0:AMIM-21", UNKNOWN),
    ] {
        bot.fake
            .dispatch("INTERACTION_CREATE", click(id, custom_id, message.clone()))
            .await;
        let thanked = bot.callback(id, 4).await.body;
        assert_eq!(thanked["data"]["flags"], 64, "{thanked}");
        assert_eq!(thanked["data"]["content"], expected, "{thanked}");
    }
    // A question that finds nothing is recorded without any click, and gets no 👍/👎.
    bot.query(741_000_000_000_000_005, "ask", "question", "zyxqv wvutq")
        .await;
    let nothing = bot.edited(741_000_000_000_000_005).await.body;
    assert!(button(&nothing, "👎 Not helpful").is_none(), "{nothing}");

    let read = log.read().unwrap();
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let kinds: Vec<(Kind, &str, &str, Option<u64>)> = read
        .records
        .iter()
        .map(|r| (r.kind, r.command.as_str(), r.question.as_str(), r.answer))
        .collect();
    let voted = Some(741_000_000_000_000_900);
    assert_eq!(
        kinds,
        [
            (Kind::Down, "meeting", "AMIM-21", voted),
            (Kind::Down, "meeting", "AMIM-21", voted),
            (Kind::NothingFound, "ask", "zyxqv wvutq", None),
        ]
    );
    let r = report(&read.records, None);
    let rows: Vec<(Kind, usize)> = r.rows.iter().map(|row| (row.kind, row.count)).collect();
    assert_eq!(rows, [(Kind::NothingFound, 1), (Kind::Down, 1)], "{r:?}");
    bot.stop().await;

    // Feedback off (the default): no 👍/👎, and an old one is answered without recording.
    let state = tempfile::tempdir().unwrap();
    let bot = BotUnderTest::start(Setup {
        state_dir: Some(state.path().to_path_buf()),
        ..Setup::default()
    })
    .await;
    bot.query(741_000_000_000_000_006, "meeting", "query", "AMIM-21")
        .await;
    let answer = bot.edited(741_000_000_000_000_006).await.body;
    assert!(button(&answer, "👎 Not helpful").is_none(), "{answer}");
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            click(
                741_000_000_000_000_007,
                down,
                sent_message(741_000_000_000_000_901, &answer),
            ),
        )
        .await;
    let off = bot.callback(741_000_000_000_000_007, 4).await.body;
    assert_eq!(off["data"]["content"], FEEDBACK_OFF, "{off}");
    bot.query(741_000_000_000_000_008, "ask", "question", "zyxqv wvutq")
        .await;
    bot.edited(741_000_000_000_000_008).await;
    assert!(!state.path().join(agenda_bot::feedback::FILE).exists());
    bot.stop().await;
}
