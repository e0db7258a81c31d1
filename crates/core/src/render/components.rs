//! Buttons on Discord answers as plain values, and their custom ids: a versioned compact
//! encoding (at most 100 bytes) carrying all a click needs, so buttons keep working after the
//! bot restarts.
//!
//! Custom ids (fields separated by `:`, the free text last):
//! - `1:p:<scope>:<page>:<issued>:<query>` — show page `page` of the query's answer;
//! - `1:h:<scope>:<page>:<issued>:<fnv32 hex>` — the same for a query too long for the id: the
//!   query is read back from the message the button is on ([`asked_in`]), checked by its hash;
//! - `1:f:<issued>:<paragraph>:<statement id>` — show that paragraph whole;
//! - `1:v:<scope>:<u|d>:<issued>:<query>` — 👍 (`u`) or 👎 (`d`) on the answer to the query
//!   (`1:w:…:<fnv32 hex>` for a query too long for the id, read back as for `h`).
//!
//! `scope` is one letter (`m`eeting, `i`nitiative, me`c`hanism, `a`sk), `page` decimal,
//! `issued` the Unix time in seconds, base 36.

use super::embed::{self, escape, fit, AnswerPage, Reply};
use crate::query::{Answer, Scope, MAX_QUERY_CHARS};

/// Discord's limit on a custom id (characters; kept here in bytes, which is stricter).
pub const CUSTOM_ID_MAX: usize = 100;
/// Discord's limit on a button label.
pub const LABEL_MAX: usize = 80;
/// Buttons in one action row.
pub const ROW_MAX: usize = 5;
/// "Full paragraph" buttons on one answer page.
pub const PARAGRAPH_BUTTONS: usize = 5;
/// The custom id version this build writes and reads.
const VERSION: &str = "1";
/// The line of an answer's content that holds a query too long for its buttons' ids.
const ASKED: &str = "Asked: “";

/// What a click on an expired button answers (ephemeral).
pub const EXPIRED: &str = "This answer has expired — ask again.";
/// What a click on a button the bot cannot read answers (ephemeral).
pub const UNKNOWN: &str =
    "Sorry, I can't read that button (it may come from an older version of me). Please ask again.";
/// What a 👍 or 👎 answers (ephemeral) when it is recorded.
pub const FEEDBACK_THANKS: &str = "Thanks: noted. The team reviews these to improve the answers.";
/// What a 👍 or 👎 answers (ephemeral) when this bot does not record feedback (any more).
pub const FEEDBACK_OFF: &str = "Thanks, but this bot does not record feedback.";
/// What "Full paragraph" answers when the paragraph is gone (the corpus changed).
pub const PARAGRAPH_GONE: &str =
    "That paragraph is no longer in the statements (they changed since); ask again.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    Primary,
    Secondary,
}

/// One button: what it says, what it does (its custom id), how it looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: String,
    pub custom_id: String,
    pub style: ButtonStyle,
}

/// A reply with the rows of buttons under it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WithButtons {
    pub reply: Reply,
    pub rows: Vec<Vec<Button>>,
}

/// The query a page button runs again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryRef {
    /// The text itself.
    Text(String),
    /// The FNV-1a hash of a text too long for the id ([`query_hash`]).
    Hash(u32),
}

/// A reader's verdict on an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vote {
    Up,
    Down,
}

impl Vote {
    fn letter(self) -> char {
        match self {
            Vote::Up => 'u',
            Vote::Down => 'd',
        }
    }

    fn of_letter(s: &str) -> Option<Vote> {
        match s {
            "u" => Some(Vote::Up),
            "d" => Some(Vote::Down),
            _ => None,
        }
    }
}

