//! One corpus across replicas, with the real binary: two gateway-less replicas (`run
//! --interactions ADDR --no-gateway`), each with its own corpus, share a throwaway PostgreSQL
//! (`[store] url`). A signed `/add` on A is answered by B within seconds; A killed (`kill -9`)
//! at points through `/add` leaves the database with no row or one whole row, B with both files
//! or none, and adding again duplicates nothing.

use super::add::with_attachment;
use super::interactions_http::{public_hex, query, Client, Signing};
use agenda_test_support::bot::*;
use agenda_test_support::common::{shipped_corpus, statement_fixture, CliSetup, Spawned};
use agenda_test_support::fake_discord::FakeDiscord;
use agenda_test_support::postgres::{connect, Postgres};
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

/// Manage Server.
const MANAGE_GUILD: &str = "32";

/// A replica's directory (config, corpus, index, state) and, while it runs, its process.
struct Replica {
    setup: CliSetup,
    running: Option<(Spawned, std::net::SocketAddr)>,
}

impl Replica {
    fn new(url: &str) -> Replica {
        let setup = CliSetup::new(Some(&shipped_corpus()));
        // No corpus watcher: what B learns, it learns from the store.
        setup.append_config(&format!(
            "\n[discord]\nguild_ids = [{GUILD}]\nwatch_corpus = false\n[store]\nurl = \"{url}\"\n"
        ));
        Replica {
            setup,
            running: None,
        }
    }

    /// Starts the process and waits until it serves and has caught up with the store.
    fn start(&mut self, fake: &FakeDiscord) {
        self.start_until(
            fake,
            &["serving Discord interactions", "corpus sync: caught up"],
        );
    }

    /// Starts the process and waits until its log has each of `ready`.
    fn start_until(&mut self, fake: &FakeDiscord, ready: &[&str]) {
        let addr: std::net::SocketAddr = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let at = addr.to_string();
        let public = public_hex();
        let process = self.setup.spawn_with_env(
            &[
                "run",
                "--api-proxy",
                &fake.rest_url(),
                "--interactions",
                &at,
                "--metrics",
                &at,
                "--no-gateway",
            ],
            "replica-token",
            &[("DISCORD_PUBLIC_KEY", &public)],
        );
        for ready in ready {
            assert!(process.wait_stderr(ready, T), "{}", process.stderr());
        }
        self.running = Some((process, addr));
    }

    fn client(&self) -> Client {
        Client::new(self.running.as_ref().expect("running").1)
    }

    fn stderr(&self) -> String {
        self.running
            .as_ref()
            .map_or_else(String::new, |(p, _)| p.stderr())
    }

    /// `kill -9`.
    fn kill(&mut self) {
        if let Some((mut process, _)) = self.running.take() {
            process.child.kill().unwrap();
            process.child.wait().unwrap();
        }
    }

    fn stop(&mut self) {
        if let Some((mut process, _)) = self.running.take() {
            process.stop(Duration::from_secs(3));
        }
    }

    fn corpus(&self) -> &Path {
        &self.setup.corpus
    }
}

/// The body of the reply to interaction `id`: in the response, or the deferred one's edit.
async fn reply(fake: &FakeDiscord, client: &Client, interaction: &Value, id: u64) -> Value {
    let (status, response) = client.post(interaction, Signing::Good).await;
    assert_eq!(status, 200, "{response}");
    match response["type"].as_u64() {
        Some(4) => response["data"].clone(),
        Some(5) => {
            let path = original_path(id);
            fake.wait_for(|r| r.is("PATCH", &path) && r.ok(), T)
                .await
                .unwrap_or_else(|| panic!("no edit of {id}"))
                .body
        }
        _ => panic!("{response}"),
    }
}

