//! A deterministic synthetic corpus in the real format: statement `.md` files (TOML front matter,
//! paragraphs separated by blank lines) and fact TOML files (meetings with acronyms, numbers and
//! dates; initiatives with timelines; mechanisms with acronyms; areas), every fact citing
//! paragraphs that really mention it, so that [`agenda_core::corpus::Corpus::load`] accepts it.
//!
//! Words follow a Zipf-like law over a vocabulary of English function words, defence-cooperation
//! words and pronounceable made-up words; sentences carry meeting handles (`AMIM-21`), acronyms,
//! numbers, dates and places.

use super::{Rng, Zipf};
use agenda_core::dates::{ordinal, MONTH_NAMES};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Function words first: they take the top ranks, as in real text.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "for", "on", "with", "as", "by", "is", "was", "that",
    "at", "from", "its", "their", "were", "be", "has", "have", "an", "this", "which", "will",
    "also", "between", "other", "all",
];

const DOMAIN_WORDS: &[&str] = &[
    "cooperation",
    "defence",
    "security",
    "regional",
    "military",
    "meeting",
    "countries",
    "member",
    "states",
    "ministers",
    "peace",
    "stability",
    "region",
    "cooperate",
    "enhance",
    "strengthen",
    "capacity",
    "building",
    "exercises",
    "joint",
    "maritime",
    "intelligence",
    "operations",
    "officials",
    "delegates",
    "delegation",
    "agreed",
    "discussed",
    "exchange",
    "views",
    "challenges",
    "threats",
    "terrorism",
    "cybersecurity",
    "humanitarian",
    "assistance",
    "disaster",
    "relief",
    "response",
    "training",
    "programme",
    "initiative",
    "framework",
    "mechanism",
    "dialogue",
    "partners",
    "development",
    "mutual",
    "trust",
    "confidence",
    "transparency",
    "interoperability",
    "preparedness",
    "border",
    "patrols",
    "naval",
    "forces",
    "army",
    "navy",
    "air",
    "chiefs",
    "senior",
    "working",
    "group",
    "experts",
    "workshop",
    "seminar",
    "conference",
    "summit",
    "declaration",
    "statement",
    "communique",
    "roadmap",
    "plan",
    "action",
    "implementation",
    "progress",
    "review",
    "outcome",
    "commitment",
    "solidarity",
    "resilience",
    "centrality",
    "unity",
    "architecture",
    "multilateral",
    "bilateral",
    "practical",
    "specialised",
    "sector",
    "sectors",
    "exchanges",
    "visits",
    "technology",
    "industry",
    "logistics",
    "medicine",
    "engineering",
    "peacekeeping",
    "mine",
    "clearance",
    "veterans",
    "education",
    "academies",
    "cadets",
    "officers",
    "personnel",
    "equipment",
    "procurement",
    "research",
    "information",
    "sharing",
    "network",
    "centre",
    "hotline",
    "communication",
    "crisis",
    "management",
    "emergency",
    "rescue",
    "search",
    "coast",
    "guard",
    "fisheries",
    "piracy",
    "smuggling",
    "trafficking",
    "transnational",
    "crime",
    "cyber",
    "attacks",
    "resilient",
    "sustainable",
    "inclusive",
    "community",
    "vision",
    "charter",
    "principles",
    "norms",
    "law",
    "international",
    "sovereignty",
    "territorial",
    "integrity",
    "disputes",
    "peaceful",
    "settlement",
    "restraint",
    "code",
    "conduct",
    "sea",
    "waters",
    "airspace",
    "space",
    "health",
    "pandemic",
    "vaccines",
    "climate",
    "change",
    "environment",
    "women",
    "youth",
    "leadership",
    "chairmanship",
    "host",
    "hosted",
    "attended",
    "participated",
    "observer",
    "observers",
    "welcomed",
    "noted",
    "reaffirmed",
    "emphasised",
    "highlighted",
    "underlined",
    "expressed",
    "appreciation",
    "support",
    "continued",
    "further",
    "promote",
    "ensure",
    "maintain",
    "contribute",
    "address",
    "respond",
    "coordinate",
    "coordination",
    "collaboration",
    "partnership",
    "engagement",
    "activities",
    "projects",
    "plans",
    "priorities",
    "areas",
    "annual",
    "biennial",
    "inaugural",
    "upcoming",
    "recent",
    "current",
    "future",
    "important",
    "significant",
    "common",
    "shared",
    "collective",
    "comprehensive",
    "effective",
    "timely",
];

