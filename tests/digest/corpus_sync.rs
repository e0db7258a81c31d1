//! One corpus across replicas, in process on a real PostgreSQL (started per test): a statement
//! added on one replica reaches another by NOTIFY and by catching up, once; bad notifications
//! and rows are logged and skipped while the index in service keeps answering.

use agenda_bot::add::{add_stored, AddError, AddRequest};
use agenda_bot::config::{Config, StoreUrl};
use agenda_bot::corpus_sync::{
    self, on_notification, CorpusStore, CorpusSync, Listener, NewStatement, Notified,
};
use agenda_bot::index_service::{open_index, shared_index, SharedIndex};
use agenda_test_support::common::{
    copy_dir, shipped_corpus, statement_fixture, workspace_root, CliSetup,
};
use agenda_test_support::logs::{capture_logs, wait_for_log};
use agenda_test_support::postgres::{connect, Postgres};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

const T: Duration = Duration::from_secs(20);

fn request(name: &str) -> AddRequest {
    AddRequest {
        text: statement_fixture(name),
        name: Some(name.to_string()),
        ..AddRequest::default()
    }
}

/// A replica's own corpus (a copy of the shipped one) and index, in service.
struct Node {
    _dir: tempfile::TempDir,
    config: Config,
    index: SharedIndex,
}

