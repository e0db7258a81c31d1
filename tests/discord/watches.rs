//! Watchlists end to end on the fake Discord: `/watch` by a channel manager (refused to others),
//! `/watches`, and a statement added to the corpus (hot reload) that mentions a watched body is
//! posted once in the channel, cited; a statement that mentions nothing watched is not; after a
//! restart on the same state only a statement new to it is posted.

use agenda_test_support::bot::*;
use serde_json::{json, Value};
use std::path::Path;

/// Manage Channels.
const MANAGE_CHANNELS: &str = "16";

/// Statements written for these tests (the structure of a news report, our own words).
const JUNIOR: (&str, &str) = (
    "junior-exchange",
    "+++\nid = \"junior-exchange\"\ntitle = \"Junior officers trade notes\"\nsource = \"Test Wire\"\npublished = \"2026-12-02\"\n+++\n\nYoung intelligence officers of the region met for the AJIIP this week.\n\nThe weather was mild.\n",
);
const UNRELATED: (&str, &str) = (
    "harbour-visit",
    "+++\nid = \"harbour-visit\"\ntitle = \"A frigate calls at port\"\nsource = \"Test Wire\"\npublished = \"2026-12-03\"\n+++\n\nA frigate made a goodwill call at a regional port.\n",
);
const TIMOR: (&str, &str) = (
    "observer-seat",
    "+++\nid = \"observer-seat\"\ntitle = \"Observer joins the talks\"\nsource = \"Test Wire\"\npublished = \"2026-12-04\"\n+++\n\nTimor-Leste sat in as an observer at the defence talks.\n",
);

fn write(corpus: &Path, (id, text): (&str, &str)) {
    std::fs::write(corpus.join(format!("statements/{id}.md")), text).unwrap();
}

fn what(text: &str) -> Value {
    json!([{"name": "what", "type": 3, "value": text}])
}

