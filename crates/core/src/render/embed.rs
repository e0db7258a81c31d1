//! Discord replies as plain values (embed specs) that already obey Discord's size limits.

use super::marked_snippet;
use crate::query::{Answer, Citation, Hit};
use serde::Serialize;

/// Discord's documented message and embed limits (characters).
pub mod limits {
    pub const CONTENT: usize = 2000;
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FIELDS: usize = 25;
    pub const FOOTER: usize = 2048;
    pub const EMBED_TOTAL: usize = 6000;
    pub const EMBEDS: usize = 10;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldSpec {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct EmbedSpec {
    pub title: String,
    pub description: String,
    pub url: Option<String>,
    pub color: u32,
    pub fields: Vec<FieldSpec>,
    pub footer: Option<String>,
}

impl EmbedSpec {
    /// Characters Discord counts towards the 6000 total.
    pub fn size(&self) -> usize {
        chars(&self.title)
            + chars(&self.description)
            + self.footer.as_deref().map_or(0, chars)
            + self
                .fields
                .iter()
                .map(|f| chars(&f.name) + chars(&f.value))
                .sum::<usize>()
    }

    /// Adds a field if the embed has room for one; both parts are fitted to their limits.
    pub fn push_field(&mut self, name: &str, value: &str, inline: bool) -> bool {
        if self.fields.len() >= limits::FIELDS {
            return false;
        }
        let name = fit(name, limits::FIELD_NAME);
        let value = fit(value, limits::FIELD_VALUE);
        if name.trim().is_empty() || value.trim().is_empty() {
            return false;
        }
        self.fields.push(FieldSpec {
            name,
            value,
            inline,
        });
        true
    }
}

/// A whole reply: text content plus embeds, within every limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Reply {
    pub content: Option<String>,
    pub embeds: Vec<EmbedSpec>,
}

impl Reply {
    pub fn total_embed_size(&self) -> usize {
        self.embeds.iter().map(EmbedSpec::size).sum()
    }

    /// True when every Discord limit holds (used by tests and as a last check before sending).
    pub fn within_limits(&self) -> bool {
        self.content
            .as_deref()
            .is_none_or(|c| chars(c) <= limits::CONTENT)
            && self.embeds.len() <= limits::EMBEDS
            && self.total_embed_size() <= limits::EMBED_TOTAL
            && self.embeds.iter().all(|e| {
                chars(&e.title) <= limits::TITLE
                    && chars(&e.description) <= limits::DESCRIPTION
                    && e.footer
                        .as_deref()
                        .is_none_or(|f| chars(f) <= limits::FOOTER)
                    && e.fields.len() <= limits::FIELDS
                    && e.fields.iter().all(|f| {
                        chars(&f.name) <= limits::FIELD_NAME
                            && chars(&f.value) <= limits::FIELD_VALUE
                    })
            })
    }

