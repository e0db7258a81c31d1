//! Snippets: a sentence-aligned fragment of a paragraph with the matched words marked.

use crate::analysis;
use serde::Serialize;
use std::collections::HashSet;

/// A fragment of a paragraph; `highlights` are byte ranges into `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
    /// The fragment starts or ends inside the paragraph (render an ellipsis there).
    pub cut_before: bool,
    pub cut_after: bool,
}

impl Snippet {
    /// The distinct words marked, in order of appearance.
    pub fn matched_words(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        self.highlights
            .iter()
            .map(|&(a, b)| self.text[a..b].to_string())
            .filter(|w| seen.insert(w.to_lowercase()))
            .collect()
    }
}

/// Byte ranges of the sentences (and list items, table rows) of `text`.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (line_start, line) in line_spans(text) {
        let trimmed = line.trim();
        if trimmed.is_empty() || is_table_rule(trimmed) {
            continue;
        }
        let bytes = line.as_bytes();
        let mut start = 0;
        for i in 0..bytes.len() {
            if !matches!(bytes[i], b'.' | b'!' | b'?') {
                continue;
            }
            // The mark is one ASCII byte, so `i + 1` is a char boundary.
            let next_space = bytes.get(i + 1).is_none_or(|b| *b == b' ');
            let next_upper = line[i + 1..]
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| c.is_uppercase() || c == '“' || c == '"');
            if next_space && next_upper {
                push_trimmed(&mut out, line, line_start, start, i + 1);
                start = i + 1;
            }
        }
        push_trimmed(&mut out, line, line_start, start, line.len());
    }
    out
}

fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split('\n').map(move |line| {
        let start = offset;
        offset += line.len() + 1;
        (start, line)
    })
}

