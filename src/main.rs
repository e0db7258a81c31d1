//! The `agenda-bot` binary: CLI entry point (exit 0 answer or nothing found, 1 failure, 2 usage).

use agenda_bot::{cli, config::Config};
use agenda_core::digest::Days;
use agenda_core::query::Scope;
use anyhow::Result;
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "agenda-bot",
    version,
    about = "Cited answers about the ASEAN defence-cooperation agenda"
)]
struct Cli {
    /// Path to the configuration file.
    #[arg(long, global = true, default_value = "config.toml")]
    config: PathBuf,
    /// Log format: `plain` text, `json` lines for collectors, or `auto` (plain; colours only
    /// on a terminal).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Auto)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogFormat {
    Auto,
    Plain,
    Json,
}

#[derive(Subcommand)]
enum Cmd {
    /// Validate the corpus and (re)build the index if it changed.
    Index,
    /// Find a meeting: /meeting AMIM-21, "21st intelligence meeting", "who attended".
    Meeting(QueryArgs),
    /// Find an initiative: expected outcome and timeline.
    Initiative(QueryArgs),
    /// Find a cooperation mechanism or body by name or acronym.
    Mechanism(QueryArgs),
    /// Ask any question; statements and facts are searched together.
    Ask(QueryArgs),
    /// Offline prompt taking the lines a Discord user types (/meeting AMIM-21, /ask ...).
    Console,
    /// Milestones coming up: initiative starts, ends and deadlines, and meetings, with citations.
    Upcoming(UpcomingArgs),
    /// Before a meeting: the meeting, the previous one and what it agreed, what falls due within
    /// a year, the latest statements (a series alone, e.g. ADMM, means its next meeting).
    Brief(QueryArgs),
    /// Write every milestone as an iCalendar (.ics) feed.
    Ics(IcsArgs),
    /// Add statements (text, Markdown; `-` reads standard input): writes the statement and its
    /// extracted facts, then rebuilds the index.
    Add(AddArgs),
    /// List the extracted facts (not yet reviewed by a person) and the paragraphs they cite.
    Facts(FactsArgs),
    /// The team's to-do list: questions that found nothing and answers voted 👎 (recorded with
    /// `[feedback] enabled = true`), most frequent first.
    Report(ReportArgs),
    /// Re-extract the raw seed statements into an empty corpus and compare with the hand-written facts.
    #[command(hide = true)]
    EvalExtraction(EvalArgs),
    /// Run the Discord bot (token from DISCORD_TOKEN) until SIGINT/SIGTERM.
    #[cfg(feature = "discord")]
    Run(RunArgs),
}

#[cfg(feature = "discord")]
#[derive(clap::Args)]
struct RunArgs {
    /// Tests and local trials only: send REST and gateway traffic to a fake Discord at this
    /// loopback base URL (`http://127.0.0.1:PORT`); any other host is refused.
    #[arg(long, hide = true, value_parser = parse_loopback_url)]
    api_proxy: Option<String>,
    /// Serve Prometheus `/metrics`, `/healthz` (up), `/readyz` (ready) and `/calendar.ics` on
    /// this address (e.g. 127.0.0.1:9100; keep it private).
    #[arg(long)]
    metrics: Option<std::net::SocketAddr>,
    /// Serve Discord's HTTP interactions at POST /interactions on this address (e.g.
    /// 127.0.0.1:8080, behind a TLS reverse proxy); requests are verified against
    /// DISCORD_PUBLIC_KEY. The same address as --metrics serves both.
    #[arg(long, value_name = "ADDR")]
    interactions: Option<std::net::SocketAddr>,
    /// With --interactions: do not connect to the gateway (a stateless replica; no answers to
    /// chat messages, which only the gateway delivers).
    #[arg(long, requires = "interactions")]
    no_gateway: bool,
}

/// A `--api-proxy` that is not an `http://` URL on a loopback address.
#[cfg(feature = "discord")]
#[derive(Debug, thiserror::Error)]
#[error("{0:?} is not an http:// URL on 127.0.0.0/8, [::1] or localhost")]
struct NotLoopback(String);

