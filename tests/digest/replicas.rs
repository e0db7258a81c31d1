//! Replicas and the daily digest: claims in a real PostgreSQL (started per test), posts to the
//! fake Discord; each digest goes out once per channel and day.

use agenda_bot::clock::SystemClock;
use agenda_bot::config::{Config, DigestConfig, StoreUrl};
use agenda_bot::digest_runner::run_digest;
use agenda_bot::digest_store::{Claim, DigestStore, PgStore, StoreError};
use agenda_bot::discord::digest::DiscordDigestSender;
use agenda_bot::discord::rest::{rest_client, Ratelimiter};
use agenda_bot::retry::RetryPolicy;
use agenda_core::testing::shipped_index;
use agenda_test_support::bot::messages_path;
use agenda_test_support::fake_discord::FakeDiscord;
use agenda_test_support::postgres::Postgres;
use jiff::civil::{date, Date};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const T: Duration = Duration::from_secs(20);

fn store(url: &str, lease: Duration) -> PgStore {
    PgStore::new(&StoreUrl::parse(url).unwrap(), lease).unwrap()
}

#[tokio::test]
async fn claims_are_exclusive_expire_and_end_posted() {
    let pg = Postgres::start();
    let url = pg.database("claims").await;
    let a = store(&url, Duration::from_secs(60));
    let b = store(&url, Duration::from_secs(60));
    assert_ne!(a.replica(), b.replica());
    // The schema is created once; a second start (and a concurrent one) is a no-op.
    let (x, y) = tokio::join!(a.init(), b.init());
    x.unwrap();
    y.unwrap();
    a.init().await.unwrap();
    let day = date(2026, 12, 2);

    assert_eq!(a.claim(1, day).await.unwrap(), Claim::Claimed);
    match b.claim(1, day).await.unwrap() {
        Claim::HeldByOther { by, expires_in } => {
            assert_eq!(by, a.replica());
            assert!(expires_in > Duration::from_secs(50), "{expires_in:?}");
        }
        other => panic!("{other:?}"),
    }
    // The holder may claim again (a restart of the loop), and renew.
    assert_eq!(a.claim(1, day).await.unwrap(), Claim::Claimed);
    assert!(a.renew(1, day).await.unwrap());
    assert!(!b.renew(1, day).await.unwrap(), "b holds nothing");
    a.mark_posted(1, day).await.unwrap();
    for s in [&a, &b] {
        assert_eq!(s.claim(1, day).await.unwrap(), Claim::AlreadyPosted);
    }
    // Another day and another channel are separate claims.
    assert_eq!(b.claim(1, date(2026, 12, 3)).await.unwrap(), Claim::Claimed);
    assert_eq!(b.claim(2, day).await.unwrap(), Claim::Claimed);
    // A released claim is free at once.
    b.release(2, day).await.unwrap();
    assert_eq!(a.claim(2, day).await.unwrap(), Claim::Claimed);

    // A short lease, never renewed (its replica "died"): taken over once it runs out.
    let dead = store(&url, Duration::from_millis(300));
    assert_eq!(dead.claim(3, day).await.unwrap(), Claim::Claimed);
    assert!(matches!(
        a.claim(3, day).await.unwrap(),
        Claim::HeldByOther { .. }
    ));
    let deadline = Instant::now() + T;
    loop {
        match a.claim(3, day).await.unwrap() {
            Claim::Claimed => break,
            Claim::HeldByOther { expires_in, .. } => {
                assert!(Instant::now() < deadline, "never expired");
                tokio::time::sleep(expires_in.max(Duration::from_millis(20))).await;
            }
            Claim::AlreadyPosted => panic!("not posted"),
        }
    }
    // The dead replica's claim is gone: it cannot renew, the new holder can.
    assert!(!dead.renew(3, day).await.unwrap());
    assert!(a.renew(3, day).await.unwrap());

    // A channel id PostgreSQL's bigint cannot hold is refused, not wrapped.
    assert!(matches!(
        a.claim(u64::MAX, day).await,
        Err(StoreError::ChannelId(_))
    ));
}

#[tokio::test]
async fn an_unreachable_database_is_an_error_that_names_it_without_the_password() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let s = store(
        &format!("postgres://agenda:hunter2@127.0.0.1:{port}/x"),
        Duration::from_secs(60),
    );
    let e = s.claim(1, date(2026, 12, 2)).await.unwrap_err();
    assert!(e.is_retryable(), "{e}");
    let shown = format!("{:#}", anyhow::Error::new(e));
    assert!(shown.contains(&format!("127.0.0.1:{port}")), "{shown}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(!format!("{s:?}").contains("hunter2"));
}

