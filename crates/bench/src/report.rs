//! The report: the per-size table, the targets and the Markdown document.

use crate::results::*;
use crate::run::percentile;
use agenda_bench::queries::CLASSES;
use agenda_bench::size_label;

pub(crate) fn ms(us: f64) -> String {
    if us.is_nan() {
        "—".into()
    } else if us >= 100_000.0 {
        format!("{:.0} ms", us / 1e3)
    } else if us >= 1_000.0 {
        format!("{:.1} ms", us / 1e3)
    } else {
        format!("{:.3} ms", us / 1e3)
    }
}

pub(crate) fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

pub(crate) fn ratio(ours: f64, other: f64) -> String {
    if ours.is_nan() || other.is_nan() || other <= 0.0 {
        "—".into()
    } else if ours / other < 0.01 {
        format!("{:.5}", ours / other)
    } else {
        format!("{:.2}", ours / other)
    }
}

impl SizeResult {
    pub(crate) fn search(&self, engine: &str, class: Option<&str>) -> Vec<f64> {
        let Some(s) = self.serve.get(engine) else {
            return Vec::new();
        };
        s.classes
            .iter()
            .filter(|(c, _)| class.is_none_or(|k| k == c.as_str()))
            .flat_map(|(_, r)| r.search_us.iter().copied())
            .collect()
    }

    /// The search times of the first `n` queries of each class (of `class` alone if given): ours
    /// on the queries the scan answered, for a ratio over the same queries.
    fn search_first(&self, engine: &str, class: Option<&str>, n: usize) -> Vec<f64> {
        let Some(s) = self.serve.get(engine) else {
            return Vec::new();
        };
        s.classes
            .iter()
            .filter(|(c, _)| class.is_none_or(|k| k == c.as_str()))
            .flat_map(|(_, r)| r.search_us.iter().take(n).copied())
            .collect()
    }

    /// Labelled queries and those with the right paragraph in the top 5 (all classes if `None`).
    pub(crate) fn relevance(&self, engine: &str, class: Option<&str>) -> (usize, usize) {
        let Some(s) = self.serve.get(engine) else {
            return (0, 0);
        };
        s.classes
            .iter()
            .filter(|(c, _)| class.is_none_or(|k| k == c.as_str()))
            .fold((0, 0), |(l, r), (_, c)| {
                (l + c.labelled, r + c.right_in_top5)
            })
    }

    fn relevance_cell(&self, engine: &str, class: Option<&str>) -> String {
        match self.relevance(engine, class) {
            (0, _) => "—".into(),
            (labelled, right) => format!(
                "{right}/{labelled} ({:.0} %)",
                100.0 * right as f64 / labelled as f64
            ),
        }
    }

    pub(crate) fn handler(&self, class: Option<&str>) -> Vec<f64> {
        let Some(s) = self.serve.get("ours") else {
            return Vec::new();
        };
        s.classes
            .iter()
            .filter(|(c, _)| class.is_none_or(|k| k == c.as_str()))
            .flat_map(|(_, r)| r.handler_us.iter().copied())
            .collect()
    }

    fn found(&self, engine: &str, class: &str) -> String {
        self.serve
            .get(engine)
            .and_then(|s| s.classes.get(class))
            .map_or("—".into(), |r| {
                format!("{}/{}", r.found, r.search_us.len())
            })
    }
}

/// The per-size table's header: the ours ÷ scan ratio says which queries it compares.
pub(crate) fn table_header(r: &SizeResult) -> String {
    format!(
        "| metric | ours | FTS5 | scan | ours / FTS5 | ours / scan (latency: the first {} per class, both) |\n",
        r.scan_queries_per_class
    )
}

