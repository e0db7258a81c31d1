//! Fact files: meetings, initiatives, mechanisms and areas, each citing statement paragraphs.

use super::{key_line, line_of, schema, valid_id, CorpusError, Origin, Statement};
use crate::dates::{self, DateRange};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A meeting that happened or is planned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: String,
    pub name: String,
    /// Series acronym, e.g. `AMIM`; with `number` it gives `AMIM-21`.
    pub acronym: Option<String>,
    /// Number in its series (21 for the 21st meeting).
    pub number: Option<u32>,
    pub series: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The date as the statement writes it; a missing year comes from the first cited statement.
    pub date: Option<String>,
    pub place: Option<String>,
    /// Who chaired it ("chaired by …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub observers: Vec<String>,
    pub theme: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// What the meeting adopted, agreed, endorsed or launched: documents and initiatives, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<String>,
    /// Ids of mechanism facts discussed.
    #[serde(default)]
    pub mechanisms: Vec<String>,
    /// Ids of related meeting facts.
    #[serde(default)]
    pub related: Vec<String>,
    pub summary: Option<String>,
    /// Hand-written (the default) or extracted by `agenda-bot add`; set from the file's folder.
    #[serde(default, skip_serializing_if = "Origin::is_hand_written")]
    pub origin: Origin,
    pub cites: Vec<String>,
    /// Computed from `date`; never written in a fact file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<DateRange>,
}

/// A cooperation initiative with its expected outcome and timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub expected_outcome: Option<String>,
    /// As written: "Q3 2024", "2024 – 2026", "by end-2025".
    pub timeline: Option<String>,
    pub area: Option<String>,
    pub summary: Option<String>,
    /// Hand-written (the default) or extracted by `agenda-bot add`; set from the file's folder.
    #[serde(default, skip_serializing_if = "Origin::is_hand_written")]
    pub origin: Origin,
    pub cites: Vec<String>,
    /// Computed from `timeline`; never written in a fact file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateRange>,
}

/// A cooperation mechanism or standing body (AJIIP, AOE, AMIC, ADMM...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mechanism {
    pub id: String,
    pub acronym: Option<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub category: Option<String>,
    pub description: Option<String>,
    /// Hand-written (the default) or extracted by `agenda-bot add`; set from the file's folder.
    #[serde(default, skip_serializing_if = "Origin::is_hand_written")]
    pub origin: Origin,
    pub cites: Vec<String>,
}

/// A cooperation area or strategic focus, with each party's priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub category: Option<String>,
    #[serde(default)]
    pub priorities: Vec<Priority>,
    pub expected_outcome: Option<String>,
    /// Hand-written (the default) or extracted by `agenda-bot add`; set from the file's folder.
    #[serde(default, skip_serializing_if = "Origin::is_hand_written")]
    pub origin: Origin,
    pub cites: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub party: String,
    /// The table's column heading, e.g. "Lao PDR focus".
    pub label: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Meeting,
    Initiative,
    Mechanism,
    Area,
}

