//! `add` of a 20-paragraph statement to the shipped corpus, and the index rebuild it causes, timed
//! as the CLI runs them (`agenda_bot::add::add`, then `index::ensure_built` and
//! `AgendaIndex::open`, as `agenda_bot::index_service::build` does). Issue 9's target: under 1 s.

use agenda_bot::add::{add, AddRequest};
use agenda_core::index::{self, AgendaIndex, BuildOutcome};
use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Paragraphs of each generated statement, as the corpus counts them (its title heading included).
pub const PARAGRAPHS: usize = 20;

/// Code names, one per repetition (with a number after the first round): a name found nowhere
/// else in the corpus, so a query for it finds the statement it was added with.
const CODES: [&str; 8] = [
    "Kestrel", "Merbau", "Rajawali", "Seladang", "Tembusu", "Angsana", "Cendana", "Halcyon",
];

const ORDINALS: [&str; 8] = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th"];

/// The code name of repetition `n` ("Kestrel", …, "Kestrel2", …).
pub fn code_name(n: usize) -> String {
    let base = CODES[n % CODES.len()];
    match n / CODES.len() {
        0 => base.to_string(),
        round => format!("{base}{}", round + 1),
    }
}

/// A statement as the team pastes it: a title line, a dateline, paragraphs one per line, a `- `
/// list led in by a line, and a Markdown table of initiatives; [`PARAGRAPHS`] paragraphs, distinct
/// for every `n` (so that no repetition is refused as a duplicate).
pub fn statement_text(n: usize) -> String {
    let code = code_name(n);
    let ord = ORDINALS[n % ORDINALS.len()];
    let mut lines = vec![
        format!("ASEAN defence officials launch the {code} maritime readiness programme"),
        String::new(),
        format!(
            "Kuala Lumpur, 14 March 2027 – The {ord} ASEAN Maritime Readiness Workshop \
             ({code} Workshop) took place in Kuala Lumpur, Malaysia, on 14 March with the \
             attendance of delegates from 10 ASEAN countries as well as Timor-Leste as an observer."
        ),
    ];
    let topics = [
        "search and rescue at sea",
        "humanitarian assistance and disaster relief",
        "maritime domain awareness",
        "peacekeeping operations",
        "military medicine",
        "counter-terrorism",
        "cyber security",
        "defence industry collaboration",
        "mine action",
        "women, peace and security",
        "military education",
        "logistics support",
        "coastal surveillance",
        "environmental security",
    ];
    // As the corpus counts them: the title (its heading), the dateline paragraph, the list (one
    // paragraph with its lead-in), the table (one) and a closing paragraph; the rest are topics.
    let topic_paragraphs = PARAGRAPHS - 5;
    for (k, topic) in topics.iter().cycle().take(topic_paragraphs).enumerate() {
        lines.push(format!(
            "Delegates to the {code} Workshop exchanged views on {topic}, item {} of the agenda, \
             and agreed that closer practical cooperation in this field would strengthen trust \
             and resilience across the region in the years to come.",
            k + 1
        ));
    }
    lines.push(format!(
        "The {code} Workshop agreed on the following initiatives:"
    ));
    lines.push(format!(
        "- A {code} Coastal Patrol Network linking the maritime operations centres"
    ));
    lines.push(format!(
        "- A {code} Rescue Coordination Exercise held every year"
    ));
    lines.push(String::new());
    lines.push("| Initiative | Expected Outcome | Timeline |".into());
    lines.push("|---|---|---|".into());
    lines.push(format!(
        "| {code} Coastal Patrol Network | Shared maritime picture | by the end of 2027 |"
    ));
    lines.push(format!(
        "| {code} Rescue Coordination Exercise | Faster joint rescue at sea | 2028 – 2029 |"
    ));
    lines.push(String::new());
    lines.push(format!(
        "The {code} Workshop will meet again in Manila next year to review progress."
    ));
    lines.join("\n") + "\n"
}

/// The measurement, as the results JSON holds it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AddResult {
    /// Repetitions (each adds one more statement to the same corpus).
    pub runs: usize,
    /// Paragraphs of the added statement.
    pub paragraphs: usize,
    /// Statements in the corpus before the first add.
    pub statements_before: usize,
    /// Medians over the runs, milliseconds.
    pub add_ms: f64,
    pub rebuild_ms: f64,
    pub total_ms: f64,
    /// Each run's add + rebuild, milliseconds.
    pub total_ms_runs: Vec<f64>,
}

/// One statement the measurement added.
#[derive(Debug, Clone)]
pub struct AddedStatement {
    pub id: String,
    pub path: PathBuf,
    pub code_name: String,
}

#[derive(Debug, Clone)]
pub struct Measured {
    pub result: AddResult,
    pub corpus_dir: PathBuf,
    pub index_dir: PathBuf,
    pub added: Vec<AddedStatement>,
}

/// Copies a directory tree (a corpus into a scratch directory).
pub fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in
        std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))?
    {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("cannot copy {}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    s.get(s.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Copies the corpus at `source` to `work/corpus` (replacing what is there), builds its index in
/// `work/index` (not timed), then `runs` times: adds a new [`statement_text`] and rebuilds.
pub fn measure(source: &Path, work: &Path, runs: usize) -> Result<Measured> {
    let corpus_dir = work.join("corpus");
    let index_dir = work.join("index");
    for d in [&corpus_dir, &index_dir] {
        if d.exists() {
            std::fs::remove_dir_all(d)?;
        }
    }
    copy_dir(source, &corpus_dir)?;
    index::ensure_built(&corpus_dir, &index_dir)?;
    let statements_before = AgendaIndex::open(&index_dir)?.manifest.statements;
    let (mut adds, mut rebuilds, mut totals) = (Vec::new(), Vec::new(), Vec::new());
    let mut added = Vec::new();
    let mut paragraphs = 0;
    for n in 0..runs.max(1) {
        let req = AddRequest {
            text: statement_text(n),
            name: Some(format!("statement-{n}.txt")),
            ..AddRequest::default()
        };
        let started = Instant::now();
        let a = add(&corpus_dir, &req).with_context(|| format!("add of statement {n}"))?;
        let add_done = Instant::now();
        let outcome = index::ensure_built(&corpus_dir, &index_dir)?;
        let idx = AgendaIndex::open(&index_dir)?;
        let rebuilt = Instant::now();
        if outcome != BuildOutcome::Built {
            bail!("the index was not rebuilt after adding {}", a.statement_id);
        }
        paragraphs = agenda_core::corpus::Corpus::load(&corpus_dir)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .statement(&a.statement_id)
            .map_or(0, |s| s.paragraphs.len());
        drop(idx);
        adds.push((add_done - started).as_secs_f64() * 1e3);
        rebuilds.push((rebuilt - add_done).as_secs_f64() * 1e3);
        totals.push((rebuilt - started).as_secs_f64() * 1e3);
        added.push(AddedStatement {
            id: a.statement_id,
            path: a.statement_path,
            code_name: code_name(n),
        });
    }
    Ok(Measured {
        result: AddResult {
            runs: totals.len(),
            paragraphs,
            statements_before,
            add_ms: median(&adds),
            rebuild_ms: median(&rebuilds),
            total_ms: median(&totals),
            total_ms_runs: totals,
        },
        corpus_dir,
        index_dir,
        added,
    })
}