fn watch_posts(bot: &BotUnderTest) -> Vec<String> {
    bot.posts(CHANNEL)
        .into_iter()
        .filter(|(status, _)| *status < 300)
        .map(|(_, body)| {
            body["embeds"][0]["title"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .filter(|t| t.starts_with("Watched:"))
        .collect()
}

async fn wait_posts(bot: &BotUnderTest, n: usize) -> Vec<String> {
    let path = messages_path(CHANNEL);
    bot.fake
        .wait_for_count(|r| r.is("POST", &path) && r.ok(), n, T)
        .await;
    watch_posts(bot)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_watched_body_is_posted_once_per_statement_that_mentions_it() {
    let state = tempfile::tempdir().unwrap();
    let bot = BotUnderTest::start(Setup {
        watch_corpus: true,
        state_dir: Some(state.path().to_path_buf()),
        ..Setup::default()
    })
    .await;
    // Members who cannot manage the channel are refused at once.
    bot.slash(750_000_000_000_000_001, "watch", what("AJIIP"), "0")
        .await;
    let refused = bot.callback(750_000_000_000_000_001, 4).await.body;
    assert!(
        refused["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("Only members who can manage"),
        "{refused}"
    );
    bot.slash(
        750_000_000_000_000_002,
        "watch",
        what("ajiip"),
        MANAGE_CHANNELS,
    )
    .await;
    let known = bot.edited(750_000_000_000_000_002).await.body;
    let known = known["content"].as_str().unwrap().to_string();
    assert!(
        known.starts_with(
            "Watching **ASEAN Junior Intelligence Interaction Programme (AJIIP)** (mechanism)"
        ),
        "{known}"
    );
    bot.slash(
        750_000_000_000_000_003,
        "watch",
        what("Timor-Leste"),
        MANAGE_CHANNELS,
    )
    .await;
    let words = bot.edited(750_000_000_000_000_003).await.body;
    assert!(
        words["content"].as_str().unwrap().contains("as words"),
        "{words}"
    );
    bot.slash(
        750_000_000_000_000_004,
        "watch",
        what("AJIIP"),
        MANAGE_CHANNELS,
    )
    .await;
    // Past Discord's own bound (a forged payload): refused, nothing kept.
    bot.slash(
        750_000_000_000_000_007,
        "watch",
        what(&"word ".repeat(40)),
        MANAGE_CHANNELS,
    )
    .await;
    let long = bot.edited(750_000_000_000_000_007).await.body;
    assert!(
        long["content"]
            .as_str()
            .unwrap()
            .starts_with("That is too long to watch"),
        "{long}"
    );
    let twice = bot.edited(750_000_000_000_000_004).await.body;
    assert!(
        twice["content"]
            .as_str()
            .unwrap()
            .contains("already watches"),
        "{twice}"
    );
    bot.slash(750_000_000_000_000_005, "watches", json!([]), "0")
        .await;
    let listed = bot.edited(750_000_000_000_000_005).await.body;
    let listed = listed["content"].as_str().unwrap().to_string();
    assert!(
        listed.contains("(2 of 50)") && listed.contains("Timor-Leste"),
        "{listed}"
    );

    // Three statements arrive: one names AJIIP, one nothing watched, one Timor-Leste.
    write(&bot.corpus, JUNIOR);
    let posts = wait_posts(&bot, 1).await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert!(
        posts[0].starts_with("Watched: ASEAN Junior Intelligence"),
        "{posts:?}"
    );
    let first = bot.posts(CHANNEL).remove(0).1;
    let cited = first["embeds"][0]["fields"][0]["value"].as_str().unwrap();
    assert!(
        cited.contains("**AJIIP**") && cited.contains("Test Wire"),
        "{first}"
    );
    assert_eq!(first["allowed_mentions"]["parse"], json!([]));
    write(&bot.corpus, UNRELATED);
    write(&bot.corpus, TIMOR);
    let posts = wait_posts(&bot, 2).await;
    assert_eq!(posts.len(), 2, "{posts:?}");
    assert!(posts[1].starts_with("Watched: Timor-Leste"), "{posts:?}");
    bot.stop().await;

    // A restart on the same state, the statements already in the corpus: nothing again.
    let bot = BotUnderTest::start(Setup {
        watch_corpus: true,
        state_dir: Some(state.path().to_path_buf()),
        edit_corpus: Some(Box::new(|corpus: &Path| {
            for s in [JUNIOR, UNRELATED, TIMOR] {
                write(corpus, s);
            }
        })),
        ..Setup::default()
    })
    .await;
    // A new statement naming AJIIP is posted, and it alone: the three seen before are not.
    let again = JUNIOR.1.replace("junior-exchange", "junior-exchange-2");
    write(&bot.corpus, ("junior-exchange-2", &again));
    let posts = wait_posts(&bot, 1).await;
    assert_eq!(posts.len(), 1, "{posts:?}");
    let body = bot.posts(CHANNEL).remove(0).1;
    assert!(
        body["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("Junior officers"),
        "{body}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fifty_first_watch_of_a_channel_is_refused_clearly() {
    use agenda_bot::watches::{WatchStore, MAX_PER_CHANNEL};
    use agenda_core::watch::{Target, What};
    let state = tempfile::tempdir().unwrap();
    let store = WatchStore::in_state_dir(state.path());
    for n in 0..MAX_PER_CHANNEL {
        let text = format!("topic {n}");
        let target = Target {
            what: What::Words,
            label: text.clone(),
            names: vec![text.clone()],
        };
        store
            .add(
                CHANNEL,
                &text,
                target,
                jiff::Timestamp::UNIX_EPOCH,
                Vec::new,
            )
            .await
            .unwrap();
    }
    let bot = BotUnderTest::start(Setup {
        state_dir: Some(state.path().to_path_buf()),
        ..Setup::default()
    })
    .await;
    bot.slash(
        751_000_000_000_000_001,
        "watch",
        what("ADMM"),
        MANAGE_CHANNELS,
    )
    .await;
    let refused = bot.edited(751_000_000_000_000_001).await.body;
    let text = refused["content"].as_str().unwrap();
    assert!(
        text.starts_with("This channel already has 50 watches, the most it can have"),
        "{text}"
    );
    assert_eq!(
        store.list(Some(CHANNEL)).await.unwrap().len(),
        MAX_PER_CHANNEL
    );
    bot.stop().await;
}