/// A [`PgStore`] that remembers its claims' answers.
struct Watched {
    inner: PgStore,
    seen: Mutex<Vec<(u64, Claim)>>,
}

impl Watched {
    fn new(url: &str) -> Arc<Watched> {
        Arc::new(Watched {
            inner: store(url, Duration::from_secs(60)),
            seen: Mutex::new(Vec::new()),
        })
    }

    fn answered(&self, channel: u64) -> bool {
        self.seen.lock().unwrap().iter().any(|(c, _)| *c == channel)
    }
}

impl DigestStore for Watched {
    async fn init(&self) -> Result<(), StoreError> {
        self.inner.init().await
    }
    async fn claim(&self, channel: u64, date: Date) -> Result<Claim, StoreError> {
        let claim = self.inner.claim(channel, date).await?;
        self.seen.lock().unwrap().push((channel, claim.clone()));
        Ok(claim)
    }
    async fn renew(&self, channel: u64, date: Date) -> Result<bool, StoreError> {
        self.inner.renew(channel, date).await
    }
    async fn mark_posted(&self, channel: u64, date: Date) -> Result<(), StoreError> {
        self.inner.mark_posted(channel, date).await
    }
    async fn release(&self, channel: u64, date: Date) -> Result<(), StoreError> {
        self.inner.release(channel, date).await
    }
    fn describe(&self) -> String {
        self.inner.describe()
    }
}

const CHANNELS: [u64; 3] = [
    333_333_333_333_333_301,
    333_333_333_333_333_302,
    333_333_333_333_333_303,
];

fn config(url: &str, state: &std::path::Path) -> Config {
    Config {
        corpus_dir: state.join("corpus"),
        index_dir: state.join("index"),
        state_dir: state.to_path_buf(),
        discord: Default::default(),
        feedback: Default::default(),
        digest: DigestConfig {
            channel_ids: CHANNELS.to_vec(),
            // Due at midnight UTC: every replica catches up at once.
            time: jiff::civil::time(0, 0, 0, 0),
            timezone: jiff::tz::TimeZone::UTC,
            store: Some(StoreUrl::parse(url).unwrap()),
            ..DigestConfig::default()
        },
        store: Default::default(),
    }
}