/// What a button does, decoded from its custom id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComponentId {
    Page {
        scope: Scope,
        page: u16,
        issued: i64,
        query: QueryRef,
    },
    Paragraph {
        issued: i64,
        statement: String,
        paragraph: u32,
    },
    Feedback {
        scope: Scope,
        vote: Vote,
        issued: i64,
        query: QueryRef,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComponentIdError {
    #[error("the custom id is longer than {CUSTOM_ID_MAX} bytes")]
    TooLong,
    #[error("the custom id is not of version {VERSION}")]
    Version,
    #[error("the custom id's {0} is malformed")]
    Malformed(&'static str),
}

fn scope_letter(scope: Scope) -> char {
    match scope {
        Scope::Meeting => 'm',
        Scope::Initiative => 'i',
        Scope::Mechanism => 'c',
        Scope::Ask => 'a',
    }
}

fn scope_of_letter(s: &str) -> Option<Scope> {
    Some(match s {
        "m" => Scope::Meeting,
        "i" => Scope::Initiative,
        "c" => Scope::Mechanism,
        "a" => Scope::Ask,
        _ => return None,
    })
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII digits")
}

/// Non-negative Unix seconds in base 36 (lowercase, no sign, no leading zero, at most 13
/// digits).
fn parse_issued(s: &str) -> Option<i64> {
    let canonical = !s.is_empty()
        && s.len() <= 13
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        && (s == "0" || !s.starts_with('0'));
    if !canonical {
        return None;
    }
    i64::from_str_radix(s, 36).ok()
}

/// Strict decimal: digits only, no sign, no leading zero (so one number has one spelling).
fn parse_decimal<T: std::str::FromStr>(s: &str) -> Option<T> {
    let canonical = !s.is_empty()
        && s.len() <= 10
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !s.starts_with('0'));
    canonical.then(|| s.parse().ok()).flatten()
}

/// 32-bit FNV-1a of the text's UTF-8 (stable across builds, unlike `std`'s hasher).
pub fn query_hash(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl ComponentId {
    /// A page button for `query`, carrying the text when it fits the id and its hash otherwise.
    pub fn page(scope: Scope, page: u16, issued: i64, query: &str) -> ComponentId {
        fitted(query, |query| ComponentId::Page {
            scope,
            page,
            issued,
            query,
        })
    }

    /// A 👍/👎 button for the answer to `query`, carrying the text when it fits, else its hash.
    pub fn feedback(scope: Scope, vote: Vote, issued: i64, query: &str) -> ComponentId {
        fitted(query, |query| ComponentId::Feedback {
            scope,
            vote,
            issued,
            query,
        })
    }

    /// When the button was issued (Unix seconds).
    pub fn issued(&self) -> i64 {
        match self {
            ComponentId::Page { issued, .. }
            | ComponentId::Paragraph { issued, .. }
            | ComponentId::Feedback { issued, .. } => *issued,
        }
    }

    /// Whether the id carries its query's hash, the text being on the message ([`asked_in`]).
    fn hashed(&self) -> bool {
        matches!(
            self,
            ComponentId::Page {
                query: QueryRef::Hash(_),
                ..
            } | ComponentId::Feedback {
                query: QueryRef::Hash(_),
                ..
            }
        )
    }

    /// Older than `max_age_secs` at `now` (Unix seconds).
    pub fn expired(&self, now: i64, max_age_secs: i64) -> bool {
        now.saturating_sub(self.issued()) > max_age_secs
    }

    /// The custom id, or `None` when it would be longer than [`CUSTOM_ID_MAX`] (a page id made
    /// by [`ComponentId::page`] always fits; a paragraph of a statement with a very long id may
    /// not) or a field cannot be written (a negative time, an empty statement id).
    pub fn encode(&self) -> Option<String> {
        let issued = u64::try_from(self.issued()).ok().map(base36)?;
        let id = match self {
            ComponentId::Page {
                scope, page, query, ..
            } => {
                let (kind, query) = match query {
                    QueryRef::Text(t) => ('p', t.clone()),
                    QueryRef::Hash(h) => ('h', format!("{h:08x}")),
                };
                format!(
                    "{VERSION}:{kind}:{}:{page}:{issued}:{query}",
                    scope_letter(*scope)
                )
            }
            ComponentId::Paragraph {
                statement,
                paragraph,
                ..
            } => {
                if statement.is_empty() || statement.contains(char::is_whitespace) {
                    return None;
                }
                format!("{VERSION}:f:{issued}:{paragraph}:{statement}")
            }
            ComponentId::Feedback {
                scope, vote, query, ..
            } => {
                let (kind, query) = match query {
                    QueryRef::Text(t) => ('v', t.clone()),
                    QueryRef::Hash(h) => ('w', format!("{h:08x}")),
                };
                format!(
                    "{VERSION}:{kind}:{}:{}:{issued}:{query}",
                    scope_letter(*scope),
                    vote.letter()
                )
            }
        };
        (id.len() <= CUSTOM_ID_MAX).then_some(id)
    }

    /// Reads a custom id; anything this build did not write is an error (never a panic).
    pub fn decode(id: &str) -> Result<ComponentId, ComponentIdError> {
        use ComponentIdError::Malformed;
        if id.len() > CUSTOM_ID_MAX {
            return Err(ComponentIdError::TooLong);
        }
        let mut parts = id.splitn(6, ':');
        if parts.next() != Some(VERSION) {
            return Err(ComponentIdError::Version);
        }
        let kind = parts.next().ok_or(Malformed("kind"))?;
        match kind {
            "p" | "h" | "v" | "w" => {
                let scope = parts
                    .next()
                    .and_then(scope_of_letter)
                    .ok_or(Malformed("scope"))?;
                let second = parts.next();
                let (page, vote) = match kind {
                    "p" | "h" => (
                        second
                            .and_then(parse_decimal::<u16>)
                            .ok_or(Malformed("page"))?,
                        None,
                    ),
                    _ => (
                        0,
                        Some(second.and_then(Vote::of_letter).ok_or(Malformed("vote"))?),
                    ),
                };
                let issued = parts
                    .next()
                    .and_then(parse_issued)
                    .ok_or(Malformed("time"))?;
                let rest = parts.next().ok_or(Malformed("query"))?;
                let query = if matches!(kind, "p" | "v") {
                    QueryRef::Text(rest.to_string())
                } else {
                    let hex = rest.len() == 8
                        && rest
                            .bytes()
                            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                    if !hex {
                        return Err(Malformed("query hash"));
                    }
                    QueryRef::Hash(
                        u32::from_str_radix(rest, 16).map_err(|_| Malformed("query hash"))?,
                    )
                };
                Ok(match vote {
                    None => ComponentId::Page {
                        scope,
                        page,
                        issued,
                        query,
                    },
                    Some(vote) => ComponentId::Feedback {
                        scope,
                        vote,
                        issued,
                        query,
                    },
                })
            }
            "f" => {
                let mut parts = id.splitn(5, ':').skip(2);
                let issued = parts
                    .next()
                    .and_then(parse_issued)
                    .ok_or(Malformed("time"))?;
                let paragraph = parts
                    .next()
                    .and_then(parse_decimal::<u32>)
                    .ok_or(Malformed("paragraph"))?;
                let statement = parts.next().ok_or(Malformed("statement"))?;
                if statement.is_empty() || statement.contains(char::is_whitespace) {
                    return Err(Malformed("statement"));
                }
                Ok(ComponentId::Paragraph {
                    issued,
                    statement: statement.to_string(),
                    paragraph,
                })
            }
            _ => Err(Malformed("kind")),
        }
    }
}

/// The id `make` builds with the query's text when that fits [`CUSTOM_ID_MAX`], else its hash.
fn fitted(query: &str, make: impl Fn(QueryRef) -> ComponentId) -> ComponentId {
    let text = make(QueryRef::Text(query.to_string()));
    match text.encode() {
        Some(_) => text,
        None => make(QueryRef::Hash(query_hash(query))),
    }
}

/// What was asked, as a page button runs it again: the scope and the text (cut to what the
/// query reads, [`MAX_QUERY_CHARS`], so both runs see the same words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub scope: Scope,
    pub text: String,
}

impl Asked {
    pub fn new(scope: Scope, text: &str) -> Asked {
        Asked {
            scope,
            text: text.trim().chars().take(MAX_QUERY_CHARS).collect(),
        }
    }
}

/// Page `page` of an answer with its buttons, issued at `issued` (Unix seconds): "Previous" and
/// "More results" when there are other pages, and "Full paragraph" for each paragraph the page
/// cites (up to [`PARAGRAPH_BUTTONS`]). A query too long for the ids is written in the content.
pub fn answer_with_buttons(a: &Answer, asked: &Asked, page: usize, issued: i64) -> WithButtons {
    let AnswerPage {
        mut reply,
        page,
        pages,
    } = embed::answer_page(a, page);
    let mut rows = Vec::new();
    let mut nav = Vec::new();
    let mut hashed = false;
    let mut page_button = |to: usize, label: &str, style| {
        let Ok(to) = u16::try_from(to) else {
            return;
        };
        let id = ComponentId::page(asked.scope, to, issued, &asked.text);
        if let Some(custom_id) = id.encode() {
            hashed |= id.hashed();
            nav.push(Button {
                label: label.into(),
                custom_id,
                style,
            });
        }
    };
    if page > 0 {
        page_button(page - 1, "Previous", ButtonStyle::Secondary);
    }
    if page + 1 < pages {
        page_button(page + 1, "More results", ButtonStyle::Primary);
    }
    if !nav.is_empty() {
        rows.push(nav);
    }
    if hashed {
        write_asked(&mut reply, asked);
    }
    let paragraphs = paragraph_buttons(&reply, a, page, issued);
    if !paragraphs.is_empty() {
        rows.push(paragraphs);
    }
    WithButtons { reply, rows }
}

/// The line that holds a query too long for the ids ([`asked_in`] reads it back), once.
fn write_asked(reply: &mut Reply, asked: &Asked) {
    if reply
        .content
        .as_deref()
        .is_some_and(|c| asked_in(c).is_some())
    {
        return;
    }
    let asked_line = format!("{ASKED}{}”", escape(&asked.text));
    reply.content = Some(match reply.content.take() {
        Some(c) => format!("{c}\n{asked_line}"),
        None => asked_line,
    });
}

/// `message` (an answer to `asked` with results) with a row of 👍 and 👎 under it, issued at
/// `issued` (Unix seconds); a message already holding [`ROW_MAX`] rows is left as it is.
pub fn with_feedback(mut message: WithButtons, asked: &Asked, issued: i64) -> WithButtons {
    if message.rows.len() >= ROW_MAX {
        return message;
    }
    let mut row = Vec::new();
    for (vote, label) in [(Vote::Up, "👍 Helpful"), (Vote::Down, "👎 Not helpful")] {
        let id = ComponentId::feedback(asked.scope, vote, issued, &asked.text);
        if let Some(custom_id) = id.encode() {
            if id.hashed() {
                write_asked(&mut message.reply, asked);
            }
            row.push(Button {
                label: label.into(),
                custom_id,
                style: ButtonStyle::Secondary,
            });
        }
    }
    message.rows.push(row);
    message
}

/// "Full paragraph" buttons for the distinct paragraphs the page's results cite.
fn paragraph_buttons(reply: &Reply, a: &Answer, page: usize, issued: i64) -> Vec<Button> {
    let Some(range) = embed::page_ranges(a).get(page).cloned() else {
        return Vec::new();
    };
    // Only the citations the page shows (a hit may have lost some to fit).
    let shown: Vec<&str> = reply
        .embeds
        .iter()
        .flat_map(|e| e.fields.iter().map(|f| f.name.as_str()))
        .collect();
    let mut cited: Vec<&crate::query::Citation> = Vec::new();
    for hit in &a.results[range] {
        for c in &hit.citations {
            let name = embed::citation_field(c).0;
            if shown.contains(&name.as_str())
                && !cited.iter().any(|d| d.reference() == c.reference())
            {
                cited.push(c);
            }
        }
    }
    let one = cited.len() == 1;
    cited
        .into_iter()
        .filter_map(|c| {
            let custom_id = ComponentId::Paragraph {
                issued,
                statement: c.statement_id.clone(),
                paragraph: c.paragraph,
            }
            .encode()?;
            let label = if one {
                format!("Full paragraph ¶{}", c.paragraph)
            } else {
                format!("Full ¶{} · {}", c.paragraph, c.statement_title)
            };
            Some(Button {
                label: fit(&label, LABEL_MAX),
                custom_id,
                style: ButtonStyle::Secondary,
            })
        })
        .take(PARAGRAPH_BUTTONS.min(ROW_MAX))
        .collect()
}

/// The query an answer's content holds (written by [`answer_with_buttons`] for a query too long
/// for its ids), unescaped.
pub fn asked_in(content: &str) -> Option<String> {
    let line = content.lines().find_map(|l| l.strip_prefix(ASKED))?;
    let escaped = line.strip_suffix('”')?;
    Some(unescape(escaped))
}

/// The inverse of [`escape`]: `unescape(&escape(s)) == s` for every `s`.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '@' => {
                out.push('@');
                if chars.peek() == Some(&'\u{200B}') {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::shipped_index;
    use proptest::prelude::*;

    fn scope() -> impl Strategy<Value = Scope> {
        prop_oneof![
            Just(Scope::Meeting),
            Just(Scope::Initiative),
            Just(Scope::Mechanism),
            Just(Scope::Ask)
        ]
    }

    proptest! {
        #[test]
        fn page_ids_round_trip_within_100_bytes(
            scope in scope(),
            page in any::<u16>(),
            issued in 0i64..i64::MAX,
            query in "\\PC{0,400}",
        ) {
            let id = ComponentId::page(scope, page, issued, &query);
            let encoded = id.encode().expect("a page id always encodes");
            prop_assert!(encoded.len() <= CUSTOM_ID_MAX, "{encoded}");
            prop_assert_eq!(ComponentId::decode(&encoded), Ok(id.clone()));
            match id {
                ComponentId::Page { query: QueryRef::Text(t), .. } => prop_assert_eq!(t, query),
                ComponentId::Page { query: QueryRef::Hash(h), .. } => prop_assert_eq!(h, query_hash(&query)),
                other => prop_assert!(false, "{other:?}"),
            }
        }

        #[test]
        fn paragraph_ids_round_trip_or_are_refused(
            issued in 0i64..i64::MAX,
            paragraph in any::<u32>(),
            statement in "[a-z0-9-]{1,120}",
        ) {
            let id = ComponentId::Paragraph { issued, statement, paragraph };
            match id.encode() {
                Some(encoded) => {
                    prop_assert!(encoded.len() <= CUSTOM_ID_MAX);
                    prop_assert_eq!(ComponentId::decode(&encoded), Ok(id));
                }
                None => prop_assert!(id.encode().is_none()),
            }
        }

        #[test]
        fn feedback_ids_round_trip_within_100_bytes(
            scope in scope(),
            up in any::<bool>(),
            issued in 0i64..i64::MAX,
            query in "\\PC{0,400}",
        ) {
            let vote = if up { Vote::Up } else { Vote::Down };
            let id = ComponentId::feedback(scope, vote, issued, &query);
            let encoded = id.encode().expect("a feedback id always encodes");
            prop_assert!(encoded.len() <= CUSTOM_ID_MAX, "{encoded}");
            prop_assert_eq!(ComponentId::decode(&encoded), Ok(id));
        }

        #[test]
        fn garbage_is_refused_without_panicking(garbage in "\\PC{0,150}") {
            if let Ok(id) = ComponentId::decode(&garbage) {
                // Whatever decodes is what this build writes, byte for byte.
                prop_assert_eq!(id.encode(), Some(garbage.clone()));
            }
        }

        #[test]
        fn unescape_inverts_escape(s in "\\PC{0,200}") {
            prop_assert_eq!(unescape(&escape(&s)), s);
        }
    }

    #[test]
    fn malformed_ids_say_what_is_wrong() {
        use ComponentIdError::*;
        for (id, err) in [
            ("", Version),
            ("2:p:m:0:0:x", Version),
            ("1", Malformed("kind")),
            ("1:x:m:0:0:x", Malformed("kind")),
            ("1:p:z:0:0:x", Malformed("scope")),
            ("1:p:m:01:0:x", Malformed("page")),
            ("1:p:m:-1:0:x", Malformed("page")),
            ("1:p:m:70000:0:x", Malformed("page")),
            ("1:p:m:0:ZZ:x", Malformed("time")),
            ("1:p:m:0:0", Malformed("query")),
            ("1:h:m:0:0:xyz", Malformed("query hash")),
            ("1:f:0:2", Malformed("statement")),
            ("1:f:0:x:s", Malformed("paragraph")),
            ("1:f:0:2:", Malformed("statement")),
            ("1:v:m:x:0:q", Malformed("vote")),
            ("1:v:m:0:0:q", Malformed("vote")),
            ("1:w:a:d:0:q", Malformed("query hash")),
            ("1:v:q:u:0:q", Malformed("scope")),
        ] {
            assert_eq!(ComponentId::decode(id), Err(err), "{id:?}");
        }
        assert_eq!(ComponentId::decode(&"1".repeat(101)), Err(TooLong));
        assert_eq!(
            ComponentId::decode("1:p:m:2:0:amim-21 who: attended?"),
            Ok(ComponentId::Page {
                scope: Scope::Meeting,
                page: 2,
                issued: 0,
                query: QueryRef::Text("amim-21 who: attended?".into())
            })
        );
    }

    #[test]
    fn buttons_expire_after_their_age() {
        let id = ComponentId::page(Scope::Ask, 1, 1_000, "x");
        assert!(!id.expired(1_000 + 3600, 3600));
        assert!(id.expired(1_000 + 3601, 3600));
        assert!(
            !id.expired(0, 3600),
            "a clock behind the issue time is not expiry"
        );
    }

    #[test]
    fn a_long_answer_pages_with_previous_and_more() {
        let idx = shipped_index();
        let a = crate::query::answer(&idx, Scope::Initiative, "all").unwrap();
        let pages = embed::page_ranges(&a);
        assert_eq!(pages, [0..3, 3..6, 6..7], "the 7 initiatives, 3 a page");
        // The pages cover every result once, in order.
        let covered: Vec<usize> = pages.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(covered, (0..a.results.len()).collect::<Vec<_>>());
        let asked = Asked::new(Scope::Initiative, "all");
        let labels = |w: &WithButtons| -> Vec<Vec<String>> {
            w.rows
                .iter()
                .map(|r| r.iter().map(|b| b.label.clone()).collect())
                .collect()
        };
        let first = answer_with_buttons(&a, &asked, 0, 7);
        assert_eq!(labels(&first)[0], ["More results"]);
        assert!(first.reply.within_limits());
        assert!(first
            .reply
            .content
            .as_deref()
            .unwrap()
            .starts_with("Results 1–"));
        let more = ComponentId::decode(&first.rows[0][0].custom_id).unwrap();
        assert_eq!(more, ComponentId::page(Scope::Initiative, 1, 7, "all"));
        let middle = answer_with_buttons(&a, &asked, 1, 7);
        assert_eq!(labels(&middle)[0], ["Previous", "More results"]);
        assert_eq!(middle.reply.content.as_deref(), Some("Results 4–6 of 7."));
        let last = answer_with_buttons(&a, &asked, pages.len() - 1, 7);
        assert_eq!(labels(&last)[0], ["Previous"], "no More on the last page");
        let beyond = answer_with_buttons(&a, &asked, 999, 7);
        assert_eq!(beyond.reply, last.reply, "a page past the end is the last");
        // Every id on every page is unique and decodes.
        for p in 0..pages.len() {
            let w = answer_with_buttons(&a, &asked, p, 7);
            let ids: Vec<&str> = w
                .rows
                .iter()
                .flatten()
                .map(|b| b.custom_id.as_str())
                .collect();
            let unique: std::collections::HashSet<_> = ids.iter().collect();
            assert_eq!(unique.len(), ids.len(), "{ids:?}");
            assert!(ids.iter().all(|id| ComponentId::decode(id).is_ok()));
            assert!(w.rows.iter().all(|r| r.len() <= ROW_MAX && !r.is_empty()));
        }
    }

    #[test]
    fn full_paragraph_buttons_name_the_cited_paragraphs() {
        let idx = shipped_index();
        let a = crate::query::answer(&idx, Scope::Meeting, "AMIM-21").unwrap();
        let w = answer_with_buttons(&a, &Asked::new(Scope::Meeting, "AMIM-21"), 0, 0);
        let row = w.rows.last().unwrap();
        let c = &a.results[0].citations[0];
        assert!(
            row[0].label.contains(&format!("¶{}", c.paragraph)),
            "{row:?}"
        );
        assert_eq!(
            ComponentId::decode(&row[0].custom_id).unwrap(),
            ComponentId::Paragraph {
                issued: 0,
                statement: c.statement_id.clone(),
                paragraph: c.paragraph
            }
        );
    }

    #[test]
    fn a_query_too_long_for_the_id_is_written_in_the_content() {
        let idx = shipped_index();
        let a = crate::query::answer(&idx, Scope::Initiative, "all").unwrap();
        let long = format!("all {}", "initiatives *of* @everyone ".repeat(8));
        let asked = Asked::new(Scope::Initiative, &long);
        let w = answer_with_buttons(&a, &asked, 0, 0);
        let id = ComponentId::decode(&w.rows[0][0].custom_id).unwrap();
        assert!(
            matches!(id, ComponentId::Page { query: QueryRef::Hash(h), .. } if h == query_hash(&asked.text)),
            "{id:?}"
        );
        let content = w.reply.content.as_deref().unwrap();
        assert!(!content.contains("@everyone"), "{content}");
        assert_eq!(asked_in(content).as_deref(), Some(asked.text.as_str()));
        assert!(w.reply.within_limits());
        assert_eq!(asked_in("Results 1–3 of 7."), None);
    }

    #[test]
    fn feedback_buttons_come_in_a_row_of_their_own_and_carry_the_question() {
        let idx = shipped_index();
        let a = crate::query::answer(&idx, Scope::Meeting, "AMIM-21").unwrap();
        let asked = Asked::new(Scope::Meeting, "AMIM-21");
        let plain = answer_with_buttons(&a, &asked, 0, 7);
        let w = with_feedback(plain.clone(), &asked, 7);
        assert_eq!(w.rows.len(), plain.rows.len() + 1);
        assert_eq!(w.reply, plain.reply, "the answer itself is unchanged");
        let row = w.rows.last().unwrap();
        let ids: Vec<_> = row
            .iter()
            .map(|b| ComponentId::decode(&b.custom_id).unwrap())
            .collect();
        assert_eq!(
            ids,
            [Vote::Up, Vote::Down].map(|vote| ComponentId::Feedback {
                scope: Scope::Meeting,
                vote,
                issued: 7,
                query: QueryRef::Text("AMIM-21".into()),
            })
        );
        // A question too long for the ids: hashed, and written once in the content.
        let long = format!("all {}", "initiatives of the network ".repeat(8));
        let asked = Asked::new(Scope::Initiative, &long);
        let a = crate::query::answer(&idx, Scope::Initiative, &long).unwrap();
        let w = with_feedback(answer_with_buttons(&a, &asked, 0, 0), &asked, 0);
        let content = w.reply.content.as_deref().unwrap();
        assert_eq!(content.matches("Asked:").count(), 1, "{content}");
        assert_eq!(asked_in(content).as_deref(), Some(asked.text.as_str()));
        let last = ComponentId::decode(&w.rows.last().unwrap()[1].custom_id).unwrap();
        assert!(
            matches!(last, ComponentId::Feedback { vote: Vote::Down, query: QueryRef::Hash(h), .. } if h == query_hash(&asked.text)),
            "{last:?}"
        );
        // Never more rows than Discord takes.
        let full = WithButtons {
            reply: Reply::text("x"),
            rows: vec![Vec::new(); ROW_MAX],
        };
        assert_eq!(with_feedback(full.clone(), &asked, 0), full);
    }
}
