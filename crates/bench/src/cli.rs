//! The command line: the parent's options and the child commands it runs itself as.

use crate::SEED;
use clap::{Parser, Subcommand, ValueEnum};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Parser)]
#[command(about = "Build and answer speed: our engine vs SQLite FTS5 vs a substring scan")]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) child: Option<Child>,
    /// Corpus sizes in paragraphs, e.g. `10k,100k,1m`.
    #[arg(long, default_value = "10k,100k,1m")]
    pub(crate) sizes: String,
    /// The Markdown report to write.
    #[arg(long, default_value = "BENCHMARKS.md")]
    pub(crate) out: PathBuf,
    /// Fewer queries and cold starts (CI: checks that everything runs, not how fast).
    #[arg(long)]
    pub(crate) quick: bool,
    /// Queries per class (default 200, or 20 with --quick).
    #[arg(long)]
    pub(crate) queries: Option<usize>,
    /// Where corpora and indexes go (default: a temporary directory, removed at the end).
    /// Generated corpora found there are reused.
    #[arg(long)]
    pub(crate) work: Option<PathBuf>,
    /// Also write the raw results as JSON.
    #[arg(long)]
    pub(crate) json: Option<PathBuf>,
    /// Results JSON of an earlier run, shown as "before" next to this run's figures.
    #[arg(long)]
    pub(crate) before: Option<PathBuf>,
    /// A Markdown template appended to the report (notes on the engine changes); its `{{key}}`
    /// placeholders (`{{100k.ours.search.p50}}`, `{{before.date}}`, … see `notes.rs`) are filled
    /// in from this run's results, so the notes quote the same run as the tables.
    #[arg(long)]
    pub(crate) notes: Option<PathBuf>,
    #[arg(long, default_value_t = SEED)]
    pub(crate) seed: u64,
    /// Paragraphs of the corpus the serving benchmark serves and rebuilds (default 100k, or 2k
    /// with --quick).
    #[arg(long)]
    pub(crate) serving_paragraphs: Option<usize>,
    /// Interactions counted per concurrency level, alone and during rebuilds (default 1000, or
    /// 128 with --quick; at least the highest concurrency, 64, for every client to be busy).
    #[arg(long)]
    pub(crate) serving_interactions: Option<usize>,
    /// Rebuilds at least run per concurrency level during rebuilds (default 3, or 1 with
    /// --quick): the load goes on until both that many rebuilds and the interactions are done.
    #[arg(long)]
    pub(crate) serving_rebuilds: Option<usize>,
    /// Measure only the serving benchmark and put it into the results JSON of an earlier run
    /// (rewritten in place), then render the report from them (with --before and --notes).
    #[arg(long, conflicts_with = "render")]
    pub(crate) serving_into: Option<PathBuf>,
    /// Measure nothing: render the report again from the results JSON of an earlier run (to
    /// change --notes or --before; the figures and the command recorded stay that run's).
    #[arg(long)]
    pub(crate) render: Option<PathBuf>,
}

#[derive(Subcommand)]
pub(crate) enum Child {
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
    /// (internal) The serving benchmark: the bot on the fake Discord under load.
    #[command(hide = true)]
    Serving(crate::serving::ServingPlan),
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
pub(crate) enum Engine {
    Ours,
    Fts5,
    Scan,
}

impl Engine {
    pub(crate) const ALL: [Engine; 3] = [Engine::Ours, Engine::Fts5, Engine::Scan];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Engine::Ours => "ours",
            Engine::Fts5 => "fts5",
            Engine::Scan => "scan",
        }
    }
}

/// How the serving benchmark's interactions reach the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Mode {
    /// INTERACTION_CREATE on the fake Discord's gateway; the reply is a REST request to the fake.
    Gateway,
    /// A signed `POST /interactions` to the HTTP endpoint; the reply is the response (or the
    /// edit that follows an acknowledgement).
    Http,
}

impl Mode {
    pub(crate) const ALL: [Mode; 2] = [Mode::Gateway, Mode::Http];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Mode::Gateway => "gateway",
            Mode::Http => "http",
        }
    }
}
