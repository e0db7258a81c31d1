//! The naive baseline: every paragraph (and fact text) in memory, searched by case-insensitive
//! substring matching on each query, top results by the number of query words they contain.

use agenda_core::corpus::Corpus;
use agenda_core::query::SNIPPET_BYTES;

struct Doc {
    id: String,
    text: String,
    /// ASCII-lowercased copy (same byte offsets as `text`).
    lower: String,
}

/// All texts, ready to scan.
pub struct Scan {
    docs: Vec<Doc>,
}

/// A result: the document id and a snippet with `**` around matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanHit {
    pub id: String,
    pub snippet: String,
}

impl Scan {
    pub fn build(corpus: &Corpus) -> Scan {
        let mut docs = Vec::new();
        for s in &corpus.statements {
            for p in &s.paragraphs {
                docs.push(Doc {
                    id: format!("{}#{}", s.id, p.number),
                    lower: p.text.to_ascii_lowercase(),
                    text: p.text.clone(),
                });
            }
        }
        for f in &corpus.facts {
            let text = f.search_text();
            docs.push(Doc {
                id: f.id().to_string(),
                lower: text.to_ascii_lowercase(),
                text,
            });
        }
        Scan { docs }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Quoted text is one needle; otherwise each word is one.
    fn needles(query: &str) -> Vec<String> {
        let q = query.to_ascii_lowercase();
        if let Some(start) = q.find('"') {
            let rest = &q[start + 1..];
            let phrase = rest.split('"').next().unwrap_or("").trim();
            if !phrase.is_empty() {
                return vec![phrase.to_string()];
            }
        }
        q.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The `k` documents containing the most needles (earliest first on ties), with snippets.
    pub fn search(&self, query: &str, k: usize) -> Vec<ScanHit> {
        let needles = Self::needles(query);
        if needles.is_empty() || k == 0 {
            return Vec::new();
        }
        let mut top: Vec<(usize, usize)> = Vec::with_capacity(k + 1);
        for (i, d) in self.docs.iter().enumerate() {
            let found = needles
                .iter()
                .filter(|n| d.lower.contains(n.as_str()))
                .count();
            if found == 0 || (top.len() == k && top[k - 1].0 >= found) {
                continue;
            }
            let at = top.partition_point(|t| t.0 >= found);
            top.insert(at, (found, i));
            top.truncate(k);
        }
        top.into_iter()
            .map(|(_, i)| {
                let d = &self.docs[i];
                ScanHit {
                    id: d.id.clone(),
                    snippet: snippet(d, &needles),
                }
            })
            .collect()
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// About [`SNIPPET_BYTES`] around the first match, matches wrapped in `**`.
fn snippet(d: &Doc, needles: &[String]) -> String {
    let first = needles
        .iter()
        .filter_map(|n| d.lower.find(n.as_str()))
        .min()
        .unwrap_or(0);
    let from = floor_boundary(&d.text, first.saturating_sub(SNIPPET_BYTES / 3));
    let to = floor_boundary(&d.text, (from + SNIPPET_BYTES).min(d.text.len()));
    let window = &d.lower[from..to];
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for n in needles {
        let mut at = 0;
        while let Some(i) = window[at..].find(n.as_str()) {
            marks.push((at + i, at + i + n.len()));
            at += i + n.len().max(1);
        }
    }
    marks.sort();
    let text = &d.text[from..to];
    let mut out = String::with_capacity(text.len() + 8 * marks.len());
    let mut at = 0;
    for (a, b) in marks {
        if a < at {
            continue;
        }
        out.push_str(&text[at..a]);
        out.push_str("**");
        out.push_str(&text[a..b]);
        out.push_str("**");
        at = b;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_phrases_case_insensitively() {
        let (sources, _) = crate::gen::generate_sources(500, 3);
        let corpus = Corpus::from_sources(&sources).unwrap();
        let scan = Scan::build(&corpus);
        let p = &corpus.statements[0].paragraphs[1];
        let word = p
            .text
            .split_whitespace()
            .nth(1)
            .unwrap()
            .trim_matches(|c: char| !c.is_alphanumeric());
        let hits = scan.search(&word.to_uppercase(), 5);
        assert!(!hits.is_empty());
        assert!(hits[0].snippet.contains("**"), "{}", hits[0].snippet);
        let phrase: Vec<&str> = p.text.split_whitespace().take(2).collect();
        let hits = scan.search(&format!("\"{}\"", phrase.join(" ")), 5);
        assert!(hits
            .iter()
            .any(|h| h.id == format!("{}#2", corpus.statements[0].id)));
    }
}
