//! Fuzzing at scale with proptest: the statement parser, the facts parser, the date normaliser and the
//! query path never panic, and what they accept is well formed.
//!
//! CI runs a few thousand cases per target; `FUZZ_CASES=1000000 cargo test --release --test core fuzz::`
//! runs a million each (see RELIABILITY.md).

use agenda_core::corpus::Corpus;
use agenda_core::dates;
use agenda_core::query::{self, Scope};
use agenda_core::render;
use agenda_core::testing::shipped_index;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::path::{Path, PathBuf};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000)
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    })
}

fn seed(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// Edits that break structure: characters that mean something to TOML, Markdown or dates.
fn mutated(base: String) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("+++".to_string()),
        Just("\n".to_string()),
        Just("\"".to_string()),
        Just("[[".to_string()),
        Just("]".to_string()),
        Just("=".to_string()),
        Just("#".to_string()),
        Just("\u{feff}".to_string()),
        Just("é–“".to_string()),
        "[ -~]{0,6}",
    ];
    proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, piece), 1..8).prop_map(
        move |edits| {
            let mut s = base.clone();
            for (at, op, text) in edits {
                let mut i = at.index(s.len() + 1);
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                match op {
                    0 => s.insert_str(i, &text),
                    1 => {
                        let mut j = (i + text.len()).min(s.len());
                        while !s.is_char_boundary(j) {
                            j -= 1;
                        }
                        s.replace_range(i..j, "");
                    }
                    _ => {
                        let mut j = (i + text.len()).min(s.len());
                        while !s.is_char_boundary(j) {
                            j -= 1;
                        }
                        s.replace_range(i..j, &text);
                    }
                }
            }
            s
        },
    )
}

fn load(files: Vec<(&str, String)>) {
    let sources: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|(p, t)| (PathBuf::from(p), t))
        .collect();
    if let Err(errors) = Corpus::from_sources(&sources) {
        for e in &errors.0 {
            assert!(e.line >= 1, "errors carry a line: {e}");
            assert!(!e.message.is_empty());
        }
    }
}

#[test]
fn fuzz_statement_parser() {
    let base = seed("corpus/statements/amim-21-vna.md");
    let strategy = prop_oneof![mutated(base), any::<String>()];
    runner()
        .run(&strategy, |text| {
            load(vec![("statements/amim-21-vna.md", text)]);
            Ok(())
        })
        .unwrap();
}

#[test]
fn fuzz_facts_parser() {
    let statements = [
        (
            "statements/amim-21-vna.md",
            seed("corpus/statements/amim-21-vna.md"),
        ),
        (
            "statements/asean-sg-lao-defence-minister.md",
            seed("corpus/statements/asean-sg-lao-defence-minister.md"),
        ),
    ];
    let facts = seed("corpus/facts/meetings.toml") + &seed("corpus/facts/initiatives.toml");
    let strategy = prop_oneof![mutated(facts), any::<String>()];
    runner()
        .run(&strategy, |text| {
            let mut files: Vec<(&str, String)> =
                statements.iter().map(|(p, t)| (*p, t.clone())).collect();
            files.push(("facts/f.toml", text));
            load(files);
            Ok(())
        })
        .unwrap();
}

#[test]
fn fuzz_date_normaliser() {
    let words = prop_oneof![
        Just("Q3"),
        Just("2024"),
        Just("–"),
        Just("-"),
        Just("September"),
        Just("3"),
        Just("by"),
        Just("end"),
        Just("of"),
        Just("H1"),
        Just("to"),
        Just("early"),
        Just("2026"),
        Just("31st"),
        Just("/"),
        Just("99999"),
        Just("Sept."),
        Just("before"),
    ];
    let strategy = prop_oneof![
        any::<String>(),
        proptest::collection::vec(words, 0..7).prop_map(|w| w.join(" ")),
    ];
    let years = prop_oneof![Just(None), any::<i16>().prop_map(Some)];
    runner()
        .run(&(strategy, years), |(text, year)| {
            if let Ok(r) = dates::parse_when(&text, year) {
                prop_assert!(r.start <= r.end);
                let _ = r.describe();
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn fuzz_query_path() {
    let scope = prop_oneof![
        Just(Scope::Ask),
        Just(Scope::Meeting),
        Just(Scope::Initiative),
        Just(Scope::Mechanism)
    ];
    let text = prop_oneof![
        any::<String>(),
        mutated("who attended the 21st \"intelligence meeting\" AMIM-21 in Vientiane?".to_string()),
    ];
    let index = shipped_index();
    runner()
        .run(&(scope, text), |(scope, text)| {
            let a = query::answer(&index, scope, &text).expect("queries never fail on text");
            prop_assert!(render::embed::answer(&a).within_limits());
            Ok(())
        })
        .unwrap();
}