    /// A plain text reply, fitted to the content limit.
    pub fn text(text: &str) -> Reply {
        Reply {
            content: Some(fit(text, limits::CONTENT)),
            embeds: Vec::new(),
        }
    }
}

pub fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Fits `s` into `max` characters, cutting at a word boundary when one is near and ending with `…`.
pub fn fit(s: &str, max: usize) -> String {
    if chars(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let keep: String = s.chars().take(max - 1).collect();
    let cut = match keep.rfind(char::is_whitespace) {
        Some(i) if chars(&keep[i..]) <= max / 5 + 1 => keep[..i].trim_end().to_string(),
        _ => keep,
    };
    // Never leave a dangling bold marker or escape behind.
    let mut cut = cut;
    if cut.matches("**").count() % 2 == 1 {
        if let Some(i) = cut.rfind("**") {
            cut.truncate(i);
        }
    }
    while cut.ends_with('\\') {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

/// Escapes Discord Markdown in corpus or user text and defuses mentions (`@everyone`, `<@&123>`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
}

const COLOR_MEETING: u32 = 0x2E86C1;
const COLOR_INITIATIVE: u32 = 0x28B463;
const COLOR_MECHANISM: u32 = 0xAF7AC5;
const COLOR_AREA: u32 = 0xF5B041;
const COLOR_PASSAGE: u32 = 0x95A5A6;
const COLOR_NOTHING: u32 = 0x7F8C8D;

/// How many characters of the query a "Nothing found" repeats (text and Discord alike).
pub const QUERY_ECHO: usize = 100;

/// Renders an answer as a Discord reply: its first page ([`answer_page`]).
pub fn answer(a: &Answer) -> Reply {
    if a.results.is_empty() {
        let mut description = format!(
            "Nothing in the statements matches “{}”.",
            escape(&fit(a.query.trim(), QUERY_ECHO))
        );
        if let Some(days) = &a.time {
            description.push_str(&format!(
                "\nNo milestone matches it {}.",
                super::asked_days(days)
            ));
        }
        if !a.suggestions.is_empty() {
            description.push_str("\nDid you mean: ");
            description.push_str(
                &a.suggestions
                    .iter()
                    .map(|s| format!("**{}**", escape(s)))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            description.push('?');
        }
        return Reply {
            content: None,
            embeds: vec![EmbedSpec {
                title: "Nothing found".into(),
                description: fit(&description, limits::DESCRIPTION),
                color: COLOR_NOTHING,
                ..EmbedSpec::default()
            }],
        };
    }
    answer_page(a, 0).reply
}

/// One page of an answer's results as a Discord reply (the "More results" button pages them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerPage {
    pub reply: Reply,
    /// This page (0-based), after clamping to the last one.
    pub page: usize,
    pub pages: usize,
}

/// Results on one page of an answer at most (fewer when they do not fit Discord's limits).
pub const PAGE_RESULTS: usize = 3;

/// The hits of the longest run from the start of `hits` that fits one reply, up to
/// [`PAGE_RESULTS`] (at least one hit: a hit's embed alone is always within the limits), each
/// with as many citations as fit.
fn pack(hits: &[Hit], planned: &[String]) -> Vec<EmbedSpec> {
    let mut embeds: Vec<EmbedSpec> = Vec::new();
    for hit in hits {
        if embeds.len() >= PAGE_RESULTS.min(limits::EMBEDS) {
            break;
        }
        let room = limits::EMBED_TOTAL - embeds.iter().map(EmbedSpec::size).sum::<usize>();
        let ahead = planned.contains(&hit.id());
        let full = hit_embed(hit, usize::MAX, ahead);
        let embed = if full.size() <= room {
            Some(full)
        } else {
            // Try with fewer citations before leaving this hit to the next page.
            (0..hit.citations.len())
                .rev()
                .map(|n| hit_embed(hit, n, ahead))
                .find(|e| e.size() <= room)
        };
        match embed {
            Some(e) => embeds.push(e),
            None => break,
        }
    }
    embeds
}

/// Where each page of an answer's results starts and ends: consecutive runs that each fit one
/// reply, computed the same way every time (a button's page number means the same results after
/// a restart, on the same index).
pub fn page_ranges(a: &Answer) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    while start < a.results.len() {
        let n = pack(&a.results[start..], &a.planned).len().max(1);
        ranges.push(start..start + n);
        start += n;
    }
    ranges
}

/// Page `page` of the answer (the last page when there are fewer); an answer with several
/// pages says which results this one holds.
pub fn answer_page(a: &Answer, page: usize) -> AnswerPage {
    if a.results.is_empty() {
        return AnswerPage {
            reply: answer(a),
            page: 0,
            pages: 1,
        };
    }
    let ranges = page_ranges(a);
    let page = page.min(ranges.len() - 1);
    let range = ranges[page].clone();
    let pages = (ranges.len() > 1).then(|| {
        format!(
            "Results {}–{} of {}.",
            range.start + 1,
            range.end,
            a.results.len()
        )
    });
    let content = match (super::passages_notice(a), pages) {
        (Some(notice), Some(pages)) => Some(format!("{notice} {pages}")),
        (notice, pages) => notice.or(pages),
    };
    let reply = Reply {
        content,
        embeds: pack(&a.results[range.start..], &a.planned),
    };
    AnswerPage {
        reply,
        page,
        pages: ranges.len(),
    }
}

/// A statement paragraph whole (the "Full paragraph" button): its text over as many embeds as
/// Discord allows (split at line or word ends), cut with an ellipsis only past that.
pub fn full_paragraph(c: &Citation) -> Reply {
    let title = fit(
        &format!("¶{} · {}", c.paragraph, c.statement_title),
        limits::TITLE,
    );
    let mut footer = c.source.clone();
    footer.push_str(&format!(
        ", {}",
        c.date.as_deref().unwrap_or("date unknown")
    ));
    let footer = fit(&footer, limits::FOOTER);
    let text = marked_snippet(&c.snippet, "", "", &escape);
    let mut budget = limits::EMBED_TOTAL - chars(&title) - chars(&footer);
    let mut parts: Vec<String> = Vec::new();
    let mut rest = text.as_str();
    while !rest.trim().is_empty() && parts.len() < limits::EMBEDS && budget > 0 {
        let max = limits::DESCRIPTION.min(budget);
        if chars(rest) <= max {
            parts.push(rest.trim().to_string());
            break;
        }
        let (head, tail) = split_at_break(rest, max);
        if head.trim().is_empty() || parts.len() + 1 == limits::EMBEDS || max < 100 {
            parts.push(fit(rest.trim(), max));
            break;
        }
        budget -= chars(head);
        parts.push(head.trim_end().to_string());
        rest = tail;
    }
    let url = c
        .url
        .clone()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let last = parts.len().saturating_sub(1);
    let embeds = parts
        .into_iter()
        .enumerate()
        .map(|(i, description)| EmbedSpec {
            title: if i == 0 { title.clone() } else { String::new() },
            url: if i == 0 { url.clone() } else { None },
            description,
            color: COLOR_PASSAGE,
            fields: Vec::new(),
            footer: (i == last).then(|| footer.clone()),
        })
        .collect();
    Reply {
        content: None,
        embeds,
    }
}

/// `s` cut before `max` characters at the last line end (else word end) that keeps most of it,
/// never inside an escape (`\*`).
fn split_at_break(s: &str, max: usize) -> (&str, &str) {
    let end = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let window = &s[..end];
    let at = window
        .rfind('\n')
        .filter(|&i| i > end / 2)
        .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i > end / 2))
        .unwrap_or(end);
    let mut at = at;
    while at > 0 && s[..at].ends_with('\\') {
        at -= 1;
    }
    s.split_at(at)
}

