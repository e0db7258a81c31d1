//! Autocomplete for the `query` option of `/meeting`, `/initiative` and `/mechanism`: the names and
//! aliases of the facts of that kind (held in memory by the index), prefix matches before substring
//! matches, within Discord's limits (25 choices, 100 characters per name and value).

use agenda_core::corpus::{Fact, FactKind, Thesaurus};
use agenda_core::render::embed::fit;

/// Discord shows at most 25 choices.
pub const MAX_CHOICES: usize = 25;
/// A choice's name and value are at most 100 characters each.
pub const MAX_CHOICE_CHARS: usize = 100;

/// One autocomplete choice: `name` is shown, `value` is what the option then holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub value: String,
}

/// How well a name matches what was typed, best (lowest) first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Exact,
    Prefix,
    WordPrefix,
    Substring,
}

fn normalize(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn rank(name: &str, typed: &str) -> Option<Rank> {
    if typed.is_empty() {
        return Some(Rank::Substring);
    }
    if name == typed {
        Some(Rank::Exact)
    } else if name.starts_with(typed) {
        Some(Rank::Prefix)
    } else if name
        .match_indices(typed)
        .any(|(i, _)| name[..i].ends_with([' ', '(', '/', '\'']))
    {
        Some(Rank::WordPrefix)
    } else if name.contains(typed) {
        Some(Rank::Substring)
    } else {
        None
    }
}

/// The names a fact is offered under, in order of preference: handle (`AMIM-21`), name, aliases,
/// then the bare acronym and series.
fn candidates(fact: &Fact) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(fact.handle());
    out.push(fact.name().to_string());
    out.extend(fact.aliases().iter().cloned());
    out.extend(fact.names());
    let mut seen = std::collections::HashSet::new();
    out.retain(|n| !n.trim().is_empty() && seen.insert(n.to_lowercase()));
    out
}

fn truncate_chars(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Choices for `typed` among the facts of `kind`, best first, one per fact.
pub fn choices(facts: &[Fact], kind: FactKind, typed: &str) -> Vec<Choice> {
    fact_choices(facts, kind, typed)
        .into_iter()
        .map(|(_, c)| c)
        .collect()
}

/// [`choices`], each with the id of its fact.
fn fact_choices<'f>(facts: &'f [Fact], kind: FactKind, typed: &str) -> Vec<(&'f str, Choice)> {
    let typed = normalize(typed);
    let mut ranked: Vec<(Rank, String, &str, Choice)> = Vec::new();
    for fact in facts.iter().filter(|f| f.kind() == kind) {
        let best = candidates(fact)
            .into_iter()
            .enumerate()
            .filter_map(|(order, name)| rank(&normalize(&name), &typed).map(|r| (r, order, name)))
            .min_by_key(|(r, order, _)| (*r, *order));
        let Some((r, _, matched)) = best else {
            continue;
        };
        let label = if matched.eq_ignore_ascii_case(fact.name()) {
            fact.title()
        } else {
            format!("{matched} — {}", fact.name())
        };
        let value = if matched.chars().count() <= MAX_CHOICE_CHARS {
            matched
        } else {
            fact.handle()
                .filter(|h| h.chars().count() <= MAX_CHOICE_CHARS)
                .unwrap_or_else(|| truncate_chars(fact.name(), MAX_CHOICE_CHARS))
        };
        let name = fit(&label, MAX_CHOICE_CHARS);
        ranked.push((r, name.to_lowercase(), fact.id(), Choice { name, value }));
    }
    ranked.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    ranked
        .into_iter()
        .take(MAX_CHOICES)
        .map(|(_, _, id, c)| (id, c))
        .collect()
}

