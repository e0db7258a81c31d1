//! Pre-meeting briefs through the fake Discord, on a clock the test sets, over the fixture
//! series of three ANCM instances written for these tests (`tests/fixtures/brief/`; ANCM-19
//! begins on 14 December 2026, so with `brief_days = 7` its brief is due on the 7th at the
//! digest's time). Each run here is one pass of the runner (its shutdown is already due): what
//! a bot starting at that moment would post.

use agenda_bot::brief_runner::run_briefs;
use agenda_bot::config::{Config, DigestConfig, StoreUrl};
use agenda_bot::digest_store::{AnyStore, PgStore, Posts};
use agenda_bot::discord::digest::DiscordDigestSender;
use agenda_bot::discord::rest::{rest_client, Ratelimiter};
use agenda_bot::retry::RetryPolicy;
use agenda_core::corpus::Corpus;
use agenda_core::index::AgendaIndex;
use agenda_test_support::bot::messages_path;
use agenda_test_support::clock::TestClock;
use agenda_test_support::fake_discord::FakeDiscord;
use agenda_test_support::postgres::Postgres;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

const CHANNEL: u64 = 990_000_000_000_000_101;

fn index() -> Arc<AgendaIndex> {
    static INDEX: OnceLock<Arc<AgendaIndex>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/brief");
            Arc::new(AgendaIndex::build_in_ram(&Corpus::load(&dir).unwrap()).unwrap())
        })
        .clone()
}

fn config(state: &Path, store: Option<&str>) -> Config {
    Config {
        corpus_dir: state.join("corpus"),
        index_dir: state.join("index"),
        state_dir: state.to_path_buf(),
        discord: Default::default(),
        feedback: Default::default(),
        digest: DigestConfig {
            channel_ids: vec![CHANNEL],
            time: jiff::civil::time(8, 0, 0, 0),
            timezone: jiff::tz::TimeZone::UTC,
            brief_days: 7,
            store: store.map(|url| StoreUrl::parse(url).unwrap()),
            ..DigestConfig::default()
        },
        store: Default::default(),
    }
}

fn sender(fake: &FakeDiscord) -> DiscordDigestSender {
    DiscordDigestSender::new(Arc::new(rest_client(
        "token",
        Some(&fake.rest_url()),
        None,
        Ratelimiter::Off,
    )))
}

/// One pass of the runner at `now` on `store`.
async fn pass(config: Config, store: &AnyStore, fake: &FakeDiscord, now: &str) {
    let clock = TestClock::at(now);
    run_briefs(
        config,
        RetryPolicy::default(),
        store,
        index,
        clock,
        sender(fake),
        async {},
    )
    .await
    .unwrap();
}

fn briefs_posted(fake: &FakeDiscord) -> Vec<String> {
    let path = messages_path(CHANNEL);
    fake.requests()
        .into_iter()
        .filter(|r| r.is("POST", &path) && r.ok())
        .map(|r| {
            r.body["embeds"][0]["title"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_brief_is_posted_once_on_its_day_and_after_a_restart_not_again() {
    let fake = FakeDiscord::start().await;
    let state = tempfile::tempdir().unwrap();
    let store = || AnyStore::open_for(&config(state.path(), None), Posts::Briefs).unwrap();
    for early in ["2026-12-06T09:00:00Z", "2026-12-07T07:59:00Z"] {
        pass(config(state.path(), None), &store(), &fake, early).await;
        assert!(
            briefs_posted(&fake).is_empty(),
            "not before its day and time ({early})"
        );
    }
    pass(
        config(state.path(), None),
        &store(),
        &fake,
        "2026-12-07T08:00:00Z",
    )
    .await;
    let posted = briefs_posted(&fake);
    assert_eq!(
        posted,
        ["Brief: 19th ASEAN Navy Chiefs' Meeting (ANCM-19) — planned"]
    );
    let body = fake.requests().last().unwrap().body.clone();
    let fields = body["embeds"][0]["fields"].to_string();
    assert!(
        fields.contains("Previous") && fields.contains("Work Plan on Submarine Rescue"),
        "{body}"
    );
    // Restarts on the same state, the same day and the next: nothing again.
    for later in ["2026-12-07T09:00:00Z", "2026-12-08T08:00:00Z"] {
        pass(config(state.path(), None), &store(), &fake, later).await;
    }
    assert_eq!(briefs_posted(&fake).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_brief_missed_while_down_is_caught_up_unless_the_meeting_has_begun() {
    let fake = FakeDiscord::start().await;
    let down = tempfile::tempdir().unwrap();
    let store = AnyStore::open_for(&config(down.path(), None), Posts::Briefs).unwrap();
    pass(
        config(down.path(), None),
        &store,
        &fake,
        "2026-12-10T12:00:00Z",
    )
    .await;
    assert_eq!(briefs_posted(&fake).len(), 1, "caught up three days late");

    let fake = FakeDiscord::start().await;
    let begun = tempfile::tempdir().unwrap();
    let store = AnyStore::open_for(&config(begun.path(), None), Posts::Briefs).unwrap();
    for day in ["2026-12-15T08:00:00Z", "2026-12-20T08:00:00Z"] {
        pass(config(begun.path(), None), &store, &fake, day).await;
    }
    assert!(briefs_posted(&fake).is_empty(), "its first day is past");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_post_a_brief_once_between_them() {
    let pg = Postgres::start();
    let url = pg.database("briefs").await;
    let fake = FakeDiscord::start().await;
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let stores: Vec<AnyStore> = (0..2)
        .map(|_| {
            AnyStore::Postgres(
                PgStore::for_posts(
                    &StoreUrl::parse(&url).unwrap(),
                    Duration::from_secs(60),
                    Posts::Briefs,
                )
                .unwrap(),
            )
        })
        .collect();
    let now = "2026-12-07T08:00:00Z";
    tokio::join!(
        pass(config(dirs[0].path(), Some(&url)), &stores[0], &fake, now),
        pass(config(dirs[1].path(), Some(&url)), &stores[1], &fake, now),
    );
    assert_eq!(briefs_posted(&fake).len(), 1, "{:?}", briefs_posted(&fake));
    // The digest's own claims are another table: the same day's digest is still to post.
    let digest = AnyStore::Postgres(
        PgStore::new(&StoreUrl::parse(&url).unwrap(), Duration::from_secs(60)).unwrap(),
    );
    use agenda_bot::digest_store::{Claim, DigestStore};
    digest.init().await.unwrap();
    assert_eq!(
        digest
            .claim(CHANNEL, jiff::civil::date(2026, 12, 14))
            .await
            .unwrap(),
        Claim::Claimed
    );
}
