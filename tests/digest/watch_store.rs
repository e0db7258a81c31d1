//! Watches shared by replicas (`[store] url`): a `/watch` taken on any replica is in the one
//! row every process reads; concurrent changes do not lose each other.

use agenda_bot::config::Config;
use agenda_bot::watches::{PostClaim, WatchStore};
use agenda_core::watch::{Target, What};
use agenda_test_support::postgres::Postgres;

fn config(url: &str) -> Config {
    let dir = tempfile::tempdir().unwrap();
    let text =
        format!("corpus_dir = \"corpus\"\nindex_dir = \"index\"\n[store]\nurl = \"{url}\"\n");
    std::fs::write(dir.path().join("config.toml"), text).unwrap();
    Config::load(&dir.path().join("config.toml")).unwrap()
}

fn words(text: &str) -> Target {
    Target {
        what: What::Words,
        label: text.into(),
        names: vec![text.into()],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_share_one_set_of_watches() {
    let pg = Postgres::start();
    let url = pg.database("watches").await;
    let a = WatchStore::for_config(&config(&url)).unwrap();
    let b = WatchStore::for_config(&config(&url)).unwrap();
    assert!(a.describe().starts_with("postgres://"), "{}", a.describe());
    assert!(b.is_unused().await.unwrap());
    let now = jiff::Timestamp::UNIX_EPOCH;
    let present = || vec!["old".to_string()];
    // Ten watches taken at once on two replicas: none lost, ids distinct.
    let adds = (0..10).map(|n| {
        let store = if n % 2 == 0 { &a } else { &b };
        let text = format!("topic {n}");
        async move { store.add(1, &text, words(&text), now, present).await }
    });
    let added = futures_util::future::join_all(adds).await;
    let mut ids: Vec<u64> = added.into_iter().map(|w| w.unwrap().id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 10);
    assert_eq!(b.list(Some(1)).await.unwrap().len(), 10);
    assert_eq!(
        a.unseen(&["old".into(), "new".into()]).await.unwrap(),
        ["new"]
    );
    b.mark_posted(3, "new").await.unwrap();
    b.mark_seen("new").await.unwrap();
    assert!(a.is_posted(3, "new").await.unwrap());
    assert!(a
        .unseen(&["old".into(), "new".into()])
        .await
        .unwrap()
        .is_empty());
    assert!(a.remove(1, &words("topic 4")).await.unwrap().is_some());
    assert_eq!(b.list(None).await.unwrap().len(), 9);
    // Two posters claiming one post at once: one gets it.
    let (x, y) = tokio::join!(a.claim(5, "newer", 1_000), b.claim(5, "newer", 1_000));
    let claimed = [x.unwrap(), y.unwrap()];
    assert_eq!(
        claimed.iter().filter(|c| **c == PostClaim::Claimed).count(),
        1,
        "{claimed:?}"
    );
}
