//! Pre-meeting briefs on a fixture series of three instances written for these tests
//! (`tests/fixtures/brief/`): which meeting a name means, its previous instance, what was
//! reported with it, what falls due, the latest statements; the text and the Discord reply.

use agenda_core::brief::{brief, Brief, BriefError};
use agenda_core::corpus::Corpus;
use agenda_core::index::AgendaIndex;
use agenda_core::render;
use jiff::civil::{date, Date};
use std::sync::OnceLock;

fn index() -> &'static AgendaIndex {
    static INDEX: OnceLock<AgendaIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/brief");
        let corpus = Corpus::load(&dir).expect("the brief fixture loads");
        AgendaIndex::build_in_ram(&corpus).expect("its index builds")
    })
}

fn of(asked: &str, today: Date) -> Brief {
    brief(index(), asked, today).unwrap()
}

const TODAY: Date = date(2026, 12, 5);

#[test]
fn a_series_means_its_next_planned_instance_and_an_instance_itself() {
    let next = of("ANCM", TODAY);
    assert_eq!(next.meeting.fact.id(), "ancm-19");
    assert!(next.planned);
    assert_eq!(next.previous.as_ref().unwrap().fact.id(), "ancm-18");
    let past = of("ANCM-18", TODAY);
    assert_eq!(past.meeting.fact.id(), "ancm-18");
    assert!(!past.planned);
    assert_eq!(past.previous.as_ref().unwrap().fact.id(), "ancm-17");
    // Once the last instance is over, the series means its latest.
    let later = of("ANCM", date(2027, 3, 1));
    assert_eq!(later.meeting.fact.id(), "ancm-19");
    assert!(!later.planned);
    assert!(
        of("ANCM-17", TODAY).previous.is_none(),
        "the first has none"
    );
}

#[test]
fn the_brief_reports_what_was_agreed_what_is_due_and_the_latest_statements() {
    let b = of("ANCM", TODAY);
    let agreed: Vec<&str> = b.agreed.iter().map(|a| a.fact.id()).collect();
    assert_eq!(agreed, ["submarine-rescue-work-plan"]);
    let due: Vec<(&str, &str)> = b
        .due
        .iter()
        .map(|m| (m.fact_id.as_str(), m.as_written.as_str()))
        .collect();
    assert!(
        due.contains(&("submarine-rescue-work-plan", "2026 – 2027")),
        "{due:?}"
    );
    assert!(
        due.contains(&("maritime-information-sharing-portal", "by end-2027")),
        "{due:?}"
    );
    let latest: Vec<&str> = b.latest.iter().map(|c| c.statement_id.as_str()).collect();
    assert_eq!(
        latest,
        ["ancm-19-preview", "ancm-18-report", "ancm-17-report"]
    );
    assert!(b.meeting.citations[0].statement_id == "ancm-19-preview");
}

#[test]
fn nothing_known_is_a_clear_error() {
    match brief(index(), "zzqx wvvq", TODAY) {
        Err(BriefError::NoMeeting(asked)) => assert_eq!(asked, "zzqx wvvq"),
        other => panic!("{other:?}"),
    }
    for odd in ["", "   ", "\u{0}", "-- --", "ANCM-999"] {
        let _ = brief(index(), odd, TODAY);
    }
}

#[test]
fn the_brief_as_text_and_as_a_reply() {
    let b = of("ANCM", TODAY);
    let mut text = Vec::new();
    render::brief::write_text(&mut text, &b).unwrap();
    let reply = render::brief::reply(&b);
    assert!(reply.within_limits());
    insta::assert_snapshot!("brief_text", String::from_utf8(text).unwrap());
    insta::assert_json_snapshot!("brief_reply", reply);
    // Many briefs in one message stay within Discord's limits, the first whole.
    let many = render::brief::replies(&[b.clone(), b.clone(), b.clone(), b.clone()]);
    assert!(many.within_limits());
    assert_eq!(many.embeds[0], render::brief::reply(&b).embeds[0]);
}

#[test]
fn meetings_known_to_the_day_are_due_within_the_days_before_them() {
    let due = |today: Date, days| agenda_core::brief::due(index(), today, days);
    let ancm19 = vec![(date(2026, 12, 14), vec!["ancm-19".to_string()])];
    assert_eq!(due(date(2026, 12, 7), 7), ancm19, "seven days before");
    assert!(due(date(2026, 12, 6), 7).is_empty(), "eight days before");
    assert_eq!(due(date(2026, 12, 14), 7), ancm19, "on the day");
    assert!(
        due(date(2026, 12, 15), 7).is_empty(),
        "under way: its first day is past"
    );
}

/// Issue 22, item 5: a series' timeline marks the instances still ahead of the day asked on.
#[test]
fn a_series_timeline_marks_its_planned_instances() {
    use agenda_core::query::{answer_on, Scope};
    let on = |today| answer_on(index(), Scope::Meeting, "ANCM", today).unwrap();
    let a = on(TODAY);
    assert!(a.listing, "{a:?}");
    assert_eq!(a.planned, ["ancm-19"]);
    let text = render::text::to_string(&a, render::text::Marks::Plain);
    assert!(
        text.contains("(ANCM-19) — planned  [meeting ancm-19]"),
        "{text}"
    );
    assert!(!text.contains("(ANCM-18) — planned"), "{text}");
    let reply = render::embed::answer(&a);
    assert!(reply
        .embeds
        .iter()
        .any(|e| e.title.ends_with("(ANCM-19) — planned")));
    let json = render::json::answer(&a);
    assert_eq!(json["results"][2]["planned"], true, "{json}");
    assert!(json["results"][1].get("planned").is_none());
    // Once it has begun, nothing is planned.
    assert!(on(date(2026, 12, 15)).planned.is_empty());
}
