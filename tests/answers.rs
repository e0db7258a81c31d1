//! Questions asked the way team members ask them, against the shipped corpus: the right entity
//! comes first and its citations point at the paragraphs that say so, with the words marked.

use agenda_core::corpus::Fact;
use agenda_core::query::{self, Answer, Scope};
use agenda_core::testing::{shipped_corpus as corpus, shipped_index};

fn ask(scope: Scope, text: &str) -> Answer {
    let a = query::answer(&shipped_index(), scope, text)
        .unwrap_or_else(|e| panic!("{text:?} failed: {e}"));
    assert_citations_are_real(&a);
    a
}

/// Every citation quotes its paragraph verbatim and marks only words that are there.
fn assert_citations_are_real(a: &Answer) {
    for hit in &a.results {
        assert!(!hit.citations.is_empty(), "{} has no citation", hit.id());
        for c in &hit.citations {
            let s = corpus()
                .statement(&c.statement_id)
                .expect("cited statement exists");
            let p = s.paragraph(c.paragraph).expect("cited paragraph exists");
            assert!(
                p.text.contains(&c.snippet.text),
                "snippet not in ¶{}: {:?}",
                c.paragraph,
                c.snippet.text
            );
            assert_eq!(c.statement_title, s.title);
            assert_eq!(c.source, s.source);
            for &(from, to) in &c.snippet.highlights {
                assert!(from < to && to <= c.snippet.text.len());
            }
            if let Some(fact) = &hit.fact {
                assert!(
                    fact.cites().contains(&c.reference()),
                    "{} cites {}",
                    fact.id(),
                    c.reference()
                );
            }
        }
    }
}

#[track_caller]
fn top(scope: Scope, text: &str, id: &str) -> Answer {
    let a = ask(scope, text);
    let ids: Vec<String> = a.results.iter().map(|h| h.id()).collect();
    assert_eq!(
        ids.first().map(String::as_str),
        Some(id),
        "{scope:?} {text:?} → {ids:?}"
    );
    a
}

#[track_caller]
fn cites(a: &Answer, reference: &str) {
    let refs: Vec<String> = a.results[0]
        .citations
        .iter()
        .map(|c| c.reference())
        .collect();
    assert!(
        refs.iter().any(|r| r == reference),
        "{} cites {refs:?}, not {reference}",
        a.results[0].id()
    );
}

#[track_caller]
fn marks(a: &Answer, word: &str) {
    let marked: Vec<String> = a.results[0]
        .citations
        .iter()
        .flat_map(|c| c.matched.clone())
        .collect();
    assert!(
        marked.iter().any(|m| m.eq_ignore_ascii_case(word)),
        "{word:?} not marked in {marked:?}"
    );
}

#[test]
fn meetings_by_acronym_number_and_full_name() {
    for q in [
        "AMIM-21",
        "amim 21",
        "AMIM21",
        "21st intelligence meeting",
        "the 21st ASEAN Military Intelligence Meeting",
        "ASEAN military intelligence meeting",
    ] {
        let a = top(Scope::Meeting, q, "amim-21");
        cites(&a, "amim-21-vna#2");
    }
    let a = top(Scope::Meeting, "AMIM-21", "amim-21");
    marks(&a, "AMIM");
    let a = top(
        Scope::Meeting,
        "14th military operations meeting",
        "amom-14",
    );
    cites(&a, "amim-21-vna#10");
    top(Scope::Meeting, "AMOM", "amom-14");
    top(
        Scope::Meeting,
        "secretary-general lao defence minister",
        "asean-sg-lao-defence-minister",
    );
}

#[test]
fn meeting_details_as_questions() {
    let a = top(Scope::Ask, "who attended AMIM-21?", "amim-21");
    let Some(Fact::Meeting(m)) = &a.results[0].fact else {
        panic!()
    };
    assert!(m.participants.iter().any(|p| p.contains("10 ASEAN")));
    assert_eq!(m.observers, ["Timor-Leste"]);
    assert_eq!(m.when.as_ref().unwrap().start.to_string(), "2024-09-03");

    top(
        Scope::Ask,
        "who attended the intelligence meeting",
        "amim-21",
    );
    let a = top(
        Scope::Ask,
        "what was the theme of the military intelligence meeting?",
        "amim-21",
    );
    cites(&a, "amim-21-vna#7");
    marks(&a, "theme");
    top(Scope::Ask, "where was AMOM-14 held", "amom-14");
    let a = top(Scope::Ask, "was Timor-Leste an observer?", "amim-21");
    marks(&a, "observer");
}

#[test]
fn mechanisms_both_ways() {
    let a = top(Scope::Mechanism, "AJIIP", "ajiip");
    cites(&a, "amim-21-vna#8");
    marks(&a, "AJIIP");
    top(
        Scope::Mechanism,
        "ASEAN Junior Intelligence Interaction Programme",
        "ajiip",
    );
    top(Scope::Mechanism, "junior intelligence program", "ajiip");
    top(Scope::Mechanism, "Our Eyes", "aoe");
    top(Scope::Mechanism, "aoe", "aoe");
    top(Scope::Mechanism, "military intelligence community", "amic");
    top(Scope::Mechanism, "what is AMIC?", "amic");
    top(Scope::Mechanism, "chiefs of defence forces", "acdfm");
    top(Scope::Mechanism, "defense ministers meeting", "admm");
}

