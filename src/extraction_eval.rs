//! The extraction measurement: `add` the raw seed statements into an empty corpus and compare the
//! extracted facts with the shipped hand-written facts (the gold set), per kind and field.

use crate::add::{add, AddRequest};
use agenda_core::corpus::{Corpus, Fact, FactKind, Statement};
use agenda_core::ingest::{self, normalise, Overrides};
use anyhow::{Context, Result};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Counts for one fact kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindScore {
    pub gold: usize,
    pub found: usize,
    /// Fields the gold fact has (date, place, participants…), over the found facts.
    pub fields: usize,
    pub fields_equal: usize,
    /// Extracted facts matching no gold fact.
    pub extra: usize,
}

/// Per statement: how many extracted facts are wrong (no gold fact, or a field unequal).
#[derive(Debug, Clone)]
pub struct StatementScore {
    pub statement_id: String,
    pub extracted: usize,
    pub wrong: usize,
    pub unequal: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub kinds: Vec<(FactKind, KindScore)>,
    pub statements: Vec<StatementScore>,
}

impl Report {
    pub fn kind(&self, kind: FactKind) -> &KindScore {
        &self
            .kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .expect("every kind")
            .1
    }

    /// The table printed by `agenda-bot eval-extraction` and kept in README.
    pub fn table(&self) -> String {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                "—".to_string()
            } else {
                format!("{:.0} %", 100.0 * a as f64 / b as f64)
            }
        };
        let mut t = String::from(
            "| kind | gold | found | found % | fields equal | fields % | extra |\n|---|---|---|---|---|---|---|\n",
        );
        for (k, s) in &self.kinds {
            let _ = writeln!(
                t,
                "| {} | {} | {} | {} | {}/{} | {} | {} |",
                k.as_str(),
                s.gold,
                s.found,
                pct(s.found, s.gold),
                s.fields_equal,
                s.fields,
                pct(s.fields_equal, s.fields),
                s.extra
            );
        }
        t.push_str("\n| statement | extracted | wrong |\n|---|---|---|\n");
        for s in &self.statements {
            let _ = writeln!(t, "| {} | {} | {} |", s.statement_id, s.extracted, s.wrong);
        }
        for s in &self.statements {
            for u in &s.unequal {
                let _ = writeln!(t, "- {}: {u}", s.statement_id);
            }
        }
        t
    }
}

