//! The SQLite FTS5 baseline: building its table from a corpus, turning our query syntax into an
//! FTS5 match expression, and searching with snippets.

use agenda_core::corpus::Corpus;
use anyhow::Result;
use std::path::Path;

pub fn open(path: &Path, write: bool) -> Result<rusqlite::Connection> {
    use rusqlite::OpenFlags;
    let flags = if write {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    };
    Ok(rusqlite::Connection::open_with_flags(path, flags)?)
}

pub fn build(corpus: &Corpus, path: &Path) -> Result<usize> {
    let _ = std::fs::remove_file(path);
    let mut db = open(path, true)?;
    db.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, kind UNINDEXED, names, title, body,
                                              tokenize = 'porter unicode61');",
    )?;
    let tx = db.transaction()?;
    let mut n = 0;
    {
        let mut insert = tx.prepare(
            "INSERT INTO docs (id, kind, names, title, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for s in &corpus.statements {
            for p in &s.paragraphs {
                insert.execute(rusqlite::params![
                    format!("{}#{}", s.id, p.number),
                    "paragraph",
                    "",
                    s.title,
                    p.text
                ])?;
                n += 1;
            }
        }
        for f in &corpus.facts {
            insert.execute(rusqlite::params![
                f.id(),
                f.kind().as_str(),
                f.names().join("\n"),
                f.title(),
                f.search_text()
            ])?;
            n += 1;
        }
    }
    tx.commit()?;
    Ok(n)
}

/// The FTS5 form of a query: a quoted phrase stays a phrase; otherwise each word is OR-ed (the
/// same ranked-disjunction semantics as our engine), a hyphenated word (`AMIM-21`) as a phrase.
pub fn match_expression(q: &str) -> String {
    let runs = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    if let Some(start) = q.find('"') {
        let phrase = q[start + 1..].split('"').next().unwrap_or("");
        let words = runs(phrase);
        if !words.is_empty() {
            return format!("\"{}\"", words.join(" "));
        }
    }
    q.split_whitespace()
        .map(runs)
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.join(" ")))
        .collect::<Vec<_>>()
        .join(" OR ")
}

pub const SEARCH: &str = "SELECT id, snippet(docs, 4, '**', '**', '…', 40) FROM docs \
                           WHERE docs MATCH ?1 ORDER BY rank LIMIT 5";

pub fn search(db: &rusqlite::Connection, q: &str) -> Result<Vec<(String, String)>> {
    let fq = match_expression(q);
    if fq.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = db.prepare_cached(SEARCH)?;
    let rows = stmt.query_map([fq], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
