//! Where a fact comes from (hand-written or extracted by `add`), and why hand-written facts win.

use super::facts::ParsedFile;
use super::{CorpusError, Fact, Statement};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The folder under `facts/` that holds facts extracted by `agenda-bot add`, one file per statement.
pub const EXTRACTED_DIR: &str = "extracted";

/// Who wrote a fact. A fact's folder decides it: `facts/extracted/` holds extracted facts, and a
/// fact a person moves out of it becomes hand-written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    #[default]
    HandWritten,
    Extracted,
}

impl Origin {
    pub fn is_hand_written(&self) -> bool {
        *self == Origin::HandWritten
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Origin::HandWritten => "hand-written",
            Origin::Extracted => "extracted",
        }
    }
}

/// Whether a fact file lies in `…/facts/extracted/`.
pub fn is_extracted_file(path: &Path) -> bool {
    let mut parents = path.components().rev().skip(1);
    parents
        .next()
        .is_some_and(|c| c.as_os_str() == EXTRACTED_DIR)
        && parents.next().is_some_and(|c| c.as_os_str() == "facts")
}

/// Sets each fact's origin from its file's folder, then drops the extracted facts that a
/// hand-written fact (same id, or same kind and name) already gives, and merges an extracted fact
/// into an earlier one with the same id (the same meeting reported by two statements is one fact
/// citing both, see [`merge`]). References from the kept extracted facts follow the winner's id.
/// Returns what merging found to disagree, for a reviewer.
pub(super) fn apply(files: &mut [ParsedFile], statements: &[Statement]) -> Vec<CorpusError> {
    let years: HashMap<&str, i16> = statements
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.year()?)))
        .collect();
    for file in files.iter_mut() {
        let origin = if is_extracted_file(&file.path) {
            Origin::Extracted
        } else {
            Origin::HandWritten
        };
        for located in &mut file.facts {
            located.fact.set_origin(origin);
        }
    }
    let hand: Vec<&Fact> = files
        .iter()
        .flat_map(|f| f.facts.iter().map(|l| &l.fact))
        .filter(|f| f.origin().is_hand_written())
        .collect();
    let hand_ids: HashSet<String> = hand.iter().map(|f| f.id().to_string()).collect();
    let hand_names: HashMap<(super::FactKind, String), String> = hand
        .iter()
        .map(|f| ((f.kind(), f.name().to_lowercase()), f.id().to_string()))
        .collect();

    let mut renamed: HashMap<String, String> = HashMap::new();
    // Extracted facts met twice: the later ones, to merge into the first.
    let mut kept_extracted: HashSet<String> = HashSet::new();
    let mut later: Vec<(std::path::PathBuf, Fact)> = Vec::new();
    for file in files.iter_mut() {
        let path = file.path.clone();
        file.facts.retain(|located| {
            let fact = &located.fact;
            if fact.origin().is_hand_written() {
                return true;
            }
            if hand_ids.contains(fact.id()) {
                return false;
            }
            if let Some(winner) = hand_names.get(&(fact.kind(), fact.name().to_lowercase())) {
                renamed.insert(fact.id().to_string(), winner.clone());
                return false;
            }
            if kept_extracted.insert(fact.id().to_string()) {
                return true;
            }
            later.push((path.clone(), fact.clone()));
            false
        });
    }
    let mut conflicts = Vec::new();
    for (path, other) in later {
        let first = files
            .iter_mut()
            .flat_map(|f| f.facts.iter_mut())
            .find(|l| !l.fact.origin().is_hand_written() && l.fact.id() == other.id());
        if let Some(first) = first {
            let mut other = other;
            pin_year(&mut first.fact, &years);
            pin_year(&mut other, &years);
            for field in merge(&mut first.fact, &other) {
                conflicts.push(CorpusError {
                    file: path.clone(),
                    line: 0,
                    message: format!(
                        "{} {:?}: {field} differs from the same fact extracted from another \
                         statement; the first is kept",
                        other.kind().as_str(),
                        other.id()
                    ),
                });
            }
        }
    }
    merge_year_instances(files, &years, &mut renamed, &mut conflicts);
    if renamed.is_empty() {
        return conflicts;
    }
    for file in files.iter_mut() {
        for located in &mut file.facts {
            if let Fact::Meeting(m) = &mut located.fact {
                if m.origin.is_hand_written() {
                    continue;
                }
                for r in m.mechanisms.iter_mut().chain(m.related.iter_mut()) {
                    if let Some(winner) = renamed.get(r.as_str()) {
                        *r = winner.clone();
                    }
                }
            }
        }
    }
    conflicts
}