fn push_trimmed(out: &mut Vec<(usize, usize)>, line: &str, base: usize, from: usize, to: usize) {
    let piece = &line[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().is_empty() {
        return;
    }
    out.push((base + from + lead, base + to - trail));
}

/// Whether the sentence ending at `end` is a table's header row (the next line is its rule).
fn is_table_header(text: &str, end: usize) -> bool {
    text[..end].ends_with('|')
        && text[end..]
            .strip_prefix('\n')
            .and_then(|rest| rest.lines().next())
            .is_some_and(|line| is_table_rule(line.trim()))
}

/// `|---|---|`: a Markdown table's rule line.
pub fn is_table_rule(line: &str) -> bool {
    line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Builds the snippet of `text` best covering `wanted` (analysed terms), at most about `max` bytes.
pub fn make(text: &str, wanted: &HashSet<String>, max: usize) -> Snippet {
    make_with(
        &mut analysis::analyzer(),
        text,
        wanted,
        &HashSet::new(),
        max,
    )
}

/// [`make`] with an analyzer the caller already has (building one per snippet costs more than
/// the snippet), and `focus`: the wanted terms that choose the sentence before the others (the
/// asked field, "chaired", rather than the name of what is asked about, "ADMM-18").
///
/// A table row holding matches that is the best sentence is the whole snippet: its neighbours
/// are other rows, about other things.
pub fn make_with(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    text: &str,
    wanted: &HashSet<String>,
    focus: &HashSet<String>,
    max: usize,
) -> Snippet {
    let tokens = analysis::terms(analyzer, text);
    let hits: Vec<(usize, usize, &str)> = tokens
        .iter()
        .filter(|t| wanted.contains(&t.text))
        .map(|t| (t.from, t.to, t.text.as_str()))
        .collect();
    let sents = sentences(text);
    if sents.is_empty() {
        return Snippet {
            text: String::new(),
            highlights: Vec::new(),
            cut_before: false,
            cut_after: false,
        };
    }
    // Best sentence: one with matches, not a table's header row (the rows say what the table
    // says), most distinct focus terms, then most distinct matched terms, then most hits, then
    // earliest.
    let score = |&(a, b): &(usize, usize)| {
        let inside: Vec<&str> = hits
            .iter()
            .filter(|h| h.0 >= a && h.1 <= b)
            .map(|h| h.2)
            .collect();
        if inside.is_empty() {
            return (false, false, 0, 0, 0);
        }
        let distinct: HashSet<&str> = inside.iter().copied().collect();
        let focused = distinct.iter().filter(|t| focus.contains(**t)).count();
        let header = is_table_header(text, b);
        (true, !header, focused, distinct.len(), inside.len())
    };
    let mut best = 0;
    let mut best_score = score(&sents[0]);
    for (i, s) in sents.iter().enumerate().skip(1) {
        let sc = score(s);
        if sc > best_score {
            best = i;
            best_score = sc;
        }
    }
    let (mut from, mut to) = sents[best];
    let row = best_score.0 && text[from..to].starts_with('|');
    // Grow with the following sentences, then the preceding ones, while within budget.
    let mut next = best + 1;
    while !row && next < sents.len() && sents[next].1 - from <= max {
        to = sents[next].1;
        next += 1;
    }
    let mut prev = best;
    while !row && prev > 0 && to - sents[prev - 1].0 <= max {
        prev -= 1;
        from = sents[prev].0;
    }
    if to - from > max + max / 2 {
        // One long sentence: the window of `max` bytes holding the most distinct matches.
        let inside: Vec<&(usize, usize, &str)> =
            hits.iter().filter(|h| h.0 >= from && h.1 <= to).collect();
        let anchor = inside
            .iter()
            .map(|h| {
                let distinct: HashSet<&str> = inside
                    .iter()
                    .filter(|o| o.0 >= h.0 && o.1 <= h.0 + max * 2 / 3)
                    .map(|o| o.2)
                    .collect();
                (distinct.len(), std::cmp::Reverse(h.0))
            })
            .zip(inside.iter())
            .max_by_key(|(k, _)| *k)
            .map_or(from, |(_, h)| h.0);
        let start = floor_word(text, anchor.saturating_sub(max / 3).max(from));
        let end = ceil_word(text, (start + max).min(to), to);
        from = start;
        to = end.max(start);
    }
    let highlights = hits
        .iter()
        .filter(|h| h.0 >= from && h.1 <= to)
        .map(|h| (h.0 - from, h.1 - from))
        .collect();
    Snippet {
        text: text[from..to].to_string(),
        highlights,
        cut_before: from > first_content(text),
        cut_after: to < text.trim_end().len(),
    }
}

fn first_content(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

/// Start of the word containing `i` (or `i` itself at a boundary).
fn floor_word(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    let before = &text[..i];
    match before.rfind(char::is_whitespace) {
        Some(ws) if i - ws < 30 => ws + before[ws..].chars().next().map_or(1, char::len_utf8),
        _ => i,
    }
}

/// End of the word containing `i`, not past `limit`.
fn ceil_word(text: &str, mut i: usize, limit: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    let after = &text[i..limit.max(i)];
    match after.find(char::is_whitespace) {
        Some(ws) if ws < 30 => i + ws,
        _ if i >= limit => limit,
        _ => {
            // Back off to the previous space rather than cutting a word.
            text[..i].rfind(char::is_whitespace).unwrap_or(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn picks_the_sentence_with_the_matches_and_marks_them() {
        let text = "First sentence is dull. The meeting was held in Vientiane. Last one.";
        let s = make(text, &wanted(&["vientian"]), 30);
        assert_eq!(s.text, "The meeting was held in Vientiane.");
        assert_eq!(s.matched_words(), ["Vientiane"]);
        assert!(s.cut_before && s.cut_after);
    }

    #[test]
    fn long_sentence_is_cut_at_word_boundaries_around_the_match() {
        let text = format!(
            "{} target word {}",
            "alpha ".repeat(60),
            "omega ".repeat(60)
        );
        let s = make(&text, &wanted(&["target"]), 80);
        assert!(s.text.len() <= 110, "{}", s.text.len());
        assert!(s.text.contains("target"));
        assert!(!s.text.starts_with(' ') && !s.text.ends_with(' '));
        assert!(
            s.text
                .split_whitespace()
                .all(|w| ["alpha", "omega", "target", "word"].contains(&w)),
            "{}",
            s.text
        );
    }

    /// Regression (issue 13, answers 2): "who chaired ADMM-18" showed the sentence naming the
    /// meeting, never the one naming the chair.
    #[test]
    fn the_focus_chooses_the_sentence() {
        let text = "The 18th meeting (ADMM-18) was held in Vientiane. It was chaired by Laos.";
        let all = wanted(&["admm", "18", "chair"]);
        let s = make_with(
            &mut analysis::analyzer(),
            text,
            &all,
            &wanted(&["chair"]),
            50,
        );
        assert_eq!(s.text, "It was chaired by Laos.");
        assert_eq!(s.matched_words(), ["chaired"]);
        let s = make(text, &all, 50);
        assert_eq!(s.text, "The 18th meeting (ADMM-18) was held in Vientiane.");
    }

    /// Regression (issue 13, answers 6; issue 10, citations): a table citation showed the first
    /// rows, not the row of the initiative.
    #[test]
    fn a_table_row_is_cited_alone() {
        let text = "| Initiative | Timeline |\n|---|---|\n| Joint Exercises | 2024 |\n\
                    | Capacity Building | 2026 |\n| Task Force | 2025 |";
        let s = make(text, &wanted(&["capac", "build"]), 280);
        assert_eq!(s.text, "| Capacity Building | 2026 |");
        assert_eq!(s.matched_words(), ["Capacity", "Building"]);
        assert!(s.cut_before && s.cut_after);
        // The header row is chosen only when no other row matches.
        let s = make(text, &wanted(&["timelin", "task"]), 280);
        assert_eq!(s.text, "| Task Force | 2025 |");
        let s = make(text, &wanted(&["timelin"]), 280);
        assert_eq!(s.text, "| Initiative | Timeline |");
    }

    #[test]
    fn table_rules_are_skipped_and_rows_are_sentences() {
        let text = "| A | B |\n|---|---|\n| Maritime Security | Strengthen border patrols |";
        let s = make(text, &wanted(&["patrol"]), 40);
        assert_eq!(s.text, "| Maritime Security | Strengthen border patrols |");
        assert_eq!(s.matched_words(), ["patrols"]);
    }
}
