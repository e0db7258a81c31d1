//! The thesaurus, `corpus/thesaurus.toml`: groups of forms that mean the same thing
//! (abbreviations, spellings, country names, titles), validated with `file:line` errors.
//!
//! ```toml
//! [[group]]
//! forms = ["ops", "operations", "operational"]
//! ```
//!
//! A question that holds one form also searches the group's other forms. Forms are matched as
//! analysed words (lowercased, folded, stemmed), so "Defence" and "defences" are one form.

use super::{line_of, CorpusError};
use crate::analysis;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use toml::Spanned;

/// The thesaurus's file name, at the top of the corpus directory.
pub const FILE_NAME: &str = "thesaurus.toml";

/// Groups of equivalent forms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "Vec<Vec<String>>", into = "Vec<Vec<String>>")]
pub struct Thesaurus {
    groups: Vec<Group>,
    /// Group indexes by the analysed words of their first word, for matching.
    by_first_word: HashMap<String, Vec<(usize, usize)>>,
}

/// One group: its forms as written and as analysed words.
#[derive(Debug, Clone, PartialEq)]
struct Group {
    forms: Vec<String>,
    words: Vec<Vec<String>>,
}

/// A form of a group found in a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThesaurusMatch<'a> {
    /// Range of the question's analysed words the form covers.
    pub words: std::ops::Range<usize>,
    /// Every form of the group (the one found included), as analysed words.
    pub forms: &'a [Vec<String>],
    /// The forms as written.
    pub written: &'a [String],
}

