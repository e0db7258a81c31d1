//! A watch post as a Discord reply: what was watched, the statement that mentions it, and the
//! paragraphs that do, cited.

use super::embed::{citation_field, escape, fit, limits, EmbedSpec, Reply};
use crate::query::Citation;
use crate::watch::{Target, What};

/// The embed's colour.
const COLOR: u32 = 0xAF601A;

/// What a target is, for people.
pub fn kind_label(target: &Target) -> &'static str {
    match &target.what {
        What::Series => "meeting series",
        What::Fact { fact_kind, .. } => fact_kind.as_str(),
        What::Words => "words",
    }
}

/// The post for `target` mentioned by the statement `citations` come from (all from one).
pub fn post(target: &Target, citations: &[Citation]) -> Reply {
    let Some(first) = citations.first() else {
        return Reply::text(&escape(&format!("{} was mentioned.", target.label)));
    };
    let mut e = EmbedSpec {
        title: fit(
            &format!("Watched: {} — in a new statement", target.label),
            limits::TITLE,
        ),
        description: fit(
            &escape(&format!(
                "{} — {}, {}",
                first.statement_title,
                first.source,
                first.date.as_deref().unwrap_or("date unknown")
            )),
            limits::DESCRIPTION,
        ),
        color: COLOR,
        footer: Some(format!("{} · /unwatch to stop", kind_label(target))),
        ..EmbedSpec::default()
    };
    for c in citations {
        let (name, value) = citation_field(c);
        e.push_field(&name, &value, false);
    }
    Reply {
        content: None,
        embeds: vec![e],
    }
}

/// The post for a planned meeting of the watched series `target` that got a date or a place
/// (`fact`, a meeting, with its citations).
pub fn instance_update(
    target: &Target,
    fact: &crate::corpus::Fact,
    citations: &[Citation],
) -> Reply {
    let known: Vec<String> = fact
        .fields()
        .into_iter()
        .filter(|(label, _)| ["Date", "Place"].contains(&label.as_ref()))
        .map(|(label, value)| format!("{label}: {value}"))
        .collect();
    let mut e = EmbedSpec {
        title: fit(
            &format!("Watched: {} — {} now reads", target.label, fact.title()),
            limits::TITLE,
        ),
        description: fit(&escape(&known.join("; ")), limits::DESCRIPTION),
        color: COLOR,
        footer: Some(format!("{} · /unwatch to stop", kind_label(target))),
        ..EmbedSpec::default()
    };
    for c in citations.iter().take(crate::watch::PARAGRAPHS_PER_POST) {
        let (name, value) = citation_field(c);
        e.push_field(&name, &value, false);
    }
    Reply {
        content: None,
        embeds: vec![e],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::shipped_index;
    use crate::watch::{mentions, resolve};

    #[test]
    fn a_post_cites_the_statement_and_fits_discord() {
        let index = shipped_index();
        let target = resolve(&index, "AJIIP").unwrap();
        let cited = mentions(&index, &target, "amim-21-vna").unwrap();
        let reply = post(&target, &cited);
        assert!(reply.within_limits());
        let e = &reply.embeds[0];
        assert!(
            e.title.starts_with("Watched: ASEAN Junior Intelligence"),
            "{}",
            e.title
        );
        assert!(
            e.description.contains("Vietnam News Agency (VNA)"),
            "{}",
            e.description
        );
        assert!(e.fields[0].value.contains("**AJIIP**"), "{:?}", e.fields);
        assert_eq!(e.footer.as_deref(), Some("mechanism · /unwatch to stop"));
    }
}
