//! The parent: generates each corpus, runs the children for every engine, and puts their
//! results together into the report.

use crate::cli::{Cli, Engine, Mode};
use crate::notes;
use crate::probe::{dir_bytes, evict, machine};
use crate::report::{markdown, size_table, table_header, targets};
use crate::results::*;
use agenda_bench::{add_statement, queries};
use agenda_bench::{gen, parse_size, size_label};
use agenda_core::corpus::Corpus;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

pub(crate) fn spawn_child<T: serde::de::DeserializeOwned>(args: &[&str]) -> Result<(T, f64)> {
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

pub(crate) fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub(crate) fn percentile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = (p / 100.0 * s.len() as f64).ceil() as usize;
    s[rank.clamp(1, s.len()) - 1]
}

pub(crate) fn log(msg: impl AsRef<str>) {
    eprintln!("[agenda-bench] {}", msg.as_ref());
}

/// The generated corpus of `paragraphs` under `work/<size>/corpus`, generated unless a
/// complete one of this generator version and seed is there.
fn generated_corpus(cli: &Cli, work: &Path, paragraphs: usize) -> Result<PathBuf> {
    let label = size_label(paragraphs);
    let corpus_dir = work.join(&label).join("corpus");
    let marker = corpus_dir.join(format!(
        ".generated-v{}-{}-{paragraphs}",
        gen::VERSION,
        cli.seed
    ));
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
    Ok(corpus_dir)
}

pub(crate) fn run_size(
    cli: &Cli,
    work: &Path,
    paragraphs: usize,
    per_class: usize,
    cold_runs: usize,
) -> Result<SizeResult> {
    let label = size_label(paragraphs);
    let dir = work.join(&label);
    let corpus_dir = generated_corpus(cli, work, paragraphs)?;
    let mut result = SizeResult {
        paragraphs,
        ..SizeResult::default()
    };
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

/// `add` of a 20-paragraph statement to a copy of the shipped corpus, and the rebuild: once per
/// run, whatever the sizes.
fn run_add(work: &Path, runs: usize) -> Result<AddResult> {
    let source = agenda_bench::repo_root().join("corpus");
    log(format!(
        "adding a statement to the shipped corpus ({})",
        source.display()
    ));
    let m = add_statement::measure(&source, &work.join("add"), runs)?;
    let r = m.result;
    log(format!(
        "add {:.0} ms + rebuild {:.0} ms = {:.0} ms (median of {})",
        r.add_ms, r.rebuild_ms, r.total_ms, r.runs
    ));
    Ok(r)
}

/// The serving benchmark in a child: the bot under 1, 8 and 64 concurrent interactions in each
/// mode, alone and during rebuilds of a corpus of `--serving-paragraphs`.
fn run_serving(cli: &Cli, work: &Path) -> Result<Serving> {
    let paragraphs = cli
        .serving_paragraphs
        .unwrap_or(if cli.quick { 2_000 } else { 100_000 });
    let per_level = cli
        .serving_interactions
        .unwrap_or(if cli.quick { 128 } else { 1_000 });
    let min_rebuilds = cli
        .serving_rebuilds
        .unwrap_or(if cli.quick { 1 } else { 3 })
        .max(1);
    let corpus = generated_corpus(cli, work, paragraphs)?;
    log(format!(
        "serving: the bot on {} paragraphs, {per_level} interactions and {min_rebuilds} \
         rebuilds at least per level",
        size_label(paragraphs)
    ));
    let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
    let (mut serving, _): (Serving, f64) = spawn_child(&[
        "serving",
        "--corpus",
        &corpus.to_string_lossy(),
        "--work",
        &work.join("serving").to_string_lossy(),
        "--per-level",
        &per_level.to_string(),
        "--min-rebuilds",
        &min_rebuilds.to_string(),
        "--levels",
        "1,8,64",
        "--modes",
        &modes.join(","),
        "--seed",
        &cli.seed.to_string(),
    ])?;
    serving.command = command_line();
    serving.date = now();
    serving.release = !cfg!(debug_assertions);
    Ok(serving)
}

fn now() -> String {
    jiff::Zoned::now().strftime("%Y-%m-%d %H:%M %Z").to_string()
}

/// A work directory: `--work`, or a temporary one (whether it is, to remove it at the end).
fn work_dir(cli: &Cli) -> Result<(PathBuf, bool)> {
    let (work, temporary) = match &cli.work {
        Some(w) => (w.clone(), false),
        None => (
            std::env::temp_dir().join(format!("agenda-bench-{}", std::process::id())),
            true,
        ),
    };
    std::fs::create_dir_all(&work)?;
    Ok((work, temporary))
}

/// Prints the targets (judged in a release build only) to stdout.
fn print_targets(report: &Report) {
    if cfg!(debug_assertions) {
        // A debug build (the CI smoke run) measures the code path, not its speed.
        println!("debug build: targets are judged only in a --release run");
        return;
    }
    for t in targets(report) {
        let r = match t.pass {
            Some(true) => "PASS",
            Some(false) => "MISS",
            None => "—",
        };
        println!("{r:4}  {}: {}", t.name, t.measured);
    }
}

/// A results file written by an earlier run; the error names the file.
fn read_report(path: &Path) -> Result<Report> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read the results {}", path.display()))?;
    serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not a results file of this benchmark", path.display()))
}

