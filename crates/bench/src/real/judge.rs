//! Judging a reply: does it show every element of the answer (any of its forms), case, quotes,
//! dashes, spacing and bold marks aside; and the FTS5 baseline it is compared with.

use crate::fts5::match_expression;
use anyhow::Result;

/// Text folded for comparison: lowercase, straight quotes, plain hyphens, no `**`, one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.replace("**", "").chars() {
        let c = match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' => '"',
            '–' | '—' | '‑' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.extend(c.to_lowercase());
            space = false;
        }
    }
    out.trim_end().to_string()
}

/// Whether `reply` shows every element of `answer`; an element is forms separated by `|`.
pub fn answers(reply: &str, answer: &[String]) -> bool {
    let reply = fold(reply);
    answer.iter().all(|element| {
        element
            .split('|')
            .map(fold)
            .filter(|form| !form.is_empty())
            .any(|form| reply.contains(&form))
    })
}

/// A text's paragraphs as a person sees them: runs of lines between blank lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The baseline: paragraphs in an in-memory SQLite FTS5 table (porter stemming), searched with
/// the question's words OR-ed and ranked by bm25.
pub struct Fts5Paragraphs {
    db: rusqlite::Connection,
}

impl Fts5Paragraphs {
    pub fn build(paragraphs: impl IntoIterator<Item = (String, String)>) -> Result<Fts5Paragraphs> {
        let db = rusqlite::Connection::open_in_memory()?;
        db.execute_batch(
            "CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, body, tokenize = 'porter unicode61');",
        )?;
        {
            let mut insert = db.prepare("INSERT INTO p (id, body) VALUES (?1, ?2)")?;
            for (id, body) in paragraphs {
                insert.execute(rusqlite::params![id, body])?;
            }
        }
        Ok(Fts5Paragraphs { db })
    }

    /// The text of the best `n` paragraphs for `question`, one a line.
    pub fn top_text(&self, question: &str, n: usize) -> Result<String> {
        let expr = match_expression(&question.replace('"', " "));
        if expr.is_empty() {
            return Ok(String::new());
        }
        let mut stmt = self
            .db
            .prepare_cached("SELECT body FROM p WHERE p MATCH ?1 ORDER BY rank LIMIT ?2")?;
        let rows = stmt.query_map(rusqlite::params![expr, n as i64], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judge_rows() {
        let rows: &[(&str, &[&str], bool)] = &[
            ("Held in **Vientiane**, Lao PDR", &["vientiane"], true),
            ("Held in Vientiane", &["Laos | Lao PDR"], false),
            ("the Navy Chiefs’ Meeting", &["navy chiefs' meeting"], true),
            ("2024 – 2026", &["2024 - 2026"], true),
            (
                "on 23 October\n2017",
                &["23 October 2017 | 2017-10-23"],
                true,
            ),
            ("Clark", &["Clark", "Lorenzana"], false),
            ("anything", &["  |  "], false),
        ];
        for (reply, answer, want) in rows {
            let answer: Vec<String> = answer.iter().map(|s| s.to_string()).collect();
            assert_eq!(answers(reply, &answer), *want, "{reply:?} {answer:?}");
        }
    }

    #[test]
    fn the_baseline_ranks_paragraphs_by_the_question_words() {
        let db = Fts5Paragraphs::build([
            (
                "a#1".to_string(),
                "The navy chiefs met in Bangkok.".to_string(),
            ),
            ("a#2".to_string(), "Weather was fine.".to_string()),
            ("a#3".to_string(), "Army chiefs met in Hanoi.".to_string()),
        ])
        .unwrap();
        let top = db.top_text("where did the navy chiefs meet?", 1).unwrap();
        assert_eq!(top, "The navy chiefs met in Bangkok.");
        assert_eq!(db.top_text("\"(*", 3).unwrap(), "");
        assert_eq!(paragraphs("a\nb\n\n\nc"), ["a b", "c"]);
    }
}