#[test]
fn initiatives_with_outcome_and_timeline() {
    let a = top(
        Scope::Initiative,
        "cyber task force",
        "regional-cybersecurity-task-force",
    );
    cites(&a, "asean-sg-lao-defence-minister#9");
    let Some(Fact::Initiative(i)) = &a.results[0].fact else {
        panic!()
    };
    assert_eq!(i.timeline.as_deref(), Some("Q3 2024"));
    assert_eq!(
        i.expected_outcome.as_deref(),
        Some("Enhanced Threat Intelligence Sharing")
    );
    top(
        Scope::Initiative,
        "Lao capacity building",
        "lao-pdr-defence-capacity-building",
    );
    top(
        Scope::Initiative,
        "joint military exercises",
        "asean-joint-military-exercises",
    );
    top(
        Scope::Ask,
        "when does the Lao PDR defence capacity building end?",
        "lao-pdr-defence-capacity-building",
    );
    top(
        Scope::Ask,
        "expected outcome of the regional cybersecurity task force",
        "regional-cybersecurity-task-force",
    );
}

#[test]
fn typos_still_find_and_mark_the_words() {
    let a = top(Scope::Meeting, "intellgence meeting", "amim-21");
    marks(&a, "Intelligence");
    top(Scope::Mechanism, "Junior Inteligence Programe", "ajiip");
    top(
        Scope::Initiative,
        "cybersecurty taskforce",
        "regional-cybersecurity-task-force",
    );
}

#[test]
fn cooperation_areas_and_focuses() {
    let a = top(
        Scope::Ask,
        "What is the Lao PDR focus for maritime security?",
        "maritime-security",
    );
    marks(&a, "Maritime");
    top(
        Scope::Ask,
        "counter-terrorism priority",
        "counter-terrorism",
    );
}

#[test]
fn statements_are_searched_by_ask() {
    let a = ask(Scope::Ask, "rapid deployment forces for crisis response");
    assert!(!a.results.is_empty());
    let refs: Vec<String> = a
        .results
        .iter()
        .flat_map(|h| h.citations.iter().map(|c| c.reference()))
        .collect();
    assert!(
        refs.iter().any(|r| r == "asean-sg-lao-defence-minister#8"),
        "{refs:?}"
    );
    let a = ask(Scope::Ask, "\"Together for Peace\"");
    let refs: Vec<String> = a
        .results
        .iter()
        .flat_map(|h| h.citations.iter().map(|c| c.reference()))
        .collect();
    assert!(refs.iter().any(|r| r == "amim-21-vna#7"), "{refs:?}");
}

#[test]
fn off_topic_questions_find_nothing() {
    for (scope, q) in [
        (Scope::Ask, "what is the best pizza in Naples"),
        (Scope::Ask, "football world cup results"),
        (Scope::Meeting, "stock market"),
        (Scope::Initiative, "recipe for banana bread"),
        (Scope::Mechanism, "weather tomorrow"),
    ] {
        let a = ask(scope, q);
        assert!(
            a.results.is_empty(),
            "{q:?} → {:?}",
            a.results.iter().map(|h| h.id()).collect::<Vec<_>>()
        );
    }
}

/// Regression: `/meeting AMIM-22` answered with AMIM-21 because the bare acronym named it.
#[test]
fn a_meeting_number_that_does_not_exist_is_not_answered_by_another() {
    let a = ask(Scope::Meeting, "AMIM-22");
    assert!(
        a.results.is_empty(),
        "{:?}",
        a.results.iter().map(|h| h.id()).collect::<Vec<_>>()
    );
    assert!(
        a.suggestions.iter().any(|s| s.contains("AMIM-21")),
        "{:?}",
        a.suggestions
    );
    top(Scope::Meeting, "AMIM 21", "amim-21");
    top(Scope::Meeting, "AMIM", "amim-21");
}

#[test]
fn nothing_found_offers_close_names() {
    let a = ask(Scope::Mechanism, "AJIP");
    let names: Vec<&str> = a
        .results
        .iter()
        .map(|h| h.fact.as_ref().map_or("", |f| f.id()))
        .chain(a.suggestions.iter().map(String::as_str))
        .collect();
    assert!(
        names.iter().any(|n| n.contains("AJIIP") || *n == "ajiip"),
        "{names:?}"
    );
}

#[test]
fn listing_a_kind() {
    let a = ask(Scope::Meeting, "all");
    assert!(a.listing);
    assert_eq!(a.results.len(), 3);
    let a = ask(Scope::Mechanism, "list");
    assert_eq!(a.results.len(), 5);
    let a = ask(Scope::Ask, "list the cooperation areas");
    assert!(
        a.listing && a.results.iter().all(|h| h.kind() == "area"),
        "{:?}",
        a.results.len()
    );
    assert_eq!(a.results.len(), 7);
    let a = ask(Scope::Ask, "which mechanisms are there?");
    assert!(a.listing && a.results.len() == 5);
    // A plural with a subject is a question, not a listing.
    let a = ask(Scope::Ask, "which meetings took place in Vientiane?");
    assert!(!a.listing);
    assert!(a.results.iter().take(2).any(|h| h.id() == "amim-21"));
}

#[test]
fn odd_text_never_errors() {
    for q in [
        "AND ( \" :",
        "\"unterminated",
        "***",
        "🙂🙂",
        "",
        "   ",
        "\u{0}\u{7}",
        "OR OR OR",
        "-",
        "a",
        &"x".repeat(5000),
        "title:foo^3 [1 TO 2]",
    ] {
        for scope in [
            Scope::Ask,
            Scope::Meeting,
            Scope::Initiative,
            Scope::Mechanism,
        ] {
            ask(scope, q);
        }
    }
}