impl FactKind {
    pub const ALL: [FactKind; 4] = [
        FactKind::Meeting,
        FactKind::Initiative,
        FactKind::Mechanism,
        FactKind::Area,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Meeting => "meeting",
            FactKind::Initiative => "initiative",
            FactKind::Mechanism => "mechanism",
            FactKind::Area => "area",
        }
    }

    pub fn parse(s: &str) -> Option<FactKind> {
        FactKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Any fact, tagged with its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Fact {
    Meeting(Box<Meeting>),
    Initiative(Initiative),
    Mechanism(Mechanism),
    Area(Area),
}

impl Fact {
    pub fn kind(&self) -> FactKind {
        match self {
            Fact::Meeting(_) => FactKind::Meeting,
            Fact::Initiative(_) => FactKind::Initiative,
            Fact::Mechanism(_) => FactKind::Mechanism,
            Fact::Area(_) => FactKind::Area,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Fact::Meeting(m) => &m.id,
            Fact::Initiative(i) => &i.id,
            Fact::Mechanism(m) => &m.id,
            Fact::Area(a) => &a.id,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Fact::Meeting(m) => &m.name,
            Fact::Initiative(i) => &i.name,
            Fact::Mechanism(m) => &m.name,
            Fact::Area(a) => &a.name,
        }
    }

    /// The short handle: `AMIM-21` for a numbered meeting, the acronym for a mechanism.
    pub fn handle(&self) -> Option<String> {
        match self {
            Fact::Meeting(m) => match (&m.acronym, m.number) {
                (Some(a), Some(n)) => Some(format!("{a}-{n}")),
                (Some(a), None) => Some(a.clone()),
                _ => None,
            },
            Fact::Mechanism(m) => m.acronym.clone(),
            _ => None,
        }
    }

    /// Display title: "21st ASEAN Military Intelligence Meeting (AMIM-21)".
    pub fn title(&self) -> String {
        match self.handle() {
            Some(h) => format!("{} ({h})", self.name()),
            None => self.name().to_string(),
        }
    }

    pub fn aliases(&self) -> &[String] {
        match self {
            Fact::Meeting(m) => &m.aliases,
            Fact::Initiative(i) => &i.aliases,
            Fact::Mechanism(m) => &m.aliases,
            Fact::Area(a) => &a.aliases,
        }
    }

    /// The acronym of a meeting's series or of a mechanism.
    pub fn acronym(&self) -> Option<&str> {
        match self {
            Fact::Meeting(m) => m.acronym.as_deref(),
            Fact::Mechanism(m) => m.acronym.as_deref(),
            _ => None,
        }
    }

    /// Every name the fact goes by: name, handle, acronym, aliases.
    pub fn names(&self) -> Vec<String> {
        let mut names = vec![self.name().to_string()];
        names.extend(self.handle());
        if let Fact::Meeting(m) = self {
            names.extend(m.acronym.clone());
            names.extend(m.series.clone());
        }
        names.extend(self.aliases().iter().cloned());
        let mut seen = std::collections::HashSet::new();
        names.retain(|n| seen.insert(n.to_lowercase()));
        names
    }

    pub fn origin(&self) -> Origin {
        match self {
            Fact::Meeting(m) => m.origin,
            Fact::Initiative(i) => i.origin,
            Fact::Mechanism(m) => m.origin,
            Fact::Area(a) => a.origin,
        }
    }

    pub fn set_origin(&mut self, origin: Origin) {
        match self {
            Fact::Meeting(m) => m.origin = origin,
            Fact::Initiative(i) => i.origin = origin,
            Fact::Mechanism(m) => m.origin = origin,
            Fact::Area(a) => a.origin = origin,
        }
    }

    pub fn cites(&self) -> &[String] {
        match self {
            Fact::Meeting(m) => &m.cites,
            Fact::Initiative(i) => &i.cites,
            Fact::Mechanism(m) => &m.cites,
            Fact::Area(a) => &a.cites,
        }
    }

    /// The fact's own fields as (label, value) pairs, in reading order, empty ones left out.
    pub fn fields(&self) -> Vec<(Cow<'static, str>, String)> {
        let mut out: Vec<(Cow<'static, str>, String)> = Vec::new();
        let mut push = |label: &'static str, value: Option<String>| {
            if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
                out.push((Cow::Borrowed(label), v));
            }
        };
        let list = |v: &[String]| (!v.is_empty()).then(|| v.join("; "));
        match self {
            Fact::Meeting(m) => {
                push(
                    "Date",
                    m.date.as_ref().map(|d| match &m.when {
                        Some(w) => w.describe(),
                        None => d.clone(),
                    }),
                );
                push("Place", m.place.clone());
                push("Chair", m.chair.clone());
                push("Theme", m.theme.clone());
                push("Participants", list(&m.participants));
                push("Observers", list(&m.observers));
                push("Topics", list(&m.topics));
                push("Outcomes", list(&m.outcomes));
                push(
                    "Mechanisms discussed",
                    list(
                        &m.mechanisms
                            .iter()
                            .map(|s| s.to_uppercase())
                            .collect::<Vec<_>>(),
                    ),
                );
                push(
                    "Related meetings",
                    list(
                        &m.related
                            .iter()
                            .map(|s| s.to_uppercase())
                            .collect::<Vec<_>>(),
                    ),
                );
                push("Summary", m.summary.clone());
            }
            Fact::Initiative(i) => {
                push("Expected outcome", i.expected_outcome.clone());
                push(
                    "Timeline",
                    i.timeline.as_ref().map(|t| match &i.period {
                        Some(p) => p.describe(),
                        None => t.clone(),
                    }),
                );
                push("Area", i.area.clone());
                push("Summary", i.summary.clone());
            }
            Fact::Mechanism(m) => {
                push("Acronym", m.acronym.clone());
                push("Full name", Some(m.name.clone()));
                push("Category", m.category.clone());
                push("What it is", m.description.clone());
            }
            Fact::Area(a) => {
                push("Category", a.category.clone());
                push("Expected outcome", a.expected_outcome.clone());
                for p in &a.priorities {
                    let label = p
                        .label
                        .clone()
                        .unwrap_or_else(|| format!("{} priority", p.party));
                    out.push((Cow::Owned(label), p.text.clone()));
                }
            }
        }
        out
    }

    /// All searchable text of the fact, one field per line.
    pub fn search_text(&self) -> String {
        // The kind is searchable too: "which initiatives…", "list the cooperation areas".
        let mut text = format!("{}\n{}", self.kind().as_str(), self.names().join("\n"));
        for (label, value) in self.fields() {
            text.push('\n');
            text.push_str(&label);
            if let Some(words) = field_synonyms(&label) {
                text.push_str(" (");
                text.push_str(words);
                text.push(')');
            }
            text.push_str(": ");
            text.push_str(&value);
        }
        text
    }
}

