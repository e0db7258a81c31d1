//! Where a fact comes from (hand-written or extracted by `add`), and why hand-written facts win.

use super::facts::ParsedFile;
use super::Fact;
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
/// hand-written fact (same id, or same kind and name) or an earlier extracted fact (same id)
/// already gives. References from the kept extracted facts follow the winner's id.
pub(super) fn apply(files: &mut [ParsedFile]) {
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
    let mut kept_extracted: HashSet<String> = HashSet::new();
    for file in files.iter_mut() {
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
            kept_extracted.insert(fact.id().to_string())
        });
    }
    if renamed.is_empty() {
        return;
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
}