/// Adds every file of `seeds` to a new empty corpus, with the id, source and published date of
/// the gold statement of the same title (the flags a person would give; the raw seeds carry no
/// year), and scores the extracted facts against the gold corpus's hand-written facts.
pub fn evaluate(gold_dir: &Path, seeds: &Path) -> Result<Report> {
    let gold = Corpus::load(gold_dir).context("cannot load the gold corpus")?;
    let work = scratch_dir()?;
    let result = (|| {
        let mut files: Vec<PathBuf> = std::fs::read_dir(seeds)
            .with_context(|| format!("cannot read {}", seeds.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let mut pairs = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let name = file.to_string_lossy().into_owned();
            let format = ingest::detect_format(Some(&name), &text);
            let draft = ingest::draft(&text, format, &Overrides::default())
                .with_context(|| name.clone())?;
            let Some(g) = gold
                .statements
                .iter()
                .find(|s| normalise(&s.title) == normalise(&draft.title))
            else {
                anyhow::bail!("{name}: no gold statement titled {:?}", draft.title);
            };
            let overrides = Overrides {
                id: Some(g.id.clone()),
                source: Some(g.source.clone()),
                published: g.published.clone(),
                url: g.url.clone(),
                title: None,
            };
            add(
                &work,
                &AddRequest {
                    text,
                    name: Some(name.clone()),
                    overrides,
                    dry_run: false,
                },
            )
            .with_context(|| name.clone())?;
            pairs.push(g.clone());
        }
        let extracted = Corpus::load(&work).context("the extracted corpus does not load")?;
        Ok(score(&gold, &extracted, &pairs))
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn scratch_dir() -> Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("agenda-eval-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(dir.join("statements"))?;
    std::fs::create_dir_all(dir.join("facts"))?;
    Ok(dir)
}

fn cites_statement(f: &Fact, id: &str) -> bool {
    f.cites()
        .iter()
        .any(|c| c.split_once('#').is_some_and(|(s, _)| s == id))
}

/// Content words of a name or value, for comparing wordings.
fn words(text: &str) -> HashSet<String> {
    const STOP: &[&str] = &[
        "the", "of", "and", "a", "an", "from", "for", "in", "between", "with", "to", "member",
    ];
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.to_lowercase().replace(['’', '\''], ""))
        .map(|w| w.trim_end_matches('s').to_string())
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
        .collect()
}

fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / a.union(&b).count() as f64
}

/// Same entity: same id or handle, or names sharing most of their words.
fn same_entity(gold: &Fact, x: &Fact) -> f64 {
    if gold.id() == x.id() {
        return 2.0;
    }
    if gold.handle().is_some()
        && gold.handle().map(|h| h.to_lowercase()) == x.handle().map(|h| h.to_lowercase())
    {
        return 2.0;
    }
    let mut best: f64 = 0.0;
    for g in gold.names() {
        for n in x.names() {
            best = best.max(similarity(&g, &n));
        }
    }
    best
}

/// (field, equal) for every field the gold fact fills.
fn compare(gold: &Fact, x: &Fact) -> Vec<(String, bool)> {
    let text_eq = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => similarity(a, b) >= 0.75,
        _ => false,
    };
    let list_eq = |label: &str, gold: &[String], x: &[String], out: &mut Vec<(String, bool)>| {
        for g in gold {
            let ok = x.iter().any(|v| similarity(g, v) >= 0.6);
            out.push((format!("{label} {g:?}"), ok));
        }
    };
    let mut out = Vec::new();
    match (gold, x) {
        (Fact::Meeting(g), Fact::Meeting(m)) => {
            if g.date.is_some() {
                let ok = match (&g.when, &m.when) {
                    (Some(a), Some(b)) => a.start == b.start && a.end == b.end,
                    _ => false,
                };
                out.push(("date".into(), ok));
            }
            if g.place.is_some() {
                out.push(("place".into(), text_eq(&g.place, &m.place)));
            }
            if g.theme.is_some() {
                out.push(("theme".into(), text_eq(&g.theme, &m.theme)));
            }
            list_eq("participant", &g.participants, &m.participants, &mut out);
            list_eq("observer", &g.observers, &m.observers, &mut out);
        }
        (Fact::Initiative(g), Fact::Initiative(i)) => {
            if g.timeline.is_some() {
                let ok = match (&g.period, &i.period) {
                    (Some(a), Some(b)) => a.start == b.start && a.end == b.end,
                    _ => false,
                };
                out.push(("timeline".into(), ok));
            }
            if g.expected_outcome.is_some() {
                out.push((
                    "expected outcome".into(),
                    text_eq(&g.expected_outcome, &i.expected_outcome),
                ));
            }
        }
        (Fact::Mechanism(g), Fact::Mechanism(m)) if g.acronym.is_some() => {
            out.push(("acronym".into(), g.acronym == m.acronym));
        }
        (Fact::Area(g), Fact::Area(a)) => {
            if g.category.is_some() {
                out.push(("category".into(), text_eq(&g.category, &a.category)));
            }
            if g.expected_outcome.is_some() {
                out.push((
                    "expected outcome".into(),
                    text_eq(&g.expected_outcome, &a.expected_outcome),
                ));
            }
            for p in &g.priorities {
                let ok = a
                    .priorities
                    .iter()
                    .any(|q| q.party == p.party && normalise(&q.text) == normalise(&p.text));
                out.push((format!("priority {:?}", p.party), ok));
            }
        }
        _ => {}
    }
    out
}

fn score(gold: &Corpus, extracted: &Corpus, statements: &[Statement]) -> Report {
    let mut kinds: Vec<(FactKind, KindScore)> = FactKind::ALL
        .iter()
        .map(|k| (*k, KindScore::default()))
        .collect();
    let mut per_statement = Vec::new();
    for s in statements {
        let golds: Vec<&Fact> = gold
            .facts
            .iter()
            .filter(|f| cites_statement(f, &s.id))
            .collect();
        let xs: Vec<&Fact> = extracted
            .facts
            .iter()
            .filter(|f| cites_statement(f, &s.id))
            .collect();
        let mut used = vec![false; xs.len()];
        let mut wrong = 0;
        let mut unequal = Vec::new();
        for g in &golds {
            let entry = &mut kinds
                .iter_mut()
                .find(|(k, _)| *k == g.kind())
                .expect("kind")
                .1;
            entry.gold += 1;
            let best = xs
                .iter()
                .enumerate()
                .filter(|(i, x)| !used[*i] && x.kind() == g.kind())
                .map(|(i, x)| (i, same_entity(g, x)))
                .filter(|(_, s)| *s >= 0.5)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let Some((i, _)) = best else {
                unequal.push(format!("{} {} not found", g.kind().as_str(), g.id()));
                continue;
            };
            used[i] = true;
            entry.found += 1;
            let fields = compare(g, xs[i]);
            entry.fields += fields.len();
            entry.fields_equal += fields.iter().filter(|(_, ok)| *ok).count();
            let bad: Vec<&str> = fields
                .iter()
                .filter(|(_, ok)| !ok)
                .map(|(f, _)| f.as_str())
                .collect();
            if !bad.is_empty() {
                wrong += 1;
                unequal.push(format!(
                    "{} {}: {} differ",
                    g.kind().as_str(),
                    g.id(),
                    bad.join(", ")
                ));
            }
        }
        for (i, x) in xs.iter().enumerate() {
            if !used[i] {
                wrong += 1;
                kinds
                    .iter_mut()
                    .find(|(k, _)| *k == x.kind())
                    .expect("kind")
                    .1
                    .extra += 1;
                unequal.push(format!(
                    "extra {} {} ({})",
                    x.kind().as_str(),
                    x.id(),
                    x.name()
                ));
            }
        }
        per_statement.push(StatementScore {
            statement_id: s.id.clone(),
            extracted: xs.len(),
            wrong,
            unequal,
        });
    }
    Report {
        kinds,
        statements: per_statement,
    }
}
