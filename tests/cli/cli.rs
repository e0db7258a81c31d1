//! The `agenda-bot` binary end to end: exit codes, JSON shape, first-use build, console, broken corpus.

use agenda_test_support::common::{shipped_corpus, CliSetup};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

type Setup = CliSetup;

/// A config over a private copy of the shipped corpus and a fresh index directory.
fn setup() -> Setup {
    CliSetup::new(Some(&shipped_corpus()))
}

fn run(s: &Setup, args: &[&str]) -> Output {
    s.run(args)
}

/// `agenda-bot console` with `input` piped in: its standard output.
fn console(s: &Setup, input: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agenda-bot"))
        .arg("--config")
        .arg(&s.config)
        .arg("console")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn meeting_json_on_first_use_builds_the_index() {
    let s = setup();
    let v = json(&run(&s, &["meeting", "AMIM-21", "--json"]));
    let r = &v["results"][0];
    assert_eq!(r["kind"], "meeting");
    assert_eq!(r["id"], "amim-21");
    assert!(r["title"].as_str().unwrap().contains("AMIM-21"));
    assert_eq!(r["place"], "Vientiane, Laos");
    assert_eq!(
        r["theme"],
        "ASEAN: Together for Peace, Security and Resilience"
    );
    let c = &r["citations"][0];
    for key in [
        "statement_id",
        "statement_title",
        "source",
        "date",
        "paragraph",
        "snippet",
    ] {
        assert!(!c[key].is_null(), "citation lacks {key}: {c}");
    }
    assert_eq!(c["statement_id"], "amim-21-vna");
    assert_eq!(c["date"], "2024-09-03");
    assert!(s.config.parent().unwrap().join("index/CURRENT").is_file());
}

#[test]
fn plain_output_and_nothing_found_exit_zero() {
    let s = setup();
    let out = run(&s, &["mechanism", "AJIIP"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("ASEAN Junior Intelligence Interaction Programme (AJIIP)"),
        "{text}"
    );
    assert!(text.contains("¶8"), "{text}");
    assert!(text.contains("**AJIIP**"), "{text}");

    let v = json(&run(
        &s,
        &["ask", "best", "pizza", "in", "Naples", "--json"],
    ));
    assert_eq!(v["results"].as_array().unwrap().len(), 0);
    let out = run(&s, &["initiative", "AND", "(", "\"", ":"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_two_and_failures_exit_one() {
    let s = setup();
    assert_eq!(run(&s, &["meeting"]).status.code(), Some(2));
    assert_eq!(run(&s, &["frobnicate"]).status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_agenda-bot"))
        .args(["--config", "/nonexistent/config.toml", "meeting", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/config.toml"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn broken_corpus_is_reported_and_the_old_index_answers() {
    let s = setup();
    assert!(run(&s, &["index"]).status.success());
    let facts = s.corpus.join("facts/mechanisms.toml");
    let mut text = std::fs::read_to_string(&facts).unwrap();
    text.push_str(
        "\n[[mechanism]]\nid = \"broken\"\nname = \"Broken\"\ncites = [\"amim-21-vna#99\"]\n",
    );
    std::fs::write(&facts, text).unwrap();

    let out = run(&s, &["index"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mechanisms.toml:") && err.contains("amim-21-vna#99"),
        "{err}"
    );

    let out = run(&s, &["mechanism", "AOE", "--json"]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("last good index"), "{err}");
    assert_eq!(json(&out)["results"][0]["id"], "aoe");
}

#[test]
fn console_takes_discord_style_lines() {
    let s = setup();
    let text = console(
        &s,
        b"/meeting AMIM-21\n/help\n/bogus\nwho observed the intelligence meeting?\n",
    );
    assert!(
        text.contains("21st ASEAN Military Intelligence Meeting (AMIM-21)"),
        "{text}"
    );
    assert!(text.contains("/initiative <name or question>"), "{text}");
    assert!(text.contains("Unknown command /bogus"), "{text}");
    assert!(text.contains("Observers: Timor-Leste"), "{text}");
}

/// Bug: `--config nope.toml` printed "No such file or directory" twice, the cause being both in
/// the message and its `source()`.
#[test]
fn a_missing_config_prints_its_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_agenda-bot"))
        .current_dir(dir.path())
        .args(["--config", "nope.toml", "meeting", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "error: cannot read nope.toml: No such file or directory (os error 2)"
    );
}

/// Bug: the console showed no prompt and did not echo piped lines, `/upcoming 9999` was
/// accepted, `/ask` alone answered "Nothing found for “”".
#[test]
fn piped_console_reads_as_a_transcript_with_one_set_of_bounds() {
    let s = setup();
    let text = console(&s, b"/upcoming 9999\n\n/ask\n");
    assert_eq!(
        text,
        "> /upcoming 9999\n\
         Pick between 1 and 366 days (you asked for 9999).\n\
         Usage: /upcoming [days] — milestones coming up (1-366 days, default: the digest's days)\n\n\
         > /ask\n\
         Ask a question after /ask.\n\
         Usage: /ask <question> — any question; answers cite the statements\n\n"
    );
    // The CLI takes the same bound.
    let out = run(&s, &["upcoming", "--days", "367"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Pick between 1 and 366 days"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Bug: "Nothing found" echoed a 10,000-character question whole.
#[test]
fn nothing_found_echoes_a_long_question_shortened() {
    let s = setup();
    let text = console(&s, format!("{}\n", "zq".repeat(5000)).as_bytes());
    let found = text
        .lines()
        .find(|l| l.starts_with("Nothing found for"))
        .expect(&text[..200]);
    assert!(found.chars().count() < 130, "{found}");
    assert!(found.ends_with("…”."), "{found}");
}

#[test]
fn report_lists_the_unanswered_and_voted_down_questions_most_frequent_first() {
    let s = CliSetup::new(Some(&shipped_corpus()));
    let empty = s.run(&["report"]);
    assert!(empty.status.success());
    let text = String::from_utf8_lossy(&empty.stdout);
    assert!(text.starts_with("Feedback is off"), "{text}");
    assert!(text.contains("0 question(s) found nothing"), "{text}");

    s.append_config("[feedback]\nenabled = true\n");
    let state = s.tmp.path().join("state");
    std::fs::create_dir_all(&state).unwrap();
    let line = |at: &str, kind: &str, question: &str, answer: &str| {
        format!(
            r#"{{"at":"{at}","kind":"{kind}","command":"ask","question":"{question}"{answer}}}"#
        )
    };
    let lines = [
        line(
            "2026-11-02T08:00:00Z",
            "nothing_found",
            "Who hosts the next ANCM?",
            "",
        ),
        line(
            "2026-11-20T08:00:00Z",
            "down",
            "ADMM theme",
            r#","answer":5"#,
        ),
        "not a record".to_string(),
        line(
            "2026-11-21T08:00:00Z",
            "nothing_found",
            "who hosts the next ANCM",
            "",
        ),
        line("2026-11-22T08:00:00Z", "up", "AMIM-21", r#","answer":6"#),
    ];
    std::fs::write(state.join("feedback.jsonl"), lines.join("\n") + "\n").unwrap();

    let out = s.run(&["report"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().skip(2).collect();
    assert!(
        text.starts_with("Feedback: 2 question(s) found nothing, 1 answer(s) got 👎, 1 got 👍."),
        "{text}"
    );
    assert!(
        rows[0].contains("nothing found") && rows[0].contains("who hosts the next ANCM"),
        "{text}"
    );
    assert!(
        rows[1].contains("👎") && rows[1].contains("ADMM theme"),
        "{text}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("feedback.jsonl:3:"),
        "the bad line is named: {err}"
    );

    let since = s.run(&["report", "--since", "2026-11-21", "--json"]);
    let body = json(&since);
    let results = body["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{body}");
    assert_eq!(results[0]["kind"], "nothing_found");
    assert_eq!(results[0]["count"], 1);
    assert_eq!(body["helpful"], 1);
    let bad = s.run(&["report", "--since", "21/11/2026"]);
    assert_eq!(bad.status.code(), Some(2), "a usage error");
}