/// Before two extractions merge: a date without its year ("6 September") takes the year of the
/// statement it was read from, written out, so that merged with another statement's fact it
/// keeps its own year. A date the year does not simply follow stays as written.
fn pin_year(fact: &mut Fact, years: &HashMap<&str, i16>) {
    let Fact::Meeting(m) = fact else { return };
    let Some(date) = m.date.as_deref() else {
        return;
    };
    if year_of(m).is_some() {
        return;
    }
    let Some(year) = statement_year(m, years) else {
        return;
    };
    let span = |r: crate::dates::DateRange| (r.start, r.end);
    let written = format!("{date} {year}");
    let resolved = crate::dates::parse_when(date, Some(year)).map(span);
    if resolved.is_ok() && crate::dates::parse_when(&written, None).map(span) == resolved {
        m.date = Some(written);
    }
}

/// The year of the statement a fact was first read from.
fn statement_year(m: &super::Meeting, years: &HashMap<&str, i16>) -> Option<i16> {
    let statement = m.cites.first()?.split_once('#')?.0;
    years.get(statement).copied()
}

/// The year of a meeting's date, a date without one read in its statement's year.
fn year_in_statement(m: &super::Meeting, years: &HashMap<&str, i16>) -> Option<i16> {
    m.date
        .as_deref()
        .and_then(|d| crate::dates::parse_when(d, statement_year(m, years)).ok())
        .map(|w| w.start.year())
}

/// The year a meeting's date names on its own (none for a date without a year).
fn year_of(m: &super::Meeting) -> Option<i16> {
    m.date
        .as_deref()
        .and_then(|d| crate::dates::parse_when(d, None).ok())
        .map(|w| w.start.year())
}

/// One meeting extracted under two ids: "<series>-<year>" from a statement that names it by its
/// year ("ADSOM 2024") and the numbered instance of that series dated in that year from
/// another. When the year holds exactly one numbered extracted instance of the series, the
/// year-named fact merges into it ([`merge`]) and references follow.
fn merge_year_instances(
    files: &mut [ParsedFile],
    years: &HashMap<&str, i16>,
    renamed: &mut HashMap<String, String>,
    conflicts: &mut Vec<CorpusError>,
) {
    let series = |m: &super::Meeting| m.acronym.as_deref().map(super::series_key);
    // (series, year) → the numbered extracted instances.
    let mut numbered: HashMap<(String, i16), Vec<String>> = HashMap::new();
    for l in files.iter().flat_map(|f| f.facts.iter()) {
        if let Fact::Meeting(m) = &l.fact {
            if m.origin.is_hand_written() || m.number.is_none() {
                continue;
            }
            if let (Some(key), Some(year)) = (series(m), year_in_statement(m, years)) {
                numbered.entry((key, year)).or_default().push(m.id.clone());
            }
        }
    }
    let mut by_year: Vec<(std::path::PathBuf, Fact, String)> = Vec::new();
    for file in files.iter_mut() {
        let path = file.path.clone();
        file.facts.retain(|l| {
            let Fact::Meeting(m) = &l.fact else {
                return true;
            };
            if m.origin.is_hand_written() || m.number.is_some() {
                return true;
            }
            let Some(key) = series(m) else { return true };
            let id_year = m.id.rsplit('-').next().and_then(|y| y.parse::<i16>().ok());
            // The year in its id, which its own date (if it names one) must not contradict.
            let Some(year) =
                id_year.filter(|y| year_in_statement(m, years).is_none_or(|d| d == *y))
            else {
                return true;
            };
            match numbered.get(&(key, year)).map(Vec::as_slice) {
                Some([only]) if *only != m.id => {
                    by_year.push((path.clone(), l.fact.clone(), only.clone()));
                    false
                }
                _ => true,
            }
        });
    }
    for (path, other, into) in by_year {
        let kept = files
            .iter_mut()
            .flat_map(|f| f.facts.iter_mut())
            .find(|l| l.fact.id() == into);
        if let Some(kept) = kept {
            let mut other = other;
            pin_year(&mut kept.fact, years);
            pin_year(&mut other, years);
            for field in merge(&mut kept.fact, &other) {
                conflicts.push(CorpusError {
                    file: path.clone(),
                    line: 0,
                    message: format!(
                        "meeting {:?} (named by its year) is {into:?}: {field} differs; {into:?} is kept",
                        other.id()
                    ),
                });
            }
            renamed.insert(other.id().to_string(), into);
        }
    }
}