pub(crate) fn run(cli: &Cli) -> Result<()> {
    let sizes: Vec<usize> = cli
        .sizes
        .split(',')
        .map(|s| parse_size(s).with_context(|| format!("bad size {s:?}")))
        .collect::<Result<_>>()?;
    if sizes.is_empty() {
        bail!("no sizes given");
    }
    let before = match &cli.before {
        Some(p) => Some(read_report(p)?),
        None => None,
    };
    // The notes template's placeholders are checked before anything is measured.
    let notes = match &cli.notes {
        Some(p) => {
            let template = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read the notes template {}", p.display()))?;
            notes::check(&template).with_context(|| p.display().to_string())?;
            Some(template)
        }
        None => None,
    };
    let rendered_notes = |report: &Report| -> Result<Option<String>> {
        notes
            .as_deref()
            .map(|t| notes::render(t, report, before.as_ref()))
            .transpose()
            .context("the notes quote a figure this run does not have")
    };
    if let Some(results) = &cli.render {
        let report = read_report(results)?;
        let md = markdown(
            &report,
            before.as_ref(),
            rendered_notes(&report)?.as_deref(),
        );
        std::fs::write(&cli.out, md)?;
        log(format!("report rendered to {}", cli.out.display()));
        return Ok(());
    }
    if let Some(results) = &cli.serving_into {
        let mut report = read_report(results)?;
        let (work, temporary) = work_dir(cli)?;
        let serving = run_serving(cli, &work);
        if temporary {
            let _ = std::fs::remove_dir_all(&work);
        }
        report.serving = Some(serving?);
        std::fs::write(results, serde_json::to_vec_pretty(&report)?)?;
        let md = markdown(
            &report,
            before.as_ref(),
            rendered_notes(&report)?.as_deref(),
        );
        print!("\n{}", crate::serving_report::section(&report));
        print_targets(&report);
        std::fs::write(&cli.out, md)?;
        log(format!(
            "serving results put into {}, report written to {}",
            results.display(),
            cli.out.display()
        ));
        return Ok(());
    }
    let per_class = cli.queries.unwrap_or(if cli.quick { 20 } else { 200 });
    let cold_runs = if cli.quick { 1 } else { 5 };
    let (work, temporary) = work_dir(cli)?;
    let mut report = Report {
        command: command_line(),
        date: now(),
        machine: machine(),
        ..Report::default()
    };
    let result = (|| -> Result<()> {
        for &n in &sizes {
            report
                .sizes
                .push(run_size(cli, &work, n, per_class, cold_runs)?);
        }
        report.add = Some(run_add(&work, if cli.quick { 2 } else { 5 })?);
        report.serving = Some(run_serving(cli, &work)?);
        Ok(())
    })();
    if temporary {
        let _ = std::fs::remove_dir_all(&work);
    }
    result?;
    // The raw results first: a notes error below leaves them to `--render` from.
    if let Some(j) = &cli.json {
        std::fs::write(j, serde_json::to_vec_pretty(&report)?)?;
    }
    let md = markdown(
        &report,
        before.as_ref(),
        rendered_notes(&report)?.as_deref(),
    );
    // The table on stdout, the report to --out.
    for s in &report.sizes {
        println!("\n{} paragraphs", size_label(s.paragraphs));
        print!("{}", table_header(s));
        print!("{}", size_table(s));
    }
    if let Some(a) = &report.add {
        println!(
            "\nadd of a {}-paragraph statement: add {:.0} ms + rebuild {:.0} ms = {:.0} ms (median of {})",
            a.paragraphs, a.add_ms, a.rebuild_ms, a.total_ms, a.runs
        );
    }
    print!("\n{}", crate::serving_report::section(&report));
    print_targets(&report);
    std::fs::write(&cli.out, md).with_context(|| format!("cannot write {}", cli.out.display()))?;
    log(format!("report written to {}", cli.out.display()));
    Ok(())
}

/// The command as a person would type it (binary name shortened, options kept).
pub(crate) fn command_line() -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let profile = if cfg!(debug_assertions) {
        ""
    } else {
        " --release"
    };
    format!("cargo run{profile} -p agenda-bench -- {}", args.join(" "))
}
