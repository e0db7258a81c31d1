//! Render: answers → values (Discord embed specs within Discord's limits, terminal text, JSON).

pub mod digest;
pub mod embed;
pub mod json;
pub mod text;

use crate::query::snippet::{is_table_rule, Snippet};

/// A table row `| a | b |` reads as `a · b`; other lines are kept.
pub fn prettify_line(line: &str) -> String {
    let t = line.trim();
    if t.starts_with('|') && t.ends_with('|') && t.len() > 1 {
        t.trim_matches('|')
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    } else {
        line.to_string()
    }
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
        let mut piece = String::new();
        let mut at = 0;
        for &(a, b) in &s.highlights {
            if a < start || b > start + line.len() {
                continue;
            }
            let (a, b) = (a - start, b - start);
            piece.push_str(&escape(&line[at..a]));
            piece.push_str(open);
            piece.push_str(&escape(&line[a..b]));
            piece.push_str(close);
            at = b;
        }
        piece.push_str(&escape(&line[at..]));
        lines.push(prettify_line(&piece));
    }
    out.push_str(&lines.join("\n"));
    if s.cut_after {
        out.push('…');
    }
    out
}