/// The analysed words of a form.
fn form_words(form: &str) -> Vec<String> {
    analysis::terms(&mut analysis::analyzer(), form)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

impl From<Vec<Vec<String>>> for Thesaurus {
    fn from(groups: Vec<Vec<String>>) -> Thesaurus {
        Thesaurus::new(groups)
    }
}

impl From<Thesaurus> for Vec<Vec<String>> {
    fn from(t: Thesaurus) -> Vec<Vec<String>> {
        t.groups.into_iter().map(|g| g.forms).collect()
    }
}

impl Thesaurus {
    /// A thesaurus of these groups of forms (already validated, see [`parse`]).
    pub fn new(groups: Vec<Vec<String>>) -> Thesaurus {
        let groups: Vec<Group> = groups
            .into_iter()
            .map(|forms| Group {
                words: forms.iter().map(|f| form_words(f)).collect(),
                forms,
            })
            .collect();
        let mut by_first_word: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            for (f, words) in group.words.iter().enumerate() {
                if let Some(first) = words.first() {
                    by_first_word.entry(first.clone()).or_default().push((g, f));
                }
            }
        }
        Thesaurus {
            groups,
            by_first_word,
        }
    }

    /// This thesaurus with a group for each known body (its acronym, name and aliases); a form
    /// a group already has stays in that group, and a body left with one form adds none.
    pub fn with_bodies(self, bodies: &[super::Body]) -> Thesaurus {
        let mut taken: std::collections::HashSet<Vec<String>> =
            self.groups.iter().flat_map(|g| g.words.clone()).collect();
        let mut groups: Vec<Vec<String>> = self.groups.into_iter().map(|g| g.forms).collect();
        for body in bodies {
            let forms: Vec<String> = body
                .forms()
                .into_iter()
                .filter(|f| {
                    let words = form_words(f);
                    !words.is_empty() && taken.insert(words)
                })
                .collect();
            if forms.len() >= 2 {
                groups.push(forms);
            }
        }
        Thesaurus::new(groups)
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every form as written, group by group (for autocomplete and docs).
    pub fn groups(&self) -> impl Iterator<Item = &[String]> {
        self.groups.iter().map(|g| g.forms.as_slice())
    }

    /// `text` with one of its forms replaced by another form of the same group, for each form
    /// found (whole words, any case): "mil ops" → "military ops", "mil operations". At most
    /// `limit`, in the order found.
    pub fn rewrites(&self, text: &str, limit: usize) -> Vec<String> {
        let lower = text.to_lowercase();
        // Offsets found in the lowercase text apply to the original only when lowercasing kept
        // every length.
        let text = if lower.len() == text.len() {
            text
        } else {
            lower.as_str()
        };
        let is_boundary = |i: usize| {
            i == 0
                || i == lower.len()
                || !lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        };
        let mut out: Vec<String> = Vec::new();
        for group in &self.groups {
            for form in &group.forms {
                let form_lower = form.to_lowercase();
                for (at, _) in lower.match_indices(&form_lower) {
                    let end = at + form_lower.len();
                    let whole = is_boundary(at)
                        && (end == lower.len()
                            || !lower[end..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphanumeric));
                    if !whole {
                        continue;
                    }
                    for other in group.forms.iter().filter(|o| *o != form) {
                        let rewritten = format!("{}{other}{}", &text[..at], &text[end..]);
                        if out.len() == limit {
                            return out;
                        }
                        if !out.contains(&rewritten) {
                            out.push(rewritten);
                        }
                    }
                }
            }
        }
        out
    }

    /// The groups whose forms occur in `words` (a question's analysed words), longest form
    /// first, without overlaps, left to right.
    pub fn find(&self, words: &[String]) -> Vec<ThesaurusMatch<'_>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let best = self
                .by_first_word
                .get(&words[i])
                .into_iter()
                .flatten()
                .filter(|&&(g, f)| words[i..].starts_with(&self.groups[g].words[f]))
                .max_by_key(|&&(g, f)| (self.groups[g].words[f].len(), std::cmp::Reverse(g)));
            match best {
                Some(&(g, f)) => {
                    let n = self.groups[g].words[f].len();
                    out.push(ThesaurusMatch {
                        words: i..i + n,
                        forms: &self.groups[g].words,
                        written: &self.groups[g].forms,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    group: Vec<Spanned<RawGroup>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    forms: Vec<Spanned<String>>,
}

/// Parses and validates the thesaurus file; every problem is reported, each with its line.
pub fn parse(path: &Path, text: &str) -> Result<Thesaurus, Vec<CorpusError>> {
    let error = |line: usize, message: String| CorpusError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let raw: RawFile = super::parse_toml(path, text)?;
    let mut errors = Vec::new();
    // Each form's analysed words → the line of the group that has it.
    let mut owner: HashMap<Vec<String>, usize> = HashMap::new();
    let mut groups = Vec::new();
    for group in raw.group {
        let group_line = line_of(text, group.span().start);
        let forms = &group.get_ref().forms;
        if forms.len() < 2 {
            errors.push(error(
                group_line,
                format!(
                    "a thesaurus group needs at least two forms, this one has {}",
                    forms.len()
                ),
            ));
        }
        let mut in_group: Vec<Vec<String>> = Vec::new();
        for form in forms {
            let line = line_of(text, form.span().start);
            let words = form_words(form.get_ref());
            if words.is_empty() {
                errors.push(error(
                    line,
                    format!(
                        "form {:?} has no searchable word (only stop words or punctuation)",
                        form.get_ref()
                    ),
                ));
                continue;
            }
            if in_group.contains(&words) {
                errors.push(error(
                    line,
                    format!(
                        "form {:?} is the same as another form of its group once analysed",
                        form.get_ref()
                    ),
                ));
                continue;
            }
            match owner.get(&words) {
                Some(&first) => errors.push(error(
                    line,
                    format!(
                        "form {:?} is already in the group at line {first}: a form belongs to one group",
                        form.get_ref()
                    ),
                )),
                None => {
                    owner.insert(words.clone(), group_line);
                }
            }
            in_group.push(words);
        }
        groups.push(forms.iter().map(|f| f.get_ref().clone()).collect());
    }
    if errors.is_empty() {
        Ok(Thesaurus::new(groups))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        parse(Path::new("thesaurus.toml"), text)
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect()
    }

    fn words(text: &str) -> Vec<String> {
        form_words(text)
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = "\
[[group]]
forms = [\"ops\", \"operations\"]

[[group]]
forms = [\"lonely\"]

[[group]]
forms = [
  \"the\",
  \"Ops\",
  \"intel\",
  \"Intel\",
]
";
        assert_eq!(
            messages(text),
            [
                "thesaurus.toml:4: a thesaurus group needs at least two forms, this one has 1",
                "thesaurus.toml:9: form \"the\" has no searchable word (only stop words or punctuation)",
                "thesaurus.toml:10: form \"Ops\" is already in the group at line 1: a form belongs to one group",
                "thesaurus.toml:12: form \"Intel\" is the same as another form of its group once analysed",
            ]
        );
    }

    #[test]
    fn unknown_keys_and_bad_toml_name_their_line() {
        let unknown = messages("[[group]]\nforms = [\"a\", \"b\"]\n\n[[group]]\nform = [\"c\"]\n");
        assert_eq!(unknown.len(), 1);
        assert!(
            unknown[0].starts_with("thesaurus.toml:5: unknown field `form`"),
            "{unknown:?}"
        );
        let syntax = messages("[[group]]\nforms = [\"a\",\n");
        assert!(syntax[0].starts_with("thesaurus.toml:"), "{syntax:?}");
    }

    #[test]
    fn the_shipped_thesaurus_loads_and_fingerprints_the_index() {
        let t = &crate::testing::shipped_corpus().thesaurus;
        for (form, other) in [
            ("ops", "operations"),
            ("Timor-Lester", "Timor-Leste"),
            ("Viet Nam", "Vietnam"),
            ("SG", "Secretary-General"),
            ("defense", "defence"),
        ] {
            let found = t.find(&words(form));
            assert_eq!(found.len(), 1, "{form}");
            assert!(
                found[0].written.iter().any(|w| w == other),
                "{form} → {other}"
            );
        }
        let root = crate::testing::shipped_corpus_dir();
        let files = super::super::corpus_files(&root).unwrap();
        assert!(files.contains(&root.join(FILE_NAME)));
    }

    #[test]
    fn rewrites_replace_whole_forms_only() {
        let t = Thesaurus::new(vec![
            vec!["ops".into(), "operations".into()],
            vec!["mil".into(), "military".into()],
        ]);
        assert_eq!(
            t.rewrites("Mil ops", 10),
            ["Mil operations", "military ops"]
        );
        assert!(t.rewrites("milestones topsoil", 10).is_empty());
        assert_eq!(t.rewrites("mil ops", 1).len(), 1);
    }

    #[test]
    fn finds_the_longest_form_and_gives_the_whole_group() {
        let t = Thesaurus::new(vec![
            vec!["MoD".into(), "Ministry of Defence".into()],
            vec!["defence".into(), "defense".into()],
        ]);
        let question = words("the ministry of defence and defense policy");
        let found = t.find(&question);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].words, 0..2);
        assert_eq!(found[0].written, ["MoD", "Ministry of Defence"]);
        assert_eq!(found[1].words, 2..3);
        assert_eq!(found[1].forms, [words("defence"), words("defense")]);
        assert!(t.find(&words("ministry policy")).is_empty());
    }
}
