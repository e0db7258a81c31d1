//! agenda-bench: index build and answer speed of our engine against SQLite FTS5 and a naive
//! substring scan, on synthetic corpora of 10k, 100k and 1M paragraphs.
//!
//!     cargo run --release -p agenda-bench -- --sizes 10k,100k,1m --out BENCHMARKS.md
//!     cargo run -p agenda-bench -- --sizes 10k --quick --out "$(mktemp)"
//!
//! Each build, each query run and each cold start happens in a child process of this binary
//! (`build-only`, `serve`, `cold`), so that peak and serving memory belong to one engine alone.

use agenda_bench::queries::{self, QuerySet, CLASSES};
use agenda_bench::scan::Scan;
use agenda_bench::{gen, parse_size, size_label};
use agenda_core::command::{self, Command};
use agenda_core::corpus::Corpus;
use agenda_core::index::{self, AgendaIndex};
use agenda_core::query;
use agenda_core::render;
use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

const SEED: u64 = 20_240_903;
/// Results per search.
const TOP_K: usize = 5;

#[derive(Parser)]
#[command(about = "Build and answer speed: our engine vs SQLite FTS5 vs a substring scan")]
struct Cli {
    #[command(subcommand)]
    child: Option<Child>,
    /// Corpus sizes in paragraphs, e.g. `10k,100k,1m`.
    #[arg(long, default_value = "10k,100k,1m")]
    sizes: String,
    /// The Markdown report to write.
    #[arg(long, default_value = "BENCHMARKS.md")]
    out: PathBuf,
    /// Fewer queries and cold starts (CI: checks that everything runs, not how fast).
    #[arg(long)]
    quick: bool,
    /// Queries per class (default 200, or 20 with --quick).
    #[arg(long)]
    queries: Option<usize>,
    /// Where corpora and indexes go (default: a temporary directory, removed at the end).
    /// Generated corpora found there are reused.
    #[arg(long)]
    work: Option<PathBuf>,
    /// Also write the raw results as JSON.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Results JSON of an earlier run, shown as "before" next to this run's figures.
    #[arg(long)]
    before: Option<PathBuf>,
    /// A Markdown file appended to the report (notes on the engine changes).
    #[arg(long)]
    notes: Option<PathBuf>,
    #[arg(long, default_value_t = SEED)]
    seed: u64,
    /// Measure nothing: render the report again from the results JSON of an earlier run (to
    /// change --notes or --before; the figures and the command recorded stay that run's).
    #[arg(long)]
    render: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Child {
    /// (internal) Build one engine's index from a corpus and report time and peak memory.
    #[command(hide = true)]
    BuildOnly {
        #[arg(long)]
        engine: Engine,
        #[arg(long)]
        corpus: PathBuf,
        #[arg(long)]
        index: PathBuf,
    },
    /// (internal) Answer a query file with one engine; report latencies and serving memory.
    #[command(hide = true)]
    Serve {
        #[arg(long)]
        engine: Engine,
        #[arg(long)]
        corpus: PathBuf,
        #[arg(long)]
        index: PathBuf,
        #[arg(long)]
        queries: PathBuf,
    },
    /// (internal) Open an index and answer one query, timed from the start of this process.
    #[command(hide = true)]
    Cold {
        #[arg(long)]
        engine: Engine,
        #[arg(long)]
        index: PathBuf,
        #[arg(long)]
        query: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Engine {
    Ours,
    Fts5,
    Scan,
}

impl Engine {
    const ALL: [Engine; 3] = [Engine::Ours, Engine::Fts5, Engine::Scan];

    fn name(self) -> &'static str {
        match self {
            Engine::Ours => "ours",
            Engine::Fts5 => "fts5",
            Engine::Scan => "scan",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Results

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct BuildResult {
    docs: usize,
    secs: f64,
    /// Peak RSS during the build (the loaded corpus included), KiB.
    peak_rss_kb: u64,
    /// RSS with the corpus loaded, before the build, KiB.
    base_rss_kb: u64,
    index_bytes: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct ClassResult {
    /// Search + top-5 snippets, microseconds per query.
    search_us: Vec<f64>,
    /// Full command handler (ours only), microseconds per query.
    handler_us: Vec<f64>,
    /// Queries whose search found something.
    found: usize,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct ServeResult {
    classes: BTreeMap<String, ClassResult>,
    rss_anon_kb: u64,
    rss_file_kb: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct ColdResult {
    open_ms: f64,
    total_ms: f64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct ColdSummary {
    /// Median over runs, the index's files evicted from the page cache first.
    evicted: ColdResult,
    /// Median over runs with the files in the page cache.
    warm: ColdResult,
    /// Parent-side wall time of an evicted run (fork + exec + the above), median.
    spawn_ms: f64,
    runs: usize,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct SizeResult {
    paragraphs: usize,
    statements: usize,
    facts: usize,
    corpus_bytes: usize,
    queries_per_class: usize,
    scan_queries_per_class: usize,
    build: BTreeMap<String, BuildResult>,
    serve: BTreeMap<String, ServeResult>,
    cold: BTreeMap<String, ColdSummary>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Report {
    command: String,
    date: String,
    machine: Machine,
    sizes: Vec<SizeResult>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Machine {
    cpu: String,
    cores: usize,
    memory_gib: f64,
    kernel: String,
    profile: String,
}

// ---------------------------------------------------------------------------------------------
// /proc

fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0), so the next peak is this phase's alone.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kb: f64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .unwrap_or_default()
        .trim()
        .to_string();
    Machine {
        cpu,
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        memory_gib: mem_kb / 1024.0 / 1024.0,
        kernel,
        profile: if cfg!(debug_assertions) {
            "debug".into()
        } else {
            "release".into()
        },
    }
}

fn dir_bytes(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if meta.is_file() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| dir_bytes(&e.path())).sum())
        .unwrap_or(0)
}

/// Drops `path`'s files (recursively) from the page cache, so the next open reads the disk.
fn evict(path: &Path) {
    use std::os::fd::AsRawFd;
    if path.is_dir() {
        if let Ok(entries) = std::fs::read_dir(path) {
            for e in entries.flatten() {
                evict(&e.path());
            }
        }
        return;
    }
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.sync_data();
        // SAFETY: a valid open descriptor; advice only, the file is not changed.
        unsafe {
            libc::posix_fadvise(f.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// FTS5

fn fts5_open(path: &Path, write: bool) -> Result<rusqlite::Connection> {
    use rusqlite::OpenFlags;
    let flags = if write {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    };
    Ok(rusqlite::Connection::open_with_flags(path, flags)?)
}

fn fts5_build(corpus: &Corpus, path: &Path) -> Result<usize> {
    let _ = std::fs::remove_file(path);
    let mut db = fts5_open(path, true)?;
    db.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, kind UNINDEXED, names, title, body,
                                              tokenize = 'porter unicode61');",
    )?;
    let tx = db.transaction()?;
    let mut n = 0;
    {
        let mut insert = tx.prepare(
            "INSERT INTO docs (id, kind, names, title, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for s in &corpus.statements {
            for p in &s.paragraphs {
                insert.execute(rusqlite::params![
                    format!("{}#{}", s.id, p.number),
                    "paragraph",
                    "",
                    s.title,
                    p.text
                ])?;
                n += 1;
            }
        }
        for f in &corpus.facts {
            insert.execute(rusqlite::params![
                f.id(),
                f.kind().as_str(),
                f.names().join("\n"),
                f.title(),
                f.search_text()
            ])?;
            n += 1;
        }
    }
    tx.commit()?;
    Ok(n)
}

/// The FTS5 form of a query: a quoted phrase stays a phrase; otherwise each word is OR-ed (the
/// same ranked-disjunction semantics as our engine), a hyphenated word (`AMIM-21`) as a phrase.
fn fts5_query(q: &str) -> String {
    let runs = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    if let Some(start) = q.find('"') {
        let phrase = q[start + 1..].split('"').next().unwrap_or("");
        let words = runs(phrase);
        if !words.is_empty() {
            return format!("\"{}\"", words.join(" "));
        }
    }
    q.split_whitespace()
        .map(runs)
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.join(" ")))
        .collect::<Vec<_>>()
        .join(" OR ")
}

const FTS5_SEARCH: &str = "SELECT id, snippet(docs, 4, '**', '**', '…', 40) FROM docs \
                           WHERE docs MATCH ?1 ORDER BY rank LIMIT 5";

fn fts5_search(db: &rusqlite::Connection, q: &str) -> Result<Vec<(String, String)>> {
    let fq = fts5_query(q);
    if fq.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = db.prepare_cached(FTS5_SEARCH)?;
    let rows = stmt.query_map([fq], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

// ---------------------------------------------------------------------------------------------
// Children

fn ours_handler(idx: &AgendaIndex, q: &str) -> Result<render::embed::Reply> {
    match command::parse_line(&format!("/ask {q}")) {
        Command::Query { scope, text } => {
            let answer = query::answer(idx, scope, &text)?;
            Ok(render::embed::answer(&answer))
        }
        _ => bail!("not a query: {q}"),
    }
}

fn child_build(engine: Engine, corpus_dir: &Path, index: &Path) -> Result<BuildResult> {
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
        Engine::Fts5 => docs = fts5_build(&corpus, index)?,
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

fn time_us(f: impl FnOnce() -> Result<usize>) -> Result<(f64, usize)> {
    let t = Instant::now();
    let n = f()?;
    Ok((t.elapsed().as_secs_f64() * 1e6, n))
}

fn child_serve(
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
        Engine::Fts5 => Open::Fts5(fts5_open(index, false)?),
        Engine::Scan => {
            let corpus = Corpus::load(corpus_dir)?;
            Open::Scan(Scan::build(&corpus))
        }
    };
    let search = |q: &str| -> Result<usize> {
        Ok(match &open {
            Open::Ours(idx) => black_box(query::passages(idx, q, TOP_K)?).len(),
            Open::Fts5(db) => black_box(fts5_search(db, q)?).len(),
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

fn child_cold(started: Instant, engine: Engine, index: &Path, q: &str) -> Result<ColdResult> {
    let (open_ms, n) = match engine {
        Engine::Ours => {
            let idx = AgendaIndex::open(index)?;
            let open_ms = started.elapsed().as_secs_f64() * 1e3;
            (open_ms, ours_handler(&idx, q)?.embeds.len())
        }
        Engine::Fts5 => {
            let db = fts5_open(index, false)?;
            let open_ms = started.elapsed().as_secs_f64() * 1e3;
            (open_ms, fts5_search(&db, q)?.len())
        }
        Engine::Scan => bail!("the scan has no index to open"),
    };
    black_box(n);
    Ok(ColdResult {
        open_ms,
        total_ms: started.elapsed().as_secs_f64() * 1e3,
    })
}

// ---------------------------------------------------------------------------------------------
// Parent

fn spawn_child<T: serde::de::DeserializeOwned>(args: &[&str]) -> Result<(T, f64)> {
    let exe = std::env::current_exe()?;
    let started = Instant::now();
    let output = std::process::Command::new(exe)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .context("cannot start a child of agenda-bench")?;
    let wall_ms = started.elapsed().as_secs_f64() * 1e3;
    if !output.status.success() {
        bail!("child {args:?} failed: {}", output.status);
    }
    let value = serde_json::from_slice(&output.stdout)
        .with_context(|| format!("child {args:?} printed no result"))?;
    Ok((value, wall_ms))
}

fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn percentile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = (p / 100.0 * s.len() as f64).ceil() as usize;
    s[rank.clamp(1, s.len()) - 1]
}

fn log(msg: impl AsRef<str>) {
    eprintln!("[agenda-bench] {}", msg.as_ref());
}

fn run_size(
    cli: &Cli,
    work: &Path,
    paragraphs: usize,
    per_class: usize,
    cold_runs: usize,
) -> Result<SizeResult> {
    let label = size_label(paragraphs);
    let dir = work.join(&label);
    let corpus_dir = dir.join("corpus");
    let marker = corpus_dir.join(format!(
        ".generated-v{}-{}-{paragraphs}",
        gen::VERSION,
        cli.seed
    ));
    let mut result = SizeResult {
        paragraphs,
        ..SizeResult::default()
    };
    if !marker.exists() {
        if corpus_dir.exists() {
            std::fs::remove_dir_all(&corpus_dir)?;
        }
        let t = Instant::now();
        let stats = gen::generate(&corpus_dir, paragraphs, cli.seed)?;
        std::fs::write(&marker, "")?;
        log(format!(
            "{label}: generated {} statements, {} facts, {:.0} MB in {:.1?}",
            stats.statements,
            stats.facts(),
            stats.bytes as f64 / 1e6,
            t.elapsed()
        ));
    }
    let t = Instant::now();
    let corpus = Corpus::load(&corpus_dir)?;
    result.statements = corpus.statements.len();
    result.facts = corpus.facts.len();
    result.corpus_bytes = dir_bytes(&corpus_dir.join("statements")) as usize
        + dir_bytes(&corpus_dir.join("facts")) as usize;
    let set = queries::generate(&corpus, per_class, cli.seed);
    drop(corpus);
    log(format!(
        "{label}: corpus loaded and queries drawn in {:.1?}",
        t.elapsed()
    ));
    result.queries_per_class = set.plain.len();
    // The scan reads every paragraph per query: fewer queries at the large sizes.
    let scan_n = (2_000_000 / paragraphs).clamp(10, per_class);
    result.scan_queries_per_class = scan_n.min(set.plain.len());
    let q_all = dir.join("queries.json");
    let q_scan = dir.join("queries-scan.json");
    std::fs::write(&q_all, serde_json::to_vec(&set)?)?;
    std::fs::write(&q_scan, serde_json::to_vec(&set.truncated(scan_n))?)?;

    let index_of = |e: Engine| match e {
        Engine::Ours => dir.join("ours-index"),
        Engine::Fts5 => dir.join("fts5.db"),
        Engine::Scan => dir.join("scan"),
    };
    let corpus_arg = corpus_dir.to_string_lossy().to_string();
    for e in Engine::ALL {
        log(format!("{label}: building {}", e.name()));
        let index = index_of(e).to_string_lossy().to_string();
        let (b, _): (BuildResult, f64) = spawn_child(&[
            "build-only",
            "--engine",
            e.name(),
            "--corpus",
            &corpus_arg,
            "--index",
            &index,
        ])?;
        log(format!(
            "{label}: {} built {} docs in {:.2} s",
            e.name(),
            b.docs,
            b.secs
        ));
        result.build.insert(e.name().into(), b);
    }
    for e in Engine::ALL {
        log(format!("{label}: querying {}", e.name()));
        let index = index_of(e).to_string_lossy().to_string();
        let qfile = if e == Engine::Scan { &q_scan } else { &q_all };
        let (s, _): (ServeResult, f64) = spawn_child(&[
            "serve",
            "--engine",
            e.name(),
            "--corpus",
            &corpus_arg,
            "--index",
            &index,
            "--queries",
            &qfile.to_string_lossy(),
        ])?;
        result.serve.insert(e.name().into(), s);
    }
    let first = set
        .plain
        .first()
        .cloned()
        .unwrap_or_else(|| "defence".into());
    for e in [Engine::Ours, Engine::Fts5] {
        log(format!("{label}: cold starts of {}", e.name()));
        let index = index_of(e);
        let index_arg = index.to_string_lossy().to_string();
        let args = [
            "cold",
            "--engine",
            e.name(),
            "--index",
            &index_arg,
            "--query",
            &first,
        ];
        let (mut eo, mut et, mut spawn) = (Vec::new(), Vec::new(), Vec::new());
        let (mut wo, mut wt) = (Vec::new(), Vec::new());
        for _ in 0..cold_runs {
            evict(&index);
            let (c, wall): (ColdResult, f64) = spawn_child(&args)?;
            eo.push(c.open_ms);
            et.push(c.total_ms);
            spawn.push(wall);
            let (c, _): (ColdResult, f64) = spawn_child(&args)?;
            wo.push(c.open_ms);
            wt.push(c.total_ms);
        }
        result.cold.insert(
            e.name().into(),
            ColdSummary {
                evicted: ColdResult {
                    open_ms: median(&mut eo),
                    total_ms: median(&mut et),
                },
                warm: ColdResult {
                    open_ms: median(&mut wo),
                    total_ms: median(&mut wt),
                },
                spawn_ms: median(&mut spawn),
                runs: cold_runs,
            },
        );
    }
    Ok(result)
}

// ---------------------------------------------------------------------------------------------
// Report

fn ms(us: f64) -> String {
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

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

fn ratio(ours: f64, other: f64) -> String {
    if ours.is_nan() || other.is_nan() || other <= 0.0 {
        "—".into()
    } else if ours / other < 0.01 {
        format!("{:.5}", ours / other)
    } else {
        format!("{:.2}", ours / other)
    }
}

impl SizeResult {
    fn search(&self, engine: &str, class: Option<&str>) -> Vec<f64> {
        let Some(s) = self.serve.get(engine) else {
            return Vec::new();
        };
        s.classes
            .iter()
            .filter(|(c, _)| class.is_none_or(|k| k == c.as_str()))
            .flat_map(|(_, r)| r.search_us.iter().copied())
            .collect()
    }

    fn handler(&self, class: Option<&str>) -> Vec<f64> {
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

fn size_table(r: &SizeResult) -> String {
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
            row(
                &format!("search+snippets {name}, {}", class.unwrap_or("all")),
                [ms(v("ours")), ms(v("fts5")), ms(v("scan"))],
                ratio(v("ours"), v("fts5")),
                ratio(v("ours"), v("scan")),
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

struct Target {
    name: String,
    measured: String,
    pass: Option<bool>,
}

fn targets(report: &Report) -> Vec<Target> {
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
                / percentile(&s.search("ours", None), 50.0);
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
    out
}

fn markdown(report: &Report, before: Option<&Report>, notes: Option<&str>) -> String {
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
        "Engines, on the same generated corpus (statements + facts, see `crates/bench/src/gen.rs`) and \
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
         class at the larger sizes (the first N of the same set). *Cold start* is timed inside a \
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
        md.push_str("| metric | ours | FTS5 | scan | ours / FTS5 | ours / scan |\n");
        md.push_str("|---|---:|---:|---:|---:|---:|\n");
        md.push_str(&size_table(s));
        md.push('\n');
    }
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

fn run(cli: &Cli) -> Result<()> {
    let sizes: Vec<usize> = cli
        .sizes
        .split(',')
        .map(|s| parse_size(s).with_context(|| format!("bad size {s:?}")))
        .collect::<Result<_>>()?;
    if sizes.is_empty() {
        bail!("no sizes given");
    }
    let before = match &cli.before {
        Some(p) => Some(serde_json::from_slice::<Report>(&std::fs::read(p)?)?),
        None => None,
    };
    let notes = match &cli.notes {
        Some(p) => Some(std::fs::read_to_string(p)?),
        None => None,
    };
    if let Some(results) = &cli.render {
        let report: Report = serde_json::from_slice(&std::fs::read(results)?)?;
        let md = markdown(&report, before.as_ref(), notes.as_deref());
        std::fs::write(&cli.out, md)?;
        log(format!("report rendered to {}", cli.out.display()));
        return Ok(());
    }
    let per_class = cli.queries.unwrap_or(if cli.quick { 20 } else { 200 });
    let cold_runs = if cli.quick { 1 } else { 5 };
    let (work, temporary) = match &cli.work {
        Some(w) => (w.clone(), false),
        None => (
            std::env::temp_dir().join(format!("agenda-bench-{}", std::process::id())),
            true,
        ),
    };
    std::fs::create_dir_all(&work)?;
    let mut report = Report {
        command: command_line(),
        date: jiff::Zoned::now().strftime("%Y-%m-%d %H:%M %Z").to_string(),
        machine: machine(),
        sizes: Vec::new(),
    };
    let result = (|| -> Result<()> {
        for &n in &sizes {
            report
                .sizes
                .push(run_size(cli, &work, n, per_class, cold_runs)?);
        }
        Ok(())
    })();
    if temporary {
        let _ = std::fs::remove_dir_all(&work);
    }
    result?;
    let md = markdown(&report, before.as_ref(), notes.as_deref());
    // The table on stdout, the report to --out.
    for s in &report.sizes {
        println!("\n{} paragraphs", size_label(s.paragraphs));
        println!("| metric | ours | FTS5 | scan | ours / FTS5 | ours / scan |");
        print!("{}", size_table(s));
    }
    println!();
    if cfg!(debug_assertions) {
        // A debug build (the CI smoke run) measures the code path, not its speed.
        println!("debug build: targets are judged only in a --release run");
    } else {
        for t in targets(&report) {
            let r = match t.pass {
                Some(true) => "PASS",
                Some(false) => "MISS",
                None => "—",
            };
            println!("{r:4}  {}: {}", t.name, t.measured);
        }
    }
    std::fs::write(&cli.out, md).with_context(|| format!("cannot write {}", cli.out.display()))?;
    if let Some(j) = &cli.json {
        std::fs::write(j, serde_json::to_vec_pretty(&report)?)?;
    }
    log(format!("report written to {}", cli.out.display()));
    Ok(())
}

/// The command as a person would type it (binary name shortened, options kept).
fn command_line() -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let profile = if cfg!(debug_assertions) {
        ""
    } else {
        " --release"
    };
    format!("cargo run{profile} -p agenda-bench -- {}", args.join(" "))
}

fn main() -> Result<()> {
    let started = Instant::now();
    let cli = Cli::parse();
    let print = |v: serde_json::Value| println!("{v}");
    match &cli.child {
        Some(Child::BuildOnly {
            engine,
            corpus,
            index,
        }) => print(serde_json::to_value(child_build(*engine, corpus, index)?)?),
        Some(Child::Serve {
            engine,
            corpus,
            index,
            queries,
        }) => print(serde_json::to_value(child_serve(
            *engine, corpus, index, queries,
        )?)?),
        Some(Child::Cold {
            engine,
            index,
            query,
        }) => print(serde_json::to_value(child_cold(
            started, *engine, index, query,
        )?)?),
        None => run(&cli)?,
    }
    Ok(())
}