pub(crate) fn size_table(r: &SizeResult) -> String {
    let mut t = String::new();
    let mut row = |metric: &str, vals: [String; 3], r1: String, r2: String| {
        t.push_str(&format!(
            "| {metric} | {} | {} | {} | {r1} | {r2} |\n",
            vals[0], vals[1], vals[2]
        ));
    };
    let b = |e: &str| r.build.get(e).cloned().unwrap_or_default();
    let build = |e: &str| {
        let b = b(e);
        format!("{:.2} s ({:.0} docs/s)", b.secs, b.docs as f64 / b.secs)
    };
    row(
        "index build",
        [build("ours"), build("fts5"), build("scan")],
        ratio(b("ours").secs, b("fts5").secs),
        ratio(b("ours").secs, b("scan").secs),
    );
    row(
        "build peak RSS (corpus loaded: ours/FTS5/scan)",
        [
            format!(
                "{} ({})",
                mb(b("ours").peak_rss_kb),
                mb(b("ours").base_rss_kb)
            ),
            format!(
                "{} ({})",
                mb(b("fts5").peak_rss_kb),
                mb(b("fts5").base_rss_kb)
            ),
            format!(
                "{} ({})",
                mb(b("scan").peak_rss_kb),
                mb(b("scan").base_rss_kb)
            ),
        ],
        ratio(b("ours").peak_rss_kb as f64, b("fts5").peak_rss_kb as f64),
        ratio(b("ours").peak_rss_kb as f64, b("scan").peak_rss_kb as f64),
    );
    row(
        "index size on disk",
        [
            format!("{:.1} MB", b("ours").index_bytes as f64 / 1e6),
            format!("{:.1} MB", b("fts5").index_bytes as f64 / 1e6),
            "— (in memory)".into(),
        ],
        ratio(b("ours").index_bytes as f64, b("fts5").index_bytes as f64),
        "—".into(),
    );
    let classes: Vec<Option<&str>> = CLASSES
        .iter()
        .map(|c| Some(*c))
        .chain(std::iter::once(None))
        .collect();
    for (p, name) in [(50.0, "p50"), (99.0, "p99")] {
        for class in &classes {
            let v = |e: &str| percentile(&r.search(e, *class), p);
            // ours ÷ scan over the queries the scan answered (the first N of each class).
            let ours_on_scan_queries =
                percentile(&r.search_first("ours", *class, r.scan_queries_per_class), p);
            row(
                &format!("search+snippets {name}, {}", class.unwrap_or("all")),
                [ms(v("ours")), ms(v("fts5")), ms(v("scan"))],
                ratio(v("ours"), v("fts5")),
                ratio(ours_on_scan_queries, v("scan")),
            );
        }
    }
    for class in CLASSES {
        row(
            &format!("queries with results, {class}"),
            [
                r.found("ours", class),
                r.found("fts5", class),
                r.found("scan", class),
            ],
            "—".into(),
            "—".into(),
        );
    }
    // Results written before relevance was counted have no labelled queries: no rows.
    let labelled = ["ours", "fts5", "scan"]
        .iter()
        .any(|e| r.relevance(e, None).0 > 0);
    for class in classes.iter().filter(|_| labelled) {
        row(
            &format!(
                "right paragraph in top 5 (recall@5), {}",
                class.unwrap_or("all")
            ),
            [
                r.relevance_cell("ours", *class),
                r.relevance_cell("fts5", *class),
                r.relevance_cell("scan", *class),
            ],
            "—".into(),
            "—".into(),
        );
    }
    for (p, name) in [(50.0, "p50"), (99.0, "p99")] {
        for class in &classes {
            row(
                &format!("full handler {name}, {}", class.unwrap_or("all")),
                [
                    ms(percentile(&r.handler(*class), p)),
                    "—".into(),
                    "—".into(),
                ],
                "—".into(),
                "—".into(),
            );
        }
    }
    let cold = |e: &str| r.cold.get(e).cloned().unwrap_or_default();
    let cold_cell = |c: &ColdSummary, f: &dyn Fn(&ColdSummary) -> &ColdResult| {
        format!("{:.1} ms (open {:.1} ms)", f(c).total_ms, f(c).open_ms)
    };
    row(
        "cold start, files evicted: open + first answer",
        [
            cold_cell(&cold("ours"), &|c| &c.evicted),
            cold_cell(&cold("fts5"), &|c| &c.evicted),
            "—".into(),
        ],
        ratio(cold("ours").evicted.total_ms, cold("fts5").evicted.total_ms),
        "—".into(),
    );
    row(
        "cold start, files in page cache",
        [
            cold_cell(&cold("ours"), &|c| &c.warm),
            cold_cell(&cold("fts5"), &|c| &c.warm),
            "—".into(),
        ],
        ratio(cold("ours").warm.total_ms, cold("fts5").warm.total_ms),
        "—".into(),
    );
    row(
        "cold start incl. process spawn (evicted)",
        [
            format!("{:.1} ms", cold("ours").spawn_ms),
            format!("{:.1} ms", cold("fts5").spawn_ms),
            "—".into(),
        ],
        ratio(cold("ours").spawn_ms, cold("fts5").spawn_ms),
        "—".into(),
    );
    let s = |e: &str| r.serve.get(e).cloned().unwrap_or_default();
    row(
        "RssAnon while serving",
        [
            mb(s("ours").rss_anon_kb),
            mb(s("fts5").rss_anon_kb),
            mb(s("scan").rss_anon_kb),
        ],
        ratio(s("ours").rss_anon_kb as f64, s("fts5").rss_anon_kb as f64),
        ratio(s("ours").rss_anon_kb as f64, s("scan").rss_anon_kb as f64),
    );
    row(
        "RssFile while serving",
        [
            mb(s("ours").rss_file_kb),
            mb(s("fts5").rss_file_kb),
            mb(s("scan").rss_file_kb),
        ],
        ratio(s("ours").rss_file_kb as f64, s("fts5").rss_file_kb as f64),
        ratio(s("ours").rss_file_kb as f64, s("scan").rss_file_kb as f64),
    );
    t
}