impl Node {
    fn new(url: &str) -> Node {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&shipped_corpus(), &dir.path().join("corpus"));
        let text =
            format!("corpus_dir = \"corpus\"\nindex_dir = \"index\"\n[store]\nurl = \"{url}\"\n");
        std::fs::write(dir.path().join("config.toml"), text).unwrap();
        let config = Config::load(&dir.path().join("config.toml")).unwrap();
        let index = shared_index(open_index(&config).unwrap());
        Node {
            _dir: dir,
            config,
            index,
        }
    }

    fn corpus(&self) -> &Path {
        &self.config.corpus_dir
    }

    fn store(&self) -> Arc<CorpusStore> {
        Arc::new(CorpusStore::from_config(&self.config).unwrap().unwrap())
    }

    fn sync(&self) -> CorpusSync {
        CorpusSync::start_with(
            self.store(),
            self.config.corpus_dir.clone(),
            self.config.index_dir.clone(),
            self.index.clone(),
        )
    }

    fn statements(&self) -> usize {
        self.index.load().manifest.statements
    }

    /// Polls until the index in service has `n` statements.
    async fn wait_statements(&self, n: usize) {
        let deadline = Instant::now() + T;
        while self.statements() != n {
            assert!(
                Instant::now() < deadline,
                "{} statements, not {n}",
                self.statements()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn files(&self, id: &str) -> (PathBuf, PathBuf) {
        corpus_sync::paths_of(self.corpus(), id)
    }
}

async fn rows(url: &str) -> i64 {
    connect(url)
        .await
        .query_one("SELECT count(*) FROM agenda_corpus_statements", &[])
        .await
        .unwrap()
        .get(0)
}

async fn sql(url: &str, statement: &str) {
    connect(url).await.batch_execute(statement).await.unwrap();
}

/// A throwaway server with database `name`, and two replicas on it (logs captured).
async fn two_nodes(name: &str) -> (Postgres, String, Node, Node) {
    capture_logs();
    let pg = Postgres::start();
    let url = pg.database(name).await;
    let (a, b) = (Node::new(&url), Node::new(&url));
    (pg, url, a, b)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_add_reaches_the_other_replica_by_notify_once_and_duplicates_are_refused() {
    let (_pg, url, a, b) = two_nodes("sync_notify").await;
    let before = b.statements();

    // A second listener hears the add's NOTIFY, which names the stored row.
    let store_a = a.store();
    let mut listener = Listener::start(&StoreUrl::parse(&url).unwrap())
        .await
        .unwrap();
    let added = add_stored(&store_a, a.corpus(), &request("admm-18-vna.txt"), "test")
        .await
        .unwrap();
    let payload = tokio::time::timeout(T, listener.next())
        .await
        .unwrap()
        .unwrap();
    let stored = store_a
        .get(payload.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.id, added.statement_id);
    assert_eq!(stored.statement_file, added.statement_file);
    assert_eq!(stored.facts_file, added.facts_file);
    for file in [&added.statement_path, &added.facts_path] {
        assert!(file.is_file(), "A wrote {}", file.display());
    }

    // B, following the store, writes both files and swaps in an index with them.
    let sync = b.sync();
    b.wait_statements(before + 1).await;
    let (statement, facts) = b.files(&added.statement_id);
    assert_eq!(
        std::fs::read_to_string(statement).unwrap(),
        added.statement_file
    );
    assert_eq!(std::fs::read_to_string(facts).unwrap(), added.facts_file);
    assert!(b
        .index
        .load()
        .facts
        .iter()
        .any(|f| f.title().contains("ADMM-18")));

    // The same text again, from B: refused as today, with the stored id; one row still.
    let store_b = b.store();
    match add_stored(&store_b, b.corpus(), &request("admm-18-vna.txt"), "test").await {
        Err(AddError::Duplicate { existing }) => assert_eq!(existing, added.statement_id),
        other => panic!("{other:?}"),
    }
    // Even past the local check (a replica that had not caught up yet): the store refuses.
    let again = NewStatement {
        id: "another-id",
        content_hash: &added.content_hash,
        statement_file: &added.statement_file,
        facts_file: &added.facts_file,
        added_by: "test",
    };
    assert!(matches!(
        store_b.insert(again).await,
        Err(corpus_sync::SyncError::Duplicate { .. })
    ));
    assert_eq!(rows(&url).await, 1);

    // A notification naming nothing, or no stored statement: logged, ignored; B keeps following.
    assert_eq!(
        on_notification(&store_b, b.corpus(), "999").await.unwrap(),
        Notified::Unknown
    );
    sql(
        &url,
        "NOTIFY agenda_corpus, '424242'; NOTIFY agenda_corpus, 'not a seq'",
    )
    .await;
    for needle in ["seq=424242", "a notification that names no statement"] {
        assert!(
            wait_for_log(&["corpus sync", needle], T).await.is_some(),
            "{needle}"
        );
    }
    let second = add_stored(&store_a, a.corpus(), &request("acdfm-20-bali.html"), "test")
        .await
        .unwrap();
    b.wait_statements(before + 2).await;
    assert!(b.files(&second.statement_id).0.is_file());
    assert_eq!(rows(&url).await, 2);
    sync.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_that_was_down_catches_up_and_bad_rows_are_skipped() {
    let (_pg, url, a, b) = two_nodes("sync_catch_up").await;
    let before = b.statements();
    let store_a = a.store();

    // Stored while B was not following (its listener down): nothing reaches B...
    let first = add_stored(&store_a, a.corpus(), &request("admm-18-vna.txt"), "test")
        .await
        .unwrap();
    // ...and a write cut short on B (the facts written, not the statement) is completed too.
    let second = add_stored(&store_a, a.corpus(), &request("acdfm-20-bali.html"), "test")
        .await
        .unwrap();
    let (_, half) = b.files(&second.statement_id);
    std::fs::create_dir_all(half.parent().unwrap()).unwrap();
    std::fs::write(&half, &second.facts_file).unwrap();
    // Corrupt rows: an id that is no file name, facts that do not parse. Skipped, logged.
    sql(
        &url,
        "INSERT INTO agenda_corpus_statements (id, content_hash, statement_file, facts_file, added_by)
         VALUES ('../escape', 'h1', 'x', 'y', 'test'),
                ('broken-facts', 'h2', '+++\ntitle = \"x\"\n+++\n\nText.\n', '[[[ not toml', 'test')",
    )
    .await;
    assert!(!b.files(&first.statement_id).0.exists());

    let sync = b.sync();
    b.wait_statements(before + 2).await;
    for id in [&first.statement_id, &second.statement_id] {
        let (statement, facts) = b.files(id);
        assert!(statement.is_file() && facts.is_file(), "{id}");
    }
    assert!(
        wait_for_log(&["corpus sync", "cannot name a statement file"], T)
            .await
            .is_some()
    );
    assert!(
        wait_for_log(&["corpus sync", "broken-facts", "does not validate"], T)
            .await
            .is_some()
    );
    assert!(!b.corpus().join("escape.md").exists());
    assert!(!b.files("broken-facts").0.exists() && !b.files("broken-facts").1.exists());
    // A NOTIFY for the corrupt row changes nothing either; the index in service stays.
    let in_service = b.index.load_full();
    assert_eq!(
        on_notification(&b.store(), b.corpus(), "4").await.unwrap(),
        Notified::Nothing
    );
    assert!(Arc::ptr_eq(&in_service, &b.index.load_full()));
    sync.stop().await;

    // Down again while A adds; a new start catches up.
    let third = add_stored(
        &store_a,
        a.corpus(),
        &request("admm-retreat-penang.md"),
        "test",
    )
    .await
    .unwrap();
    assert!(!b.files(&third.statement_id).0.exists());
    let sync = b.sync();
    b.wait_statements(before + 3).await;
    assert!(b.files(&third.statement_id).1.is_file());
    sync.stop().await;
    assert_eq!(rows(&url).await, 5);
}

#[tokio::test]
async fn an_unreachable_store_refuses_the_add_and_writes_nothing() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let node = Node::new(&format!("postgres://agenda:hunter2@127.0.0.1:{port}/x"));
    let before: Vec<_> = std::fs::read_dir(node.corpus().join("statements"))
        .unwrap()
        .collect();
    let e = add_stored(
        &node.store(),
        node.corpus(),
        &request("admm-18-vna.txt"),
        "test",
    )
    .await
    .unwrap_err();
    let shown = format!("{:#}", anyhow::Error::new(e));
    assert!(
        shown.starts_with(
            "the corpus store did not answer: the database postgres://agenda:***@127.0.0.1:"
        ),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");
    let after: Vec<_> = std::fs::read_dir(node.corpus().join("statements"))
        .unwrap()
        .collect();
    assert_eq!(before.len(), after.len());
    assert!(!node.corpus().join("facts/extracted").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_add_goes_through_the_store_too() {
    let pg = Postgres::start();
    let url = pg.database("sync_cli").await;
    let setup = CliSetup::new(Some(&shipped_corpus()));
    setup.append_config(&format!("[store]\nurl = \"{url}\"\n"));
    let file = workspace_root().join("tests/fixtures/statements/admm-18-vna.txt");
    let file = file.to_str().unwrap();
    let out = setup.run(&["add", file]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("added statement "), "{stdout}");
    assert_eq!(rows(&url).await, 1);
    // Again: refused as a duplicate; another replica catches up on it.
    let out = setup.run(&["add", file]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains("is already in the corpus"),
        "{stderr}"
    );
    assert_eq!(rows(&url).await, 1);
    let b = Node::new(&url);
    assert_eq!(
        corpus_sync::catch_up(&b.store(), b.corpus()).await.unwrap(),
        1
    );
    assert_eq!(
        corpus_sync::catch_up(&b.store(), b.corpus()).await.unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_listen_connection_is_reconnected_and_caught_up() {
    let (_pg, url, a, b) = two_nodes("sync_reconnect").await;
    let before = b.statements();
    let sync = b.sync();
    let caught_up = ["corpus sync: caught up", "/sync_reconnect"];
    assert!(wait_for_log(&caught_up, T).await.is_some());
    // The server drops the listener's connection (a restart, a network cut): notifications
    // sent meanwhile are lost, so the sync reconnects (backing off) and catches up.
    sql(
        &url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'agenda-bot corpus listener'",
    )
    .await;
    let lost = ["the store is unavailable", "/sync_reconnect"];
    assert!(wait_for_log(&lost, T).await.is_some());
    let added = add_stored(&a.store(), a.corpus(), &request("admm-18-vna.txt"), "test")
        .await
        .unwrap();
    b.wait_statements(before + 1).await;
    assert!(b.files(&added.statement_id).0.is_file());
    let deadline = Instant::now() + T;
    while agenda_test_support::logs::log_records()
        .iter()
        .filter(|r| caught_up.iter().all(|n| r.contains(n)))
        .count()
        < 2
    {
        assert!(Instant::now() < deadline, "never caught up again");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    sync.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adds_racing_on_two_replicas_store_a_text_once_and_titles_under_two_ids() {
    let (_pg, url, a, b) = two_nodes("sync_race").await;
    let (store_a, store_b) = (a.store(), b.store());
    // The same text on both at once: one stores it, the other is told it is a duplicate.
    let req = request("admm-18-vna.txt");
    let (x, y) = tokio::join!(
        add_stored(&store_a, a.corpus(), &req, "test"),
        add_stored(&store_b, b.corpus(), &req, "test"),
    );
    let (added, refused) = match (x, y) {
        (Ok(added), Err(e)) | (Err(e), Ok(added)) => (added, e),
        other => panic!("{other:?}"),
    };
    match refused {
        AddError::Duplicate { existing } => assert_eq!(existing, added.statement_id),
        other => panic!("{other:?}"),
    }
    assert_eq!(rows(&url).await, 1);
    // Two texts under one title at once: the id made from it is taken by one, the other's is
    // made again; both are stored.
    let text = |n: u32| AddRequest {
        text: format!(
            "Title: Officials meet on logistics\nSource: Test Wire\nDate: 1 December 2026\n\n\
             Vientiane, 1 December 2026 – Defence officials met on logistics, round {n}.\n"
        ),
        name: Some("meeting.txt".into()),
        ..AddRequest::default()
    };
    let (one, two) = (text(1), text(2));
    let (x, y) = tokio::join!(
        add_stored(&store_a, a.corpus(), &one, "test"),
        add_stored(&store_b, b.corpus(), &two, "test"),
    );
    let (x, y) = (x.unwrap(), y.unwrap());
    let mut ids = [x.statement_id, y.statement_id];
    ids.sort();
    assert_eq!(
        ids,
        [
            "officials-meet-on-logistics",
            "officials-meet-on-logistics-2"
        ]
    );
    assert_eq!(rows(&url).await, 3);
}
