//! A rebuild killed with SIGKILL half way leaves an index that the next start opens and answers from.

use agenda_core::index::{self, AgendaIndex};
use agenda_core::query::{self, Scope};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Adds enough statements that a build takes a noticeable while.
fn grow_corpus(corpus: &Path, statements: usize, paragraphs: usize) {
    let words = [
        "maritime",
        "patrol",
        "intelligence",
        "exercise",
        "border",
        "cyber",
        "training",
        "dialogue",
        "readiness",
        "cooperation",
    ];
    for s in 0..statements {
        let mut text = format!("+++\nid = \"bulk-{s}\"\ntitle = \"Bulk statement {s}\"\nsource = \"Generator\"\npublished = \"2025-01-01\"\n+++\n");
        for p in 0..paragraphs {
            text.push('\n');
            for w in 0..40 {
                let _ = write!(text, "{} ", words[(s * 7 + p * 3 + w) % words.len()]);
            }
            let _ = writeln!(text, "item{s}x{p}.");
        }
        std::fs::write(corpus.join(format!("statements/bulk-{s}.md")), text).unwrap();
    }
}

#[test]
fn sigkill_mid_build_leaves_the_old_index_in_service() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let idx_dir = tmp.path().join("index");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    for sub in ["statements", "facts"] {
        std::fs::create_dir_all(corpus.join(sub)).unwrap();
        for e in std::fs::read_dir(src.join(sub)).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), corpus.join(sub).join(e.file_name())).unwrap();
        }
    }
    index::ensure_built(&corpus, &idx_dir).unwrap();
    let good = index::current_generation(&idx_dir).unwrap().unwrap();

    grow_corpus(&corpus, 40, 1000);
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "corpus_dir = \"corpus\"\nindex_dir = \"index\"\n").unwrap();
    let mut killed_mid_build = false;
    // Kill as soon as the build directory appears; retry with a later kill if it was too fast.
    for delay_ms in [0u64, 50, 200] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_agenda-bot"))
            .arg("--config")
            .arg(&config)
            .arg("index")
            .spawn()
            .unwrap();
        let started = Instant::now();
        let building = loop {
            let found = std::fs::read_dir(&idx_dir)
                .unwrap()
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with(".building-"));
            if found || started.elapsed() > Duration::from_secs(30) {
                break found;
            }
            if child.try_wait().unwrap().is_some() {
                break false;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        std::thread::sleep(Duration::from_millis(delay_ms));
        let still_running = child.try_wait().unwrap().is_none();
        child.kill().unwrap_or(()); // SIGKILL
        child.wait().unwrap();
        if building
            && still_running
            && index::current_generation(&idx_dir).unwrap().unwrap() == good
        {
            killed_mid_build = true;
            break;
        }
    }
    assert!(
        killed_mid_build,
        "the build finished before it could be killed"
    );

    // The next start opens the last good generation and answers from it.
    let opened = AgendaIndex::open(&idx_dir).unwrap();
    assert_eq!(opened.manifest.statements, 2);
    let a = query::answer(&opened, Scope::Initiative, "maritime hotline").unwrap();
    assert_eq!(a.results[0].id(), "mdch");

    // And a fresh build completes and is swapped in.
    index::ensure_built(&corpus, &idx_dir).unwrap();
    let rebuilt = AgendaIndex::open(&idx_dir).unwrap();
    assert_eq!(rebuilt.manifest.statements, 42);
}