pub(crate) struct Target {
    pub(crate) name: String,
    pub(crate) measured: String,
    pub(crate) pass: Option<bool>,
}

pub(crate) fn targets(report: &Report) -> Vec<Target> {
    let at = |n: usize| report.sizes.iter().find(|s| s.paragraphs == n);
    let mut out = Vec::new();
    let mut push = |name: String, v: Option<(String, bool)>| {
        out.push(match v {
            Some((measured, pass)) => Target {
                name,
                measured,
                pass: Some(pass),
            },
            None => Target {
                name,
                measured: "not measured".into(),
                pass: None,
            },
        })
    };
    for n in [100_000, 1_000_000] {
        push(
            format!("build ≥ 2.5× faster than FTS5 at {}", size_label(n)),
            at(n).map(|s| {
                let x = s.build["fts5"].secs / s.build["ours"].secs;
                (format!("{x:.2}× faster"), x >= 2.5)
            }),
        );
    }
    push(
        "search+snippets p50 ≤ 0.3× FTS5 at 1M".into(),
        at(1_000_000).map(|s| {
            let x = percentile(&s.search("ours", None), 50.0)
                / percentile(&s.search("fts5", None), 50.0);
            (format!("{x:.3}×"), x <= 0.3)
        }),
    );
    push(
        "search+snippets p50 ≥ 300× faster than the scan at 1M".into(),
        at(1_000_000).map(|s| {
            let x = percentile(&s.search("scan", None), 50.0)
                / percentile(
                    &s.search_first("ours", None, s.scan_queries_per_class),
                    50.0,
                );
            (format!("{x:.0}× faster"), x >= 300.0)
        }),
    );
    for s in &report.sizes {
        let x =
            percentile(&s.search("ours", None), 99.0) / percentile(&s.search("fts5", None), 99.0);
        push(
            format!(
                "search+snippets p99 ≤ 0.5× FTS5 at {}",
                size_label(s.paragraphs)
            ),
            Some((format!("{x:.3}×"), x <= 0.5)),
        );
    }
    for (n, limit) in [(10_000, 5.0), (1_000_000, 100.0)] {
        push(
            format!("full handler p99 ≤ {limit} ms at {}", size_label(n)),
            at(n).map(|s| {
                let p = percentile(&s.handler(None), 99.0) / 1e3;
                (format!("{p:.2} ms"), p <= limit)
            }),
        );
    }
    push(
        "RssAnon ≤ 100 MB while serving 1M".into(),
        at(1_000_000).map(|s| {
            let kb = s.serve["ours"].rss_anon_kb;
            (mb(kb), (kb as f64) / 1024.0 <= 100.0)
        }),
    );
    push(
        "cold start (open + first answer) ≤ 150 ms at 1M".into(),
        at(1_000_000).map(|s| {
            let c = &s.cold["ours"];
            (
                format!(
                    "{:.1} ms evicted, {:.1} ms page-cached",
                    c.evicted.total_ms, c.warm.total_ms
                ),
                c.evicted.total_ms <= 150.0,
            )
        }),
    );
    push(
        "add + rebuild of a 20-paragraph statement < 1 s".into(),
        report.add.as_ref().map(|a| {
            (
                format!(
                    "{:.0} ms (add {:.0} ms, rebuild {:.0} ms)",
                    a.total_ms, a.add_ms, a.rebuild_ms
                ),
                a.total_ms < 1_000.0,
            )
        }),
    );
    out.extend(crate::serving_report::targets(report));
    out
}

