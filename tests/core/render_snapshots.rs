//! Snapshots of what Discord users see: `render::embed::answer` for a few queries on the shipped
//! corpus, as the JSON of the reply specs (title, description, fields, footer, colour).
//! After a deliberate change: `INSTA_UPDATE=always cargo test --test core render_snapshots::`, then read
//! the `.snap` diffs before committing them.

use agenda_core::query::{self, Scope};
use agenda_core::render::embed::{self, Reply};
use agenda_core::testing::shipped_index;

fn reply(scope: Scope, text: &str) -> Reply {
    let answer = query::answer(&shipped_index(), scope, text).expect("query runs");
    let reply = embed::answer(&answer);
    assert!(reply.within_limits(), "{scope:?} {text}");
    reply
}

#[test]
fn meeting_amim_21() {
    insta::assert_json_snapshot!(reply(Scope::Meeting, "AMIM-21"));
}

#[test]
fn mechanism_ajiip() {
    insta::assert_json_snapshot!(reply(Scope::Mechanism, "AJIIP"));
}

#[test]
fn initiative_cyber_task_force() {
    insta::assert_json_snapshot!(reply(Scope::Initiative, "cyber task force"));
}

#[test]
fn ask_who_attended_the_intelligence_meeting() {
    insta::assert_json_snapshot!(reply(Scope::Ask, "who attended the intelligence meeting"));
}

#[test]
fn typo_ajip_still_finds_ajiip() {
    insta::assert_json_snapshot!(reply(Scope::Mechanism, "AJIP"));
}

#[test]
fn nothing_found_with_suggestions() {
    insta::assert_json_snapshot!(reply(Scope::Mechanism, "ASEAN Our Ayes"));
}

#[test]
fn nothing_found_echo_is_defused() {
    insta::assert_json_snapshot!(reply(Scope::Meeting, "@everyone plugh *xyzzy*"));
}
