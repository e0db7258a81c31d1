//! A deterministic synthetic corpus in the real format: statement `.md` files (TOML front matter,
//! paragraphs separated by blank lines) and fact TOML files (meetings with acronyms, numbers and
//! dates; initiatives with timelines; mechanisms with acronyms; areas), every fact citing
//! paragraphs that really mention it, so that [`agenda_core::corpus::Corpus::load`] accepts it.
//!
//! Words follow a Zipf-like law over a vocabulary of English function words, defence-cooperation
//! words and pronounceable made-up words; sentences carry meeting handles (`AMIM-21`), acronyms,
//! numbers, dates and places.

mod facts;
mod words;

use super::{Rng, Zipf};
use agenda_core::dates::{ordinal, MONTH_NAMES};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use words::*;

/// Bumped whenever the generator's output changes (cached corpora are keyed by it).
pub const VERSION: u32 = 2;

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GenStats {
    pub statements: usize,
    pub paragraphs: usize,
    pub meetings: usize,
    pub initiatives: usize,
    pub mechanisms: usize,
    pub areas: usize,
    pub files: usize,
    pub bytes: usize,
}

impl GenStats {
    pub fn facts(&self) -> usize {
        self.meetings + self.initiatives + self.mechanisms + self.areas
    }
}

struct Series {
    name: String,
    acronym: String,
}

struct MeetingDef {
    series: usize,
    number: u32,
}

struct MechanismDef {
    name: String,
    acronym: String,
}

struct InitiativeDef {
    name: String,
}

/// Facts of one kind, with the paragraphs that mention each one.
struct Kind<T> {
    defs: Vec<T>,
    cites: Vec<Vec<String>>,
    zipf: Zipf,
}

impl<T> Kind<T> {
    fn new(defs: Vec<T>) -> Kind<T> {
        let n = defs.len();
        Kind {
            defs,
            cites: vec![Vec::new(); n],
            zipf: Zipf::new(n.max(1), 0.8),
        }
    }

    fn cite(&mut self, i: usize, cite: &str) {
        let c = &mut self.cites[i];
        if c.len() < 6 && c.last().is_none_or(|l| l != cite) {
            c.push(cite.to_string());
        }
    }
}

struct Generator {
    rng: Rng,
    words: Vec<String>,
    zipf: Zipf,
    series: Vec<Series>,
    meetings: Kind<MeetingDef>,
    mechanisms: Kind<MechanismDef>,
    initiatives: Kind<InitiativeDef>,
    areas: Kind<usize>,
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Vocabulary of `n` distinct lowercase words, most frequent first.
fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut words = Vec::with_capacity(n);
    for w in FUNCTION_WORDS.iter().chain(DOMAIN_WORDS) {
        if seen.insert(w.to_string()) {
            words.push(w.to_string());
        }
    }
    while words.len() < n {
        let syllables = rng.range(2, 4);
        let mut w = String::new();
        for _ in 0..syllables {
            w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
        }
        if seen.insert(w.clone()) {
            words.push(w);
        }
    }
    words
}

/// A long form from [`NAME_WORDS`] and its acronym (the initials), not yet in `taken`.
fn named(
    rng: &mut Rng,
    taken: &mut HashSet<String>,
    lead: &str,
    tail: &[&str],
) -> (String, String) {
    loop {
        let k = rng.range(2, 3);
        let mut parts: Vec<&str> = Vec::new();
        while parts.len() < k {
            let w = *rng.pick(NAME_WORDS);
            if !parts.contains(&w) {
                parts.push(w);
            }
        }
        let last = *rng.pick(tail);
        let mut long = vec![lead];
        long.extend(&parts);
        long.push(last);
        let acronym: String = long
            .iter()
            .map(|w| w.chars().next().unwrap_or('X'))
            .collect::<String>()
            .to_uppercase();
        if taken.insert(acronym.clone()) {
            return (long.join(" "), acronym);
        }
    }
}

