//! The child processes: one engine's build, its query run, or one cold start, measured in a
//! process of its own.

use crate::cli::Engine;
use crate::fts5;
use crate::probe::{dir_bytes, reset_peak_rss, status_kb};
use crate::results::*;
use crate::TOP_K;
use agenda_bench::queries::{QuerySet, CLASSES};
use agenda_bench::scan::Scan;
use agenda_core::command::{self, Command};
use agenda_core::corpus::Corpus;
use agenda_core::index::{self, AgendaIndex};
use agenda_core::query;
use agenda_core::render;
use anyhow::{bail, Result};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

pub(crate) fn ours_handler(idx: &AgendaIndex, q: &str) -> Result<render::embed::Reply> {
    match command::parse_line(&format!("/ask {q}")) {
        Command::Query { scope, text } => {
            let answer = query::answer(idx, scope, &text)?;
            Ok(render::embed::answer(&answer))
        }
        _ => bail!("not a query: {q}"),
    }
}

pub(crate) fn build(engine: Engine, corpus_dir: &Path, index: &Path) -> Result<BuildResult> {
    let corpus = Corpus::load(corpus_dir)?;
    let base_rss_kb = status_kb("VmRSS");
    reset_peak_rss();
    let started = Instant::now();
    let docs;
    let mut keep = None;
    match engine {
        Engine::Ours => {
            if index.exists() {
                std::fs::remove_dir_all(index)?;
            }
            index::build_generation(&corpus, index, "agenda-bench".into())?;
            docs = corpus
                .statements
                .iter()
                .map(|s| s.paragraphs.len())
                .sum::<usize>()
                + corpus.facts.len();
        }
        Engine::Fts5 => docs = fts5::build(&corpus, index)?,
        Engine::Scan => {
            let scan = Scan::build(&corpus);
            docs = scan.len();
            keep = Some(scan);
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let peak_rss_kb = status_kb("VmHWM");
    black_box(&keep);
    Ok(BuildResult {
        docs,
        secs,
        peak_rss_kb,
        base_rss_kb,
        index_bytes: if engine == Engine::Scan {
            0
        } else {
            dir_bytes(index)
        },
    })
}

pub(crate) fn time_us(f: impl FnOnce() -> Result<usize>) -> Result<(f64, usize)> {
    let t = Instant::now();
    let n = f()?;
    Ok((t.elapsed().as_secs_f64() * 1e6, n))
}

pub(crate) fn serve(
    engine: Engine,
    corpus_dir: &Path,
    index: &Path,
    queries: &Path,
) -> Result<ServeResult> {
    let set: QuerySet = serde_json::from_slice(&std::fs::read(queries)?)?;
    let mut out = ServeResult::default();
    enum Open {
        Ours(Box<AgendaIndex>),
        Fts5(rusqlite::Connection),
        Scan(Scan),
    }
    let open = match engine {
        Engine::Ours => Open::Ours(Box::new(AgendaIndex::open(index)?)),
        Engine::Fts5 => Open::Fts5(fts5::open(index, false)?),
        Engine::Scan => {
            let corpus = Corpus::load(corpus_dir)?;
            Open::Scan(Scan::build(&corpus))
        }
    };
    let search = |q: &str| -> Result<usize> {
        Ok(match &open {
            Open::Ours(idx) => black_box(query::passages(idx, q, TOP_K)?).len(),
            Open::Fts5(db) => black_box(fts5::search(db, q)?).len(),
            Open::Scan(scan) => black_box(scan.search(q, TOP_K)).len(),
        })
    };
    // Warm-up: a few queries of each class, not measured.
    for class in CLASSES {
        for q in set.class(class).iter().take(5) {
            search(q)?;
            if let Open::Ours(idx) = &open {
                black_box(ours_handler(idx, q)?);
            }
        }
    }
    for class in CLASSES {
        let mut r = ClassResult::default();
        for q in set.class(class) {
            let (us, n) = time_us(|| search(q))?;
            r.search_us.push(us);
            r.found += usize::from(n > 0);
        }
        if let Open::Ours(idx) = &open {
            for q in set.class(class) {
                let (us, _) = time_us(|| Ok(black_box(ours_handler(idx, q)?).embeds.len()))?;
                r.handler_us.push(us);
            }
        }
        out.classes.insert(class.to_string(), r);
    }
    out.rss_anon_kb = status_kb("RssAnon");
    out.rss_file_kb = status_kb("RssFile");
    black_box(&open);
    Ok(out)
}

pub(crate) fn cold(started: Instant, engine: Engine, index: &Path, q: &str) -> Result<ColdResult> {
    let (open_ms, n) = match engine {
        Engine::Ours => {
            let idx = AgendaIndex::open(index)?;
            let open_ms = started.elapsed().as_secs_f64() * 1e3;
            (open_ms, ours_handler(&idx, q)?.embeds.len())
        }
        Engine::Fts5 => {
            let db = fts5::open(index, false)?;
            let open_ms = started.elapsed().as_secs_f64() * 1e3;
            (open_ms, fts5::search(&db, q)?.len())
        }
        Engine::Scan => bail!("the scan has no index to open"),
    };
    black_box(n);
    Ok(ColdResult {
        open_ms,
        total_ms: started.elapsed().as_secs_f64() * 1e3,
    })
}
