//! Corpus: statement files and fact files → typed, validated values (errors name file and line).

pub mod bodies;
mod facts;
mod origin;
mod schema;
mod statement;
pub mod thesaurus;

pub use bodies::{Body, BodyKind};
pub use facts::{
    series_key, split_cite, Area, Fact, FactKind, Initiative, Mechanism, Meeting, Priority,
};
pub use origin::{is_extracted_file, Origin, EXTRACTED_DIR};
pub use statement::{Paragraph, Statement};
pub use thesaurus::Thesaurus;

use std::fmt;
use std::ops::Range;
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
    /// Problems that do not stop the corpus from loading (a file the corpus does not read).
    pub warnings: Vec<CorpusError>,
    /// `thesaurus.toml`: the team's equivalent forms (empty without the file), and each known
    /// body's forms.
    pub thesaurus: Thesaurus,
    /// `bodies.toml`: the known bodies and series (empty without the file).
    pub bodies: Vec<Body>,
}

/// Whether `id` may name a statement (lowercase letters, digits, '-').
pub fn valid_statement_id(id: &str) -> bool {
    valid_id(id)
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
    for name in [thesaurus::FILE_NAME, bodies::FILE_NAME] {
        let file = root.join(name);
        if file.is_file() {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// Files under `statements/` and `facts/` that the corpus does not read (a pasted `.txt`, a
/// `.json`…), hidden files aside: each is worth a warning, since its content is silently unused.
pub fn stray_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for (dir, ext) in [("statements", "md"), ("facts", "toml")] {
        let dir = root.join(dir);
        if dir.is_dir() {
            walk_matching(
                &dir,
                &mut |p| p.extension().is_none_or(|e| e != ext),
                &mut files,
            )?;
        }
    }
    files.sort();
    Ok(files)
}

/// Whether a corpus file is the thesaurus (`thesaurus.toml` outside `facts/`).
fn is_thesaurus(path: &Path) -> bool {
    is_top_level(path, thesaurus::FILE_NAME)
}

/// Whether a corpus file is the known bodies (`bodies.toml` outside `facts/`).
fn is_bodies(path: &Path) -> bool {
    is_top_level(path, bodies::FILE_NAME)
}

fn is_top_level(path: &Path, name: &str) -> bool {
    path.file_name().is_some_and(|n| n == name)
        && path
            .parent()
            .and_then(Path::file_name)
            .is_none_or(|d| d != "facts")
}

fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    walk_matching(dir, &mut |p| p.extension().is_some_and(|e| e == ext), out)
}

fn walk_matching(
    dir: &Path,
    keep: &mut dyn FnMut(&Path) -> bool,
    out: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk_matching(&path, keep, out)?;
        } else if keep(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// The warning for a file the corpus does not read.
fn stray_warning(path: &Path) -> CorpusError {
    let statements = path.components().any(|c| c.as_os_str() == "statements");
    let message = if statements {
        "ignored: statements are `.md` files with front matter; turn pasted text into one with \
         `agenda-bot add FILE`"
    } else {
        "ignored: fact files are `.toml`"
    };
    CorpusError {
        file: path.to_path_buf(),
        line: 1,
        message: message.to_string(),
    }
}

impl Corpus {
    /// Loads `root/statements/**/*.md` and `root/facts/**/*.toml`, validating everything;
    /// all problems are returned at once. Other files there are ignored with a warning (logged,
    /// and kept in [`Corpus::warnings`]).
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
        let corpus = Corpus::from_sources(&sources).map(|mut c| {
            c.warnings.extend(
                stray_files(root)
                    .unwrap_or_default()
                    .iter()
                    .map(|p| stray_warning(p)),
            );
            for w in &c.warnings {
                tracing::warn!("{w}");
            }
            c
        });
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
        let mut thesaurus = Thesaurus::default();
        let mut known = Vec::new();
        for (path, text) in sources {
            if is_thesaurus(path) {
                match thesaurus::parse(path, text) {
                    Ok(t) => thesaurus = t,
                    Err(e) => errors.extend(e),
                }
            } else if is_bodies(path) {
                match bodies::parse(path, text) {
                    Ok(b) => known = b,
                    Err(e) => errors.extend(e),
                }
            } else if path.extension().is_some_and(|e| e == "md") {
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
        let conflicts = origin::apply(&mut fact_files, &statements);
        let facts = facts::resolve(fact_files, &statements, &mut errors);
        if errors.is_empty() {
            Ok(Corpus {
                statements,
                facts,
                warnings: conflicts,
                thesaurus: thesaurus.with_bodies(&known),
                bodies: known,
            })
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

/// A corpus TOML file deserialised, or its first error at its line (`file:line: message`).
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
) -> Result<T, Vec<CorpusError>> {
    toml::from_str(text).map_err(|e| {
        vec![CorpusError {
            file: path.to_path_buf(),
            line: e.span().map_or(1, |s| line_of(text, s.start)),
            message: toml_message(&e),
        }]
    })
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

/// Line of the line that sets `key` (`key = …`) inside `span` of `text`, else the span's first line.
pub(crate) fn key_line(text: &str, span: &Range<usize>, key: &str) -> usize {
    let entry = text.get(span.clone()).unwrap_or("");
    let mut offset = span.start;
    for line in entry.split_inclusive('\n') {
        let t = line.trim_start();
        let rest = t.strip_prefix(key).map(str::trim_start);
        if rest.is_some_and(|r| r.starts_with('=') || r.starts_with('.')) {
            return line_of(text, offset);
        }
        offset += line.len();
    }
    line_of(text, span.start)
}

/// Ids are used in citations (`id#3`) and file names: keep them simple.
pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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