/// Words a question uses for a field ("who attended" → participants), indexed with the field.
fn field_synonyms(label: &str) -> Option<&'static str> {
    Some(match label {
        "Participants" => "attended attendees attendance delegates delegations representatives",
        "Outcomes" => "adopted adopt agreed endorsed approved signed launched documents",
        "Observers" => "observer observed attended",
        "Place" => "venue location city country hosted",
        "Chair" => "chaired chairman chairperson presided",
        "Date" => "day held scheduled",
        "Timeline" => "schedule planned deadline start end dates until",
        "Expected outcome" => "outcome goal result aim objective",
        "Theme" => "motto slogan",
        "Topics" => "discussed agenda issues focus",
        _ => return None,
    })
}

/// A fact file's entries, each table with its span (unknown kinds are found separately).
#[derive(Deserialize)]
struct FactsFile {
    #[serde(default)]
    meeting: Vec<Spanned<toml::Table>>,
    #[serde(default)]
    initiative: Vec<Spanned<toml::Table>>,
    #[serde(default)]
    mechanism: Vec<Spanned<toml::Table>>,
    #[serde(default)]
    area: Vec<Spanned<toml::Table>>,
}

/// The keys every fact must have, with the placeholders that let checking go on without them.
const REQUIRED: &[schema::Required] = &[
    ("id", schema::empty_string),
    ("name", schema::empty_string),
    ("cites", schema::empty_array),
];

/// A parsed fact with where it was written.
pub(super) struct Located {
    pub(super) fact: Fact,
    span: Range<usize>,
    /// Keys that were missing or mistyped (already reported; their values are placeholders).
    bad_keys: Vec<String>,
}

pub(super) struct ParsedFile {
    pub(super) path: PathBuf,
    text: String,
    pub(super) facts: Vec<Located>,
    /// Schema problems of entries (reported by [`resolve`] with the rest).
    schema_errors: Vec<CorpusError>,
}

impl ParsedFile {
    /// Line of `needle` inside a fact's entry, or of the entry itself.
    fn line_in(&self, span: &Range<usize>, needle: &str) -> usize {
        let entry = self.text.get(span.clone()).unwrap_or("");
        match entry.find(needle) {
            Some(i) => line_of(&self.text, span.start + i),
            None => line_of(&self.text, span.start),
        }
    }

    fn error(&self, line: usize, message: String) -> CorpusError {
        CorpusError {
            file: self.path.clone(),
            line,
            message,
        }
    }
}

/// Line of a top-level key: `[[key]]`, `[key]` or `key = …`.
fn top_key_line(text: &str, key: &str) -> usize {
    let headers = [format!("[[{key}]]"), format!("[{key}]")];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if headers.iter().any(|h| t.starts_with(h.as_str())) {
            return line_of(text, offset);
        }
        offset += line.len();
    }
    key_line(text, &(0..text.len()), key)
}