/// Merges `other` into `kept`, two extractions of one fact from different statements: citations
/// and lists are joined, an empty field takes the other's value, a date with a day beats one
/// without. Returns the fields whose values disagree (the kept value stays).
pub(super) fn merge(kept: &mut Fact, other: &Fact) -> Vec<&'static str> {
    fn join(into: &mut Vec<String>, from: &[String]) {
        for x in from {
            if !into.contains(x) {
                into.push(x.clone());
            }
        }
    }
    fn fill(
        into: &mut Option<String>,
        from: &Option<String>,
        name: &'static str,
        conflicts: &mut Vec<&'static str>,
    ) {
        match (into.as_ref(), from) {
            (None, Some(v)) => *into = Some(v.clone()),
            (Some(a), Some(b)) if !a.eq_ignore_ascii_case(b) => conflicts.push(name),
            _ => {}
        }
    }
    /// A place that names the other and more ("Vientiane, Laos" for "Vientiane" or "Laos") is
    /// the more precise and wins; spelling aside ("Ha Noi, Viet Nam"), the two agree.
    fn fill_place(
        into: &mut Option<String>,
        from: &Option<String>,
        conflicts: &mut Vec<&'static str>,
    ) {
        let (Some(a), Some(b)) = (into.as_ref(), from) else {
            return fill(into, from, "place", conflicts);
        };
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let (wa, wb) = (words(a), words(b));
        if wa.concat() == wb.concat() || wb.iter().all(|w| wa.contains(w)) {
            return;
        }
        if wa.iter().all(|w| wb.contains(w)) {
            *into = Some(b.clone());
            return;
        }
        conflicts.push("place");
    }
    let mut conflicts = Vec::new();
    match (kept, other) {
        (Fact::Meeting(a), Fact::Meeting(b)) => {
            join(&mut a.cites, &b.cites);
            // The other statement's name for it ("AACC 2023" for the 20th) finds it too.
            if !a.name.eq_ignore_ascii_case(&b.name) {
                join(&mut a.aliases, std::slice::from_ref(&b.name));
            }
            join(&mut a.aliases, &b.aliases);
            join(&mut a.participants, &b.participants);
            join(&mut a.observers, &b.observers);
            join(&mut a.topics, &b.topics);
            join(&mut a.outcomes, &b.outcomes);
            join(&mut a.mechanisms, &b.mechanisms);
            join(&mut a.related, &b.related);
            if date_detail(b.date.as_deref()) > date_detail(a.date.as_deref()) {
                a.date = b.date.clone();
            }
            a.number = a.number.or(b.number);
            a.acronym = a.acronym.take().or_else(|| b.acronym.clone());
            a.series = a.series.take().or_else(|| b.series.clone());
            fill_place(&mut a.place, &b.place, &mut conflicts);
            fill(&mut a.chair, &b.chair, "chair", &mut conflicts);
            fill(&mut a.theme, &b.theme, "theme", &mut conflicts);
            a.summary = a.summary.take().or_else(|| b.summary.clone());
        }
        (Fact::Initiative(a), Fact::Initiative(b)) => {
            join(&mut a.cites, &b.cites);
            join(&mut a.aliases, &b.aliases);
            fill(&mut a.timeline, &b.timeline, "timeline", &mut conflicts);
            a.expected_outcome = a
                .expected_outcome
                .take()
                .or_else(|| b.expected_outcome.clone());
            a.area = a.area.take().or_else(|| b.area.clone());
            a.summary = a.summary.take().or_else(|| b.summary.clone());
        }
        (Fact::Mechanism(a), Fact::Mechanism(b)) => {
            join(&mut a.cites, &b.cites);
            join(&mut a.aliases, &b.aliases);
            a.acronym = a.acronym.take().or_else(|| b.acronym.clone());
            a.category = a.category.take().or_else(|| b.category.clone());
            a.description = a.description.take().or_else(|| b.description.clone());
        }
        (Fact::Area(a), Fact::Area(b)) => {
            join(&mut a.cites, &b.cites);
            join(&mut a.aliases, &b.aliases);
        }
        _ => conflicts.push("kind"),
    }
    conflicts
}