/// Words for the long forms of meeting series and mechanisms (each gives its initial).
const NAME_WORDS: &[&str] = &[
    "Military",
    "Intelligence",
    "Operations",
    "Maritime",
    "Logistics",
    "Medicine",
    "Engineering",
    "Cyber",
    "Peacekeeping",
    "Defence",
    "Chiefs",
    "Navy",
    "Air",
    "Army",
    "Senior",
    "Officials",
    "Working",
    "Experts",
    "Humanitarian",
    "Disaster",
    "Relief",
    "Counter",
    "Terrorism",
    "Security",
    "Border",
    "Training",
    "Signals",
    "Veterans",
    "Industry",
    "Research",
    "Education",
    "Legal",
    "Women",
    "Youth",
    "Mine",
    "Action",
    "Space",
    "Health",
    "Police",
    "Coast",
    "Guard",
    "Hydrographic",
    "Survey",
    "Explosive",
    "Ordnance",
    "Rescue",
    "Strategic",
    "Policy",
    "Planning",
    "Communications",
    "Information",
    "Technology",
    "Cooperation",
    "Readiness",
    "Interoperability",
    "Academies",
    "Commanders",
    "Special",
    "Forces",
    "Reserve",
    "Budget",
    "Procurement",
    "Standards",
    "Quality",
    "Environmental",
    "Climate",
    "Cadets",
    "Nursing",
];

const PLACES: &[&str] = &[
    "Vientiane",
    "Hanoi",
    "Jakarta",
    "Bangkok",
    "Manila",
    "Kuala Lumpur",
    "Singapore",
    "Phnom Penh",
    "Bandar Seri Begawan",
    "Naypyidaw",
    "Dili",
    "Luang Prabang",
    "Da Nang",
    "Bali",
    "Cebu",
    "Penang",
    "Siem Reap",
    "Chiang Mai",
    "Yogyakarta",
    "Ho Chi Minh City",
];

const PARTIES: &[&str] = &[
    "Brunei Darussalam",
    "Cambodia",
    "Indonesia",
    "Lao PDR",
    "Malaysia",
    "Myanmar",
    "the Philippines",
    "Singapore",
    "Thailand",
    "Viet Nam",
    "Timor-Leste",
    "the ASEAN Secretariat",
];

const SOURCES: &[&str] = &[
    "Vietnam News Agency (VNA)",
    "ASEAN Secretariat",
    "Lao News Agency (KPL)",
    "Ministry of National Defence",
    "Antara News",
    "The Star",
    "Bernama",
    "Philippine News Agency (PNA)",
];

const KINDS: &[&str] = &[
    "press release",
    "news report",
    "joint statement",
    "chairman's statement",
];

const SYLLABLES: &[&str] = &[
    "ka", "ro", "ti", "man", "sel", "dor", "vi", "na", "lu", "pe", "ra", "so", "mi", "ten", "gar",
    "bel", "cor", "da", "fe", "han", "jo", "kel", "lin", "mo", "nor", "pol", "qua", "ser", "tul",
    "ven", "wes", "yar", "zen", "bri", "cha", "dri", "esk", "fra", "gho", "isk", "ola", "pra",
    "stu", "tra", "ung", "vor", "xin", "yel",
];

