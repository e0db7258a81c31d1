//! agenda-bench: index build and answer speed of our engine against SQLite FTS5 and a naive
//! substring scan, on synthetic corpora of 10k, 100k and 1M paragraphs.
//!
//!     cargo run --release -p agenda-bench -- --sizes 10k,100k,1m --out BENCHMARKS.md
//!     cargo run -p agenda-bench -- --sizes 10k --quick --out "$(mktemp)"
//!
//! Each build, each query run and each cold start happens in a child process of this binary
//! (`build-only`, `serve`, `cold`), so that peak and serving memory belong to one engine alone;
//! the serving benchmark (the bot itself under load) runs in one too (`serving`).

mod child;
mod cli;

mod notes;
mod probe;
mod report;
mod results;
mod run;
mod serving;
mod serving_report;

use anyhow::Result;
use clap::Parser;
use cli::{Child, Cli};
use std::time::Instant;

const SEED: u64 = 20_240_903;
/// Results per search.
const TOP_K: usize = 5;

fn main() -> Result<()> {
    let started = Instant::now();
    let cli = Cli::parse();
    let print = |v: serde_json::Value| println!("{v}");
    match &cli.child {
        Some(Child::BuildOnly {
            engine,
            corpus,
            index,
        }) => print(serde_json::to_value(child::build(*engine, corpus, index)?)?),
        Some(Child::Serve {
            engine,
            corpus,
            index,
            queries,
        }) => print(serde_json::to_value(child::serve(
            *engine, corpus, index, queries,
        )?)?),
        Some(Child::Serving(plan)) => print(serde_json::to_value(serving::run(plan)?)?),
        Some(Child::Cold {
            engine,
            index,
            query,
        }) => print(serde_json::to_value(child::cold(
            started, *engine, index, query,
        )?)?),
        None => run::run(&cli)?,
    }
    Ok(())
}