impl Generator {
    fn new(paragraphs: usize, seed: u64) -> Generator {
        let mut rng = Rng::new(seed);
        let vocab_size = (paragraphs / 4).clamp(2_000, 40_000);
        let words = vocabulary(&mut rng, vocab_size);
        let zipf = Zipf::new(words.len(), 1.0);
        let mut taken = HashSet::new();

        let n_meetings = (paragraphs / 200).max(20);
        let n_series = (n_meetings / 25).max(8);
        let series: Vec<Series> = (0..n_series)
            .map(|_| {
                let (name, acronym) = named(&mut rng, &mut taken, "ASEAN", &["Meeting"]);
                Series { name, acronym }
            })
            .collect();
        let meetings = (0..n_meetings)
            .map(|i| MeetingDef {
                series: i % n_series,
                number: (i / n_series) as u32 + 1,
            })
            .collect();
        let n_mechanisms = (paragraphs / 2_000).max(8);
        let mechanisms = (0..n_mechanisms)
            .map(|_| {
                let (name, acronym) = named(
                    &mut rng,
                    &mut taken,
                    "ASEAN",
                    &["Network", "Programme", "Community", "Centre", "Forum"],
                );
                MechanismDef { name, acronym }
            })
            .collect();
        let n_initiatives = (paragraphs / 500).max(10);
        let mut names = HashSet::new();
        let initiatives = (0..n_initiatives)
            .map(|_| loop {
                let a = capitalise(&words[rng.range(30, words.len() - 1)]);
                let b = *rng.pick(NAME_WORDS);
                let c = *rng.pick(&[
                    "Programme",
                    "Task Force",
                    "Initiative",
                    "Framework",
                    "Project",
                ]);
                let name = format!("{a} {b} {c}");
                if names.insert(name.clone()) {
                    break InitiativeDef { name };
                }
            })
            .collect();
        let n_areas = AREAS.len().min((paragraphs / 500).max(4));
        Generator {
            rng,
            words,
            zipf,
            series,
            meetings: Kind::new(meetings),
            mechanisms: Kind::new(mechanisms),
            initiatives: Kind::new(initiatives),
            areas: Kind::new((0..n_areas).collect()),
        }
    }

    fn word(&mut self) -> &str {
        let r = self.zipf.sample(&mut self.rng);
        &self.words[r]
    }

    fn meeting_handle(&self, i: usize) -> String {
        let m = &self.meetings.defs[i];
        format!("{}-{}", self.series[m.series].acronym, m.number)
    }

    fn meeting_name(&self, i: usize) -> String {
        let m = &self.meetings.defs[i];
        format!("{} {}", ordinal(m.number), self.series[m.series].name)
    }

    fn meeting_id(&self, i: usize) -> String {
        self.meeting_handle(i).to_lowercase()
    }

    fn mention_meeting(&mut self, i: usize, cite: &str) -> String {
        self.meetings.cite(i, cite);
        format!("the {} ({})", self.meeting_name(i), self.meeting_handle(i))
    }

    fn mention_mechanism(&mut self, i: usize, cite: &str) -> String {
        self.mechanisms.cite(i, cite);
        let m = &self.mechanisms.defs[i];
        format!("the {} ({})", m.name, m.acronym)
    }

    fn mention_initiative(&mut self, i: usize, cite: &str) -> String {
        self.initiatives.cite(i, cite);
        format!("the {}", self.initiatives.defs[i].name)
    }

    fn mention_area(&mut self, i: usize, cite: &str) -> String {
        self.areas.cite(i, cite);
        AREAS[self.areas.defs[i]].0.to_lowercase()
    }

