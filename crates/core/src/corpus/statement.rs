//! Statement files: TOML front matter between `+++` lines, then paragraphs separated by blank lines.

use super::{key_line, valid_id};
use super::{line_of, schema, CorpusError};
use crate::dates::{self, DateRange, Precision};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A press release or news report, split into numbered paragraphs (the unit a citation points at).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub title: String,
    pub source: String,
    /// Publication date as written (`2024-09-03`, `2024-09`, `2024`), when known.
    pub published: Option<String>,
    pub url: Option<String>,
    pub language: String,
    pub kind: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    #[serde(skip)]
    pub file: PathBuf,
    #[serde(skip)]
    pub id_line: usize,
    #[serde(skip)]
    pub published_range: Option<DateRange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// 1-based paragraph number within the statement.
    pub number: u32,
    pub text: String,
    pub heading: bool,
    /// 1-based line in the statement file where the paragraph starts.
    pub line: usize,
}

impl Statement {
    pub fn paragraph(&self, number: u32) -> Option<&Paragraph> {
        self.paragraphs.get((number as usize).checked_sub(1)?)
    }

    /// The year used for dates written without one ("September 3").
    pub fn year(&self) -> Option<i16> {
        self.published_range.as_ref().map(|r| r.start.year())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    source: String,
    published: Option<String>,
    url: Option<String>,
    #[serde(default = "english")]
    language: String,
    kind: Option<String>,
}

/// The front matter's required keys, with placeholders that let checking go on without them.
const REQUIRED: &[schema::Required] = &[
    ("id", schema::empty_string),
    ("title", schema::empty_string),
    ("source", schema::empty_string),
];

fn english() -> String {
    "en".to_string()
}

const FENCE: &str = "+++";

pub(super) fn parse(path: &Path, text: &str) -> Result<Statement, Vec<CorpusError>> {
    let err = |line: usize, message: String| CorpusError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some(FENCE) {
        return Err(vec![err(
            1,
            format!("a statement must start with a `{FENCE}` line opening its TOML front matter"),
        )]);
    }
    let fm_start = FENCE.len() + text[FENCE.len()..].find('\n').map_or(0, |i| i + 1);
    let mut offset = fm_start;
    let mut fm_end = None;
    for line in lines {
        if line.trim_end() == FENCE {
            fm_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((fm_end, body_start)) = fm_end else {
        return Err(vec![err(
            1,
            format!("the front matter opened here is never closed by a `{FENCE}` line"),
        )]);
    };
    let front = &text[fm_start..fm_end];
    let fm_line = line_of(text, fm_start);
    let line_of_key = |key: &str| fm_line + key_line(front, &(0..front.len()), key) - 1;
    let table: toml::Table = toml::from_str(front).map_err(|e| {
        let line = e
            .span()
            .map_or(fm_line, |s| fm_line + line_of(front, s.start) - 1);
        vec![err(
            line,
            format!("front matter: {}", super::toml_message(&e)),
        )]
    })?;
    let checked = schema::check::<FrontMatter>(table, REQUIRED);
    let mut errors: Vec<CorpusError> = checked
        .problems
        .iter()
        .map(|p| {
            let line = match &p.key {
                Some(k) if !p.message.starts_with("missing") => line_of_key(k),
                _ => fm_line,
            };
            err(line, format!("front matter: {}", p.message))
        })
        .collect();
    let Some(meta) = checked.value.as_ref() else {
        return Err(errors);
    };

    let id_line = line_of_key("id");
    if !checked.is_bad("id") {
        if !valid_id(&meta.id) {
            errors.push(err(
                id_line,
                format!(
                    "statement id {:?} must be lowercase letters, digits and '-' only",
                    meta.id
                ),
            ));
        } else if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
            if stem != meta.id {
                errors.push(err(
                    id_line,
                    format!(
                        "statement id {:?} differs from the file name {:?}: rename the file to \
                         \"{}.md\" or set `id = \"{stem}\"`",
                        meta.id,
                        path.file_name().unwrap_or_default().to_string_lossy(),
                        meta.id
                    ),
                ));
            }
        }
    }
    for (name, value) in [("title", &meta.title), ("source", &meta.source)] {
        if value.trim().is_empty() && !checked.is_bad(name) {
            errors.push(err(
                line_of_key(name),
                format!("front matter: `{name}` is empty"),
            ));
        }
    }
    let published_range = match &meta.published {
        Some(p) => match published_date(p) {
            Ok(r) => Some(r),
            Err(message) => {
                errors.push(err(
                    line_of_key("published"),
                    format!("front matter: published: {message}"),
                ));
                None
            }
        },
        None => None,
    };

    let paragraphs = split_paragraphs(&text[body_start..], line_of(text, body_start));
    if paragraphs.is_empty() {
        errors.push(err(
            line_of(text, body_start),
            "the statement has no paragraphs after its front matter".to_string(),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(meta) = checked.value else {
        return Err(errors);
    };
    Ok(Statement {
        id: meta.id,
        title: meta.title.trim().to_string(),
        source: meta.source.trim().to_string(),
        published: meta.published,
        url: meta.url,
        language: meta.language,
        kind: meta.kind,
        paragraphs,
        file: path.to_path_buf(),
        id_line,
        published_range,
    })
}

/// Why a `published` value is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum PublishedError {
    #[error("{text:?} must be written YYYY-MM-DD, YYYY-MM or YYYY (did you mean \"{iso}\"?)")]
    NotIso { text: String, iso: String },
    #[error("{0}; write it YYYY-MM-DD, YYYY-MM or YYYY")]
    Unreadable(dates::DateError),
}

/// A `published` value: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` only (the README's forms), so that
/// every statement shows its date the same way; another date form is refused with the ISO
/// spelling to use instead.
fn published_date(p: &str) -> Result<DateRange, PublishedError> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = p.trim().split('-').collect();
    let iso = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    match dates::parse_when(p, None) {
        Ok(r) if iso => Ok(r),
        Ok(r) => Err(PublishedError::NotIso {
            text: p.to_string(),
            iso: match r.precision {
                Precision::Day => r.start.to_string(),
                Precision::Month => r.start.strftime("%Y-%m").to_string(),
                _ => r.start.year().to_string(),
            },
        }),
        Err(e) => Err(PublishedError::Unreadable(e)),
    }
}

/// Blocks separated by blank lines; a block starting with `#` is a heading (marks stripped).
fn split_paragraphs(body: &str, first_line: usize) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let mut block_line = first_line;
    let mut flush = |block: &mut Vec<&str>, line: usize| {
        if block.is_empty() {
            return;
        }
        let joined = block.join("\n");
        let heading = joined.starts_with('#');
        let text = if heading {
            joined.trim_start_matches('#').trim().to_string()
        } else {
            joined.trim().to_string()
        };
        block.clear();
        if text.is_empty() {
            return;
        }
        out.push(Paragraph {
            number: out.len() as u32 + 1,
            text,
            heading,
            line,
        });
    };
    for (i, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            flush(&mut block, block_line);
        } else {
            if block.is_empty() {
                block_line = first_line + i;
            }
            block.push(line.trim_end());
        }
    }
    flush(&mut block, block_line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Statement, Vec<CorpusError>> {
        parse(Path::new("a.md"), text)
    }

    #[test]
    fn paragraphs_are_numbered_with_their_lines() {
        let s = parse_str("+++\nid = \"a\"\ntitle = \"T\"\nsource = \"S\"\npublished = \"2024-09-03\"\n+++\n\n## Head\n\nOne\nstill one\n\n\nTwo\n").unwrap();
        assert_eq!(s.paragraphs.len(), 3);
        assert!(s.paragraphs[0].heading);
        assert_eq!(s.paragraphs[0].text, "Head");
        assert_eq!(s.paragraphs[1].text, "One\nstill one");
        assert_eq!(s.paragraphs[1].line, 10);
        assert_eq!(s.paragraphs[2].number, 3);
        assert_eq!(s.paragraphs[2].line, 14);
        assert_eq!(s.year(), Some(2024));
    }

    #[test]
    fn unknown_front_matter_key_is_named_with_its_line() {
        let e = parse_str(
            "+++\nid = \"a\"\ntitle = \"T\"\nsource = \"S\"\nauthor = \"x\"\n+++\nBody\n",
        )
        .unwrap_err();
        assert_eq!(e[0].line, 5, "{e:?}");
        assert!(e[0].message.contains("author"), "{}", e[0].message);
    }

    #[test]
    fn missing_field_and_unclosed_front_matter() {
        let e = parse_str("+++\nid = \"a\"\ntitle = \"T\"\n+++\nBody\n").unwrap_err();
        assert!(e[0].message.contains("source"), "{}", e[0].message);
        let e = parse_str("+++\nid = \"a\"\n").unwrap_err();
        assert!(e[0].message.contains("never closed"));
        let e = parse_str("no front matter").unwrap_err();
        assert_eq!(e[0].line, 1);
    }

    #[test]
    fn bad_published_date_and_empty_body() {
        let e = parse_str(
            "+++\nid = \"a\"\ntitle = \"T\"\nsource = \"S\"\npublished = \"soon\"\n+++\n\n",
        )
        .unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[0].line, 5);
        assert!(e[1].message.contains("no paragraphs"));
    }
}
