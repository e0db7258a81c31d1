//! Property: no query text, however odd, panics or errors, and what comes back is well formed.

use agenda_core::query::{self, Scope};
use agenda_core::render;
use agenda_core::testing::shipped_index;
use proptest::prelude::*;

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
        let a = query::answer(&shipped_index(), scope, &text).expect("queries never fail on text");
        let reply = render::embed::answer(&a);
        prop_assert!(reply.within_limits());
        let shown = render::text::to_string(&a, render::text::Marks::Plain);
        prop_assert!(!shown.is_empty());
    }
}
