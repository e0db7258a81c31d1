//! Command-line transport: `index`, the query commands, and an offline `console`.

use crate::command::{self, Command};
use crate::config::Config;
use crate::index::{self, AgendaIndex, BuildOutcome, IndexError};
use crate::query::{self, Scope};
use crate::render;
use anyhow::{Context, Result};
use std::io::{BufRead, IsTerminal, Write};

/// Opens the index for answering, building it first when the corpus changed.
/// A corpus with errors is reported and the last good index keeps answering.
pub fn open_index(config: &Config) -> Result<AgendaIndex> {
    match index::ensure_built(&config.corpus_dir, &config.index_dir) {
        Ok(BuildOutcome::Built) => {
            tracing::info!(dir = %config.index_dir.display(), "index rebuilt from the corpus")
        }
        Ok(BuildOutcome::UpToDate) => {}
        Err(IndexError::Corpus(errors)) => {
            if index::current_generation(&config.index_dir)?.is_none() {
                return Err(errors).context("cannot build the index");
            }
            eprintln!("warning: {errors}\nwarning: answering from the last good index");
        }
        Err(e) => return Err(e).context("cannot build the index"),
    }
    AgendaIndex::open(&config.index_dir).context("cannot open the index")
}

/// `agenda-bot index`: validates the corpus and builds the index if it changed.
pub fn build(config: &Config, out: &mut dyn Write) -> Result<()> {
    let started = std::time::Instant::now();
    let outcome = index::ensure_built(&config.corpus_dir, &config.index_dir)?;
    let idx = AgendaIndex::open(&config.index_dir)?;
    let m = &idx.manifest;
    let verb = match outcome {
        BuildOutcome::Built => "built",
        BuildOutcome::UpToDate => "up to date",
    };
    writeln!(
        out,
        "index {verb}: {} statements, {} paragraphs, {} facts ({:.0?})",
        m.statements,
        m.paragraphs,
        m.facts,
        started.elapsed()
    )?;
    Ok(())
}

/// One query command, printed as text or JSON.
pub fn run_query(
    idx: &AgendaIndex,
    scope: Scope,
    text: &str,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let answer = query::answer(idx, scope, text)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &render::json::answer(&answer))?;
        writeln!(out)?;
    } else {
        let marks = if std::io::stdout().is_terminal() {
            render::text::Marks::Ansi
        } else {
            render::text::Marks::Plain
        };
        render::text::write_answer(out, &answer, marks)?;
    }
    Ok(())
}

/// `agenda-bot console`: reads lines as a Discord user would type them and prints the rendered reply.
pub fn console(
    idx: &AgendaIndex,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    interactive: bool,
) -> Result<()> {
    if interactive {
        writeln!(
            out,
            "agenda-bot console: type /help, a command, or a question; Ctrl-D to quit."
        )?;
    }
    let mut line = String::new();
    loop {
        if interactive {
            write!(out, "> ")?;
            out.flush()?;
        }
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        match command::parse_line(&line) {
            Command::Query { scope, text } => {
                let answer = query::answer(idx, scope, &text)?;
                let marks = if interactive {
                    render::text::Marks::Ansi
                } else {
                    render::text::Marks::Plain
                };
                render::text::write_answer(out, &answer, marks)?;
            }
            Command::Upcoming { days } => upcoming_text(idx, days, out)?,
            Command::Help => writeln!(out, "{}", command::HELP)?,
            Command::Unknown { name } => writeln!(out, "Unknown command /{name}. Try /help.")?,
        }
        writeln!(out)?;
    }
    Ok(())
}

fn upcoming_text(_idx: &AgendaIndex, _days: Option<u32>, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "/upcoming is not available in this build yet.")?;
    Ok(())
}
