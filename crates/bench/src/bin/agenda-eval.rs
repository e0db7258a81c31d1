//! `agenda-eval`: asks the labelled question set of the shipped corpus and prints precision@1 and
//! recall@3 per class (a Markdown table), then the questions whose first result is wrong.

use agenda_bench::eval::{self, QuestionSet, Split};
use agenda_core::corpus::Corpus;
use agenda_core::index::AgendaIndex;
use anyhow::Context;
use clap::Parser;
use std::path::PathBuf;

#[derive(Parser)]
#[command(about = "Precision@1 and recall@3 of the labelled question set, per class")]
struct Args {
    /// The question set.
    #[arg(long, default_value_os_t = agenda_core::testing::repo_root().join("tests/questions.toml"))]
    questions: PathBuf,
    /// The corpus to index (in memory).
    #[arg(long, default_value_os_t = agenda_core::testing::shipped_corpus_dir())]
    corpus: PathBuf,
    /// List the misses of held-out questions too (they are hidden by default, so that tuning
    /// looks at dev questions only).
    #[arg(long)]
    show_held_out: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
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