#[cfg(feature = "discord")]
fn parse_loopback_url(s: &str) -> Result<String, NotLoopback> {
    agenda_bot::net::is_loopback_url(s)
        .then(|| s.trim_end_matches('/').to_string())
        .ok_or_else(|| NotLoopback(s.to_string()))
}

#[derive(clap::Args)]
struct UpcomingArgs {
    /// First day of the window, YYYY-MM-DD [default: today in digest.timezone].
    #[arg(long, value_parser = parse_date)]
    date: Option<jiff::civil::Date>,
    /// How many days ahead to look, 1-366 [default: digest.days].
    #[arg(long)]
    days: Option<Days>,
    /// Print JSON with a top-level `results` array.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct AddArgs {
    /// Statement files (.txt pasted text, .md Markdown, .html saved pages), http(s) URLs, or `-`
    /// for standard input.
    #[arg(required = true, num_args = 1..)]
    inputs: Vec<String>,
    /// The title, when the text has none.
    #[arg(long)]
    title: Option<String>,
    /// The publisher ("Vietnam News Agency (VNA)").
    #[arg(long)]
    source: Option<String>,
    /// Publication date, YYYY-MM-DD (gives dates written without a year their year).
    #[arg(long)]
    published: Option<String>,
    /// Where the statement was published.
    #[arg(long)]
    url: Option<String>,
    /// The statement id (default: from the title).
    #[arg(long)]
    id: Option<String>,
    /// Print what would be written; write nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(clap::Args)]
struct FactsArgs {
    /// Only the facts citing this statement.
    #[arg(long)]
    statement: Option<String>,
    /// Print JSON with a top-level `results` array.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct ReportArgs {
    /// Only what was recorded from this day on, YYYY-MM-DD (in digest.timezone).
    #[arg(long, value_parser = parse_date)]
    since: Option<jiff::civil::Date>,
    /// Print JSON with a top-level `results` array.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// The raw seed statements.
    #[arg(long, default_value = "tests/fixtures/seeds")]
    seeds: PathBuf,
    /// The corpus whose hand-written facts are the gold set [default: the configured corpus].
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Instead: a fixture set, NAME.txt/.md/.html with its gold facts in NAME.gold.toml.
    #[arg(long)]
    fixtures: Option<PathBuf>,
}

#[derive(clap::Args)]
struct IcsArgs {
    /// Write the feed to this file (replaced atomically) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// A `--date` that is not a calendar date written `YYYY-MM-DD`.
#[derive(Debug, thiserror::Error)]
#[error("{0:?} is not a date like 2026-11-22")]
struct NotADate(String);

fn parse_date(s: &str) -> Result<jiff::civil::Date, NotADate> {
    let s = s.trim();
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    ok.then(|| s.parse().ok())
        .flatten()
        .ok_or_else(|| NotADate(s.to_string()))
}

#[derive(clap::Args)]
struct QueryArgs {
    /// The query, as a team member would type it (put `--` before text starting with `-`).
    #[arg(required = true, num_args = 1..)]
    query: Vec<String>,
    /// Print JSON with a top-level `results` array.
    #[arg(long)]
    json: bool,
    /// The day time words count from ("next", "upcoming", "this year"), YYYY-MM-DD [default:
    /// today in digest.timezone].
    #[arg(long, value_parser = parse_date)]
    today: Option<jiff::civil::Date>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The bot logs one info line per command; the CLI stays quiet unless asked.
    // serenity's gateway logs a WARN per failed reconnect; the bot logs each change of state.
    let default_filter = if cli.is_bot() {
        "warn,agenda_bot=info,serenity::gateway=error,serenity::gateway::bridge=off"
    } else {
        "warn"
    };
    let logs = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| default_filter.into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && cli.log_format == LogFormat::Auto);
    if cli.log_format == LogFormat::Json {
        logs.json().init();
    } else if cli.is_bot() {
        logs.init();
    } else {
        // A CLI user reads warnings (a broken corpus) as messages: `WARN answering from ...`.
        logs.without_time()
            .with_target(false)
            .with_ansi(std::io::stderr().is_terminal())
            .init();
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

impl Cli {
    fn is_bot(&self) -> bool {
        #[cfg(feature = "discord")]
        if matches!(self.command, Cmd::Run(_)) {
            return true;
        }
        false
    }
}

fn run(cli: Cli) -> Result<()> {
    let config = Config::load(&cli.config)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let query = |scope: Scope, args: QueryArgs, out: &mut dyn std::io::Write| -> Result<()> {
        let idx = agenda_bot::index_service::open_index(&config)?;
        let today = args
            .today
            .unwrap_or_else(|| config.digest.today(jiff::Timestamp::now()));
        cli::run_query(&idx, scope, &args.query.join(" "), args.json, today, out)
    };
    match cli.command {
        Cmd::Index => agenda_bot::index_service::build(&config, &mut out),
        Cmd::Meeting(a) => query(Scope::Meeting, a, &mut out),
        Cmd::Initiative(a) => query(Scope::Initiative, a, &mut out),
        Cmd::Mechanism(a) => query(Scope::Mechanism, a, &mut out),
        Cmd::Ask(a) => query(Scope::Ask, a, &mut out),
        Cmd::Brief(a) => {
            let idx = agenda_bot::index_service::open_index(&config)?;
            let today = a
                .today
                .unwrap_or_else(|| config.digest.today(jiff::Timestamp::now()));
            cli::brief(&idx, &a.query.join(" "), today, &mut out)
        }
        Cmd::Console => {
            let idx = agenda_bot::index_service::open_index(&config)?;
            let mode = if std::io::stdin().is_terminal() {
                cli::ConsoleMode::Terminal
            } else {
                cli::ConsoleMode::Piped
            };
            let mut input = std::io::stdin().lock();
            cli::console(&idx, &config.digest, &mut input, &mut out, mode)
        }
        Cmd::Upcoming(a) => {
            let idx = agenda_bot::index_service::open_index(&config)?;
            cli::upcoming(&idx, &config.digest, a.date, a.days, a.json, &mut out)
        }
        Cmd::Ics(a) => {
            let idx = agenda_bot::index_service::open_index(&config)?;
            cli::ics(&idx, a.output.as_deref(), &mut out)
        }
        Cmd::Add(a) => {
            let overrides = agenda_core::ingest::Overrides {
                title: a.title,
                source: a.source,
                published: a.published,
                url: a.url,
                id: a.id,
            };
            agenda_bot::add::run_cli(&config, &a.inputs, &overrides, a.dry_run, &mut out)
        }
        Cmd::Facts(a) => {
            let corpus = agenda_core::corpus::Corpus::load(&config.corpus_dir)?;
            agenda_bot::add::list_facts(&corpus, a.statement.as_deref(), a.json, &mut out)
        }
        Cmd::Report(a) => cli::report(&config, a.since, a.json, &mut out),
        Cmd::EvalExtraction(a) => {
            use agenda_bot::extraction_eval::{evaluate, evaluate_fixtures};
            let (report, skipped) = match &a.fixtures {
                Some(dir) => evaluate_fixtures(dir)?,
                None => {
                    let gold = a.gold.unwrap_or_else(|| config.corpus_dir.clone());
                    (evaluate(&gold, &a.seeds)?, Vec::new())
                }
            };
            std::io::Write::write_all(&mut out, report.table().as_bytes())?;
            for s in skipped {
                std::io::Write::write_all(&mut out, format!("skipped {s}\n").as_bytes())?;
            }
            Ok(())
        }
        #[cfg(feature = "discord")]
        Cmd::Run(a) => {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            let result = runtime.block_on(agenda_bot::discord::run(
                config.clone(),
                agenda_bot::discord::RunOptions {
                    api_proxy: a.api_proxy,
                    metrics: a.metrics,
                    interactions: a.interactions,
                    no_gateway: a.no_gateway,
                },
            ));
            // Tasks still running (a reconnect, a rebuild) do not hold up the exit.
            runtime.shutdown_timeout(std::time::Duration::from_millis(200));
            result
        }
    }
}

/// Output piped into `head` and closed early is not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
