//! The child processes: one engine's build, its query run, or one cold start, measured in a
//! process of its own.

use crate::cli::Engine;
use crate::probe::{dir_bytes, reset_peak_rss, status_kb};
use crate::results::*;
use crate::TOP_K;
use agenda_bench::fts5;
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

/// Runs `f` once: its wall time in microseconds and its value.
pub(crate) fn time_us<T, E>(f: impl FnOnce() -> Result<T, E>) -> Result<(f64, T), E> {
    let t = Instant::now();
    let v = black_box(f()?);
    Ok((t.elapsed().as_secs_f64() * 1e6, v))
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
    // One timed search: its time in microseconds and the ids of its results, best first (the
    // ids are collected outside the timed part).
    let search = |q: &str| -> Result<(f64, Vec<String>)> {
        Ok(match &open {
            Open::Ours(idx) => {
                let (us, hits) = time_us(|| query::passages(idx, q, TOP_K))?;
                (us, hits.iter().map(query::Citation::reference).collect())
            }
            Open::Fts5(db) => {
                let (us, hits) = time_us(|| fts5::search(db, q))?;
                (us, hits.into_iter().map(|(id, _)| id).collect())
            }
            Open::Scan(scan) => {
                let (us, hits) = time_us(|| anyhow::Ok(scan.search(q, TOP_K)))?;
                (us, hits.into_iter().map(|h| h.id).collect())
            }
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
        for (i, q) in set.class(class).iter().enumerate() {
            let (us, ids) = search(q)?;
            r.search_us.push(us);
            r.found += usize::from(!ids.is_empty());
            if let Some(label) = set.label(class, i) {
                r.labelled += 1;
                r.right_in_top5 += usize::from(ids.iter().any(|id| id == label));
            }
        }
        if let Open::Ours(idx) = &open {
            for q in set.class(class) {
                let (us, reply) = time_us(|| ours_handler(idx, q))?;
                black_box(reply);
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

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_bench::gen;

    /// A six-word run found in one paragraph only: its reference and the run.
    fn unique_run(corpus: &Corpus) -> (String, String) {
        let texts: Vec<(String, String)> = corpus
            .statements
            .iter()
            .flat_map(|s| {
                s.paragraphs
                    .iter()
                    .map(move |p| (format!("{}#{}", s.id, p.number), p.text.to_lowercase()))
            })
            .collect();
        for (reference, text) in &texts {
            let words: Vec<&str> = text.split_whitespace().collect();
            for run in words.windows(6) {
                if !run
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
                {
                    continue;
                }
                let run = run.join(" ");
                if texts.iter().filter(|(_, t)| t.contains(&run)).count() == 1 {
                    return (reference.clone(), run);
                }
            }
        }
        panic!("no unique six-word run in the corpus");
    }

    /// On a tiny labelled set, each engine counts the queries whose label is among its top 5:
    /// a unique phrase labelled with its own paragraph counts, the same phrase labelled with a
    /// paragraph that does not exist does not, and an unlabelled query is not counted at all.
    #[test]
    fn relevance_counts_the_right_paragraph_in_the_top_5() {
        let dir = tempfile::tempdir().unwrap();
        let corpus_dir = dir.path().join("corpus");
        gen::generate(&corpus_dir, 600, 4).unwrap();
        let corpus = Corpus::load(&corpus_dir).unwrap();
        let (right, run) = unique_run(&corpus);
        let phrase = format!("\"{run}\"");
        let set = QuerySet {
            phrase: vec![phrase.clone(), phrase],
            plain: vec![run],
            drawn_from: agenda_bench::queries::Labels {
                phrase: vec![right, "no-such-statement#1".into()],
                ..Default::default()
            },
            ..Default::default()
        };
        let queries = dir.path().join("queries.json");
        std::fs::write(&queries, serde_json::to_vec(&set).unwrap()).unwrap();
        for (engine, index) in [
            (Engine::Ours, "ours-index"),
            (Engine::Fts5, "fts5.db"),
            (Engine::Scan, "scan"),
        ] {
            let index = dir.path().join(index);
            build(engine, &corpus_dir, &index).unwrap();
            let served = serve(engine, &corpus_dir, &index, &queries).unwrap();
            let phrase = &served.classes["phrase"];
            assert_eq!(phrase.found, 2, "{engine:?}");
            assert_eq!(
                (phrase.labelled, phrase.right_in_top5),
                (2, 1),
                "{engine:?}"
            );
            let plain = &served.classes["plain"];
            assert_eq!((plain.labelled, plain.right_in_top5), (0, 0), "{engine:?}");
        }
    }
}
