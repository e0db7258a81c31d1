//! Corpus: statement files and fact files → typed, validated values (errors name file and line).

mod facts;
mod origin;
mod statement;

pub use facts::{split_cite, Area, Fact, FactKind, Initiative, Mechanism, Meeting, Priority};
pub use origin::{is_extracted_file, Origin, EXTRACTED_DIR};
pub use statement::{Paragraph, Statement};

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one corpus file, located by line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// Every problem found in a corpus, reported together.
#[derive(Debug, Clone, thiserror::Error)]
pub struct CorpusErrors(pub Vec<CorpusError>);

impl fmt::Display for CorpusErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "the corpus has {n} error{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

/// A loaded, validated corpus: every statement and every fact.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub statements: Vec<Statement>,
    pub facts: Vec<Fact>,
}

/// Whether `id` may name a statement (lowercase letters, digits, '-').
pub fn valid_statement_id(id: &str) -> bool {
    statement::valid_id(id)
}

/// The files that make a corpus, in a stable order (their content fingerprints the index).
pub fn corpus_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for (dir, ext) in [("statements", "md"), ("facts", "toml")] {
        let dir = root.join(dir);
        if !dir.is_dir() {
            continue;
        }
        walk(&dir, ext, &mut files)?;
    }
    files.sort();
    Ok(files)
}

fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, ext, out)?;
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    Ok(())
}

impl Corpus {
    /// Loads `root/statements/**/*.md` and `root/facts/**/*.toml`, validating everything;
    /// all problems are returned at once.
    pub fn load(root: &Path) -> Result<Corpus, CorpusErrors> {
        let files = corpus_files(root).map_err(|e| {
            CorpusErrors(vec![CorpusError {
                file: root.to_path_buf(),
                line: 0,
                message: format!("cannot read the corpus directory: {e}"),
            }])
        })?;
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for path in files {
            match std::fs::read_to_string(&path) {
                Ok(text) => sources.push((path, text)),
                Err(e) => errors.push(CorpusError {
                    file: path,
                    line: 0,
                    message: format!("cannot read: {e}"),
                }),
            }
        }
        let corpus = Corpus::from_sources(&sources);
        match corpus {
            Ok(c) if errors.is_empty() => Ok(c),
            Ok(_) => Err(CorpusErrors(errors)),
            Err(CorpusErrors(mut more)) => {
                errors.append(&mut more);
                Err(CorpusErrors(errors))
            }
        }
    }

    /// Parses and validates in-memory files: `.md` are statements, `.toml` are facts.
    pub fn from_sources(sources: &[(PathBuf, String)]) -> Result<Corpus, CorpusErrors> {
        let mut errors = Vec::new();
        let mut statements = Vec::new();
        let mut fact_files = Vec::new();
        for (path, text) in sources {
            if path.extension().is_some_and(|e| e == "md") {
                match statement::parse(path, text) {
                    Ok(s) => statements.push(s),
                    Err(e) => errors.extend(e),
                }
            } else {
                match facts::parse_file(path, text) {
                    Ok(f) => fact_files.push(f),
                    Err(e) => errors.extend(e),
                }
            }
        }
        let mut seen = std::collections::HashMap::new();
        for s in &statements {
            if let Some(first) = seen.insert(s.id.clone(), (s.file.clone(), s.id_line)) {
                errors.push(CorpusError {
                    file: s.file.clone(),
                    line: s.id_line,
                    message: format!(
                        "duplicate statement id {:?} (first defined at {}:{})",
                        s.id,
                        first.0.display(),
                        first.1
                    ),
                });
            }
        }
        origin::apply(&mut fact_files);
        let facts = facts::resolve(fact_files, &statements, &mut errors);
        if errors.is_empty() {
            Ok(Corpus { statements, facts })
        } else {
            errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            Err(CorpusErrors(errors))
        }
    }

    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }
}

/// A TOML error's message, never empty (some errors carry their text only in `Display`).
pub fn toml_message(e: &toml::de::Error) -> String {
    let message = e.message().trim();
    if !message.is_empty() {
        return message.to_string();
    }
    let shown = e.to_string();
    let last = shown
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('|'));
    last.map_or_else(|| "invalid TOML".to_string(), |l| l.trim().to_string())
}

/// 1-based line of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (found by fuzzing): a TOML error with an empty message gave an empty report.
    #[test]
    fn toml_errors_always_have_a_message() {
        for text in ["A=", "x = ", "[[", "a = \"\n"] {
            let e = Corpus::from_sources(&[(PathBuf::from("facts/f.toml"), text.to_string())])
                .unwrap_err();
            assert!(!e.0[0].message.is_empty(), "{text:?}: {:?}", e.0);
            assert_eq!(e.0[0].line, 1, "{text:?}");
        }
    }
}