/// A hit as an embed, with at most `max_citations` citations; a `planned` meeting says so in
/// its title.
fn hit_embed(hit: &Hit, max_citations: usize, planned: bool) -> EmbedSpec {
    let title = match planned {
        true => format!("{} — planned", hit.title()),
        false => hit.title(),
    };
    let mut e = EmbedSpec {
        title: fit(&title, limits::TITLE),
        ..EmbedSpec::default()
    };
    match &hit.fact {
        Some(fact) => {
            e.color = match fact.kind() {
                crate::corpus::FactKind::Meeting => COLOR_MEETING,
                crate::corpus::FactKind::Initiative => COLOR_INITIATIVE,
                crate::corpus::FactKind::Mechanism => COLOR_MECHANISM,
                crate::corpus::FactKind::Area => COLOR_AREA,
            };
            let mut description = String::new();
            if !fact.origin().is_hand_written() {
                description.push_str("*extracted automatically, not reviewed*\n");
            }
            for (label, value) in fact.fields() {
                let line = format!("**{}:** {}\n", escape(&label), escape(&value));
                if chars(&description) + chars(&line) > 1500 {
                    break;
                }
                description.push_str(&line);
            }
            e.description = fit(description.trim_end(), limits::DESCRIPTION);
            e.footer = Some(format!("{} · {}", fact.kind().as_str(), fact.id()));
        }
        None => {
            e.color = COLOR_PASSAGE;
            e.footer = Some("statement passage".into());
        }
    }
    for c in hit.citations.iter().take(max_citations) {
        let (name, value) = citation_field(c);
        e.push_field(&name, &value, false);
    }
    e
}