/// Parses one fact file, reporting every schema problem of every entry (each named by kind,
/// position and id), not just the first.
pub(super) fn parse_file(path: &Path, text: &str) -> Result<ParsedFile, Vec<CorpusError>> {
    let err = |line: usize, message: String| CorpusError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let syntax = |e: toml::de::Error| {
        vec![err(
            e.span().map_or(1, |s| line_of(text, s.start)),
            super::toml_message(&e),
        )]
    };
    let top: toml::Table = toml::from_str(text).map_err(syntax)?;
    let file: FactsFile = toml::from_str(text).map_err(syntax)?;
    let mut errors = Vec::new();
    for key in top.keys() {
        if FactKind::parse(key).is_none() {
            errors.push(err(
                top_key_line(text, key),
                format!(
                    "unknown kind `{key}`: a fact file holds [[meeting]], [[initiative]], \
                     [[mechanism]] and [[area]] entries"
                ),
            ));
        }
    }
    let entries = [
        (FactKind::Meeting, file.meeting),
        (FactKind::Initiative, file.initiative),
        (FactKind::Mechanism, file.mechanism),
        (FactKind::Area, file.area),
    ];
    let mut facts = Vec::new();
    for (kind, tables) in entries {
        for (position, entry) in tables.into_iter().enumerate() {
            let span = entry.span();
            let table = entry.into_inner();
            let label = match table.get("id").and_then(toml::Value::as_str) {
                Some(id) => format!("{} #{} ({id:?})", kind.as_str(), position + 1),
                None => format!("{} #{}", kind.as_str(), position + 1),
            };
            let checked = match kind {
                FactKind::Meeting => schema::check(table, REQUIRED).map(Fact::Meeting),
                FactKind::Initiative => schema::check(table, REQUIRED).map(Fact::Initiative),
                FactKind::Mechanism => schema::check(table, REQUIRED).map(Fact::Mechanism),
                FactKind::Area => schema::check(table, REQUIRED).map(Fact::Area),
            };
            for p in &checked.problems {
                let line = match &p.key {
                    Some(k) if !p.message.starts_with("missing") => key_line(text, &span, k),
                    _ => line_of(text, span.start),
                };
                errors.push(err(line, format!("{label}: {}", p.message)));
            }
            if let Some(fact) = checked.value {
                let bad_keys = checked.problems.into_iter().filter_map(|p| p.key).collect();
                facts.push(Located {
                    fact,
                    span,
                    bad_keys,
                });
            }
        }
    }
    if !errors.is_empty() && facts.is_empty() {
        return Err(errors);
    }
    Ok(ParsedFile {
        path: path.to_path_buf(),
        text: text.to_string(),
        facts,
        schema_errors: errors,
    })
}

/// Cross-checks facts against each other and the statements; computes normalised dates.
pub(super) fn resolve(
    files: Vec<ParsedFile>,
    statements: &[Statement],
    errors: &mut Vec<CorpusError>,
) -> Vec<Fact> {
    let by_id: HashMap<&str, &Statement> = statements.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut files = files;
    for file in &mut files {
        errors.append(&mut file.schema_errors);
    }
    let mut kinds: HashMap<String, (FactKind, PathBuf, usize)> = HashMap::new();
    for file in &files {
        for Located {
            fact,
            span,
            bad_keys,
        } in &file.facts
        {
            if bad_keys.iter().any(|k| k == "id") {
                continue;
            }
            let line = file.line_in(span, &format!("\"{}\"", fact.id()));
            if !valid_id(fact.id()) {
                errors.push(file.error(
                    line,
                    format!(
                        "{} id {:?} must be lowercase letters, digits and '-' only",
                        fact.kind().as_str(),
                        fact.id()
                    ),
                ));
            }
            if let Some((_, path, first)) = kinds.get(fact.id()) {
                errors.push(file.error(
                    line,
                    format!(
                        "duplicate fact id {:?} (first defined at {}:{first})",
                        fact.id(),
                        path.display()
                    ),
                ));
            } else {
                kinds.insert(
                    fact.id().to_string(),
                    (fact.kind(), file.path.clone(), line),
                );
            }
        }
    }

    let mut out = Vec::new();
    for file in &files {
        for Located {
            fact,
            span,
            bad_keys,
        } in &file.facts
        {
            let mut fact = fact.clone();
            let span = span.clone();
            let kind = fact.kind().as_str();
            let bad = |key: &str| bad_keys.iter().any(|k| k == key);
            if fact.name().trim().is_empty() && !bad("name") {
                errors.push(file.error(
                    file.line_in(&span, "name"),
                    format!("{kind} {:?}: `name` is empty", fact.id()),
                ));
            }
            if fact.cites().is_empty() && !bad("cites") {
                errors.push(file.error(
                    file.line_in(&span, "cites"),
                    format!("{kind} {:?} cites no paragraph: every fact needs `cites = [\"statement-id#N\"]`", fact.id()),
                ));
            }
            let mut first_statement = None;
            for cite in fact.cites() {
                match check_cite(cite, &by_id) {
                    Ok(s) => {
                        first_statement.get_or_insert(s);
                    }
                    Err(msg) => errors.push(file.error(
                        file.line_in(&span, &format!("\"{cite}\"")),
                        format!("{kind} {:?}: {msg}", fact.id()),
                    )),
                }
            }
            let year = first_statement.and_then(Statement::year);
            let mut refs: Vec<(String, FactKind)> = Vec::new();
            match &mut fact {
                Fact::Meeting(m) => {
                    if m.when.is_some() {
                        errors.push(file.error(
                            file.line_in(&span, "when"),
                            "`when` is computed from `date`; remove it".into(),
                        ));
                    }
                    if let Some(d) = &m.date {
                        match dates::parse_when(d, year) {
                            Ok(r) => m.when = Some(r),
                            Err(e) => errors.push(file.error(
                                file.line_in(&span, "date"),
                                format!("meeting {:?}: date: {e}", m.id),
                            )),
                        }
                    }
                    refs.extend(
                        m.mechanisms
                            .iter()
                            .map(|r| (r.clone(), FactKind::Mechanism)),
                    );
                    refs.extend(m.related.iter().map(|r| (r.clone(), FactKind::Meeting)));
                }
                Fact::Initiative(i) => {
                    if i.period.is_some() {
                        errors.push(file.error(
                            file.line_in(&span, "period"),
                            "`period` is computed from `timeline`; remove it".into(),
                        ));
                    }
                    if let Some(t) = &i.timeline {
                        match dates::parse_when(t, year) {
                            Ok(r) => i.period = Some(r),
                            Err(e) => errors.push(file.error(
                                file.line_in(&span, "timeline"),
                                format!("initiative {:?}: timeline: {e}", i.id),
                            )),
                        }
                    }
                }
                Fact::Mechanism(_) | Fact::Area(_) => {}
            }
            for (r, want) in refs {
                match kinds.get(r.as_str()) {
                    Some((k, _, _)) if *k == want => {}
                    Some((k, _, _)) => errors.push(file.error(
                        file.line_in(&span, &format!("\"{r}\"")),
                        format!(
                            "{kind} {:?} refers to {r:?}, which is a {}, not a {}",
                            fact.id(),
                            k.as_str(),
                            want.as_str()
                        ),
                    )),
                    None => errors.push(file.error(
                        file.line_in(&span, &format!("\"{r}\"")),
                        format!(
                            "{kind} {:?} refers to {} {r:?}, which no fact file defines",
                            fact.id(),
                            want.as_str()
                        ),
                    )),
                }
            }
            out.push(fact);
        }
    }
    out
}

