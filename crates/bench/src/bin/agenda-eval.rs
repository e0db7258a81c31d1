//! `agenda-eval`: asks the labelled question set of the shipped corpus and prints precision@1 and
//! recall@3 per class (a Markdown table), then the questions whose first result is wrong; with
//! `--real DIR`, scores the real-statement set (`tests/realdev/`) against an FTS5 baseline.

use agenda_bench::eval::{self, QuestionSet, Split};
use agenda_bench::real;
use agenda_core::corpus::Corpus;
use agenda_core::index::AgendaIndex;
use anyhow::Context;
use clap::Parser;
use std::path::PathBuf;

#[derive(Parser)]
#[command(about = "Precision@1 and recall@3 of the labelled question set, per class")]
struct Args {
    /// The question set.
    #[arg(long, default_value_os_t = agenda_bench::repo_root().join("tests/questions.toml"))]
    questions: PathBuf,
    /// The corpus to index (in memory).
    #[arg(long, default_value_os_t = agenda_bench::repo_root().join("corpus"))]
    corpus: PathBuf,
    /// List the misses of held-out questions too (they are hidden by default, so that tuning
    /// looks at dev questions only).
    #[arg(long)]
    show_held_out: bool,
    /// Score the real-statement set instead: DIR holds the texts the manifest names (collected
    /// again with `tests/realdev/README.md`), added to a scratch copy of `--corpus` as `add` does.
    #[arg(long, value_name = "DIR")]
    real: Option<PathBuf>,
    /// The real set's statement files (manifest, gold facts, questions).
    #[arg(long, default_value_os_t = agenda_bench::repo_root().join("tests/realdev/statements"))]
    real_set: PathBuf,
    /// The bot's clock for real questions that do not set their own.
    #[arg(long, default_value = "2026-12-01")]
    today: jiff::civil::Date,
    /// With --real: list the extraction misses of the dev half too.
    #[arg(long)]
    show_extraction: bool,
    /// With --real: print the bot's whole reply to the dev questions holding this text.
    #[arg(long, value_name = "TEXT")]
    explain: Option<String>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(texts) = &args.real {
        return real(&args, texts);
    }
    let set = QuestionSet::load(&args.questions)?;
    let corpus = Corpus::load(&args.corpus)?;
    let index = AgendaIndex::build_in_ram(&corpus).context("indexing the corpus")?;
    let outcomes = eval::run(&index, &set)?;
    print!("{}", eval::table(&outcomes));
    let misses: Vec<_> = outcomes
        .iter()
        .filter(|o| !o.passed() && (args.show_held_out || o.question.split == Split::Dev))
        .collect();
    if !misses.is_empty() {
        println!("\nMisses (first result not expected):");
        for o in misses {
            let q = &o.question;
            println!(
                "  [{}] {:?}{} → {:?} (expected {:?})",
                q.class,
                q.text,
                q.after
                    .as_deref()
                    .map(|a| format!(" after {a}"))
                    .unwrap_or_default(),
                o.got.iter().take(3).collect::<Vec<_>>(),
                q.expect
            );
        }
    }
    Ok(())
}

/// `--real DIR`: the answers table (bot and FTS5, per command and class, per half), the
/// extraction table, then the dev half's misses.
fn real(args: &Args, texts: &std::path::Path) -> anyhow::Result<()> {
    let set = real::RealSet::load(&args.real_set)?;
    let report = real::run(&set, texts, &args.corpus, args.today)?;
    println!(
        "Real statements: {} ({} questions), texts from {}\n",
        set.statements.len(),
        set.questions(),
        texts.display()
    );
    for s in report.changed.iter().chain(&report.refused) {
        println!("- {}: {}", s.statement, s.reason);
    }
    println!("\n{}", report.answers_table());
    println!("{}", report.extraction_table());
    println!("Misses (dev):\n{}", report.misses(Split::Dev));
    if args.show_held_out {
        println!("Misses (held-out):\n{}", report.misses(Split::HeldOut));
    }
    if let Some(text) = &args.explain {
        for o in report.outcomes.iter().filter(|o| {
            (o.split == Split::Dev || args.show_held_out) && o.question.text.contains(text.as_str())
        }) {
            println!(
                "### {:?} ({}) wants {:?}\n{}",
                o.question.text,
                o.question.command.as_str(),
                o.question.answer,
                o.reply
            );
        }
    }
    if args.show_extraction {
        println!("Extraction misses:");
        for (split, m) in &report.extraction_misses {
            if *split == Split::Dev || args.show_held_out {
                println!("- {m}");
            }
        }
    }
    Ok(())
}
