//! Rule rows and regressions of answering (`super`), on corpora written in each test.

use super::*;
use crate::corpus::Corpus;
use std::path::PathBuf;

/// Issue 21 / 22: `meeting ADMM` lists the series' instances in date order.
#[test]
fn a_series_name_lists_its_instances_in_date_order() {
    let statement = "+++\nid = \"s\"\ntitle = \"T\"\nsource = \"S\"\npublished = \"2024-01-02\"\n+++\n\nThe ministers met.\n";
    let facts = "\
[[meeting]]\nid = \"admm-18\"\nname = \"18th ADMM\"\nacronym = \"ADMM\"\nnumber = 18\ndate = \"21 November 2024\"\ncites = [\"s#1\"]\n
[[meeting]]\nid = \"admm-16\"\nname = \"16th ADMM\"\nacronym = \"ADMM\"\nnumber = 16\ndate = \"22 June 2022\"\ncites = [\"s#1\"]\n
[[meeting]]\nid = \"admm-17\"\nname = \"17th ADMM\"\nacronym = \"ADMM\"\nnumber = 17\ndate = \"16 November 2023\"\ncites = [\"s#1\"]\n
[[meeting]]\nid = \"amim-21\"\nname = \"21st AMIM\"\nacronym = \"AMIM\"\nnumber = 21\ndate = \"3 September 2024\"\ncites = [\"s#1\"]\n";
    let corpus = Corpus::from_sources(&[
        (PathBuf::from("c/statements/s.md"), statement.to_string()),
        (PathBuf::from("c/facts/f.toml"), facts.to_string()),
    ])
    .unwrap();
    let index = AgendaIndex::build_in_ram(&corpus).unwrap();
    let ids = |text: &str| -> Vec<String> {
        answer(&index, Scope::Meeting, text)
            .unwrap()
            .results
            .iter()
            .map(Hit::id)
            .collect()
    };
    assert_eq!(ids("ADMM"), ["admm-16", "admm-17", "admm-18"]);
    assert_eq!(ids("admm"), ["admm-16", "admm-17", "admm-18"]);
    // One instance of a series, or a numbered instance asked for, is no timeline.
    assert_eq!(ids("AMIM")[0], "amim-21");
    assert_eq!(ids("ADMM-17")[0], "admm-17");
}

fn index_of(statements: &[(&str, &str)], facts: &str) -> AgendaIndex {
    let mut sources: Vec<(PathBuf, String)> = statements
        .iter()
        .map(|(id, text)| {
            (
                PathBuf::from(format!("c/statements/{id}.md")),
                text.to_string(),
            )
        })
        .collect();
    sources.push((PathBuf::from("c/facts/f.toml"), facts.to_string()));
    AgendaIndex::build_in_ram(&Corpus::from_sources(&sources).unwrap()).unwrap()
}

fn result_ids(index: &AgendaIndex, scope: Scope, text: &str) -> Vec<String> {
    answer(index, scope, text)
        .unwrap()
        .results
        .iter()
        .map(Hit::id)
        .collect()
}

