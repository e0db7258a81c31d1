//! Feedback shared by replicas (`[store] url`): what one replica records, another reads, and
//! `agenda-bot report` lists from the database; a row it cannot read is named and skipped.

use agenda_bot::config::Config;
use agenda_bot::feedback::{report, FeedbackStore, Kind, Record};
use agenda_test_support::common::CliSetup;
use agenda_test_support::postgres::Postgres;

fn config(url: &str) -> Config {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "corpus_dir = \"corpus\"\nindex_dir = \"index\"\n[feedback]\nenabled = true\n[store]\nurl = \"{url}\"\n"
    );
    std::fs::write(dir.path().join("config.toml"), text).unwrap();
    Config::load(&dir.path().join("config.toml")).unwrap()
}

fn record(day: u32, kind: Kind, question: &str, answer: Option<u64>) -> Record {
    Record {
        at: format!("2026-12-{day:02}T10:00:00Z").parse().unwrap(),
        kind,
        command: "ask".into(),
        question: question.into(),
        answer,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replicas_share_their_feedback_and_the_report_reads_it() {
    let pg = Postgres::start();
    let url = pg.database("feedback").await;
    let a = FeedbackStore::for_config(&config(&url)).unwrap();
    let b = FeedbackStore::for_config(&config(&url)).unwrap();
    assert!(matches!(a, FeedbackStore::Postgres(_)));
    let (x, y) = tokio::join!(
        a.append(record(
            1,
            Kind::NothingFound,
            "Who hosts the next ANCM?",
            None
        )),
        b.append(record(
            2,
            Kind::NothingFound,
            "who hosts the next ANCM",
            None
        )),
    );
    x.unwrap();
    y.unwrap();
    a.append(record(3, Kind::Down, "ADMM theme", Some(9)))
        .await
        .unwrap();
    b.append(record(3, Kind::Down, "ADMM theme", Some(9)))
        .await
        .unwrap();
    let read = b.read().await.unwrap();
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    assert_eq!(read.records.len(), 4);
    let r = report(&read.records, None);
    let rows: Vec<(Kind, usize)> = r.rows.iter().map(|row| (row.kind, row.count)).collect();
    assert_eq!(rows, [(Kind::NothingFound, 2), (Kind::Down, 1)]);

    // A row another tool wrote badly is named, the rest still read.
    let client = agenda_test_support::postgres::connect(&url).await;
    client
        .execute(
            "INSERT INTO agenda_feedback (at_ms, kind, command, question) VALUES (0, 'sideways', 'ask', 'x')",
            &[],
        )
        .await
        .unwrap();
    let read = a.read().await.unwrap();
    assert_eq!(read.records.len(), 4);
    assert_eq!(read.skipped.len(), 1, "{:?}", read.skipped);

    // The CLI's report, from the database.
    let cli = CliSetup::new(None);
    cli.append_config(&format!(
        "[feedback]\nenabled = true\n[store]\nurl = \"{url}\"\n"
    ));
    let out = tokio::task::spawn_blocking(move || cli.run(&["report"]))
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("Feedback: 2 question(s) found nothing, 1 answer(s) got 👎, 0 got 👍."),
        "{text}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("agenda_feedback id 5"));
}