const AREAS: &[(&str, &str, &str)] = &[
    (
        "Maritime Security",
        "Strengthen border patrols",
        "Increase naval training programs",
    ),
    (
        "Cybersecurity",
        "Enhance regional cyber defense",
        "Develop national cyber resilience",
    ),
    (
        "Counter-Terrorism",
        "Share intelligence swiftly",
        "Train counter-terrorism units",
    ),
    (
        "Humanitarian Assistance and Disaster Relief",
        "Pre-position relief stocks",
        "Build rapid response teams",
    ),
    (
        "Peacekeeping Operations",
        "Deploy joint peacekeeping units",
        "Prepare staff officers",
    ),
    (
        "Military Medicine",
        "Link military hospitals",
        "Train field medics",
    ),
    (
        "Defence Industry",
        "Open defence supply chains",
        "Develop local maintenance",
    ),
    (
        "Border Security",
        "Coordinate border patrols",
        "Modernise border posts",
    ),
    (
        "Military Education",
        "Exchange cadets and instructors",
        "Expand language courses",
    ),
    ("Mine Action", "Clear unexploded ordnance", "Train deminers"),
    (
        "Military Logistics",
        "Harmonise logistics standards",
        "Upgrade depots",
    ),
    (
        "Women, Peace and Security",
        "Increase women in peacekeeping",
        "Mentor women officers",
    ),
];

/// Bumped whenever the generator's output changes (cached corpora are keyed by it).
pub const VERSION: u32 = 1;

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

