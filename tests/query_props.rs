//! Property: no query text, however odd, panics or errors, and what comes back is well formed.

use agenda_core::corpus::Corpus;
use agenda_core::index::AgendaIndex;
use agenda_core::query::{self, Scope};
use agenda_core::render;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn index() -> &'static AgendaIndex {
    static I: OnceLock<AgendaIndex> = OnceLock::new();
    I.get_or_init(|| {
        let c = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
        AgendaIndex::build_in_ram(&c).unwrap()
    })
}

fn scope() -> impl Strategy<Value = Scope> {
    prop_oneof![
        Just(Scope::Ask),
        Just(Scope::Meeting),
        Just(Scope::Initiative),
        Just(Scope::Mechanism)
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,80}",
        proptest::collection::vec(
            prop_oneof![
                Just("AMIM-21"),
                Just("\""),
                Just("("),
                Just("AND"),
                Just("*"),
                Just("intelligance"),
                Just("21st"),
                Just("@everyone"),
                Just("Timor-Lester"),
                Just("–"),
                Just("“"),
                Just("é"),
            ],
            0..12
        )
        .prop_map(|v| v.join(" ")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]
    #[test]
    fn any_text_gets_an_answer_within_discord_limits(scope in scope(), text in text()) {
        let a = query::answer(index(), scope, &text).expect("queries never fail on text");
        let reply = render::embed::answer(&a);
        prop_assert!(reply.within_limits());
        let shown = render::text::to_string(&a, render::text::Marks::Plain);
        prop_assert!(!shown.is_empty());
    }
}