/// How precise a written date is: a day and a year beat a day, which beats a month or a year.
fn date_detail(date: Option<&str>) -> u8 {
    let Some(d) = date else { return 0 };
    let numbers: Vec<usize> = d
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(str::len)
        .collect();
    let day = numbers.iter().any(|&n| n <= 2) || d.len() == 10 && numbers == [4, 2, 2];
    let year = numbers.contains(&4);
    1 + 2 * u8::from(day) + u8::from(year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use std::path::PathBuf;

    const STATEMENT: &str =
        "+++\nid = \"s\"\ntitle = \"T\"\nsource = \"S\"\npublished = \"2024-09-03\"\n+++\n\nOne\n";

    fn corpus(files: &[(&str, &str)]) -> Corpus {
        let mut sources = vec![(PathBuf::from("c/statements/s.md"), STATEMENT.to_string())];
        sources.extend(files.iter().map(|(p, t)| (PathBuf::from(p), t.to_string())));
        Corpus::from_sources(&sources).unwrap()
    }

    #[test]
    fn folder_decides_the_origin() {
        assert!(is_extracted_file(Path::new(
            "corpus/facts/extracted/s.toml"
        )));
        assert!(!is_extracted_file(Path::new("corpus/facts/s.toml")));
        assert!(!is_extracted_file(Path::new("corpus/extracted/s.toml")));
        let c = corpus(&[
            ("c/facts/extracted/s.toml", "[[mechanism]]\nid = \"x\"\nname = \"X\"\ncites = [\"s#1\"]\n"),
            // Written as extracted, but a person moved it out of `extracted/`: hand-written now.
            ("c/facts/m.toml", "[[mechanism]]\nid = \"y\"\nname = \"Y\"\norigin = \"extracted\"\ncites = [\"s#1\"]\n"),
        ]);
        let origin = |id: &str| c.facts.iter().find(|f| f.id() == id).unwrap().origin();
        assert_eq!(origin("x"), Origin::Extracted);
        assert_eq!(origin("y"), Origin::HandWritten);
    }

    #[test]
    fn hand_written_facts_win_by_id_and_by_name_and_references_follow() {
        let c = corpus(&[
            ("c/facts/m.toml", "[[mechanism]]\nid = \"admm\"\nname = \"ASEAN Defence Ministers' Meeting\"\ndescription = \"by hand\"\ncites = [\"s#1\"]\n"),
            ("c/facts/extracted/a.toml", "[[mechanism]]\nid = \"admm\"\nname = \"ADMM\"\ncites = [\"s#1\"]\n\n[[mechanism]]\nid = \"other-id\"\nname = \"asean defence ministers' meeting\"\ncites = [\"s#1\"]\n\n[[meeting]]\nid = \"m1\"\nname = \"M\"\nmechanisms = [\"other-id\"]\ncites = [\"s#1\"]\n"),
            // The same extracted fact from a second statement: the first one is kept.
            ("c/facts/extracted/b.toml", "[[meeting]]\nid = \"m1\"\nname = \"M again\"\ncites = [\"s#1\"]\n"),
        ]);
        let ids: Vec<&str> = c.facts.iter().map(|f| f.id()).collect();
        assert_eq!(ids.iter().filter(|i| **i == "admm").count(), 1, "{ids:?}");
        assert!(!ids.contains(&"other-id"), "{ids:?}");
        let Some(Fact::Meeting(m)) = c.facts.iter().find(|f| f.id() == "m1") else {
            panic!("{ids:?}")
        };
        assert_eq!(m.name, "M");
        assert_eq!(m.mechanisms, ["admm"]);
        let Some(Fact::Mechanism(admm)) = c.facts.iter().find(|f| f.id() == "admm") else {
            panic!()
        };
        assert_eq!(admm.description.as_deref(), Some("by hand"));
    }

    /// Issue 22 (one meeting across statements): the same instance extracted from two
    /// statements is one fact citing both; an empty field takes the other's value, a date with a
    /// day beats a month, and a place that disagrees is reported for a reviewer.
    #[test]
    fn one_meeting_from_two_statements_is_one_fact_citing_both() {
        let second = "+++\nid = \"t\"\ntitle = \"U\"\nsource = \"S\"\npublished = \"2024-09-05\"\n+++\n\nTwo\n";
        let sources = vec![
            (PathBuf::from("c/statements/s.md"), STATEMENT.to_string()),
            (PathBuf::from("c/statements/t.md"), second.to_string()),
            (
                PathBuf::from("c/facts/extracted/s.toml"),
                "[[meeting]]\nid = \"admm-18\"\nname = \"18th ADMM\"\ndate = \"November 2024\"\nplace = \"Vientiane\"\ncites = [\"s#1\"]\n".to_string(),
            ),
            (
                PathBuf::from("c/facts/extracted/t.toml"),
                "[[meeting]]\nid = \"admm-18\"\nname = \"18th ADMM\"\ndate = \"21 November 2024\"\nplace = \"Luang Prabang\"\ntheme = \"Together\"\ncites = [\"t#1\"]\n".to_string(),
            ),
        ];
        let c = Corpus::from_sources(&sources).unwrap();
        let meetings: Vec<&Fact> = c.facts.iter().filter(|f| f.id() == "admm-18").collect();
        assert_eq!(meetings.len(), 1);
        let Fact::Meeting(m) = meetings[0] else {
            panic!()
        };
        assert_eq!(m.cites, ["s#1", "t#1"]);
        assert_eq!(m.date.as_deref(), Some("21 November 2024"));
        assert_eq!(m.place.as_deref(), Some("Vientiane"));
        assert_eq!(m.theme.as_deref(), Some("Together"));
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
        assert!(
            c.warnings[0].to_string().contains("place differs"),
            "{}",
            c.warnings[0]
        );
    }

    /// Issue 22 (one meeting across statements), phrasing class "a day without its year"
    /// ("on 6 September"): merged into a fact first cited from a statement of another year, the
    /// day keeps the year of the statement that wrote it.
    #[test]
    fn a_day_without_its_year_keeps_its_statements_year_when_merged() {
        let older = "+++\nid = \"t\"\ntitle = \"U\"\nsource = \"S\"\npublished = \"2019-09-08\"\n+++\n\nTwo\n";
        let sources = vec![
            (PathBuf::from("c/statements/s.md"), STATEMENT.to_string()),
            (PathBuf::from("c/statements/t.md"), older.to_string()),
            (
                PathBuf::from("c/facts/extracted/s.toml"),
                "[[meeting]]\nid = \"hx-1\"\nname = \"first HX\"\ncites = [\"s#1\"]\n".to_string(),
            ),
            (
                PathBuf::from("c/facts/extracted/t.toml"),
                "[[meeting]]\nid = \"hx-1\"\nname = \"first HX\"\ndate = \"6 September\"\ncites = [\"t#1\"]\n".to_string(),
            ),
        ];
        let c = Corpus::from_sources(&sources).unwrap();
        let meeting = |id: &str| match c.facts.iter().find(|f| f.id() == id) {
            Some(Fact::Meeting(m)) => m.clone(),
            _ => panic!("{id}"),
        };
        let first = meeting("hx-1");
        assert_eq!(first.cites, ["s#1", "t#1"]);
        assert_eq!(first.date.as_deref(), Some("6 September 2019"));
        assert_eq!(first.when.unwrap().start.year(), 2019);
    }

    /// Places of one meeting from two statements: the one naming the other and more wins, a
    /// spelling apart is agreement, two places are a conflict (the first kept).
    #[test]
    fn the_more_precise_place_wins() {
        let rows = [
            ("Vientiane", "Vientiane, Laos", "Vientiane, Laos", false),
            ("Vientiane, Laos", "Laos", "Vientiane, Laos", false),
            (
                "Hanoi, Vietnam",
                "Ha Noi, Viet Nam",
                "Hanoi, Vietnam",
                false,
            ),
            ("Vientiane", "Luang Prabang", "Vientiane", true),
        ];
        let meeting = |place: &str| {
            Fact::Meeting(
                toml::from_str(&format!(
                    "id = \"admm-18\"\nname = \"18th ADMM\"\nplace = \"{place}\"\ncites = []\n"
                ))
                .unwrap(),
            )
        };
        for (first, second, want, conflict) in rows {
            let mut kept = meeting(first);
            let conflicts = merge(&mut kept, &meeting(second));
            let Fact::Meeting(m) = kept else { panic!() };
            assert_eq!(m.place.as_deref(), Some(want), "{first} + {second}");
            assert_eq!(conflicts.contains(&"place"), conflict, "{first} + {second}");
        }
    }

    #[test]
    fn date_detail_rows() {
        let rows = [
            ("21 November 2024", 4),
            ("2024-11-21", 4),
            ("November 21", 3),
            ("November 2024", 2),
            ("2024", 2),
        ];
        for (date, want) in rows {
            assert_eq!(date_detail(Some(date)), want, "{date}");
        }
        assert_eq!(date_detail(None), 0);
    }

    /// Issue 22 (one meeting across statements), phrasing class "<series> <year>": a statement
    /// naming the meeting by its year and another by its number give one fact, when that year
    /// holds one numbered instance of the series; a year with two stays apart.
    #[test]
    fn a_meeting_named_by_its_year_is_the_numbered_instance_of_that_year() {
        let second = "+++\nid = \"t\"\ntitle = \"U\"\nsource = \"S\"\npublished = \"2024-05-08\"\n+++\n\nTwo\n";
        let numbered = "[[meeting]]\nid = \"adsom-18\"\nname = \"18th ADSOM\"\nacronym = \"ADSOM\"\nnumber = 18\ndate = \"7 May 2024\"\ncites = [\"s#1\"]\n";
        let by_year = "[[meeting]]\nid = \"adsom-2024\"\nname = \"ADSOM 2024\"\nacronym = \"ADSOM\"\nplace = \"Vientiane\"\ncites = [\"t#1\"]\n\n[[meeting]]\nid = \"adsom-2023\"\nname = \"ADSOM 2023\"\nacronym = \"ADSOM\"\ncites = [\"t#1\"]\n";
        let sources = |extra: &str| {
            vec![
                (PathBuf::from("c/statements/s.md"), STATEMENT.to_string()),
                (PathBuf::from("c/statements/t.md"), second.to_string()),
                (
                    PathBuf::from("c/facts/extracted/s.toml"),
                    format!("{numbered}{extra}"),
                ),
                (
                    PathBuf::from("c/facts/extracted/t.toml"),
                    by_year.to_string(),
                ),
            ]
        };
        let c = Corpus::from_sources(&sources("")).unwrap();
        let ids: Vec<&str> = c.facts.iter().map(|f| f.id()).collect();
        assert_eq!(
            ids,
            ["adsom-18", "adsom-2023"],
            "2023 has no numbered instance here"
        );
        let Fact::Meeting(m) = &c.facts[0] else {
            panic!()
        };
        assert_eq!(m.cites, ["s#1", "t#1"]);
        assert_eq!(m.place.as_deref(), Some("Vientiane"));
        // Two numbered instances in 2024: which one the year names is unknown; nothing merges.
        let two = "\n[[meeting]]\nid = \"adsom-19\"\nname = \"19th ADSOM\"\nacronym = \"ADSOM\"\nnumber = 19\ndate = \"1 December 2024\"\ncites = [\"s#1\"]\n";
        let c = Corpus::from_sources(&sources(two)).unwrap();
        assert!(c.facts.iter().any(|f| f.id() == "adsom-2024"));
    }
}