    /// A phrase of `lo..=hi` words.
    fn phrase(&mut self, lo: usize, hi: usize) -> String {
        let n = self.rng.range(lo, hi);
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            let w = self.word().to_string();
            s.push_str(&w);
        }
        s
    }

    fn date(&mut self, with_year: bool) -> String {
        let day = self.rng.range(1, 28);
        let month = *self.rng.pick(&MONTH_NAMES);
        if with_year {
            format!("{day} {month} {}", self.rng.range(2019, 2026))
        } else {
            format!("{month} {day}")
        }
    }

    fn sentence(&mut self, cite: &str) -> String {
        let n = self.rng.range(8, 22);
        let mut parts: Vec<String> = Vec::with_capacity(n + 4);
        for _ in 0..n {
            parts.push(self.word().to_string());
        }
        let roll = self.rng.unit();
        let extra = if roll < 0.22 {
            let i = self.meetings.zipf.sample(&mut self.rng);
            Some(self.mention_meeting(i, cite))
        } else if roll < 0.32 {
            let i = self.mechanisms.zipf.sample(&mut self.rng);
            Some(self.mention_mechanism(i, cite))
        } else if roll < 0.38 {
            let i = self.initiatives.zipf.sample(&mut self.rng);
            Some(self.mention_initiative(i, cite))
        } else if roll < 0.42 {
            let i = self.areas.zipf.sample(&mut self.rng);
            Some(self.mention_area(i, cite))
        } else if roll < 0.50 {
            Some(format!("in {}", self.rng.pick(PLACES)))
        } else if roll < 0.58 {
            let with_year = self.rng.chance(0.5);
            Some(format!("on {}", self.date(with_year)))
        } else if roll < 0.66 {
            let n = self.rng.range(2, 120);
            let w = self.word().to_string();
            Some(format!("{n} {w}"))
        } else {
            None
        };
        if let Some(e) = extra {
            let at = self.rng.range(1, parts.len());
            parts.insert(at, e);
        }
        if parts.len() > 6 && self.rng.chance(0.4) {
            let at = self.rng.range(2, parts.len() - 2);
            parts[at].push(',');
        }
        let mut s = parts.join(" ");
        s = capitalise(&s);
        s.push('.');
        s
    }

    fn paragraph(&mut self, cite: &str, forced: &[String]) -> String {
        let n = self.rng.range(1, 4);
        let mut sentences: Vec<String> = forced.to_vec();
        for _ in 0..n {
            let s = self.sentence(cite);
            sentences.push(s);
        }
        sentences.join(" ")
    }

    /// Sentences that name the facts whose first citation is in this paragraph.
    fn forced_mentions(&mut self, homes: &[(u8, usize)], cite: &str) -> Vec<String> {
        homes
            .iter()
            .map(|&(kind, i)| {
                let name = match kind {
                    0 => self.mention_meeting(i, cite),
                    1 => self.mention_mechanism(i, cite),
                    2 => self.mention_initiative(i, cite),
                    _ => self.mention_area(i, cite),
                };
                let place = *self.rng.pick(PLACES);
                capitalise(&format!("{name} was discussed by delegates in {place}."))
            })
            .collect()
    }
}

/// Generates a corpus of exactly `paragraphs` paragraphs (at least 100) from `seed`, handing each
/// file (path relative to the corpus root, content) to `sink` as it is made.
pub fn generate_with(
    paragraphs: usize,
    seed: u64,
    mut sink: impl FnMut(&Path, &str) -> std::io::Result<()>,
) -> std::io::Result<GenStats> {
    let paragraphs = paragraphs.max(100);
    let mut g = Generator::new(paragraphs, seed);
    // Statement sizes first (heading + 7..=23 body paragraphs), so facts can be given homes.
    let mut sizes = Vec::new();
    let mut left = paragraphs;
    while left > 0 {
        let n = g.rng.range(8, 24).min(left);
        let n = if left - n < 2 { left } else { n };
        sizes.push(n);
        left -= n;
    }
    let n_statements = sizes.len();
    // Every fact is named at least once: fact i of a kind with n facts lives in statement
    // i * statements / n.
    let mut homes: Vec<Vec<(u8, usize)>> = vec![Vec::new(); n_statements];
    let counts = [
        g.meetings.defs.len(),
        g.mechanisms.defs.len(),
        g.initiatives.defs.len(),
        g.areas.defs.len(),
    ];
    for (kind, &n) in counts.iter().enumerate() {
        for i in 0..n {
            homes[i * n_statements / n].push((kind as u8, i));
        }
    }

    let mut stats = GenStats {
        statements: n_statements,
        paragraphs,
        ..GenStats::default()
    };
    let mut text = String::new();
    for (s, &size) in sizes.iter().enumerate() {
        let id = format!("s-{s:07}");
        let year = g.rng.range(2019, 2025);
        let month = g.rng.range(1, 12);
        let day = g.rng.range(1, 28);
        let title = {
            let p = g.phrase(4, 9);
            format!("ASEAN {p}")
        };
        let source = *g.rng.pick(SOURCES);
        let kind = *g.rng.pick(KINDS);
        let front = FrontMatter {
            url: format!("https://news.example.org/{year}/{id}"),
            published: format!("{year}-{month:02}-{day:02}"),
            id: &id,
            title: &title,
            source,
            kind,
            language: "en",
        };
        text.clear();
        text.push_str("+++\n");
        text.push_str(&toml_text(&front));
        text.push_str("+++\n\n## ");
        text.push_str(&capitalise(&title));
        text.push('\n');
        let home = std::mem::take(&mut homes[s]);
        let body = size - 1;
        for p in 0..body {
            let cite = format!("{id}#{}", p + 2);
            // Spread the statement's home facts over its first body paragraphs.
            let forced: Vec<(u8, usize)> = home
                .iter()
                .enumerate()
                .filter(|(k, _)| k % body == p)
                .map(|(_, h)| *h)
                .collect();
            let forced = g.forced_mentions(&forced, &cite);
            let para = g.paragraph(&cite, &forced);
            text.push('\n');
            text.push_str(&para);
            text.push('\n');
        }
        let path = PathBuf::from(format!("statements/{:03}/{id}.md", s / 1000));
        stats.bytes += text.len();
        stats.files += 1;
        sink(&path, &text)?;
    }

    for (path, content) in facts::fact_files(&mut g) {
        stats.bytes += content.len();
        stats.files += 1;
        sink(&path, &content)?;
    }
    stats.meetings = g.meetings.defs.len();
    stats.mechanisms = g.mechanisms.defs.len();
    stats.initiatives = g.initiatives.defs.len();
    stats.areas = g.areas.defs.len();
    Ok(stats)
}

