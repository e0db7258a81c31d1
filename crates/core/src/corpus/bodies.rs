//! Known bodies and series, `corpus/bodies.toml`: the ASEAN defence meeting series, exercises,
//! networks, centres and working groups by acronym, full name and aliases, validated with
//! `file:line` errors.
//!
//! ```toml
//! [[body]]
//! acronym = "AARM"
//! name = "ASEAN Armies Rifle Meet"
//! aliases = ["ASEAN rifle meet"]
//! kind = "exercise"
//! ```
//!
//! Each body is a thesaurus group of its acronym, name and aliases (a question saying "AARM"
//! finds a statement saying "ASEAN Armies Rifle Meet"), and extraction recognises its mentions
//! with or without an acronym pair.

use super::{line_of, CorpusError};
use crate::analysis;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use toml::Spanned;

/// The file's name, at the top of the corpus directory.
pub const FILE_NAME: &str = "bodies.toml";

/// What kind of thing a known body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyKind {
    /// A series of meetings (ADMM, ANCM): its instances are meetings.
    MeetingSeries,
    /// A series of exercises (AUMX, ASEX): its instances are meetings too.
    Exercise,
    Network,
    Centre,
    WorkingGroup,
    Programme,
    Community,
    Framework,
    /// A convention, code or treaty (UNCLOS, CUES): named in a sentence that adopts or agrees
    /// it, an initiative; never a body.
    Instrument,
}

impl BodyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BodyKind::MeetingSeries => "meeting series",
            BodyKind::Exercise => "exercise series",
            BodyKind::Network => "network",
            BodyKind::Centre => "centre",
            BodyKind::WorkingGroup => "working group",
            BodyKind::Programme => "programme",
            BodyKind::Community => "community",
            BodyKind::Framework => "framework",
            BodyKind::Instrument => "instrument",
        }
    }

    /// Whether the body's instances are dated events (meetings, exercises).
    pub fn has_instances(self) -> bool {
        matches!(self, BodyKind::MeetingSeries | BodyKind::Exercise)
    }
}

/// One known body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub acronym: Option<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: BodyKind,
    /// Who meets, for a meeting series: the people whose gathering is one of its meetings
    /// ("navy chiefs"), so "ASEAN navy chiefs met in Pattaya on Sunday" names one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// The year of the first edition, for a series with instances: "the first ADMM-Plus" (or
    /// the inaugural one) is that year's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<i16>,
}

