//! Hot reload: a valid corpus change swaps in a new index; a broken one is refused and nothing changes.

use agenda_bot::reload::{self, ReloadEvent};
use agenda_core::index::{self, AgendaIndex};
use agenda_core::query::{self, Scope};
use agenda_test_support::common::copy_dir;
use std::path::Path;
use std::time::Duration;

const NEW_MECHANISM: &str = "\n[[mechanism]]\nid = \"adsom\"\nacronym = \"ADSOM\"\nname = \"ASEAN Defence Senior Officials' Meeting\"\ncites = [\"cyber-centre#1\"]\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watcher_swaps_valid_changes_and_refuses_broken_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let idx_dir = tmp.path().join("index");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus"),
        &corpus,
    );
    index::ensure_built(&corpus, &idx_dir).unwrap();

    let (events_tx, mut events) = tokio::sync::mpsc::unbounded_channel();
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let watcher = tokio::spawn(reload::watch(
        corpus.clone(),
        idx_dir.clone(),
        Duration::from_millis(150),
        stop_rx,
        move |e| {
            let _ = events_tx.send(e);
        },
    ));
    tokio::time::sleep(Duration::from_millis(200)).await;

    let facts = corpus.join("facts/facts.toml");
    let mut text = std::fs::read_to_string(&facts).unwrap();
    text.push_str(NEW_MECHANISM);
    std::fs::write(&facts, &text).unwrap();
    let event = tokio::time::timeout(Duration::from_secs(15), events.recv())
        .await
        .unwrap()
        .unwrap();
    let ReloadEvent::Swapped(new) = event else {
        panic!("expected a swap, got {event:?}")
    };
    let a = query::answer(&new, Scope::Mechanism, "ADSOM").unwrap();
    assert_eq!(a.results[0].id(), "adsom");
    let good = index::current_generation(&idx_dir).unwrap();

    std::fs::write(
        &facts,
        text.replace(
            "cites = [\"cyber-centre#1\"]\n",
            "cites = [\"cyber-centre#7\"]\n",
        ),
    )
    .unwrap();
    let event = tokio::time::timeout(Duration::from_secs(15), events.recv())
        .await
        .unwrap()
        .unwrap();
    let ReloadEvent::Refused(errors) = event else {
        panic!("expected a refusal, got {event:?}")
    };
    assert!(errors.to_string().contains("facts.toml:"), "{errors}");
    assert_eq!(
        index::current_generation(&idx_dir).unwrap(),
        good,
        "the index in service is unchanged"
    );
    let still = AgendaIndex::open(&idx_dir).unwrap();
    assert_eq!(
        query::answer(&still, Scope::Mechanism, "ADSOM")
            .unwrap()
            .results[0]
            .id(),
        "adsom"
    );

    stop_tx.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(5), watcher)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
}

/// The bot's watcher and `/reindex` (or two reloads) may rebuild at the same moment: every rebuild
/// then succeeds or finds the index up to date, and `CURRENT` always names a generation that is
/// there and opens.
#[test]
fn concurrent_rebuilds_never_break_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let idx_dir = tmp.path().join("index");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus"),
        &corpus,
    );
    index::ensure_built(&corpus, &idx_dir).unwrap();
    let facts = corpus.join("facts/facts.toml");
    let original = std::fs::read_to_string(&facts).unwrap();
    for round in 0..8 {
        // A change, then several rebuilders racing for it.
        let mut text = original.clone();
        text.push_str(&NEW_MECHANISM.replace("adsom", &format!("adsom{round}")));
        std::fs::write(&facts, &text).unwrap();
        let results: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| s.spawn(|| reload::rebuild(&corpus, &idx_dir).map(|r| r.is_some())))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for r in &results {
            assert!(
                r.is_ok(),
                "round {round}: a concurrent rebuild failed: {results:?}"
            );
        }
        let current = index::current_generation(&idx_dir).unwrap().unwrap();
        assert!(
            current.is_dir(),
            "round {round}: CURRENT names a missing {current:?}"
        );
        let idx = AgendaIndex::open(&idx_dir).unwrap();
        let a = query::answer(&idx, Scope::Mechanism, &format!("adsom{round}")).unwrap();
        assert_eq!(a.results[0].id(), format!("adsom{round}"), "round {round}");
    }
}