fn shown(a: &Answer) -> String {
    a.results
        .iter()
        .flat_map(|h| h.citations.iter().map(|c| c.snippet.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Phrasing class "a report of one meeting": only the lead names it, later paragraphs say
/// "the chiefs". `meeting <it>` shows the fact, then the report's paragraphs in order.
#[test]
fn a_named_meeting_is_followed_by_its_reports_paragraphs() {
    let report = "+++\nid = \"r\"\ntitle = \"Navy chiefs hold the 9th ASEAN Harbour Chiefs' Meeting\"\nsource = \"S\"\npublished = \"2023-05-02\"\n+++\n\n\
The 9th ASEAN Harbour Chiefs' Meeting (AHCM-9) opened online yesterday.\n\n\
The chiefs first approved the minutes of their last gathering.\n\n\
They then exchanged views on the topic of Calm Waters Together.\n";
    let other = "+++\nid = \"o\"\ntitle = \"Harbour week\"\nsource = \"S\"\npublished = \"2023-06-01\"\n+++\n\n\
Delegates recalled the 9th AHCM and its host.\n";
    let facts = "[[meeting]]\nid = \"ahcm-9\"\nname = \"9th ASEAN Harbour Chiefs' Meeting\"\nacronym = \"AHCM\"\nnumber = 9\ncites = [\"r#1\"]\n";
    let index = index_of(&[("r", report), ("o", other)], facts);
    let a = answer(&index, Scope::Meeting, "AHCM-9").unwrap();
    assert_eq!(a.results[0].id(), "ahcm-9");
    let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
    // Its report's next paragraph and another report naming it, in turns.
    assert_eq!(ids[1..3], ["r#2".to_string(), "o#1".to_string()]);
    assert!(shown(&a).contains("Calm Waters Together"), "{ids:?}");
    // A statement whose headline does not name the fact adds nothing of its own.
    let a = answer(&index, Scope::Meeting, "AHCM").unwrap();
    assert!(!a.results.iter().any(|h| h.id() == "o#2"));
}

/// Phrasing class "an instance written 'SERIES N'" ("took the ADMM to 17"), which extraction
/// misses: `meeting 17th ADMM` shows the passages naming it before another series' 17th
/// meeting (issue 21 item 2: instances of other series rank below the paragraphs).
#[test]
fn another_series_instance_of_the_number_comes_after_the_passages() {
    let navy = "+++\nid = \"n\"\ntitle = \"Navy chiefs meet\"\nsource = \"S\"\npublished = \"2023-05-02\"\n+++\n\n\
The 17th ASEAN Navy Chiefs' Meeting (ANCM-17) opened online.\n";
    let ministers = "+++\nid = \"m\"\ntitle = \"Ministers hand over\"\nsource = \"S\"\npublished = \"2023-11-16\"\n+++\n\n\
The host minister, who took the ADMM to 17, handed over the chair.\n\n\
The 16th ADMM had met a year before.\n";
    let facts = "\
[[meeting]]\nid = \"ancm-17\"\nname = \"17th ASEAN Navy Chiefs' Meeting\"\nacronym = \"ANCM\"\nnumber = 17\ncites = [\"n#1\"]\n
[[meeting]]\nid = \"admm-16\"\nname = \"16th ASEAN Defence Ministers' Meeting\"\nacronym = \"ADMM\"\nnumber = 16\ncites = [\"m#2\"]\n";
    let index = index_of(&[("n", navy), ("m", ministers)], facts);
    let ids = result_ids(&index, Scope::Meeting, "17th ADMM");
    let at = |id: &str| ids.iter().position(|i| i == id);
    assert!(at("m#1").is_some() && at("m#1") < at("ancm-17"), "{ids:?}");
    // Asked by its own series, the instance is first.
    assert_eq!(
        result_ids(&index, Scope::Meeting, "17th ANCM")[0],
        "ancm-17"
    );
}

/// Phrasing class "the subject in the paragraph before" ("He listed three risks …" after
/// "The minister opened the meeting"): the paragraph holds too little of the question to
/// pass the coverage floor alone, and fills an answer that has fewer than three results.
#[test]
fn a_short_answer_is_filled_with_the_best_passages_below_the_floor() {
    let text = "+++\nid = \"r\"\ntitle = \"Army chiefs gather\"\nsource = \"S\"\npublished = \"2019-11-26\"\n+++\n\n\
Army chiefs opened the 20th ASEAN Chiefs of Army Multilateral Meeting (ACAMM-20) in Garut on 3 March.\n\n\
The host defence minister, welcoming them, called for joint efforts against terrorism.\n\n\
He listed three risks arising from terrorism: smuggling, radical ideas and attacks.\n";
    let index = index_of(&[("r", text)], "");
    let a = answer(
        &index,
        Scope::Ask,
        "what three risks did the host defence minister call for at the army chiefs meeting in Garut?",
    )
    .unwrap();
    assert!(a.results.len() <= FILL_TO, "{:?}", a.results);
    assert!(
        shown(&a).contains("smuggling"),
        "{:#?}",
        a.results.iter().map(Hit::id).collect::<Vec<_>>()
    );
    // A question of chatter still finds nothing to fill.
    assert!(answer(&index, Scope::Ask, "thanks a lot!")
        .unwrap()
        .results
        .is_empty());
}

/// Phrasing class "the speaker's words, the meeting in the lead" (a paragraph naming only its
/// speaker and the treaty he wants kept, below a lead naming the chiefs' meeting): the
/// paragraph holds too little of a long question to pass any floor, but two of its distinctive
/// words; it answers, where nothing was found. Two common words do not.
#[test]
fn an_empty_answer_shows_passages_holding_two_distinctive_words() {
    let report = "+++\nid = \"r\"\ntitle = \"Navy chiefs call for cooperation\"\nsource = \"S\"\npublished = \"2020-11-05\"\n+++\n\n\
The 14th ASEAN Navy Chiefs' Meeting opened online, with the commanders of the region's navies.\n\n\
Admiral Rakhine stressed the need to uphold the Charter of Harbour Pilots, signed in 1982.\n";
    let filler: Vec<(String, String)> = (0..60)
        .map(|n| {
            (
                format!("f{n}"),
                format!("+++\nid = \"f{n}\"\ntitle = \"Regional news {n}\"\nsource = \"S\"\npublished = \"2020-01-01\"\n+++\n\n\
Regional officials met in the capital for talks {n} about the region.\n"),
            )
        })
        .collect();
    let fleet = "+++\nid = \"t\"\ntitle = \"Fleet home\"\nsource = \"S\"\npublished = \"2020-02-01\"\n+++\n\n\
The Thai fleet sailed home after a gathering of sailors.\n";
    let mut texts: Vec<(&str, &str)> = vec![("r", report), ("t", fleet)];
    texts.extend(filler.iter().map(|(id, t)| (id.as_str(), t.as_str())));
    let index = index_of(&texts, "");
    let asked =
        "which charter did the Thai fleet commander say the navies must uphold at the gathering?";
    let a = answer(&index, Scope::Ask, asked).unwrap();
    let refs: Vec<String> = a
        .results
        .iter()
        .flat_map(|h| h.citations.iter().map(Citation::reference))
        .collect();
    assert!(refs.contains(&"r#2".to_string()), "{refs:?}");
    // Words found everywhere are no evidence: nothing is shown for them.
    let a = answer(
        &index,
        Scope::Ask,
        "what did the regional capital officials say about football?",
    )
    .unwrap();
    assert!(
        a.results.is_empty(),
        "{:?}",
        a.results.iter().map(Hit::id).collect::<Vec<_>>()
    );
}

/// Phrasing class "the next instance announced, undated" (the next meeting of a series said to
/// be planned somewhere, without a day, a week after the last one): asked what is upcoming, the
/// paragraph announcing it and the undated instance numbered after every past one rank above
/// the past instances.
#[test]
fn upcoming_finds_the_next_instance_announced_without_a_date() {
    let report = "+++\nid = \"p\"\ntitle = \"Navy chiefs meet online\"\nsource = \"S\"\npublished = \"2023-05-20\"\n+++\n\n\
The 17th ASEAN Navy Chiefs' Meeting (ANCM-17) was held online on 18 May 2023.\n\n\
The chiefs set a date range to hold the 18th ASEAN Navy Chiefs' Meeting (ANCM-18) in Yangon.\n";
    let older = "+++\nid = \"o\"\ntitle = \"Navy chiefs gather\"\nsource = \"S\"\npublished = \"2020-11-05\"\n+++\n\n\
The 14th ASEAN Navy Chiefs' Meeting (ANCM-14) opened online on 4 November 2020.\n";
    let meeting = |id: &str, n: u32, date: &str, cite: &str| {
        format!("[[meeting]]\nid = \"{id}\"\nname = \"ASEAN Navy Chiefs' Meeting\"\nacronym = \"ANCM\"\nnumber = {n}\n{date}cites = [\"{cite}\"]\n\n")
    };
    let today = jiff::civil::date(2023, 6, 1);
    let asked = "upcoming navy chiefs meetings";
    let series = "[[mechanism]]\nid = \"ancm\"\nname = \"ASEAN Navy Chiefs' Meeting\"\nacronym = \"ANCM\"\ncites = [\"o#1\"]\n\n";
    let facts = meeting("ancm-14", 14, "date = \"4 November 2020\"\n", "o#1")
        + &meeting("ancm-17", 17, "date = \"18 May 2023\"\n", "p#1")
        + &meeting("ancm-18", 18, "", "p#2")
        + series;
    let index = index_of(&[("p", report), ("o", older)], &facts);
    let a = crate::query::answer_on(&index, Scope::Ask, asked, today).unwrap();
    let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
    assert_eq!(ids.first().map(String::as_str), Some("ancm-18"), "{ids:?}");
    // Without the fact, the paragraph that announces it comes before the past meetings'.
    let index = index_of(&[("p", report), ("o", older)], "");
    let a = crate::query::answer_on(&index, Scope::Ask, asked, today).unwrap();
    let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
    assert_eq!(ids.first().map(String::as_str), Some("p#2"), "{ids:?}");
}

/// Phrasing class "next meetings of a series, one due in months, one planned for a later
/// year" (issue 22): the nearest comes first, though the later one's statement names the series
/// more often.
#[test]
fn next_meetings_come_nearest_first() {
    let soon = "+++\nid = \"s\"\ntitle = \"Navy chiefs to meet\"\nsource = \"S\"\npublished = \"2023-05-20\"\n+++\n\n\
Thailand will host the 18th ASEAN Navy Chiefs' Meeting on 10 September 2023.\n";
    let later = "+++\nid = \"l\"\ntitle = \"ASEAN navy chiefs meeting plans\"\nsource = \"S\"\npublished = \"2023-05-21\"\n+++\n\n\
The ASEAN Navy Chiefs' Meeting of 2025 will be held in Manila, the navy chiefs of ASEAN said at a navy chiefs meeting.\n";
    let facts = "[[meeting]]\nid = \"ancm-18\"\nname = \"ASEAN Navy Chiefs' Meeting\"\nacronym = \"ANCM\"\nnumber = 18\ndate = \"10 September 2023\"\ncites = [\"s#1\"]\n\n\
[[meeting]]\nid = \"ancm-2025\"\nname = \"ASEAN Navy Chiefs' Meeting\"\nacronym = \"ANCM\"\naliases = [\"ASEAN navy chiefs meeting 2025\", \"navy chiefs meeting\"]\ndate = \"2025\"\ncites = [\"l#1\"]\n";
    let index = index_of(&[("s", soon), ("l", later)], facts);
    let today = jiff::civil::date(2023, 6, 1);
    let a = crate::query::answer_on(
        &index,
        Scope::Ask,
        "which navy chiefs meetings are next?",
        today,
    )
    .unwrap();
    let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
    assert_eq!(ids.first().map(String::as_str), Some("ancm-18"), "{ids:?}");
    // Asked about the last one from 2026, the latest comes first.
    let today = jiff::civil::date(2026, 3, 1);
    let a = crate::query::answer_on(&index, Scope::Ask, "the last navy chiefs meetings", today)
        .unwrap();
    let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
    assert_eq!(
        ids.first().map(String::as_str),
        Some("ancm-2025"),
        "{ids:?}"
    );
}

/// Phrasing class "the next <series>" (issue 22, real "when is the next ADMM-Plus?"): the
/// series' own next meeting comes first, before an exercise held under the series' name sooner
/// or in a year under way (rows: the exercise's date → the first result).
#[test]
fn the_next_meeting_of_a_named_series_comes_before_its_exercises() {
    let report = "+++\nid = \"r\"\ntitle = \"Plans for the year\"\nsource = \"S\"\npublished = \"2013-05-10\"\n+++\n\n\
The 2nd ADMM-Plus will be held on 29 August 2013. The ADMM-Plus Military Medicine Exercise brings the ADMM-Plus armed forces together.\n";
    let rows = [("2013", "admm-plus-2"), ("June 2013", "admm-plus-2")];
    for (exercise_date, first) in rows {
        let facts = format!(
            "[[meeting]]\nid = \"admm-plus-2\"\nname = \"2nd ADMM-Plus\"\nacronym = \"ADMM-Plus-2\"\nnumber = 2\ndate = \"29 August 2013\"\ncites = [\"r#1\"]\n\n\
[[meeting]]\nid = \"mmx-2013\"\nname = \"ADMM-Plus Military Medicine Exercise\"\nacronym = \"MMX\"\ndate = \"{exercise_date}\"\ncites = [\"r#1\"]\n\n\
[[mechanism]]\nid = \"admm-plus\"\nname = \"ASEAN Defence Ministers' Meeting-Plus\"\nacronym = \"ADMM-Plus\"\ncites = [\"r#1\"]\n"
        );
        let index = index_of(&[("r", report)], &facts);
        let today = jiff::civil::date(2013, 5, 14);
        let a = crate::query::answer_on(&index, Scope::Ask, "when is the next ADMM-Plus?", today)
            .unwrap();
        let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
        assert_eq!(
            ids.first().map(String::as_str),
            Some(first),
            "{exercise_date}: {ids:?}"
        );
    }
}

/// Phrasing class "the first / inaugural <series>, where it was launched or set up" (issue 22,
/// probe questions): the series' first meeting is among the first two results; a question
/// naming another number, or a longer name the acronym opens, is answered as without the rule.
#[test]
fn a_question_for_a_series_first_meeting_shows_it() {
    let report = "+++\nid = \"r\"\ntitle = \"Ministers meet online\"\nsource = \"S\"\npublished = \"2021-06-16\"\n+++\n\n\
The 8th ADMM-Plus launched a harbour plan in the city of Hue on 16 June 2021.\n\n\
The 7th ADMM-Plus launched a harbour drill in the city of Hue in 2020.\n\n\
Ten years earlier the 1st ADMM-Plus met in Hanoi on 12 October 2010.\n\n\
The ADMM-Plus EWG on harbour safety was launched in the city of Hue in 2019.\n";
    let meeting = |n: u32, date: &str, cite: &str| {
        format!("[[meeting]]\nid = \"admm-plus-{n}\"\nname = \"ADMM-Plus {n}\"\nacronym = \"ADMM-Plus\"\nnumber = {n}\ndate = \"{date}\"\ncites = [\"{cite}\"]\n\n")
    };
    let facts = meeting(8, "16 June 2021", "r#1")
        + &meeting(7, "2020", "r#2")
        + &meeting(1, "12 October 2010", "r#3");
    let facts = facts.as_str();
    let index = index_of(&[("r", report)], facts);
    let today = jiff::civil::date(2026, 1, 1);
    let ids = |q: &str| -> Vec<String> {
        crate::query::answer_on(&index, Scope::Ask, q, today)
            .unwrap()
            .results
            .iter()
            .map(Hit::id)
            .collect()
    };
    for q in [
        "in which city was the ADMM-Plus launched?",
        "where was the inaugural ADMM-Plus held?",
        "in which city was the admm-plus launched?",
    ] {
        let got = ids(q);
        assert!(
            got.iter().take(2).any(|id| id == "admm-plus-1"),
            "{q}: {got:?}"
        );
    }
    for q in [
        "was the 8th ADMM-Plus launched online?",
        "when was the ADMM-Plus EWG on harbour safety launched?",
    ] {
        let plain: Vec<String> = answer(&index, Scope::Ask, q)
            .unwrap()
            .results
            .iter()
            .map(Hit::id)
            .collect();
        assert_eq!(ids(q), plain, "{q}");
    }
}

/// Phrasing class "the meeting named only in the lead" ("They agreed to adopt …" several
/// paragraphs below "the 8th ADMM"): the lead's words count half for the paragraphs below.
#[test]
fn the_lead_paragraph_lends_its_words_at_half_weight() {
    let report = "+++\nid = \"r\"\ntitle = \"Ministers stand firm\"\nsource = \"S\"\npublished = \"2026-05-20\"\n+++\n\n\
Ministers stand firm\n\n\
Speaking at the 8th ADMM in Cebu, the minister urged restraint.\n\n\
The ministers also discussed disaster relief drills.\n\n\
They agreed to adopt the Harbour Work Plan and the Drill Protocol.\n";
    let other = |n: u32| {
        format!("+++\nid = \"o{n}\"\ntitle = \"Drills planned {n}\"\nsource = \"S\"\npublished = \"2026-06-0{n}\"\n+++\n\n\
The defence ministers of the navies agreed to adopt drill calendar {n}.\n")
    };
    let (o1, o2, o3) = (other(1), other(2), other(3));
    let index = index_of(&[("r", report), ("o1", &o1), ("o2", &o2), ("o3", &o3)], "");
    let a = answer(
        &index,
        Scope::Ask,
        "what did the defence ministers adopt at the 8th ADMM?",
    )
    .unwrap();
    let refs: Vec<String> = a
        .results
        .iter()
        .flat_map(|h| h.citations.iter().map(Citation::reference))
        .collect();
    let at = |r: &str| refs.iter().position(|x| x == r);
    assert!(at("r#4").is_some() && at("r#4") < at("o1#1"), "{refs:?}");
}

/// Phrasing class "a month without its year" ("held in Manila in February", in a statement
/// published in March): the paragraph is dated within "February 2022" and ranks first.
#[test]
fn a_month_named_alone_is_of_the_year_the_statement_was_published() {
    let march = "+++\nid = \"m\"\ntitle = \"Working group meets again\"\nsource = \"S\"\npublished = \"2022-03-30\"\n+++\n\n\
Officials of the ADSOM WG met online on March 28, and the ADSOM WG chair spoke of the WG plans.\n\n\
They took up what the ADSOM WG meeting held in Manila in February had left open.\n";
    let older = "+++\nid = \"j\"\ntitle = \"Working group opens\"\nsource = \"S\"\npublished = \"2020-01-09\"\n+++\n\n\
The ADSOM WG opened in Hue on January 9, and the ADSOM WG chair spoke of the WG plans.\n";
    let index = index_of(&[("m", march), ("j", older)], "");
    let today = jiff::civil::date(2026, 12, 1);
    let a = crate::query::answer_on(&index, Scope::Ask, "ADSOM WG february 2022", today).unwrap();
    let first = &a.results[0].citations[0];
    assert_eq!(
        first.reference(),
        "m#2",
        "{:?}",
        a.results
            .iter()
            .map(|h| (h.id(), h.score))
            .collect::<Vec<_>>()
    );
}

/// Phrasing class "who gave the welcoming remarks at <meeting>": the report's paragraph naming
/// the speaker does not name the meeting; a `/ask` answer led by the meeting it names is
/// followed by that paragraph, and one led by a meeting it does not name is left alone.
#[test]
fn a_named_meeting_asked_about_brings_its_reports_paragraph_holding_the_rest() {
    let report = "+++\nid = \"r\"\ntitle = \"Harbour chiefs gather\"\nsource = \"S\"\npublished = \"2023-05-05\"\n+++\n\n\
The 9th ASEAN Harbour Chiefs' Meeting (AHCM-9) opened in Hue on 4 May.\n\n\
Delegates of the ten navies toured the port and its new piers.\n\n\
Welcoming remarks were given by Harbour Minister Tran Binh, who urged closer ties.\n";
    let filler = |id: &str| {
        format!(
            "+++\nid = \"{id}\"\ntitle = \"Port news {id}\"\nsource = \"S\"\npublished = \"2023-05-06\"\n+++\n\n\
Ships called at the port in January.\n\nCargo volumes rose again.\n\nA new crane arrived.\n"
        )
    };
    let (a, b, c) = (filler("a"), filler("b"), filler("c"));
    let facts = "[[meeting]]\nid = \"ahcm-9\"\nname = \"9th ASEAN Harbour Chiefs' Meeting\"\nacronym = \"AHCM\"\nnumber = 9\ndate = \"4 May 2023\"\ncites = [\"r#1\"]\n";
    let index = index_of(&[("r", report), ("a", &a), ("b", &b), ("c", &c)], facts);
    let searcher = index.reader.searcher();
    let mut analyzer = analysis::analyzer();
    let request = Request::from_user(
        &mut analyzer,
        "who gave the welcoming remarks at the 9th AHCM?",
    );
    let led = |named: &[String]| {
        let mut results = vec![Hit {
            score: 1.0,
            fact: index.fact("ahcm-9").cloned(),
            citations: Vec::new(),
        }];
        add_report_passages(
            &index,
            &searcher,
            &mut analyzer.clone(),
            &request,
            named,
            &mut results,
        )
        .unwrap();
        results.iter().map(Hit::id).collect::<Vec<_>>()
    };
    assert_eq!(led(&["ahcm-9".to_string()]), ["ahcm-9", "r#3"]);
    assert_eq!(led(&[]), ["ahcm-9"]);
}

/// Phrasing class "a side meeting told by its rare words" (a secretary meeting the ministers on
/// the sidelines of a dialogue, in a corpus where dozens of meetings are named by the question's
/// common words): the facts named "ASEAN Defence Ministers' Meeting" take the candidates and
/// fall short of the floor; the paragraphs alone, searched again, answer.
#[test]
fn common_words_naming_many_facts_do_not_hide_the_paragraph() {
    let report = "+++\nid = \"r\"\ntitle = \"Secretary huddles with regional ministers\"\nsource = \"S\"\npublished = \"2023-06-02\"\n+++\n\n\
During the talks on the sidelines of the Harbour Dialogue, Mr Rowan reaffirmed his support.\n";
    let mut statements: Vec<(String, String)> = vec![("r".into(), report.into())];
    let mut facts = String::new();
    for n in 1..=60 {
        statements.push((
            format!("m{n}"),
            format!("+++\nid = \"m{n}\"\ntitle = \"ASEAN defence ministers meet\"\nsource = \"S\"\npublished = \"2020-01-01\"\n+++\n\n\
Delegates gathered in hall {n} and signed the book.\n"),
        ));
        facts.push_str(&format!(
            "[[meeting]]\nid = \"admm-{n}\"\nname = \"{n}th ASEAN Defence Ministers' Meeting\"\nacronym = \"ADMM\"\nnumber = {n}\n\
aliases = [\"ASEAN defence ministers meeting {n}\", \"meeting of ASEAN defence ministers {n}\"]\n\
participants = [\"ASEAN defence ministers\"]\nsummary = \"The ASEAN defence ministers meet.\"\ncites = [\"m{n}#1\"]\n\n"
        ));
    }
    // Most facts of a real corpus are named otherwise: the question's common words are rare
    // among names, and weigh there.
    for n in 1..=400 {
        facts.push_str(&format!(
            "[[mechanism]]\nid = \"body-{n}\"\nname = \"Harbour Pilots Body {n}\"\ncites = [\"m1#1\"]\n\n"
        ));
    }
    let texts: Vec<(&str, &str)> = statements
        .iter()
        .map(|(id, t)| (id.as_str(), t.as_str()))
        .collect();
    let index = index_of(&texts, &facts);
    let a = answer(
        &index,
        Scope::Ask,
        "on the sidelines of which event did Rowan meet ASEAN defence ministers?",
    )
    .unwrap();
    assert!(
        shown(&a).contains("Harbour Dialogue"),
        "{:?}",
        a.results.iter().map(Hit::id).collect::<Vec<_>>()
    );
}

/// Phrasing class "a series' name alone, asked in chat" (issue 22): after the first result come
/// the series' next meeting (one known by its day before one known by its year only) and its
/// last one.
#[test]
fn a_series_name_alone_shows_its_next_and_last_meetings() {
    let report = "+++\nid = \"p\"\ntitle = \"Navy chiefs plan\"\nsource = \"S\"\npublished = \"2023-05-20\"\n+++\n\n\
The 17th ASEAN Navy Chiefs' Meeting (ANCM-17) was held online on 18 May 2023.\n\n\
The 18th ASEAN Navy Chiefs' Meeting (ANCM-18) will be held in Yangon on 12 September 2023.\n\n\
The navy chiefs will meet again in 2023 for the ANCM.\n\n\
The 14th ASEAN Navy Chiefs' Meeting (ANCM-14) opened online on 4 November 2020.\n";
    let meeting = |id: &str, date: &str, cite: &str| {
        format!("[[meeting]]\nid = \"{id}\"\nname = \"ASEAN Navy Chiefs' Meeting\"\nacronym = \"ANCM\"\ndate = \"{date}\"\ncites = [\"{cite}\"]\n\n")
    };
    let facts = meeting("ancm-14", "4 November 2020", "p#4")
        + &meeting("ancm-17", "18 May 2023", "p#1")
        + &meeting("ancm-18", "12 September 2023", "p#2")
        + &meeting("ancm-2023", "2023", "p#3")
        + "[[mechanism]]\nid = \"ancm\"\nname = \"ASEAN Navy Chiefs' Meeting\"\nacronym = \"ANCM\"\ncites = [\"p#1\"]\n";
    let index = index_of(&[("p", report)], &facts);
    let today = jiff::civil::date(2023, 6, 1);
    let a = crate::query::answer_on(&index, Scope::Ask, "ANCM", today).unwrap();
    let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
    assert_eq!(
        ids.get(1..3),
        Some(&["ancm-18".to_string(), "ancm-17".to_string()][..]),
        "{ids:?}"
    );
}

/// Phrasing class "a meeting's speaker named in its report": "who spoke for <state> at the 14th
/// <series>" is answered by the report of that meeting, not by a paragraph of another
/// statement where a general of the same state "spoke" at another chiefs' meeting.
#[test]
fn a_passage_naming_none_of_the_asked_facts_ranks_after_them() {
    let report = "+++\nid = \"r\"\ntitle = \"Harbour chiefs call for closer ties\"\nsource = \"S\"\npublished = \"2020-11-05\"\n+++\n\n\
Harbour chiefs call for closer ties\n\n\
Addressing the 14th ASEAN Harbour Chiefs' Meeting (AHCM) held online, Rear Admiral Tan Bo, head of the Lagoonia Harbour Service, said the sea lanes must stay open.\n";
    let other = "+++\nid = \"o\"\ntitle = \"Lagoonia general joins the ASEAN field chiefs' meeting\"\nsource = \"S\"\npublished = \"2020-07-10\"\n+++\n\n\
Lagoonia general joins the ASEAN field chiefs' meeting\n\n\
In his remarks the Lagoonia general spoke highly of the host as chair of the meeting.\n";
    let facts = "[[meeting]]\nid = \"ahcm-14\"\nname = \"14th ASEAN Harbour Chiefs' Meeting\"\nacronym = \"AHCM\"\nnumber = 14\ndate = \"5 November 2020\"\ncites = [\"r#2\"]\n";
    let index = index_of(&[("r", report), ("o", other)], facts);
    let ids = result_ids(
        &index,
        Scope::Ask,
        "who spoke for Lagoonia at the 14th AHCM?",
    );
    let at = |id: &str| ids.iter().position(|i| i == id);
    assert!(at("ahcm-14").is_some(), "{ids:?}");
    assert!(
        at("o#2").is_none_or(|o| o > at("ahcm-14").unwrap()),
        "{ids:?}"
    );
}

/// A passage ranked above a fact citing it gives the fact its place, and leads its citations.
#[test]
fn a_fact_takes_the_place_of_its_cited_passage_ranked_above_it() {
    let centre = "+++\nid = \"c\"\ntitle = \"About the centre\"\nsource = \"S\"\npublished = \"2015\"\n+++\n\n\
About the centre\n\n\
The ASEAN Centre of Harbour Medicine (ACHM) works with the regional relief hub, the port health office and the UN relief agency.\n";
    let facts = "[[mechanism]]\nid = \"achm\"\nname = \"ASEAN Centre of Harbour Medicine\"\nacronym = \"ACHM\"\ncites = [\"c#2\"]\n";
    let index = index_of(&[("c", centre)], facts);
    let a = answer(
        &index,
        Scope::Ask,
        "which agencies does the ASEAN Centre of Harbour Medicine work with?",
    )
    .unwrap();
    let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
    assert_eq!(ids.first().map(String::as_str), Some("achm"), "{ids:?}");
    assert!(!ids.contains(&"c#2".to_string()), "{ids:?}");
    assert!(a.results[0].citations[0]
        .snippet
        .text
        .contains("relief hub"));
}

#[test]
fn a_name_is_held_by_two_thirds_of_its_words_and_its_number() {
    let set = |w: &str| -> HashSet<String> {
        w.split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let rows = [
        // (name's words, number, passage's words, lead's words, held)
        ("ahcm", "", "ahcm met", "", true),
        ("ahcm", "", "harbour chief", "", false),
        ("harbour chief", "", "harbour met", "", false),
        ("harbour chief", "", "harbour met", "chief", true),
        (
            "asean harbour chief meet",
            "",
            "asean harbour meet",
            "",
            true,
        ),
        ("asean harbour chief meet", "", "asean meet", "", false),
        ("ahcm", "14", "14 ahcm", "", true),
        ("ahcm", "14", "17 ahcm", "", false),
        ("ahcm", "14", "ahcm", "14 met", true),
    ];
    for (words, number, terms, lead, held) in rows {
        let form = NameForm {
            words: set(words),
            number: (!number.is_empty()).then(|| number.to_string()),
        };
        let lead = (!lead.is_empty()).then(|| set(lead));
        assert_eq!(
            form.held_by(&set(terms), lead.as_ref()),
            held,
            "{words} {number} in {terms}"
        );
    }
}

/// Phrasing class "upcoming <series> meetings" with a series of many instances: its experts'
/// group meeting due in days, named at length (so scoring far below the instances), comes first.
#[test]
fn upcoming_series_meetings_find_the_one_due_below_many_instances() {
    let statement = "+++\nid = \"s\"\ntitle = \"Harbour ministers\"\nsource = \"S\"\npublished = \"2014-06-01\"\n+++\n\n\
The AHMM-Plus ministers have met every year since 1990.\n\n\
The first meeting of the AHMM-Plus Experts' Working Group on Mine Clearance and Unexploded Ordnance Disposal in Coastal Waters will take place in Lagoon City from 17 to 20 June 2014.\n";
    let mut facts = String::new();
    for n in 1..=23 {
        facts.push_str(&format!(
            "[[meeting]]\nid = \"ahmm-plus-{n}\"\nname = \"{n}th AHMM-Plus meeting\"\nacronym = \"AHMM-Plus\"\nnumber = {n}\ndate = \"{}\"\ncites = [\"s#1\"]\n\n",
            1990 + n
        ));
    }
    facts.push_str("[[meeting]]\nid = \"ewg-mc-1\"\nname = \"1st AHMM-Plus Experts' Working Group on Mine Clearance and Unexploded Ordnance Disposal in Coastal Waters\"\nacronym = \"EWG-MC\"\nnumber = 1\ndate = \"17 – 20 June 2014\"\ncites = [\"s#2\"]\n");
    let index = index_of(&[("s", statement)], &facts);
    let today = jiff::civil::date(2014, 6, 13);
    let a =
        crate::query::answer_on(&index, Scope::Ask, "upcoming AHMM-Plus meetings", today).unwrap();
    let ids: Vec<String> = a.results.iter().map(Hit::id).collect();
    assert_eq!(ids.first().map(String::as_str), Some("ewg-mc-1"), "{ids:?}");
}

/// Phrasing class "who co-chaired the inaugural <series> working group on <topic>": the series
/// named in the question names its many instances, which hold nothing else of it; they do not
/// take every place gathered from the paragraph that answers.
#[test]
fn a_named_series_instances_do_not_crowd_out_the_answering_paragraph() {
    let statement = "+++\nid = \"s\"\ntitle = \"Harbour medicine group meets\"\nsource = \"S\"\npublished = \"2011-07-01\"\n+++\n\n\
Harbour medicine group meets\n\n\
Co-chaired by Brigadier Tan Lo of Lagoonia and Colonel Ri Mo of Reefland, the inaugural AHMM-Plus working group on harbour medicine met in Lagoon City. The delegates toured the port clinic, watched a drill on a hospital ship, shared lessons from past storms and floods, and agreed to keep their contacts close until the next season of exercises along the coast.\n";
    let mut facts = String::new();
    for n in 1..=30 {
        facts.push_str(&format!(
            "[[meeting]]\nid = \"ahmm-plus-{n}\"\nname = \"{n}th AHMM-Plus\"\nacronym = \"AHMM-Plus\"\nnumber = {n}\ncites = [\"s#1\"]\n\n"
        ));
    }
    // Other reports of the group make its words common.
    let others: Vec<(String, String)> = (1..=30)
        .map(|n| {
            (
                format!("o{n}"),
                format!("+++\nid = \"o{n}\"\ntitle = \"Report {n}\"\nsource = \"S\"\npublished = \"2012-01-01\"\n+++\n\nThe working group on harbour medicine met for the {n}th time.\n"),
            )
        })
        .collect();
    let mut statements: Vec<(&str, &str)> = vec![("s", statement)];
    statements.extend(others.iter().map(|(id, text)| (id.as_str(), text.as_str())));
    let index = index_of(&statements, &facts);
    let ids = result_ids(
        &index,
        Scope::Ask,
        "who co-chaired the inaugural AHMM-Plus working group on harbour medicine?",
    );
    assert_eq!(ids.first().map(String::as_str), Some("s#2"), "{ids:?}");
}

/// Phrasing class "a chatty question with rare words the answer does not use": "what weapon
/// categories are contested at the rifle meet" is answered by "across five categories: carbine,
/// rifle …" under the meet's headline, though "weapon" and "contested" are elsewhere only.
#[test]
fn a_passage_with_one_distinctive_word_and_most_of_the_question_answers() {
    let meet = "+++\nid = \"m\"\ntitle = \"Harbour Rifle Meet opens in Lagoon City\"\nsource = \"S\"\npublished = \"2017-11-01\"\n+++\n\n\
Harbour Rifle Meet opens in Lagoon City\n\n\
Shooters will compete for trophies across five categories: carbine, rifle, machine gun and pistol.\n";
    let note = |id: &str, text: &str| {
        format!("+++\nid = \"{id}\"\ntitle = \"Note\"\nsource = \"S\"\npublished = \"2016-01-01\"\n+++\n\n{text}\n")
    };
    // "weapon" and "contested" are rare and apart; "categories" is less rare; "harbour" and
    // "meet" are everywhere.
    let mut others: Vec<(String, String)> = vec![
        (
            "o1".into(),
            note("o1", "The weapon stores of the port were checked."),
        ),
        (
            "o2".into(),
            note("o2", "The port's tariffs were contested in court."),
        ),
    ];
    for n in 1..=120 {
        let text = if n % 12 == 0 {
            format!("The harbour chiefs meet to sort their categories for the {n}th time.")
        } else {
            format!("The harbour chiefs meet for the {n}th time.")
        };
        others.push((format!("f{n}"), note(&format!("f{n}"), &text)));
    }
    let mut statements: Vec<(&str, &str)> = vec![("m", meet)];
    statements.extend(others.iter().map(|(id, t)| (id.as_str(), t.as_str())));
    let index = index_of(&statements, "");
    let a = answer(
        &index,
        Scope::Ask,
        "what weapon categories are contested at the harbour rifle meet?",
    )
    .unwrap();
    assert!(
        shown(&a).contains("carbine"),
        "{:?}",
        a.results.iter().map(Hit::id).collect::<Vec<_>>()
    );
}