/// Asks `/meeting text` on `replica` until the first result's title holds `expected` (for at most
/// [`T`]); the time since `started`.
async fn answered(
    replica: &Replica,
    first_id: u64,
    text: &str,
    expected: &str,
    started: Instant,
) -> Duration {
    let deadline = Instant::now() + T;
    let client = replica.client();
    for id in first_id.. {
        let (status, answer) = client
            .post(&query(id, "meeting", "query", text), Signing::Good)
            .await;
        assert_eq!(status, 200, "{answer}");
        if first_title(&answer["data"]).contains(expected) {
            return started.elapsed();
        }
        assert!(
            Instant::now() < deadline,
            "never answered {expected:?}: {answer}\n{}",
            replica.stderr()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    unreachable!()
}

/// The ids of the statements in the store.
async fn stored(url: &str) -> Vec<String> {
    connect(url)
        .await
        .query("SELECT id FROM agenda_corpus_statements ORDER BY seq", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// The ids with an extracted facts file, and the ids with a statement file not shipped.
fn added_files(corpus: &Path) -> (Vec<String>, Vec<String>) {
    let ids = |dir: &Path, ext: &str| {
        let mut ids: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        name.strip_suffix(ext).map(str::to_string)
                    })
                    .filter(|id| !id.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        ids.sort();
        ids
    };
    let shipped = ids(&shipped_corpus().join("statements"), ".md");
    let statements = ids(&corpus.join("statements"), ".md")
        .into_iter()
        .filter(|id| !shipped.contains(id))
        .collect();
    (ids(&corpus.join("facts/extracted"), ".toml"), statements)
}

/// Polls until `corpus` holds exactly the stored statements, each with both files.
async fn holds_exactly(corpus: &Path, ids: &[String]) {
    let mut ids = ids.to_vec();
    ids.sort();
    let deadline = Instant::now() + T;
    loop {
        let (facts, statements) = added_files(corpus);
        if facts == ids && statements == ids {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{}: facts {facts:?}, statements {statements:?}, stored {ids:?}",
            corpus.display()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A throwaway server with database `name`, a fake Discord, and two replicas (not started).
async fn two_replicas(name: &str) -> (Postgres, String, FakeDiscord, Replica, Replica) {
    let pg = Postgres::start();
    let url = pg.database(name).await;
    let fake = FakeDiscord::start().await;
    let (a, b) = (Replica::new(&url), Replica::new(&url));
    (pg, url, fake, a, b)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_add_on_one_replica_is_answered_by_the_other_within_seconds() {
    let (_pg, url, fake, mut a, mut b) = two_replicas("replicas_add").await;
    a.start(&fake);
    b.start(&fake);
    let (_, health) = b.client().get("/healthz").await;
    assert_eq!(health["store"]["following"], true, "{health}");
    let (status, before) = b
        .client()
        .post(
            &query(790_000_000_000_000_001, "meeting", "query", "ADMM-18"),
            Signing::Good,
        )
        .await;
    assert_eq!(status, 200);
    assert!(
        !first_title(&before["data"]).contains("ADMM-18"),
        "{before}"
    );

    let text = statement_fixture("admm-18-vna.txt");
    let attachment = fake.host_attachment("admm-18.txt", "text/plain", text.as_bytes());
    let id = 790_000_000_000_000_002;
    let add = with_attachment(id, attachment, MANAGE_GUILD);
    let sent = Instant::now();
    let body = reply(&fake, &a.client(), &add, id).await;
    let replied = sent.elapsed();
    assert!(
        body["embeds"][0]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Added: ")),
        "{body}\n{}",
        a.stderr()
    );
    let took = answered(&b, 790_000_000_000_000_100, "ADMM-18", "ADMM-18", sent).await;
    eprintln!("/add sent to A: A replied after {replied:?}, B answered from it after {took:?}");
    assert!(took < Duration::from_secs(10), "{took:?}");
    let ids = stored(&url).await;
    assert_eq!(ids.len(), 1);
    holds_exactly(b.corpus(), &ids).await;

    // A notification for a statement that is not stored: B logs it and keeps answering.
    connect(&url)
        .await
        .batch_execute("NOTIFY agenda_corpus, '424242'")
        .await
        .unwrap();
    let logged = "a notification for a statement that is not stored; ignored";
    let (process, _) = b.running.as_ref().unwrap();
    assert!(process.wait_stderr(logged, T), "{}", b.stderr());
    answered(
        &b,
        790_000_000_000_000_200,
        "ADMM-18",
        "ADMM-18",
        Instant::now(),
    )
    .await;
    holds_exactly(b.corpus(), &ids).await;
    a.stop();
    b.stop();
}

/// A small statement of its own for attempt `n` (its own title, id and paragraphs).
fn session(n: usize) -> String {
    format!(
        "Title: Officials hold working session {n} on logistics\nSource: Test Wire\n\
         Date: 1 December 2026\n\nVientiane, 1 December 2026 – Defence officials held working \
         session {n} on logistics and agreed to meet again.\n\nThe session reviewed a paper on \
         shared warehouses, number {n} of the series.\n"
    )
}

/// `/add` of `text` as a signed interaction with its attachment hosted on the fake.
fn add_of(fake: &FakeDiscord, id: u64, text: &str) -> Value {
    let attachment = fake.host_attachment("session.txt", "text/plain", text.as_bytes());
    with_attachment(id, attachment, MANAGE_GUILD)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_killed_during_add_loses_nothing_and_duplicates_nothing() {
    let (_pg, url, fake, mut a, mut b) = two_replicas("replicas_kill").await;
    b.start(&fake);
    // Kill A at points through an /add of a new statement each time (the download, the
    // extraction, the commit, the writes, the rebuild): the store has no row or one whole row
    // of it, and B holds exactly what is stored.
    let delays = [0u64, 20, 30, 40, 50, 60, 70, 90, 150, 400];
    let mut outcomes = Vec::new();
    for (n, delay_ms) in delays.into_iter().enumerate() {
        a.start(&fake);
        let add = add_of(&fake, 791_000_000_000_000_000 + n as u64, &session(n));
        let before = stored(&url).await.len();
        let client = a.client();
        let sent = tokio::spawn(async move { client.try_post(&add).await });
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        a.kill();
        let _ = sent.await;
        let ids = stored(&url).await;
        assert!(
            ids.len() == before || ids.len() == before + 1,
            "after {delay_ms} ms: {ids:?}"
        );
        holds_exactly(b.corpus(), &ids).await;
        // A, dead, has nothing that is not stored, and no statement without its facts (facts
        // are written first; alone they do not validate, so they are never indexed).
        let (facts, statements) = added_files(a.corpus());
        assert!(
            statements.iter().all(|id| facts.contains(id))
                && facts.iter().all(|id| ids.contains(id)),
            "after {delay_ms} ms: A has facts {facts:?}, statements {statements:?}; stored {ids:?}"
        );
        outcomes.push((delay_ms, ids.len() - before));
    }
    eprintln!("(kill after ms, rows stored by that add): {outcomes:?}");

    // A restarted catches up on what its killed selves stored; adding every statement again
    // stores the missing ones and nothing twice.
    a.start(&fake);
    holds_exactly(a.corpus(), &stored(&url).await).await;
    for n in 0..delays.len() {
        let id = 791_000_000_000_000_100 + n as u64;
        let body = reply(&fake, &a.client(), &add_of(&fake, id, &session(n)), id).await;
        let shown = body.to_string();
        assert!(
            shown.contains("Added: ") || shown.contains("is already in the corpus"),
            "{body}"
        );
    }
    let ids = stored(&url).await;
    assert_eq!(ids.len(), delays.len(), "{ids:?}");
    holds_exactly(a.corpus(), &ids).await;
    holds_exactly(b.corpus(), &ids).await;
    // And from B, a repeat is refused.
    let id = 791_000_000_000_000_300;
    let body = reply(&fake, &b.client(), &add_of(&fake, id, &session(0)), id).await;
    assert!(
        body["content"]
            .as_str()
            .is_some_and(|c| c.contains("is already in the corpus")),
        "{body}"
    );
    assert_eq!(stored(&url).await, ids);
    a.stop();
    b.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_whose_store_is_down_answers_and_refuses_adds_in_one_line() {
    let fake = FakeDiscord::start().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut a = Replica::new(&format!("postgres://agenda:hunter2@127.0.0.1:{port}/x"));
    a.start_until(
        &fake,
        &[
            "serving Discord interactions",
            "corpus sync: the store is unavailable",
        ],
    );
    answered(
        &a,
        792_000_000_000_000_001,
        "AMIM-21",
        "AMIM-21",
        Instant::now(),
    )
    .await;
    let id = 792_000_000_000_000_100;
    let body = reply(&fake, &a.client(), &add_of(&fake, id, &session(0)), id).await;
    assert_eq!(
        body["content"], "Nothing was added: the corpus store did not answer.",
        "{body}"
    );
    assert!(added_files(a.corpus()) == (vec![], vec![]));
    let logs = a.stderr();
    assert!(
        logs.contains(&format!("127.0.0.1:{port}/x is unavailable")),
        "{logs}"
    );
    assert!(!logs.contains("hunter2"), "{logs}");
    a.stop();
}