/// [`choices`], then the choices for the text rewritten through the thesaurus ("mil ops" →
/// "military operations"), after them and without repeats.
pub fn choices_with(
    facts: &[Fact],
    thesaurus: &Thesaurus,
    kind: FactKind,
    typed: &str,
) -> Vec<Choice> {
    let mut out = fact_choices(facts, kind, typed);
    let mut rewrites = thesaurus.rewrites(typed, 8);
    // Two rewrites deep, for two abbreviations typed together.
    let deeper: Vec<String> = rewrites
        .iter()
        .flat_map(|r| thesaurus.rewrites(r, 8))
        .collect();
    rewrites.extend(deeper);
    for rewritten in rewrites {
        for (id, c) in fact_choices(facts, kind, &rewritten) {
            if out.len() < MAX_CHOICES && !out.iter().any(|o| o.0 == id) {
                out.push((id, c));
            }
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::corpus::Corpus;
    use std::path::Path;

    fn facts() -> Vec<Fact> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        Corpus::load(&root).expect("shipped corpus loads").facts
    }

    #[test]
    fn the_thesaurus_completes_the_teams_abbreviations() {
        let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
        assert!(choices(&corpus.facts, FactKind::Meeting, "mil ops").is_empty());
        let c = choices_with(
            &corpus.facts,
            &corpus.thesaurus,
            FactKind::Meeting,
            "mil ops",
        );
        assert!(c[0].name.contains("Military Operations"), "{c:?}");
        let c = choices_with(
            &corpus.facts,
            &corpus.thesaurus,
            FactKind::Meeting,
            "Timor-Lester",
        );
        assert!(c.is_empty(), "no fact is named after the observer: {c:?}");
        let c = choices_with(&corpus.facts, &corpus.thesaurus, FactKind::Mechanism, "CDF");
        assert_eq!(c.len(), 1, "one choice per fact: {c:?}");
        assert_eq!(c[0].value, "ACDFM", "{c:?}");
        let c = choices_with(
            &corpus.facts,
            &corpus.thesaurus,
            FactKind::Mechanism,
            "intel comm",
        );
        assert!(choices(&corpus.facts, FactKind::Mechanism, "intel comm").is_empty());
        assert!(c[0].name.contains("Intelligence Community"), "{c:?}");
    }

    #[test]
    fn handle_prefix_comes_first() {
        let c = choices(&facts(), FactKind::Meeting, "AM");
        assert!(!c.is_empty());
        assert_eq!(c[0].value, "AMIM-21", "{c:?}");
        assert!(c[0].name.starts_with("AMIM-21 — "), "{c:?}");
        assert!(c.iter().any(|c| c.value == "AMOM-14"), "{c:?}");
    }

    #[test]
    fn exact_beats_prefix_beats_substring() {
        let c = choices(&facts(), FactKind::Mechanism, "aoe");
        assert_eq!(c[0].value, "AOE");
        let c = choices(&facts(), FactKind::Mechanism, "intelligence");
        let values: Vec<&str> = c.iter().map(|c| c.value.as_str()).collect();
        assert!(
            values.contains(&"ASEAN Junior Intelligence Interaction Programme"),
            "{values:?}"
        );
        assert!(c.iter().all(|c| !c.value.is_empty()));
        let c = choices(&facts(), FactKind::Initiative, "cyber");
        assert_eq!(c[0].value, "cyber task force", "{c:?}");
    }

    #[test]
    fn only_the_kind_asked_for_and_within_limits() {
        let all = facts();
        for kind in [FactKind::Meeting, FactKind::Initiative, FactKind::Mechanism] {
            let c = choices(&all, kind, "");
            let n = all.iter().filter(|f| f.kind() == kind).count();
            assert_eq!(c.len(), n.min(MAX_CHOICES));
            for choice in &c {
                assert!(!choice.name.is_empty() && choice.name.chars().count() <= 100);
                assert!(!choice.value.is_empty() && choice.value.chars().count() <= 100);
            }
        }
        assert!(choices(&all, FactKind::Meeting, "AJIIP").is_empty());
        assert!(choices(&all, FactKind::Meeting, "zzzz").is_empty());
    }

    #[test]
    fn many_long_facts_are_capped() {
        let mut many = Vec::new();
        for i in 0..40 {
            let toml = format!(
                "[[mechanism]]\nid = \"m{i}\"\nname = \"Mechanism {i} {}\"\ncites = []\n",
                "x".repeat(150)
            );
            let parsed: toml::Value = toml::from_str(&toml).unwrap();
            let m: agenda_core::corpus::Mechanism =
                parsed["mechanism"][0].clone().try_into().unwrap();
            many.push(Fact::Mechanism(m));
        }
        let c = choices(&many, FactKind::Mechanism, "mech");
        assert_eq!(c.len(), MAX_CHOICES);
        assert!(c
            .iter()
            .all(|c| c.name.chars().count() <= 100 && c.value.chars().count() <= 100));
    }
}