/// The "Adding a statement" section (empty for results measured before it existed).
pub(crate) fn add_section(report: &Report) -> String {
    let Some(a) = &report.add else {
        return String::new();
    };
    format!(
        "## Adding a statement\n\n\
         `agenda_bot::add::add` of a generated {}-paragraph statement in the pasted form (title \
         line, dateline, paragraphs, a `- ` list, an initiatives table; `crates/bench/src/add_statement.rs`) \
         to a copy of the shipped corpus ({} statements), then the rebuild the CLI runs after it \
         (`index::ensure_built` + `AgendaIndex::open`). Wall times, median of {} runs, each adding \
         one more distinct statement.\n\n\
         | step | median |\n|---|---:|\n\
         | add (ingest, extract, validate, write) | {:.0} ms |\n\
         | index rebuild | {:.0} ms |\n\
         | total | {:.0} ms |\n\n",
        a.paragraphs, a.statements_before, a.runs, a.add_ms, a.rebuild_ms, a.total_ms
    )
}

pub(crate) fn markdown(report: &Report, before: Option<&Report>, notes: Option<&str>) -> String {
    let m = &report.machine;
    let mut md = String::new();
    md.push_str("# Benchmarks\n\n");
    md.push_str(&format!(
        "Produced by `{}` on {} ({} build).\n\n",
        report.command, report.date, m.profile
    ));
    md.push_str(&format!(
        "Machine: {} — {} cores (available parallelism), {:.1} GiB memory, Linux {}. \
         The machine is shared: other jobs may have run at the same time.\n\n",
        m.cpu, m.cores, m.memory_gib, m.kernel
    ));
    md.push_str(
        "Engines, on the same generated corpus (statements + facts, see `crates/bench/src/gen/`) and \
         the same queries:\n\n\
         * **ours**: the tantivy index (`index::build_generation`, opened with \
         `AgendaIndex::open`). *search+snippets* is `query::passages` (analysis, fuzzy \
         expansion, phrase and acronym clauses, top 5 paragraphs with snippets); the *full \
         handler* is `command::parse_line` → `query::answer` → `render::embed::answer` (aliases, \
         facts, coverage floor, citations, Discord reply value).\n\
         * **FTS5**: SQLite (bundled, rusqlite 0.41.1) FTS5 table with the `porter unicode61` \
         tokenizer, bulk-inserted in one transaction (journal off, synchronous off, default \
         automerge, no `optimize`), ranked `ORDER BY rank` (bm25), `snippet()` on the body. Words \
         are OR-ed (the same ranked-disjunction semantics as ours), a quoted phrase is an FTS5 \
         phrase, a hyphenated handle (`AMIM-21`) a phrase of its parts. FTS5 has no typo \
         tolerance, hence fewer results for typo queries.\n\
         * **scan**: every paragraph and fact text in memory with an ASCII-lowercased copy; each \
         query checks every document for each word (or the quoted phrase) with `str::contains`, \
         keeps the 5 documents with the most words, and cuts a snippet around the first match.\n\n\
         Method: every build, query run and cold start runs in a child process of the bench \
         binary. *Build* times the index build from the already-loaded corpus (parsing the files \
         is not counted for any engine); *peak RSS* is `VmHWM` of the build child, reset with \
         `/proc/self/clear_refs` after the corpus was loaded (the loaded corpus is included; the \
         figure in parentheses is the RSS before the build). Latencies are per query after 5 \
         warm-up queries per class, with the page cache warm. The scan answers fewer queries per \
         class at the larger sizes (the first N of the same set); the ours ÷ scan latency ratios \
         compare ours on those same N queries per class (ours' own column is over all of them). \
         *Recall@5* counts, among the plain, phrase and typo queries, those whose right \
         paragraph (the one the generator drew the query from, `queries::Labels`) is among the \
         engine's top 5 results (for FTS5 facts compete for the 5 places too; acronym queries \
         name a fact and have no paragraph label). *Cold start* is timed inside a \
         fresh child from the start of its `main` to the first rendered answer, median of the \
         runs; *evicted* means the index files were dropped from the page cache first \
         (`posix_fadvise(DONTNEED)`). RssAnon/RssFile are read from `/proc/self/status` of the \
         serving child after all its queries. Ratios are ours ÷ other on times and sizes: below \
         1 means ours is faster or smaller.\n\n",
    );
    for s in &report.sizes {
        md.push_str(&format!(
            "## {} paragraphs\n\n{} statements, {} facts, {} documents, {:.0} MB of corpus files; \
             {} queries per class ({} for the scan).\n\n",
            size_label(s.paragraphs),
            s.statements,
            s.facts,
            s.build.get("ours").map_or(0, |b| b.docs),
            s.corpus_bytes as f64 / 1e6,
            s.queries_per_class,
            s.scan_queries_per_class,
        ));
        md.push_str(&table_header(s));
        md.push_str("|---|---:|---:|---:|---:|---:|\n");
        md.push_str(&size_table(s));
        md.push('\n');
    }
    md.push_str(&add_section(report));
    md.push_str(&crate::serving_report::section(report));
    md.push_str("## Targets\n\n| target | measured | result |\n|---|---|---|\n");
    for t in targets(report) {
        let result = match t.pass {
            Some(true) => "PASS",
            Some(false) => "MISS",
            None => "—",
        };
        md.push_str(&format!("| {} | {} | {result} |\n", t.name, t.measured));
    }
    md.push('\n');
    if let Some(b) = before {
        md.push_str(&format!(
            "## Before the engine changes\n\nThe same command on {}, before the changes described \
             below (ours only; same corpus, queries and machine).\n\n",
            b.date
        ));
        md.push_str(
            "| size | metric | before | after | after / before |\n|---|---|---:|---:|---:|\n",
        );
        for s in &report.sizes {
            let Some(old) = b.sizes.iter().find(|o| o.paragraphs == s.paragraphs) else {
                continue;
            };
            let label = size_label(s.paragraphs);
            let mut line = |metric: &str, o: f64, n: f64, fmt: &dyn Fn(f64) -> String| {
                md.push_str(&format!(
                    "| {label} | {metric} | {} | {} | {} |\n",
                    fmt(o),
                    fmt(n),
                    ratio(n, o)
                ));
            };
            let secs = |x: f64| format!("{x:.2} s");
            let lat = |x: f64| ms(x);
            let msf = |x: f64| format!("{x:.1} ms");
            let mbf = |x: f64| mb(x as u64);
            line(
                "index build",
                old.build["ours"].secs,
                s.build["ours"].secs,
                &secs,
            );
            for (p, name) in [(50.0, "p50"), (99.0, "p99")] {
                line(
                    &format!("search+snippets {name}"),
                    percentile(&old.search("ours", None), p),
                    percentile(&s.search("ours", None), p),
                    &lat,
                );
                line(
                    &format!("full handler {name}"),
                    percentile(&old.handler(None), p),
                    percentile(&s.handler(None), p),
                    &lat,
                );
            }
            for class in CLASSES {
                line(
                    &format!("search+snippets p99, {class}"),
                    percentile(&old.search("ours", Some(class)), 99.0),
                    percentile(&s.search("ours", Some(class)), 99.0),
                    &lat,
                );
                line(
                    &format!("full handler p99, {class}"),
                    percentile(&old.handler(Some(class)), 99.0),
                    percentile(&s.handler(Some(class)), 99.0),
                    &lat,
                );
            }
            line(
                "cold start (evicted)",
                old.cold["ours"].evicted.total_ms,
                s.cold["ours"].evicted.total_ms,
                &msf,
            );
            line(
                "RssAnon while serving",
                old.serve["ours"].rss_anon_kb as f64,
                s.serve["ours"].rss_anon_kb as f64,
                &mbf,
            );
        }
        md.push('\n');
    }
    if let Some(n) = notes {
        md.push_str(n.trim_end());
        md.push('\n');
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Per class: `fast` queries of 100 µs, then `slow` of 10 ms.
    fn serve(fast: usize, slow: usize) -> ServeResult {
        let mut classes = BTreeMap::new();
        for class in CLASSES {
            let mut search_us = vec![100.0; fast];
            search_us.extend(std::iter::repeat_n(10_000.0, slow));
            classes.insert(
                class.to_string(),
                ClassResult {
                    found: search_us.len(),
                    search_us,
                    ..ClassResult::default()
                },
            );
        }
        ServeResult {
            classes,
            ..ServeResult::default()
        }
    }

    fn cells<'a>(table: &'a str, metric: &str) -> Vec<&'a str> {
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("| {metric} |")))
            .unwrap_or_else(|| panic!("no row {metric:?} in\n{table}"));
        line.trim_matches('|').split(" | ").map(str::trim).collect()
    }

    /// The scan answered the first 2 queries per class (1 ms each); ours answered them in
    /// 0.1 ms and 8 more in 10 ms. The ours ÷ scan ratio is over the same 2 queries (0.10), not
    /// ours' median over all 10 (10 ms, which would give 10).
    #[test]
    fn ours_over_scan_compares_the_same_queries() {
        let mut scan = serve(0, 0);
        for c in scan.classes.values_mut() {
            c.search_us = vec![1_000.0, 1_000.0];
        }
        let r = SizeResult {
            paragraphs: 1_000_000,
            queries_per_class: 10,
            scan_queries_per_class: 2,
            serve: BTreeMap::from([
                ("ours".into(), serve(2, 8)),
                ("fts5".into(), serve(10, 0)),
                ("scan".into(), scan),
            ]),
            build: ["ours", "fts5"]
                .map(|e| (e.into(), BuildResult::default()))
                .into(),
            cold: BTreeMap::from([("ours".into(), ColdSummary::default())]),
            ..SizeResult::default()
        };
        let table = size_table(&r);
        for metric in ["search+snippets p50, all", "search+snippets p50, plain"] {
            let row = cells(&table, metric);
            assert_eq!(
                row[1], "10.0 ms",
                "ours' own column is over all its queries"
            );
            assert_eq!(row[5], "0.10", "{metric}");
        }
        assert!(table_header(&r).contains("the first 2 per class"));
        let report = Report {
            sizes: vec![r],
            ..Report::default()
        };
        let t = targets(&report);
        let scan_target = t.iter().find(|t| t.name.contains("the scan")).unwrap();
        assert_eq!(scan_target.measured, "10× faster");
    }

    #[test]
    fn recall_at_5_cells_count_labelled_queries_only() {
        let mut ours = serve(3, 0);
        let c = ours.classes.get_mut("plain").unwrap();
        (c.labelled, c.right_in_top5) = (4, 3);
        let c = ours.classes.get_mut("typo").unwrap();
        (c.labelled, c.right_in_top5) = (4, 1);
        let r = SizeResult {
            serve: BTreeMap::from([("ours".into(), ours)]),
            ..SizeResult::default()
        };
        let table = size_table(&r);
        assert_eq!(
            cells(&table, "right paragraph in top 5 (recall@5), plain")[1],
            "3/4 (75 %)"
        );
        assert_eq!(
            cells(&table, "right paragraph in top 5 (recall@5), all")[1],
            "4/8 (50 %)"
        );
        assert_eq!(
            cells(&table, "right paragraph in top 5 (recall@5), acronym")[1],
            "—"
        );
    }
}
