//! Follow-ups in Discord, end to end on the fake Discord: a reply to one of the bot's answers is
//! read with that answer's entity as context ("when was it?" after the answer about AMIM-21;
//! asked alone, it finds nothing); with `answer_threads`, an answer in chat opens a thread on
//! itself where every message is a question read with the thread's answer as context.

use agenda_test_support::bot::*;
use agenda_test_support::fake_discord::{bot_user, message_create};
use serde_json::{json, Value};

/// A message the bot sent earlier: an answer about `footer`'s fact (`meeting · amim-21`).
fn bot_answer(id: u64, footer: &str) -> Value {
    let mut m = message_create(id, CHANNEL, ALICE, "", false);
    m["author"] = bot_user();
    m["embeds"] = json!([{"title": "earlier answer", "footer": {"text": footer}}]);
    m
}

/// `content` typed as a reply to `previous`, without mentioning the bot.
fn reply(id: u64, content: &str, previous: Value) -> Value {
    let mut m = message_create(id, CHANNEL, ALICE, content, false);
    m["type"] = json!(19);
    m["message_reference"] =
        json!({"message_id": previous["id"], "channel_id": CHANNEL.to_string()});
    m["referenced_message"] = previous;
    m
}

fn replies_to(body: &Value, id: u64) -> bool {
    body["message_reference"]["message_id"] == json!(id.to_string())
}

/// Sends `content` as message `id`, replying to `previous`, and returns the bot's reply body.
async fn ask(bot: &BotUnderTest, id: u64, content: &str, previous: Value) -> Value {
    let messages = format!("/api/v10/channels/{CHANNEL}/messages$");
    bot.fake
        .dispatch("MESSAGE_CREATE", reply(id, content, previous))
        .await;
    bot.fake
        .wait_for(|r| r.is("POST", &messages) && replies_to(&r.body, id), T)
        .await
        .unwrap_or_else(|| panic!("{content:?} is answered"))
        .body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_to_an_answer_asks_about_its_entity() {
    let bot = BotUnderTest::start(Setup::default()).await;
    let amim = || bot_answer(730_000_000_000_000_001, "meeting · amim-21");

    // Asked alone, "when was it?" finds nothing; as a follow-up, the meeting.
    let body = ask(&bot, 730_000_000_000_000_002, "when was it?", amim()).await;
    assert!(first_title(&body).contains("AMIM-21"), "{body}");

    // A reply to somebody else's message is not addressed to the bot.
    let mut other = amim();
    other["author"] = json!({"id": ALICE.to_string(), "username": "alice"});
    let ignored = 730_000_000_000_000_004;
    bot.fake
        .dispatch("MESSAGE_CREATE", reply(ignored, "who attended?", other))
        .await;
    // A command in a reply is answered as typed (and the ignored message never is).
    let body = ask(&bot, 730_000_000_000_000_005, "/mechanism AOE", amim()).await;
    assert!(first_title(&body).contains("AOE"), "{body}");
    assert!(bot
        .fake
        .wait_for(
            |r| replies_to(&r.body, ignored),
            std::time::Duration::from_millis(200)
        )
        .await
        .is_none());
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_in_the_thread_of_an_answer_asks_about_its_entity() {
    let bot = BotUnderTest::start(Setup {
        answer_threads: true,
        ..Setup::default()
    })
    .await;
    let messages = |channel: &str| format!("/api/v10/channels/{channel}/messages$");
    let question = 731_000_000_000_000_001;
    bot.say(
        question,
        CHANNEL,
        "<@111111111111111111> what was the 21st military intelligence meeting?",
        true,
    )
    .await;
    let answer = bot
        .fake
        .wait_for(
            |r| r.is("POST", &messages(&CHANNEL.to_string())) && replies_to(&r.body, question),
            T,
        )
        .await
        .expect("the question is answered");
    assert!(
        first_title(&answer.body).contains("AMIM-21"),
        "{}",
        answer.body
    );
    let opened = bot
        .fake
        .wait_for(
            |r| {
                r.is(
                    "POST",
                    &format!("/api/v10/channels/{CHANNEL}/messages/*/threads$"),
                )
            },
            T,
        )
        .await
        .expect("a thread opened on the answer");
    assert!(opened.ok());
    assert!(
        opened.body["name"]
            .as_str()
            .is_some_and(|n| n.contains("AMIM-21")),
        "{}",
        opened.body
    );
    // The thread's id is the answer's (Discord's rule for a thread on a message).
    let thread = opened.path.split('/').nth(6).unwrap().to_string();

    // In the thread, without a mention: a question about the answer's meeting.
    let in_thread = 731_000_000_000_000_002;
    bot.fake
        .dispatch(
            "MESSAGE_CREATE",
            message_create(
                in_thread,
                thread.parse().unwrap(),
                ALICE,
                "who attended?",
                false,
            ),
        )
        .await;
    let reply = bot
        .fake
        .wait_for(
            |r| r.is("POST", &messages(&thread)) && replies_to(&r.body, in_thread),
            T,
        )
        .await
        .unwrap_or_else(|| panic!("no answer in the thread: {:#?}", bot.summary()))
        .body;
    assert!(first_title(&reply).contains("AMIM-21"), "{reply}");
    let text = reply.to_string();
    assert!(
        text.contains("Timor-Leste") || text.contains("10 ASEAN"),
        "{reply}"
    );
    // No thread is opened inside a thread.
    assert_eq!(
        bot.statuses(
            "POST",
            &format!("/api/v10/channels/{thread}/messages/*/threads$")
        ),
        Vec::<u16>::new()
    );

    // The same words in a plain channel: not addressed to the bot, no answer; addressed to it,
    // without the thread's context, nothing found.
    let elsewhere = 731_000_000_000_000_003;
    bot.say(elsewhere, CHANNEL, "when was it?", false).await;
    let alone = 731_000_000_000_000_004;
    bot.say(alone, CHANNEL, "<@111111111111111111> when was it?", true)
        .await;
    let body = bot
        .fake
        .wait_for(|r| replies_to(&r.body, alone), T)
        .await
        .expect("the mention is answered")
        .body;
    assert_eq!(first_title(&body), "Nothing found", "{body}");
    assert!(bot
        .fake
        .wait_for(
            |r| replies_to(&r.body, elsewhere),
            std::time::Duration::from_millis(200)
        )
        .await
        .is_none());
    bot.stop().await;
}
