//! Hot reload in the running bot (`[discord] watch_corpus`), end to end on the fake Discord: a
//! valid edit of a fact file is answered by a later `/mechanism`; a broken edit is refused (logged
//! with its `file:line`) and the index in service keeps answering; shutdown stops the watcher.

use agenda_core::index;
use agenda_test_support::bot::*;
use agenda_test_support::logs::*;
use std::time::Duration;

const ADSOM: &str = "\n[[mechanism]]\nid = \"adsom\"\nacronym = \"ADSOM\"\nname = \"ASEAN Defence Senior Officials' Meeting\"\ncites = [\"amim-21-vna#7\"]\n";

/// Waits until the bot's index in service has `facts` facts.
async fn wait_for_facts(bot: &BotUnderTest, facts: usize) -> bool {
    let deadline = tokio::time::Instant::now() + T;
    while tokio::time::Instant::now() < deadline {
        if bot.index().load().manifest.facts == facts {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corpus_edits_are_swapped_in_and_broken_ones_refused() {
    capture_logs();
    let bot = BotUnderTest::start(Setup {
        watch_corpus: true,
        ..Setup::default()
    })
    .await;
    let facts_before = bot.index().load().manifest.facts;

    // Not known yet.
    let id = 720_000_000_000_000_001;
    bot.query(id, "mechanism", "query", "ADSOM").await;
    assert_eq!(first_title(&bot.edited(id).await.body), "Nothing found");

    // A valid edit of a fact file: rebuilt and swapped in by the watcher, no /reindex.
    let mechanisms = bot.corpus.join("facts/mechanisms.toml");
    let mut text = std::fs::read_to_string(&mechanisms).unwrap();
    text.push_str(ADSOM);
    std::fs::write(&mechanisms, &text).unwrap();
    assert!(
        wait_for_facts(&bot, facts_before + 1).await,
        "the edit was not swapped in"
    );
    let id = 720_000_000_000_000_002;
    bot.query(id, "mechanism", "query", "ADSOM").await;
    let reply = bot.edited(id).await;
    assert!(first_title(&reply.body).contains("ADSOM"), "{}", reply.body);
    let good = index::current_generation(&bot.index_dir).unwrap().unwrap();

    // A broken edit: refused with file:line in the log; the index in service is unchanged.
    let meetings = bot.corpus.join("facts/meetings.toml");
    let mut broken = std::fs::read_to_string(&meetings).unwrap();
    broken.push_str(
        "\n[[meeting]]\nid = \"broken\"\nname = \"Broken\"\nbogus_field = 1\ncites = []\n",
    );
    let line = broken
        .lines()
        .position(|l| l.starts_with("bogus_field"))
        .unwrap()
        + 1;
    std::fs::write(&meetings, &broken).unwrap();
    let where_ = format!("{}:{line}:", meetings.display());
    let refused = wait_for_log(&["corpus change refused", &where_], T)
        .await
        .unwrap_or_else(|| panic!("no refusal naming {where_} in the log:\n{}", log_text()));
    assert!(refused.contains("WARN"), "{refused}");
    assert!(log_text().contains("bogus_field"));
    assert_eq!(bot.index().load().manifest.facts, facts_before + 1);
    assert_eq!(
        index::current_generation(&bot.index_dir).unwrap().unwrap(),
        good
    );
    for (id, name, query, wanted) in [
        (720_000_000_000_000_003, "mechanism", "ADSOM", "ADSOM"),
        (720_000_000_000_000_004, "meeting", "AMIM-21", "AMIM-21"),
    ] {
        bot.query(id, name, "query", query).await;
        let reply = bot.edited(id).await;
        assert!(first_title(&reply.body).contains(wanted), "{}", reply.body);
    }

    // Fixed again: the same corpus as the good index, nothing to rebuild.
    std::fs::write(
        &meetings,
        broken
            .split("\n[[meeting]]\nid = \"broken\"")
            .next()
            .unwrap(),
    )
    .unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        index::current_generation(&bot.index_dir).unwrap().unwrap(),
        good
    );

    // After shutdown the watcher is gone: an edit is no longer indexed.
    let (corpus, index_dir) = (bot.corpus.clone(), bot.index_dir.clone());
    let in_service = bot.index().clone();
    let _files = bot.stop().await;
    let mut text = std::fs::read_to_string(corpus.join("facts/mechanisms.toml")).unwrap();
    text.push_str(
        &ADSOM
            .replace("adsom", "adsom-two")
            .replace("ADSOM", "ADSOM2"),
    );
    std::fs::write(corpus.join("facts/mechanisms.toml"), text).unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        index::current_generation(&index_dir).unwrap().unwrap(),
        good
    );
    assert_eq!(in_service.load().manifest.facts, facts_before + 1);
}

fn add_adsom(corpus: &std::path::Path) {
    let mechanisms = corpus.join("facts/mechanisms.toml");
    let mut text = std::fs::read_to_string(&mechanisms).unwrap();
    text.push_str(ADSOM);
    std::fs::write(&mechanisms, &text).unwrap();
}

/// A change made while the bot was starting (after the index was opened, before the watch was in
/// place) is not missed: the watcher's catch-up check swaps it in before `Bot::start` returns.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_made_during_start_up_is_caught_up() {
    let bot = BotUnderTest::start(Setup {
        watch_corpus: true,
        edit_after_index: Some(add_adsom),
        ..Setup::default()
    })
    .await;
    assert!(bot.index().load().fact("adsom").is_some());
    let id = 720_000_000_000_000_011;
    bot.query(id, "mechanism", "query", "ADSOM").await;
    assert!(first_title(&bot.edited(id).await.body).contains("ADSOM"));
    bot.stop().await;
}

/// With `watch_corpus = false` nothing is watched: only `/reindex` changes the index.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_corpus_false_leaves_the_index_alone() {
    let bot = BotUnderTest::start(Setup::default()).await;
    let facts = bot.index().load().manifest.facts;
    let good = index::current_generation(&bot.index_dir).unwrap().unwrap();
    add_adsom(&bot.corpus);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(bot.index().load().manifest.facts, facts);
    assert_eq!(
        index::current_generation(&bot.index_dir).unwrap().unwrap(),
        good
    );
    bot.stop().await;
}
