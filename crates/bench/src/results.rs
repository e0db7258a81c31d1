//! What the children report to the parent (as JSON on stdout) and the report is made of.

pub(crate) use agenda_bench::add_statement::AddResult;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct BuildResult {
    pub(crate) docs: usize,
    pub(crate) secs: f64,
    /// Peak RSS during the build (the loaded corpus included), KiB.
    pub(crate) peak_rss_kb: u64,
    /// RSS with the corpus loaded, before the build, KiB.
    pub(crate) base_rss_kb: u64,
    pub(crate) index_bytes: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct ClassResult {
    /// Search + top-5 snippets, microseconds per query.
    pub(crate) search_us: Vec<f64>,
    /// Full command handler (ours only), microseconds per query.
    pub(crate) handler_us: Vec<f64>,
    /// Queries whose search found something.
    pub(crate) found: usize,
    /// Queries with a known right paragraph (the one they were drawn from), and how many of them
    /// had it among the top 5 results (absent from results written before relevance was counted).
    #[serde(default)]
    pub(crate) labelled: usize,
    #[serde(default)]
    pub(crate) right_in_top5: usize,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct ServeResult {
    pub(crate) classes: BTreeMap<String, ClassResult>,
    pub(crate) rss_anon_kb: u64,
    pub(crate) rss_file_kb: u64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct ColdResult {
    pub(crate) open_ms: f64,
    pub(crate) total_ms: f64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct ColdSummary {
    /// Median over runs, the index's files evicted from the page cache first.
    pub(crate) evicted: ColdResult,
    /// Median over runs with the files in the page cache.
    pub(crate) warm: ColdResult,
    /// Parent-side wall time of an evicted run (fork + exec + the above), median.
    pub(crate) spawn_ms: f64,
    pub(crate) runs: usize,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct SizeResult {
    pub(crate) paragraphs: usize,
    pub(crate) statements: usize,
    pub(crate) facts: usize,
    pub(crate) corpus_bytes: usize,
    pub(crate) queries_per_class: usize,
    pub(crate) scan_queries_per_class: usize,
    pub(crate) build: BTreeMap<String, BuildResult>,
    pub(crate) serve: BTreeMap<String, ServeResult>,
    pub(crate) cold: BTreeMap<String, ColdSummary>,
}

/// One concurrency level of the serving benchmark, alone or during rebuilds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct LoadResult {
    pub(crate) concurrency: usize,
    /// Replies received (during rebuilds: those that arrived while one was under way).
    pub(crate) answered: usize,
    /// The time they arrived in, seconds (during rebuilds: the rebuilds' total time).
    pub(crate) secs: f64,
    /// Request → reply of each counted interaction, microseconds (during rebuilds: only those
    /// sent and answered within one rebuild).
    pub(crate) latency_us: Vec<f64>,
    /// Wall times of the rebuilds run during the phase (`/reindex` → its reply), seconds.
    pub(crate) rebuild_secs: Vec<f64>,
}

/// The serving benchmark in one mode (`gateway` or `http`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct ServingResult {
    pub(crate) mode: String,
    /// One per concurrency level.
    pub(crate) steady: Vec<LoadResult>,
    /// The same levels while `/reindex` rebuilds the corpus back to back.
    pub(crate) rebuilding: Vec<LoadResult>,
    /// Requests the fake answered with an error status (none expected).
    pub(crate) failed_requests: usize,
}

/// The serving benchmark: the bot under load on one corpus, in each mode. It may come from
/// another run than the tables (`--serving-into`), hence its own command and date.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Serving {
    pub(crate) command: String,
    pub(crate) date: String,
    /// A release build (the latency target is judged only then).
    pub(crate) release: bool,
    /// Paragraphs of the served corpus (each rebuild rebuilds them all).
    pub(crate) paragraphs: usize,
    /// Distinct `/ask` questions cycled through.
    pub(crate) questions: usize,
    /// Interactions counted per level and phase (at least, during rebuilds).
    pub(crate) per_level: usize,
    /// Rebuilds at least per level during rebuilds (1 in results written before it was set).
    #[serde(default = "one")]
    pub(crate) min_rebuilds: usize,
    pub(crate) modes: Vec<ServingResult>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Report {
    pub(crate) command: String,
    pub(crate) date: String,
    pub(crate) machine: Machine,
    pub(crate) sizes: Vec<SizeResult>,
    /// `add` of a 20-paragraph statement to the shipped corpus and the rebuild (absent from
    /// results files written before it was measured).
    #[serde(default)]
    pub(crate) add: Option<AddResult>,
    /// The serving benchmark (absent from results files written before it existed).
    #[serde(default)]
    pub(crate) serving: Option<Serving>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Machine {
    pub(crate) cpu: String,
    pub(crate) cores: usize,
    pub(crate) memory_gib: f64,
    pub(crate) kernel: String,
    pub(crate) profile: String,
}

fn one() -> usize {
    1
}