/// Why a citation does not point at a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
enum CiteError {
    #[error("citation {cite:?} must look like \"statement-id#3\"")]
    Shape { cite: String },
    #[error("citation {cite:?} names statement {id:?}, which does not exist")]
    NoStatement { cite: String, id: String },
    #[error("citation {cite:?}: {para:?} is not a paragraph number")]
    NotANumber { cite: String, para: String },
    #[error("citation {cite:?}: statement {id:?} has {paragraphs} paragraphs, not {n}")]
    NoParagraph {
        cite: String,
        id: String,
        paragraphs: usize,
        n: u32,
    },
}

/// `statement-id#N` must name an existing statement and paragraph.
fn check_cite<'a>(
    cite: &str,
    statements: &HashMap<&str, &'a Statement>,
) -> Result<&'a Statement, CiteError> {
    let cite_owned = || cite.to_string();
    let Some((id, para)) = cite.split_once('#') else {
        return Err(CiteError::Shape { cite: cite_owned() });
    };
    let Some(statement) = statements.get(id) else {
        return Err(CiteError::NoStatement {
            cite: cite_owned(),
            id: id.to_string(),
        });
    };
    let n: u32 = para.parse().map_err(|_| CiteError::NotANumber {
        cite: cite_owned(),
        para: para.to_string(),
    })?;
    if statement.paragraph(n).is_none() {
        return Err(CiteError::NoParagraph {
            cite: cite_owned(),
            id: id.to_string(),
            paragraphs: statement.paragraphs.len(),
            n,
        });
    }
    Ok(statement)
}

/// Splits `statement-id#N`; valid citations only (validated at load).
/// An acronym as series are compared: letters only, lowercased, a trailing number dropped
/// ("AMIM-21" and "amim" → "amim", "ADMM-Plus" → "admmplus").
pub fn series_key(acronym: &str) -> String {
    acronym
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ')
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn split_cite(cite: &str) -> Option<(&str, u32)> {
    let (id, n) = cite.split_once('#')?;
    Some((id, n.parse().ok()?))
}