/// A citation as an embed field: "¶3 · Title" over "snippet — source, date · link".
pub fn citation_field(c: &Citation) -> (String, String) {
    let name = format!("¶{} · {}", c.paragraph, c.statement_title);
    let mut tail = format!("— {}", escape(&c.source));
    tail.push_str(&format!(
        ", {}",
        c.date.as_deref().unwrap_or("date unknown")
    ));
    if let Some(url) = &c.url {
        if url.starts_with("https://") || url.starts_with("http://") {
            tail.push_str(&format!(" · [link]({url})"));
        }
    }
    let budget = limits::FIELD_VALUE - chars(&tail) - 1;
    let snippet = marked_snippet(&c.snippet, "**", "**", &escape);
    let value = format!("{}\n{tail}", fit(&snippet, budget));
    (fit(&name, limits::FIELD_NAME), value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_at_a_word_with_an_ellipsis() {
        assert_eq!(fit("short", 10), "short");
        let cut = fit("alpha beta gamma delta", 14);
        assert_eq!(cut, "alpha beta…");
        assert!(chars(&cut) <= 14);
        assert_eq!(fit("**bold text here**", 12), "…");
    }

    #[test]
    fn escape_defuses_mentions_and_markdown() {
        let s = escape("@everyone <@&123> *x* [a](b) a_b");
        assert!(!s.contains("@everyone") && !s.contains("<@&"), "{s}");
        assert!(
            s.contains("\\*x\\*") && s.contains("\\[a\\]") && s.contains("a\\_b"),
            "{s}"
        );
    }

    fn citation(text: &str) -> Citation {
        Citation {
            statement_id: "s".into(),
            statement_title: "A statement".into(),
            source: "VNA".into(),
            date: Some("2024-05-01".into()),
            url: Some("javascript:alert(1)".into()),
            paragraph: 4,
            snippet: crate::query::snippet::Snippet {
                text: text.into(),
                highlights: Vec::new(),
                cut_before: false,
                cut_after: false,
            },
            matched: Vec::new(),
        }
    }

    #[test]
    fn a_full_paragraph_is_whole_or_split_within_the_limits() {
        let short = full_paragraph(&citation("The *theme* was @everyone."));
        assert_eq!(short.embeds.len(), 1);
        assert_eq!(short.embeds[0].title, "¶4 · A statement");
        assert_eq!(
            short.embeds[0].description,
            escape("The *theme* was @everyone.")
        );
        assert_eq!(short.embeds[0].footer.as_deref(), Some("VNA, 2024-05-01"));
        assert_eq!(short.embeds[0].url, None, "only http(s) links");

        let words = "cooperation ".repeat(450); // 4950 characters: two embeds
        let two = full_paragraph(&citation(words.trim()));
        assert!(two.within_limits());
        assert_eq!(two.embeds.len(), 2);
        let joined: String = two
            .embeds
            .iter()
            .map(|e| e.description.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, words.trim(), "nothing lost when it fits");

        let huge = full_paragraph(&citation(&"x\\* ".repeat(5000)));
        assert!(huge.within_limits(), "{}", huge.total_embed_size());
        assert!(huge.embeds.last().unwrap().description.ends_with('…'));
    }
}
