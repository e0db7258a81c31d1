//! Terminal rendering of answers (matches in bold with ANSI when asked, `**word**` otherwise).

use super::marked_snippet;
use crate::query::{Answer, Citation, Hit};
use std::io::{self, Write};

/// How to mark matched words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    Ansi,
    Plain,
}

pub fn write_answer(out: &mut dyn Write, a: &Answer, marks: Marks) -> io::Result<()> {
    if a.results.is_empty() {
        // Bug: a 10,000-character question was echoed whole.
        let echo = super::embed::fit(a.query.trim(), super::embed::QUERY_ECHO);
        writeln!(out, "Nothing found for “{echo}”.")?;
        if let Some(days) = &a.time {
            writeln!(out, "No milestone matches it {}.", super::asked_days(days))?;
        }
        if !a.suggestions.is_empty() {
            writeln!(out, "Did you mean: {}?", a.suggestions.join(", "))?;
        }
        return Ok(());
    }
    if let Some(notice) = super::passages_notice(a) {
        writeln!(out, "{notice}")?;
    }
    for (i, hit) in a.results.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let planned = a.planned.contains(&hit.id());
        write_hit(out, hit, marks, planned)?;
    }
    Ok(())
}

fn write_hit(out: &mut dyn Write, hit: &Hit, marks: Marks, planned: bool) -> io::Result<()> {
    let (b, r) = match marks {
        Marks::Ansi => ("\x1b[1m", "\x1b[0m"),
        Marks::Plain => ("", ""),
    };
    // An extracted fact is marked: no person has reviewed it yet.
    let extracted = match &hit.fact {
        Some(f) if !f.origin().is_hand_written() => ", extracted",
        _ => "",
    };
    let planned = if planned { " — planned" } else { "" };
    writeln!(
        out,
        "{b}{}{r}{planned}  [{} {}{extracted}]",
        hit.title(),
        hit.kind(),
        hit.id()
    )?;
    if let Some(fact) = &hit.fact {
        for (label, value) in fact.fields() {
            writeln!(out, "  {label}: {value}")?;
        }
    }
    for c in &hit.citations {
        write_citation(out, c, marks)?;
    }
    Ok(())
}

pub(crate) fn write_citation(out: &mut dyn Write, c: &Citation, marks: Marks) -> io::Result<()> {
    let (open, close) = match marks {
        Marks::Ansi => ("\x1b[1m", "\x1b[0m"),
        Marks::Plain => ("**", "**"),
    };
    let date = c.date.as_deref().unwrap_or("date unknown");
    writeln!(
        out,
        "  ▸ {} — {}, {}, ¶{}",
        c.statement_title, c.source, date, c.paragraph
    )?;
    let text = marked_snippet(&c.snippet, open, close, &|s| s.to_string());
    for line in text.lines() {
        writeln!(out, "      {line}")?;
    }
    if let Some(url) = &c.url {
        writeln!(out, "      {url}")?;
    }
    Ok(())
}

pub fn to_string(a: &Answer, marks: Marks) -> String {
    let mut buf = Vec::new();
    write_answer(&mut buf, a, marks).expect("writing to a Vec cannot fail");
    String::from_utf8_lossy(&buf).into_owned()
}