/// A statement's front matter, in the corpus's key order.
#[derive(Serialize)]
struct FrontMatter<'a> {
    id: &'a str,
    title: &'a str,
    source: &'a str,
    published: String,
    url: String,
    kind: &'a str,
    language: &'a str,
}

/// A value as TOML text (the generator's own rows cannot fail to serialise).
fn toml_text(value: &impl Serialize) -> String {
    toml::to_string(value).expect("generated rows serialise as TOML")
}

/// Writes a generated corpus under `dir` (which should be empty or absent).
pub fn generate(dir: &Path, paragraphs: usize, seed: u64) -> std::io::Result<GenStats> {
    let mut made: HashSet<PathBuf> = HashSet::new();
    generate_with(paragraphs, seed, |rel, text| {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            if made.insert(parent.to_path_buf()) {
                std::fs::create_dir_all(parent)?;
            }
        }
        std::fs::write(path, text)
    })
}

/// The generated files in memory (tests).
pub fn generate_sources(paragraphs: usize, seed: u64) -> (Vec<(PathBuf, String)>, GenStats) {
    let mut out = Vec::new();
    let stats = generate_with(paragraphs, seed, |rel, text| {
        out.push((rel.to_path_buf(), text.to_string()));
        Ok(())
    })
    .expect("writing to memory does not fail");
    (out, stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::corpus::{Corpus, Fact};

    #[test]
    fn generated_corpus_validates_and_is_deterministic() {
        let (sources, stats) = generate_sources(3_000, 42);
        let corpus = Corpus::from_sources(&sources).unwrap_or_else(|e| panic!("{e}"));
        let paragraphs: usize = corpus.statements.iter().map(|s| s.paragraphs.len()).sum();
        assert_eq!(paragraphs, 3_000);
        assert_eq!(stats.paragraphs, 3_000);
        assert_eq!(corpus.facts.len(), stats.facts());
        assert!(corpus.facts.iter().all(|f| !f.cites().is_empty()));
        // Timelines and dates were all understood.
        for f in &corpus.facts {
            match f {
                Fact::Meeting(m) => assert!(m.when.is_some(), "{m:?}"),
                Fact::Initiative(i) => assert!(i.period.is_some(), "{i:?}"),
                _ => {}
            }
        }
        let (again, _) = generate_sources(3_000, 42);
        assert_eq!(sources, again);
        let (other, _) = generate_sources(3_000, 43);
        assert_ne!(sources, other);
    }

    #[test]
    fn meetings_are_cited_where_their_handle_is_written() {
        let (sources, _) = generate_sources(2_000, 1);
        let corpus = Corpus::from_sources(&sources).unwrap();
        for f in corpus.facts.iter().take(50) {
            if let Fact::Meeting(m) = f {
                let handle = format!("{}-{}", m.acronym.as_ref().unwrap(), m.number.unwrap());
                let (sid, n) = agenda_core::corpus::split_cite(&m.cites[0]).unwrap();
                let p = corpus.statement(sid).unwrap().paragraph(n).unwrap();
                assert!(p.text.contains(&handle), "{handle} not in {}", p.text);
            }
        }
    }
}