/// Two replicas run until each has had the store's answer for every channel; returns them.
async fn run_two(url: &str, fake: &FakeDiscord, dir: &std::path::Path) -> [Arc<Watched>; 2] {
    let replicas = [Watched::new(url), Watched::new(url)];
    let mut stops = Vec::new();
    let mut tasks = Vec::new();
    for (i, r) in replicas.iter().enumerate() {
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        stops.push(stop);
        let r = r.clone();
        let sender = DiscordDigestSender::new(Arc::new(rest_client(
            "token",
            Some(&fake.rest_url()),
            None,
            Ratelimiter::Off,
        )));
        // Each its own state dir: only the database is shared.
        let cfg = config(url, &dir.join(format!("replica-{i}")));
        tasks.push(tokio::spawn(async move {
            run_digest(
                cfg,
                RetryPolicy::default(),
                &*r,
                shipped_index,
                SystemClock,
                sender,
                async move {
                    let _ = stopped.await;
                },
            )
            .await
        }));
    }
    let deadline = Instant::now() + T;
    while !replicas
        .iter()
        .all(|r| CHANNELS.iter().all(|&c| r.answered(c)))
    {
        assert!(
            Instant::now() < deadline,
            "the replicas did not get to every channel"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // Settle: a replica that saw a claim held waits; the holder has posted by now or soon.
    let deadline = Instant::now() + T;
    while CHANNELS
        .iter()
        .any(|&c| fake.count(|r| r.is("POST", &messages_path(c)) && r.ok()) == 0)
    {
        assert!(
            Instant::now() < deadline,
            "not every channel got its digest"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    for stop in stops {
        let _ = stop.send(());
    }
    for task in tasks {
        tokio::time::timeout(T, task)
            .await
            .expect("stopped in time")
            .unwrap()
            .expect("the loop ends cleanly");
    }
    replicas
}

#[tokio::test]
async fn two_replicas_post_each_digest_once_also_after_a_restart() {
    let pg = Postgres::start();
    let url = pg.database("replicas").await;
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();

    let first = run_two(&url, &fake, dir.path()).await;
    for c in CHANNELS {
        assert_eq!(
            fake.count(|r| r.is("POST", &messages_path(c))),
            1,
            "channel {c}: {:?}",
            fake.requests()
                .iter()
                .map(|r| r.path.clone())
                .collect::<Vec<_>>()
        );
        // One replica claimed it; the other saw it held or posted.
        let claimed = first
            .iter()
            .filter(|r| {
                r.seen
                    .lock()
                    .unwrap()
                    .iter()
                    .any(|(ch, cl)| *ch == c && *cl == Claim::Claimed)
            })
            .count();
        assert_eq!(claimed, 1, "channel {c}");
    }

    // Both restart (new replica ids, same database): nothing more is posted.
    let second = run_two(&url, &fake, dir.path()).await;
    for c in CHANNELS {
        assert_eq!(fake.count(|r| r.is("POST", &messages_path(c))), 1);
        for r in &second {
            assert!(r
                .seen
                .lock()
                .unwrap()
                .iter()
                .all(|(_, cl)| *cl == Claim::AlreadyPosted));
        }
    }
    // The rows say posted.
    let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(conn);
    let posted: i64 = client
        .query_one(
            "SELECT count(*) FROM agenda_digest_claims WHERE status = 'posted'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(posted, CHANNELS.len() as i64);
    let version: i32 = client
        .query_one("SELECT version FROM agenda_digest_schema", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(version, 1);
}

/// Real `agenda-bot run` processes (gateway-less replicas), each with its own corpus and index,
/// sharing the database: replica A's digest post is held by the fake, A is killed with SIGKILL
/// mid-post, replica B takes the expired claim over and posts; A restarted posts nothing more.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_killed_mid_post_leaves_the_digest_to_another_still_once() {
    use agenda_test_support::common::{shipped_corpus, CliSetup, Spawned};
    let pg = Postgres::start();
    let url = pg.database("killed").await;
    let fake = FakeDiscord::start().await;
    let channel = CHANNELS[0];
    let replica_config = || {
        let setup = CliSetup::new(Some(&shipped_corpus()));
        setup.append_config(&format!(
            "\n[discord]\nwatch_corpus = false\n\n[digest]\nchannel_ids = [{channel}]\n\
             time = \"00:00\"\ntimezone = \"UTC\"\nwhen_empty = \"post\"\nstore = \"{url}\"\n\
             claim_lease_secs = 2\n"
        ));
        setup
    };
    // Any valid Ed25519 public key: the endpoint is not used here.
    let public_key = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    let spawn = |setup: &CliSetup| -> Spawned {
        setup.spawn_with_env(
            &[
                "run",
                "--api-proxy",
                &fake.rest_url(),
                "--interactions",
                "127.0.0.1:0",
                "--no-gateway",
            ],
            "replica-token",
            &[
                ("DISCORD_PUBLIC_KEY", public_key),
                ("RUST_LOG", "info,agenda_bot::digest_runner=debug"),
            ],
        )
    };
    let posts = || fake.count(|r| r.is("POST", &messages_path(channel)) && r.ok());

    let (setup_a, setup_b) = (replica_config(), replica_config());
    fake.hold_next(&messages_path(channel), Duration::from_secs(120));
    let mut a = spawn(&setup_a);
    assert!(fake.wait_held(T).await, "A never posted\n{}", a.stderr());
    a.child.kill().unwrap();
    a.child.wait().unwrap();

    let mut b = spawn(&setup_b);
    let posted = fake
        .wait_for(|r| r.is("POST", &messages_path(channel)) && r.ok(), T)
        .await;
    assert!(
        posted.is_some(),
        "B did not finish the digest\n{}",
        b.stderr()
    );
    assert!(b.wait_stderr("digest posted", T), "{}", b.stderr());
    assert_eq!(posts(), 1);

    // A again (a restart after the crash): it finds the digest posted and posts nothing.
    let mut a_again = spawn(&setup_a);
    assert!(
        a_again.wait_stderr("digest already posted", T),
        "{}",
        a_again.stderr()
    );
    assert_eq!(posts(), 1, "{:#?}", fake.requests());

    let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(conn);
    let row = client
        .query_one(
            "SELECT status, takeovers FROM agenda_digest_claims WHERE channel_id = $1",
            &[&(channel as i64)],
        )
        .await
        .unwrap();
    assert_eq!(row.get::<_, String>(0), "posted");
    assert_eq!(row.get::<_, i32>(1), 1, "B took A's expired claim over");
    for replica in [&mut b, &mut a_again] {
        replica.term();
        let status = replica.wait_exit(Duration::from_secs(5));
        assert_eq!(
            status.and_then(|s| s.code()),
            Some(0),
            "{}",
            replica.stderr()
        );
    }
}