impl Body {
    /// Acronym, name and aliases: every form the body goes by.
    pub fn forms(&self) -> Vec<String> {
        self.acronym
            .iter()
            .chain(std::iter::once(&self.name))
            .chain(&self.aliases)
            .cloned()
            .collect()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    body: Vec<Spanned<Body>>,
}

/// The years a series' `first` edition may fall in.
const FIRST_YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// Parses and validates the file; every problem is reported, each with its line.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Body>, Vec<CorpusError>> {
    let error = |line: usize, message: String| CorpusError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let raw: RawFile = super::parse_toml(path, text)?;
    let mut errors = Vec::new();
    // Each form's analysed words → the line of the body that has it.
    let mut owner: HashMap<Vec<String>, usize> = HashMap::new();
    let mut analyzer = analysis::analyzer();
    let mut bodies = Vec::new();
    // Each member phrase, lowercase → the line of the series it names.
    let mut member_of: HashMap<String, usize> = HashMap::new();
    for spanned in raw.body {
        let line = line_of(text, spanned.span().start);
        let body = spanned.into_inner();
        if body.name.trim().is_empty() {
            errors.push(error(line, "a body needs a name".into()));
        }
        for form in body.forms() {
            let words: Vec<String> = analysis::terms(&mut analyzer, &form)
                .into_iter()
                .map(|t| t.text)
                .collect();
            if words.is_empty() {
                errors.push(error(
                    line,
                    format!(
                        "form {form:?} has no searchable word (only stop words or punctuation)"
                    ),
                ));
                continue;
            }
            match owner.get(&words) {
                Some(&first) if first != line => errors.push(error(
                    line,
                    format!("form {form:?} is already a form of the body at line {first}"),
                )),
                _ => {
                    owner.insert(words, line);
                }
            }
        }
        if let Some(year) = body.first {
            if !body.kind.has_instances() {
                errors.push(error(
                    line,
                    "only a meeting series or an exercise has a `first` year".into(),
                ));
            } else if !FIRST_YEARS.contains(&year) {
                errors.push(error(
                    line,
                    format!(
                        "`first` year {year} is not between {} and {}",
                        FIRST_YEARS.start(),
                        FIRST_YEARS.end()
                    ),
                ));
            }
        }
        if !body.members.is_empty() && body.kind != BodyKind::MeetingSeries {
            errors.push(error(
                line,
                "only a meeting series has `members` (who meets)".into(),
            ));
        }
        for member in &body.members {
            let key = member.trim().to_lowercase();
            if key.is_empty() {
                errors.push(error(line, "a member phrase is empty".into()));
                continue;
            }
            match member_of.get(&key) {
                Some(&first) if first != line => errors.push(error(
                    line,
                    format!("member {member:?} already names the series at line {first}"),
                )),
                _ => {
                    member_of.insert(key, line);
                }
            }
        }
        bodies.push(body);
    }
    if errors.is_empty() {
        Ok(bodies)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        parse(Path::new("bodies.toml"), text)
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn bodies_parse_and_every_problem_has_its_line() {
        let ok = "[[body]]\nacronym = \"AARM\"\nname = \"ASEAN Armies Rifle Meet\"\nkind = \"exercise\"\n";
        let bodies = parse(Path::new("bodies.toml"), ok).unwrap();
        assert_eq!(bodies[0].forms(), ["AARM", "ASEAN Armies Rifle Meet"]);
        assert!(bodies[0].kind.has_instances());

        let text = "\
[[body]]
acronym = \"AARM\"
name = \"ASEAN Armies Rifle Meet\"
kind = \"exercise\"

[[body]]
name = \"asean armies rifle meets\"
kind = \"exercise\"
";
        assert_eq!(
            messages(text),
            ["bodies.toml:6: form \"asean armies rifle meets\" is already a form of the body at line 1"]
        );
        let unknown = messages("[[body]]\nname = \"X\"\nkind = \"club\"\n");
        assert!(unknown[0].starts_with("bodies.toml:"), "{unknown:?}");
        assert!(unknown[0].contains("club"), "{unknown:?}");
        let extra = messages("[[body]]\nname = \"X\"\nkind = \"network\"\nchair = \"Y\"\n");
        assert!(extra[0].contains("chair"), "{extra:?}");
        // Who meets: only a series has members, and a phrase names one series.
        let members = "\
[[body]]
name = \"Harbour Chiefs Meeting\"
kind = \"meeting-series\"
members = [\"harbour chiefs\"]

[[body]]
name = \"Harbour Network\"
kind = \"network\"
members = [\"Harbour chiefs\", \" \"]
";
        assert_eq!(
            messages(members),
            [
                "bodies.toml:6: only a meeting series has `members` (who meets)",
                "bodies.toml:6: member \"Harbour chiefs\" already names the series at line 1",
                "bodies.toml:6: a member phrase is empty",
            ]
        );
        // A first edition's year: only for a series with instances, and a plausible year.
        let first = "\
[[body]]
name = \"Harbour Chiefs Meeting\"
kind = \"meeting-series\"
first = 1066

[[body]]
name = \"Harbour Network\"
kind = \"network\"
first = 2001
";
        assert_eq!(
            messages(first),
            [
                "bodies.toml:1: `first` year 1066 is not between 1900 and 2100",
                "bodies.toml:6: only a meeting series or an exercise has a `first` year",
            ]
        );
    }

    #[test]
    fn the_shipped_file_is_valid() {
        let path = crate::testing::shipped_corpus_dir().join(FILE_NAME);
        let text = std::fs::read_to_string(&path).unwrap();
        let bodies = parse(&path, &text).unwrap();
        assert!(bodies.len() >= 30, "{}", bodies.len());
        for acronym in [
            "ADMM", "ADSOM", "ACDFM", "AMIM", "ANCM", "AOE", "ADI", "APCN", "AUMX",
        ] {
            assert!(
                bodies.iter().any(|b| b.acronym.as_deref() == Some(acronym)),
                "{acronym}"
            );
        }
    }
}
