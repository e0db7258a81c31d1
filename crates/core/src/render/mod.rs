//! Render: answers → values (Discord embed specs within Discord's limits, terminal text, JSON).

pub mod brief;
pub mod components;
pub mod digest;
pub mod embed;
pub mod ics;
pub mod json;
pub mod text;
pub mod watch;

use crate::query::snippet::{is_table_rule, Snippet};

/// "1 January – 31 December 2027" → "in 1 January – 31 December 2027"; the other windows read
/// as they are ("from 3 December 2026 on (the next one)", "overdue on …").
pub(crate) fn asked_days(days: &str) -> String {
    match days.starts_with(|c: char| c.is_ascii_digit()) {
        true => format!("in {days}"),
        false => days.to_string(),
    }
}

/// Byte ranges of a table row's cells (`| a | b |` → the ranges of `a` and `b`), if it is one.
fn table_cells(line: &str) -> Option<Vec<(usize, usize)>> {
    let t = line.trim();
    if !(t.len() > 1 && t.starts_with('|') && t.ends_with('|')) {
        return None;
    }
    let mut cells = Vec::new();
    let mut cell_start = None;
    for (i, c) in line.char_indices() {
        if c == '|' {
            if let Some(from) = cell_start {
                let cell: &str = &line[from..i];
                let lead = cell.len() - cell.trim_start().len();
                let trail = cell.len() - cell.trim_end().len();
                if !cell.trim().is_empty() {
                    cells.push((from + lead, i - trail));
                }
            }
            cell_start = Some(i + 1);
        }
    }
    Some(cells)
}

/// `line[from..to]` escaped, with the highlights inside it wrapped by `open`/`close`.
fn mark_range(
    line: &str,
    (from, to): (usize, usize),
    highlights: &[(usize, usize)],
    (open, close): (&str, &str),
    escape: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    let mut at = from;
    for &(a, b) in highlights {
        if a < at || b > to {
            continue;
        }
        out.push_str(&escape(&line[at..a]));
        out.push_str(open);
        out.push_str(&escape(&line[a..b]));
        out.push_str(close);
        at = b;
    }
    out.push_str(&escape(&line[at..to]));
    out
}

/// The line above passages that answer a fact command which found no fact of its kind.
pub fn passages_notice(a: &crate::query::Answer) -> Option<String> {
    a.passages_instead
        .map(|kind| format!("No {} fact matched; the statements say:", kind.as_str()))
}

/// Writes a snippet with its matches wrapped by `mark`, escaping the rest with `escape`,
/// table rows prettified and cut ends shown with an ellipsis.
pub fn marked_snippet(
    s: &Snippet,
    open: &str,
    close: &str,
    escape: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    if s.cut_before {
        out.push('…');
    }
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in s.text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        if is_table_rule(line.trim()) {
            continue;
        }
        // Highlights relative to this line.
        let local: Vec<(usize, usize)> = s
            .highlights
            .iter()
            .filter(|&&(a, b)| a >= start && b <= start + line.len())
            .map(|&(a, b)| (a - start, b - start))
            .collect();
        let marks = (open, close);
        let rendered = match table_cells(line) {
            // A table row reads as `a · b`.
            Some(cells) => cells
                .into_iter()
                .map(|cell| mark_range(line, cell, &local, marks, escape))
                .collect::<Vec<_>>()
                .join(" · "),
            None => mark_range(line, (0, line.len()), &local, marks, escape),
        };
        lines.push(rendered);
    }
    out.push_str(&lines.join("\n"));
    if s.cut_after {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_read_as_cells_with_marks_and_escapes() {
        let text = "| Area | Focus |\n|---|---|\n| Maritime_Security | Strengthen border patrols |";
        let from = text.find("patrols").unwrap();
        let s = Snippet {
            text: text.to_string(),
            highlights: vec![(from, from + "patrols".len())],
            cut_before: false,
            cut_after: true,
        };
        let escape = |t: &str| t.replace('_', "\\_");
        assert_eq!(
            marked_snippet(&s, "**", "**", &escape),
            "Area · Focus\nMaritime\\_Security · Strengthen border **patrols**…"
        );
    }
}