/// A TOML basic string.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn q_list(items: &[String]) -> String {
    let v: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", v.join(", "))
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
        text.clear();
        let _ = write!(
            text,
            "+++\nid = {}\ntitle = {}\nsource = {}\npublished = \"{year}-{month:02}-{day:02}\"\nurl = \"https://news.example.org/{year}/{id}\"\nkind = {}\nlanguage = \"en\"\n+++\n\n## {}\n",
            q(&id),
            q(&title),
            q(source),
            q(kind),
            capitalise(&title)
        );
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

    for (path, content) in fact_files(&mut g) {
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

const PER_FILE: usize = 500;

fn fact_files(g: &mut Generator) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut text = String::from("# Synthetic meetings (agenda-bench).\n");
    for i in 0..g.meetings.defs.len() {
        if i > 0 && i % PER_FILE == 0 {
            files.push((
                PathBuf::from(format!("facts/meetings-{:03}.toml", i / PER_FILE - 1)),
                std::mem::replace(&mut text, "# Synthetic meetings (agenda-bench).\n".into()),
            ));
        }
        let m = &g.meetings.defs[i];
        let series = &g.series[m.series];
        let handle = g.meeting_handle(i);
        let number = m.number;
        let (acr, series_name) = (series.acronym.clone(), series.name.clone());
        let aliases = vec![
            handle.clone(),
            format!("{acr} {number}"),
            format!("{} {acr}", ordinal(number)),
        ];
        let date = match g.rng.below(3) {
            0 => g.date(false),
            1 => g.date(true),
            _ => format!(
                "{}-{:02}-{:02}",
                g.rng.range(2019, 2025),
                g.rng.range(1, 12),
                g.rng.range(1, 28)
            ),
        };
        let place = format!("{}, {}", g.rng.pick(PLACES), g.rng.pick(PARTIES));
        let participants: Vec<String> = (0..g.rng.range(1, 3))
            .map(|_| format!("Delegates of {}", g.rng.pick(PARTIES)))
            .collect();
        let topics: Vec<String> = (0..g.rng.range(2, 4))
            .map(|_| capitalise(&g.phrase(3, 7)))
            .collect();
        let mechanisms: Vec<String> = (0..g.rng.below(3))
            .map(|_| {
                let k = g.mechanisms.zipf.sample(&mut g.rng);
                g.mechanisms.defs[k].acronym.to_lowercase()
            })
            .collect::<HashSet<_>>()
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let related: Vec<String> = if number > 1 && g.rng.chance(0.5) {
            vec![format!("{}-{}", acr.to_lowercase(), number - 1)]
        } else {
            Vec::new()
        };
        let theme = g.rng.chance(0.5).then(|| capitalise(&g.phrase(3, 6)));
        let summary = capitalise(&g.phrase(10, 24)) + ".";
        let _ = write!(
            text,
            "\n[[meeting]]\nid = {}\nname = {}\nacronym = {}\nnumber = {number}\nseries = {}\naliases = {}\ndate = {}\nplace = {}\nparticipants = {}\n",
            q(&g.meeting_id(i)),
            q(&g.meeting_name(i)),
            q(&acr),
            q(&series_name),
            q_list(&aliases),
            q(&date),
            q(&place),
            q_list(&participants),
        );
        if g.rng.chance(0.3) {
            let _ = writeln!(text, "observers = [\"Timor-Leste\"]");
        }
        if let Some(t) = theme {
            let _ = writeln!(text, "theme = {}", q(&t));
        }
        let _ = write!(
            text,
            "topics = {}\nmechanisms = {}\nrelated = {}\nsummary = {}\ncites = {}\n",
            q_list(&topics),
            q_list(&mechanisms),
            q_list(&related),
            q(&summary),
            q_list(&g.meetings.cites[i]),
        );
    }
    let n = g.meetings.defs.len();
    files.push((
        PathBuf::from(format!(
            "facts/meetings-{:03}.toml",
            n.saturating_sub(1) / PER_FILE
        )),
        text,
    ));

    let mut text = String::from("# Synthetic initiatives (agenda-bench).\n");
    for i in 0..g.initiatives.defs.len() {
        let name = g.initiatives.defs[i].name.clone();
        let y = g.rng.range(2022, 2027);
        let timeline = match g.rng.below(6) {
            0 => format!("Q{} {y}", g.rng.range(1, 4)),
            1 => format!("{y} – {}", y + g.rng.range(1, 3)),
            2 => format!("by end-{y}"),
            3 => format!("H{} {y}", g.rng.range(1, 2)),
            4 => format!("mid-{y}"),
            _ => format!("{} {y}", g.rng.pick(&MONTH_NAMES)),
        };
        let area = AREAS[g.rng.below(AREAS.len())].0;
        let outcome = capitalise(&g.phrase(2, 5));
        let summary = capitalise(&g.phrase(10, 22)) + ".";
        let _ = write!(
            text,
            "\n[[initiative]]\nid = \"init-{i:05}\"\nname = {}\naliases = {}\nexpected_outcome = {}\ntimeline = {}\narea = {}\nsummary = {}\ncites = {}\n",
            q(&name),
            q_list(&[name.to_lowercase()]),
            q(&outcome),
            q(&timeline),
            q(area),
            q(&summary),
            q_list(&g.initiatives.cites[i]),
        );
    }
    files.push((PathBuf::from("facts/initiatives.toml"), text));

    let mut text = String::from("# Synthetic mechanisms (agenda-bench).\n");
    for i in 0..g.mechanisms.defs.len() {
        let m = &g.mechanisms.defs[i];
        let (name, acronym) = (m.name.clone(), m.acronym.clone());
        let description = capitalise(&g.phrase(8, 18)) + ".";
        let _ = write!(
            text,
            "\n[[mechanism]]\nid = {}\nacronym = {}\nname = {}\ncategory = \"specialised cooperation mechanism\"\ndescription = {}\ncites = {}\n",
            q(&acronym.to_lowercase()),
            q(&acronym),
            q(&name),
            q(&description),
            q_list(&g.mechanisms.cites[i]),
        );
    }
    files.push((PathBuf::from("facts/mechanisms.toml"), text));

    let mut text = String::from("# Synthetic areas (agenda-bench).\n");
    for i in 0..g.areas.defs.len() {
        let (name, asean, lao) = AREAS[g.areas.defs[i]];
        let id: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let _ = write!(
            text,
            "\n[[area]]\nid = {}\nname = {}\ncategory = \"security cooperation area\"\npriorities = [\n  {{ party = \"ASEAN\", label = \"ASEAN priority\", text = {} }},\n  {{ party = \"Lao PDR\", label = \"Lao PDR focus\", text = {} }},\n]\ncites = {}\n",
            q(&id),
            q(name),
            q(asean),
            q(lao),
            q_list(&g.areas.cites[i]),
        );
    }
    files.push((PathBuf::from("facts/areas.toml"), text));
    files
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
