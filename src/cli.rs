//! Command-line transport: `index`, the query commands, an offline `console` and the feedback
//! `report`.

use crate::config::{Config, DigestConfig};
use crate::feedback::{self, FeedbackStore};
use agenda_core::command::{self, Response};
use agenda_core::digest::{self, Days};
use agenda_core::index::AgendaIndex;
use agenda_core::query::{self, Scope};
use agenda_core::render;
use anyhow::{Context, Result};
use jiff::civil::Date;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

/// One query command on the date `today` (for time words), printed as text or JSON.
pub fn run_query(
    idx: &AgendaIndex,
    scope: Scope,
    text: &str,
    json: bool,
    today: Date,
    out: &mut dyn Write,
) -> Result<()> {
    let answer = query::answer_on(idx, scope, text, today)?;
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

/// How the console talks to its user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleMode {
    /// A person at a terminal: a greeting, a `> ` prompt, coloured highlights.
    Terminal,
    /// Lines piped in: each is echoed after `> ` before its reply, so the output reads as a
    /// transcript.
    Piped,
}

/// `agenda-bot console`: reads lines as a Discord user would type them and prints the reply
/// chat would give ([`command::respond_to_line`]); `/upcoming` looks from today in
/// `digest.timezone` over `digest.days`.
pub fn console(
    idx: &AgendaIndex,
    digest: &DigestConfig,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    mode: ConsoleMode,
) -> Result<()> {
    if mode == ConsoleMode::Terminal {
        writeln!(
            out,
            "agenda-bot console: type /help, a command, or a question; Ctrl-D to quit."
        )?;
    }
    let mut line = String::new();
    loop {
        if mode == ConsoleMode::Terminal {
            write!(out, "> ")?;
            out.flush()?;
        }
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        let typed = line.trim();
        if typed.is_empty() {
            continue;
        }
        if mode == ConsoleMode::Piped {
            writeln!(out, "> {typed}")?;
        }
        let from = digest.upcoming_from(jiff::Timestamp::now());
        match command::respond_to_line(idx, typed, from)? {
            Response::Answer(answer) => {
                let marks = match mode {
                    ConsoleMode::Terminal => render::text::Marks::Ansi,
                    ConsoleMode::Piped => render::text::Marks::Plain,
                };
                render::text::write_answer(out, &answer, marks)?;
            }
            Response::Upcoming(d) => render::digest::write_text(out, &d)?,
            Response::Help => writeln!(out, "{}", command::HELP)?,
            Response::Notice(notice) => writeln!(out, "{notice}")?,
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `agenda-bot upcoming`: the milestones in `date ..= date + days` (defaults: today in the
/// configured time zone, `digest.days`), as text or JSON.
pub fn upcoming(
    idx: &AgendaIndex,
    settings: &DigestConfig,
    date: Option<Date>,
    days: Option<Days>,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let today = date.unwrap_or_else(|| settings.today(jiff::Timestamp::now()));
    let d = digest::upcoming(idx, today, days.unwrap_or(settings.days).get());
    if json {
        // Serialised first so that a closed pipe is an I/O error (quietly ignored by `main`).
        let text = serde_json::to_string_pretty(&render::digest::json(&d))?;
        writeln!(out, "{text}")?;
    } else {
        render::digest::write_text(out, &d)?;
    }
    Ok(())
}

/// `agenda-bot brief`: what to read before the meeting `asked` names, as of `today`; a name
/// that matches no meeting is said so (not a failure).
pub fn brief(idx: &AgendaIndex, asked: &str, today: Date, out: &mut dyn Write) -> Result<()> {
    match agenda_core::brief::brief(idx, asked, today) {
        Ok(brief) => render::brief::write_text(out, &brief)?,
        Err(e @ agenda_core::brief::BriefError::NoMeeting(_)) => writeln!(out, "{e}")?,
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// `agenda-bot report`: the questions that found nothing and the answers voted 👎 since `since`
/// (a date in `digest.timezone`), most frequent first, as text or JSON. Lines of the feedback
/// file that cannot be read are named on standard error and skipped.
pub fn report(config: &Config, since: Option<Date>, json: bool, out: &mut dyn Write) -> Result<()> {
    let store = FeedbackStore::for_config(config)?;
    let read = match &store {
        FeedbackStore::File(log) => log.read()?,
        FeedbackStore::Postgres(_) => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
            .block_on(store.read())
            .with_context(|| format!("cannot read the feedback in {}", store.describe()))?,
    };
    for skipped in &read.skipped {
        tracing::warn!("skipped {skipped}");
    }
    let since = match since {
        Some(day) => Some(
            day.to_zoned(config.digest.timezone.clone())
                .context("the --since day does not exist in digest.timezone")?
                .timestamp(),
        ),
        None => None,
    };
    let report = feedback::report(&read.records, since);
    if json {
        let text = serde_json::to_string_pretty(
            &serde_json::json!({ "results": report.rows, "helpful": report.helpful }),
        )?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    if !config.feedback.enabled {
        writeln!(
            out,
            "Feedback is off: set `[feedback] enabled = true` in the config to record it."
        )?;
    }
    feedback::write_report(&report, out)?;
    Ok(())
}

/// `agenda-bot ics`: every milestone as an iCalendar feed, to `output` (replaced atomically)
/// or to `out`. DTSTAMP is the index's build time, so the feed only changes with the corpus.
pub fn ics(idx: &AgendaIndex, output: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let feed = render::ics::feed(idx, render::ics::index_stamp(idx));
    match output {
        Some(path) => agenda_core::atomic_file::write(path, feed.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => out.write_all(feed.as_bytes())?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::testing::shipped_index;

    fn run(f: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> String {
        let mut buf = Vec::new();
        f(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn upcoming_command_prints_text_and_json() {
        let idx = shipped_index();
        let settings = DigestConfig::default();
        let date = Some(jiff::civil::date(2026, 11, 22));
        let text = run(|out| upcoming(&idx, &settings, date, Days::new(60).ok(), false, out));
        assert!(text.contains("Lao PDR Defence Capacity Building"), "{text}");
        let json = run(|out| upcoming(&idx, &settings, date, Days::new(60).ok(), true, out));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["results"][0]["id"], "lao-pdr-defence-capacity-building");
        // The default window is `digest.days` (30).
        let short = run(|out| upcoming(&idx, &settings, date, None, true, out));
        let v: serde_json::Value = serde_json::from_str(&short).unwrap();
        assert_eq!(v["days"], 30);
        assert_eq!(v["through"], "2026-12-22");
        // Nothing of the shipped corpus is dated in 2030.
        let empty = run(|out| {
            upcoming(
                &idx,
                &settings,
                Some(jiff::civil::date(2030, 1, 1)),
                None,
                false,
                out,
            )
        });
        assert_eq!(empty, "Nothing upcoming in the next 30 days.\n");
    }

    #[test]
    fn console_upcoming_uses_the_digest() {
        let idx = shipped_index();
        let settings = DigestConfig {
            days: Days::new(45).unwrap(),
            ..DigestConfig::default()
        };
        // Today is the real today, so either wording may come; the window length may not.
        let mut input: &[u8] = b"/upcoming 7\n/upcoming\n";
        let out = run(|out| console(&idx, &settings, &mut input, out, ConsoleMode::Piped));
        assert!(!out.contains("not available"), "{out}");
        let firsts: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with("Nothing upcoming") || l.starts_with("Upcoming in"))
            .collect();
        assert_eq!(firsts.len(), 2, "{out}");
        for (line, days) in firsts.iter().zip([7, 45]) {
            assert!(
                line.starts_with(&format!("Nothing upcoming in the next {days} days."))
                    || line.starts_with(&format!("Upcoming in the next {days} days (")),
                "{out}"
            );
        }
    }

    #[test]
    fn ics_writes_the_feed_to_a_file_or_the_output() {
        let idx = shipped_index();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed").join("agenda.ics");
        let printed = run(|out| ics(&idx, None, out));
        assert!(run(|out| ics(&idx, Some(&path), out)).is_empty());
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, printed);
        assert!(written.contains("UID:lao-pdr-defence-capacity-building-ends@agenda-bot"));
    }
}
