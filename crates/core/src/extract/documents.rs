//! Documents named in prose as initiatives: "the ministers adopted the Concept Paper on …",
//! "signed the Vientiane Joint Declaration on …", "endorsed the ANCM Road Map 2024-2032". A name is
//! a run of capitalised words (with "on", "of", "the", "for", "and", "in" between them) that holds
//! a document head noun, in a sentence with an adoption verb.

use super::text::{bare, name_at, sentences, CLAUSE_PARTICIPLES, POSSESSIVE_OPENERS};
use crate::dates::MONTH_NAMES;
use std::ops::Range;

/// Head nouns of a document's name, longest first (with [`UNDESCRIBED_HEADS`] after them).
pub const DOCUMENT_HEADS: &[&str] = &[
    "standard operating procedures",
    "standard operating procedure",
    "terms of reference",
    "memorandum of understanding",
    "plan of action",
    "concept documents",
    "concept document",
    "concept papers",
    "concept paper",
    "concept notes",
    "concept note",
    "discussion papers",
    "discussion paper",
    "position papers",
    "position paper",
    "joint declaration",
    "joint statements",
    "joint statement",
    "thematic statements",
    "thematic statement",
    "strategy paper",
    "work programme",
    "work program",
    "action plans",
    "action plan",
    "work plans",
    "work plan",
    "workplans",
    "workplan",
    "road map",
    "roadmap",
    "task force",
    "guidelines",
    "minutes",
    "proposals",
    "proposal",
];

/// Heads of a document's name too common as words to name one written in lowercase ("a vision for the
/// region"); the others do when what follows tells which ("a concept document on …", "the terms
/// of reference for …", "the work plans of …").
const UNDESCRIBED_HEADS: &[&str] = &[
    "declaration",
    "protocol",
    "vision",
    "framework",
    "initiative",
    "strategy",
    "agreement",
    "arrangement",
    "charter",
    "code",
    "review",
    "outlook",
    "blueprint",
    "manual",
    "programme",
    "program",
    "patrol",
];

/// Heads among [`UNDESCRIBED_HEADS`] that name a document in lowercase when the word after tells
/// what it is about ("signed a declaration on harbour resilience", "a protocol on …", "an
/// initiative to train harbour pilots").
const DESCRIBED_BY: &[(&str, &[&str])] = &[
    ("declaration", &["on"]),
    ("protocol", &["on"]),
    ("initiative", &["on", "to"]),
];

/// Heads of a capitalised name that is a document wherever it stands, adopted or only mentioned
/// ("under the Harbour Vision 2040", "the ASEAN Outlook on …").
const MENTIONED_HEADS: &[&str] = &[
    "outlook",
    "blueprint",
    "vision",
    "manual",
    "declaration",
    "joint declaration",
    "joint statement",
    "concept paper",
    "work plan",
    "plan of action",
    "action plan",
    "road map",
    "roadmap",
    "terms of reference",
    "standard operating procedures",
    "standard operating procedure",
    "memorandum of understanding",
    "guidelines",
    "work programme",
    "work program",
    "workplan",
    "code",
];

/// First words of a sentence that open no document's name ("Our Vision", "The Manual").
const NOT_NAME_OPENERS: &[&str] = &[
    "the", "this", "that", "our", "its", "their", "his", "her", "a", "an",
];

/// The fewest words of a document named without an adoption verb, unless a year or a version
/// ends it ("Harbour Vision 2040").
const MIN_MENTIONED_WORDS: usize = 3;

/// Words before a lowercase head that belong to the document's name ("the draft joint
/// statements", "a three-year action plan").
const DESCRIBED_MODIFIERS: &[&str] = &["draft", "new", "revised", "updated", "final"];

/// The end of a modifier of years that goes with a lowercase document ("a three-year work plan").
const YEARS_MODIFIER_END: &str = "-year";

/// Words that tell what a lowercase document is about: "on …", "of …", "for …", "to …".
const QUALIFIERS: &[&str] = &["on", "of", "for", "to"];

/// Words that end what a document is about: a clause or the next item begins ([`CLAUSE_PARTICIPLES`] too).
const QUALIFIER_STOPS: &[&str] = &[
    "but",
    "be",
    "which",
    "that",
    "including",
    "along",
    "as",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "during",
    "at",
    "while",
    "by",
    "with",
];

/// Words opening a document's "for …" part that point back to what the text spoke of ("a
/// concept note for this proposed forum"): no document in particular is named.
const DEICTIC_OPENERS: &[&str] = &["this", "these", "that", "those", "such"];

/// The word standing for one more document of the head named last ("a concept document on
/// …, and another on …").
const ANOTHER: &str = "another";

/// Words after "and" that start the next item of a list ("… and the", "… and a").
const NEXT_ITEM: &[&str] = &["the", "a", "an", "another", "other"];

/// The ending of a verb that, after "and", starts a clause of its own.
const GERUND_END: &str = "ing";

/// The most words a document's "on …" part runs.
const MAX_QUALIFIER_WORDS: usize = 16;

/// Words of its own a document's "on …" part needs, unless a capitalised word is among them
/// ("the joint statement of the meeting" names no document in particular).
const MIN_QUALIFIER_WORDS: usize = 2;

/// Verbs that make a document named beside them an initiative of the meeting.
pub const ADOPTION_VERBS: &[&str] = &[
    "adopt",
    "adopted",
    "adopting",
    "approve",
    "approved",
    "approving",
    "endorse",
    "endorsed",
    "endorsing",
    "sign",
    "signed",
    "signing",
    "issue",
    "issued",
    "launch",
    "launched",
    "note",
    "noted",
    "welcome",
    "welcomed",
    "support",
    "supported",
    "supporting",
    "finalise",
    "finalised",
    "finalize",
    "finalized",
    "propose",
    "proposed",
    "agreed",
    "review",
    "reviewed",
    "discuss",
    "discussed",
    "debated",
    "considered",
    "implement",
    "implementing",
    "implementation",
    "opinions",
    "updates",
    "looked",
    "prepared",
    "drafted",
    "submitted",
    "tabled",
    "presented",
    "formulate",
    "formulation",
    "adoption",
    "establish",
    "established",
    "establishing",
    "operational",
    "operationalise",
    "operationalize",
];

/// Lowercase words a document's name may hold between its capitalised ones.
pub(super) const NAME_CONNECTORS: &[&str] =
    &["on", "of", "the", "for", "and", "in", "to", "a", "an", "by"];

/// Prepositions that join a capitalised document name to the capitalised name it goes on with
/// ("… Strategic Plan under the Harbour Vision 2040", "Joint Statement … against Disease
/// Outbreaks").
const JOINING_PREPOSITIONS: &[&str] =
    &["under", "against", "among", "between", "towards", "through"];

/// Words in a name that carry a title's subtitle after a colon ("Ready Harbours: A Strategy
/// Paper").
const SUBTITLE_ARTICLES: &[&str] = &["A", "An", "The"];

/// The longest a document's name runs, in words.
const MAX_NAME_WORDS: usize = 24;

/// Words right before a colon that open a list of documents ("agreed on the following
/// documents: A; B; C", "new initiatives such as: A; B").
const LIST_CUES: &[&str] = &["documents", "initiatives", "papers", "following", "such as"];

/// How far before the colon a [`LIST_CUES`] word may stand, in bytes.
const LIST_CUE_SPAN: usize = 24;

/// Words that end the last item of a list of documents: a clause goes on after it.
const LIST_ITEM_ENDS: &[&str] = &[", and ", ", as well as ", " as well as ", ", while "];

/// The fewest words of an item of a list of documents.
const MIN_LIST_ITEM_WORDS: usize = 3;

/// Words that open a list of named initiatives without a colon: "adopted initiatives, namely
/// the Harbour Programme and the River Framework".
const NAMED_LIST_CUES: &[&str] = &[
    "initiatives, namely ",
    "initiatives namely ",
    "initiatives such as ",
    "initiatives, including ",
    "initiatives including ",
    "documents, namely ",
    "documents such as ",
    "documents, including ",
    "documents including ",
];

/// The words between the items of such a list.
const LIST_SEPARATORS: &[&str] = &[", and ", " and ", ", "];

/// Plural heads of papers a meeting adopts several of at once, each named by what it is on ("four
/// concept papers, namely …"), with the singular each item's name opens with.
const PAPERS: &[(&str, &str)] = &[
    ("concept papers", "Concept paper"),
    ("concept notes", "Concept note"),
    ("concept documents", "Concept document"),
];

/// Words after [`PAPERS`] that open the list of what each is on.
const PAPERS_LIST_CUES: &[&str] = &[
    ", namely ",
    " namely ",
    ", one on ",
    " one on ",
    " on ",
    ": ",
    ", including ",
    " including ",
];

/// Words between two items of such a list; " and " only before one of [`NEXT_ITEM`] or a
/// gerund ("… framework and ADMM+ experts' working group" is one item).
const PAPERS_SEPARATORS: &[&str] = &[
    ", and the other on ",
    " and the other on ",
    ", and another on ",
    " and another on ",
    ", and on ",
    " and on ",
    ", on ",
    ", and ",
    ", ",
    " and ",
];

/// Words that end such a list: a clause goes on after it.
const PAPERS_LIST_ENDS: &[&str] = &[
    " which ",
    ", which",
    " that ",
    "; ",
    " to be ",
    ", to ",
    " in order to ",
];

/// Openers of an item that say no more than "on" did.
const PAPERS_ITEM_OPENERS: &[&str] = &["on ", "the other on ", "another on "];

/// The papers a sentence adopts several of, one per item of the list after [`PAPERS`]: "adopted
/// two concept papers, one on ‘X’ and the other on ‘Y’", "concept papers, namely establishing X,
/// the setting up of Y". An item after "on", or in lowercase, is "Concept paper on <item>"; a
/// capitalised one keeps its own name ("including the Harbour Work Programme 2027-2029").
fn papers_listed(sentence: &str) -> Vec<(String, Range<usize>)> {
    let lower = sentence.to_ascii_lowercase();
    let Some((head_end, singular)) = PAPERS
        .iter()
        .find_map(|(plural, one)| lower.find(plural).map(|at| (at + plural.len(), *one)))
    else {
        return Vec::new();
    };
    let Some(cue) = PAPERS_LIST_CUES
        .iter()
        .find(|c| lower[head_end..].starts_with(**c))
    else {
        return Vec::new();
    };
    // "concept papers on A and B": each is a paper on its item, capitalised or not.
    let on_each = cue.ends_with(" on ");
    let mut at = head_end + cue.len();
    let end = PAPERS_LIST_ENDS
        .iter()
        .filter_map(|e| lower[at..].find(e).map(|k| at + k))
        .min()
        .unwrap_or(sentence.len());
    let mut out = Vec::new();
    while at < end {
        let rest = &sentence[at..end];
        // The first separator that splits here (" and " only before a new item).
        let next = PAPERS_SEPARATORS
            .iter()
            .filter_map(|sep| {
                rest.match_indices(sep)
                    .find(|(k, _)| {
                        *sep != " and " || {
                            let after = rest[k + sep.len()..].split_whitespace().next();
                            after.is_some_and(|w| NEXT_ITEM.contains(&w) || w.ends_with(GERUND_END))
                        }
                    })
                    .map(|(k, _)| (k, sep.len()))
            })
            // The longest of those at the first place ("and the other on" over "and").
            .min_by_key(|&(k, len)| (k, std::cmp::Reverse(len)));
        let (len, skip) = next.unwrap_or((rest.len(), 0));
        let raw = &rest[..len];
        let opener = PAPERS_ITEM_OPENERS
            .iter()
            .find(|o| raw.starts_with(**o))
            .map_or(0, |o| o.len());
        let item = raw[opener..]
            .trim()
            .trim_matches(|c: char| SINGLE_QUOTES.contains(&c) || "“”\".,".contains(c));
        let start = at + raw.find(item).unwrap_or(0);
        if item.split_whitespace().count() >= MIN_QUALIFIER_WORDS {
            let own = item.strip_prefix("the ").unwrap_or(item);
            let name = if own.starts_with(char::is_uppercase) && !on_each {
                own.to_string()
            } else {
                format!("{singular} on {item}")
            };
            out.push((name, start..start + item.len()));
        }
        if next.is_none() {
            break;
        }
        at += len + skip;
    }
    out
}

/// Openers of a sentence that lists what the sentence (or the paragraph) before adopted: "These
/// included the terms of reference for …".
const LIST_ANAPHORS: &[&str] = &[
    "These included ",
    "These include ",
    "They included ",
    "They include ",
    "Among them ",
    "Among these ",
    "These were ",
    "These are ",
];

/// Words between a document's head and its title: "a working paper entitled Harbour Drill".
const TITLE_CUES: &[&str] = &["titled", "entitled", "themed", "called"];

/// Heads beside [`DOCUMENT_HEADS`] that a title may follow.
const TITLED_HEADS: &[&str] = &["working paper", "declaration"];

/// Quotes a title may stand in, opening and closing.
const TITLE_QUOTES: &[(char, char)] = &[('“', '”'), ('"', '"'), ('‘', '’')];

/// Documents named by a title after their head ("the Joint Declaration themed “Safe Harbours,
/// Shared Future”", "a working paper entitled Harbour Drill"): the head as written, then the
/// title in quotes.
pub fn titled(text: &str) -> Vec<Document> {
    let mut out = Vec::new();
    for (range, sentence) in sentences(text) {
        let lower = sentence.to_lowercase();
        if lower.len() != sentence.len() {
            continue;
        }
        // Where the heads read end: "Joint Declaration themed …" is read once, by its longest.
        let mut taken: Vec<usize> = Vec::new();
        for head in DOCUMENT_HEADS.iter().chain(TITLED_HEADS) {
            for (at, _) in lower.match_indices(head) {
                if taken.contains(&(at + head.len())) {
                    continue;
                }
                let after = &lower[at + head.len()..];
                let Some(cue) = TITLE_CUES.iter().find(|c| {
                    after
                        .strip_prefix(' ')
                        .is_some_and(|a| a.starts_with(&format!("{c} ")))
                }) else {
                    continue;
                };
                let from = at + head.len() + 1 + cue.len() + 1;
                let rest = &sentence[from..];
                let title = match TITLE_QUOTES.iter().find(|(o, _)| rest.starts_with(*o)) {
                    Some(&(open, close)) => rest[open.len_utf8()..]
                        .split(close)
                        .next()
                        .filter(|t| !t.is_empty() && t.len() < rest.len() - open.len_utf8())
                        .map(|t| t.trim_end_matches([',', '.']).to_string()),
                    None => name_at(sentence, from),
                };
                let Some(title) = title.filter(|t| t.split_whitespace().count() >= 2) else {
                    continue;
                };
                let end =
                    (from + rest.find(&title).map_or(0, |k| k + title.len())).min(sentence.len());
                taken.push(at + head.len());
                out.push(Document {
                    name: format!("{} “{title}”", &sentence[at..at + head.len()]),
                    range: range.start + at..range.start + end,
                    sentence: range.clone(),
                });
            }
        }
    }
    out
}

/// Counts before a plural head that say how many documents a name lists ("two joint statements
/// on A and B").
const COUNTS: &[(&str, usize)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("2", 2),
    ("3", 3),
    ("4", 4),
];

/// Where a counted name's list of topics is cut into items.
const TOPIC_SEPARATORS: &[&str] = &[", and ", " and ", ", "];

/// A document whose name is a counted plural head and its topics ("two joint statements on
/// Confidence-Building Measures and Counter-Terrorism", in `text`) is that many documents, one per
/// topic ("Joint statement on Confidence-Building Measures", …); any other is itself.
pub fn counted(d: Document, text: &str) -> Vec<Document> {
    let count = text[..d.range.start]
        .split_whitespace()
        .next_back()
        .and_then(|w| COUNTS.iter().find(|(c, _)| w.eq_ignore_ascii_case(c)))
        .map(|&(_, n)| n);
    let lower = d.name.to_lowercase();
    // Counted papers are read by [`papers_listed`].
    let split = DOCUMENT_HEADS
        .iter()
        .filter(|h| h.ends_with('s') && !PAPERS.iter().any(|(p, _)| p == *h))
        .find_map(|h| Some((h, lower.strip_prefix(h)?.strip_prefix(" on ")?)))
        .map(|(h, _)| {
            let topics = &d.name[h.len() + " on ".len()..];
            let mut items = vec![topics.to_string()];
            for sep in TOPIC_SEPARATORS {
                items = items
                    .iter()
                    .flat_map(|i| i.split(sep).map(str::to_string).collect::<Vec<_>>())
                    .collect();
            }
            (&d.name[..h.len() - 1], items)
        });
    match (count, split) {
        (Some(n), Some((head, items)))
            if items.len() == n && items.iter().all(|i| !i.trim().is_empty()) =>
        {
            items
                .into_iter()
                .map(|item| Document {
                    name: format!("{head} on {}", item.trim()),
                    ..d.clone()
                })
                .collect()
        }
        _ => vec![d],
    }
}

/// A document named in a text: its name and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub range: Range<usize>,
    /// The sentence that names it.
    pub sentence: Range<usize>,
}

/// Every document named in `text` by a sentence with an adoption verb, left to right.
pub fn documents(text: &str) -> Vec<Document> {
    let mut out: Vec<Document> = Vec::new();
    // A paragraph opening with "These included" lists what the paragraph before adopted.
    let mut verb_before = true;
    for (range, sentence) in sentences(text) {
        let lower = sentence.to_ascii_lowercase();
        let own_verb = lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| ADOPTION_VERBS.contains(&w));
        // "They adopted three documents. These included …": the list goes with the verb before.
        let has_verb =
            own_verb || verb_before && LIST_ANAPHORS.iter().any(|a| sentence.starts_with(a));
        verb_before = own_verb;
        let words: Vec<(usize, &str)> = super::text::word_offsets(sentence, sentence).collect();
        let mut i = 0;
        // The head of the lowercase document named last, which "another on …" repeats.
        let mut described_head: Option<String> = None;
        while i < words.len() {
            // "a concept document on A, and another on B": a second document of that head.
            let another = words[i].1.eq_ignore_ascii_case(ANOTHER) && has_verb;
            if let Some(head) = described_head.as_ref().filter(|_| another) {
                if let Some(to) = qualified(&words, i + 1, i + 1) {
                    let (last_at, last) = words[to - 1];
                    let about = sentence[words[i + 1].0..last_at + last.len()]
                        .trim_end_matches([',', '.', ';', ':', ')', '”', '"']);
                    let name = format!("{head} {about}");
                    if !out.iter().any(|d| d.name == name) {
                        let start = range.start + words[i].0;
                        out.push(Document {
                            range: start..range.start + last_at + last.len(),
                            name,
                            sentence: range.clone(),
                        });
                    }
                    i = to;
                    continue;
                }
            }
            let Some(n) = head_at(&words, i) else {
                i += 1;
                continue;
            };
            let head = words[i..i + n]
                .iter()
                .map(|(_, w)| bare(w).to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            let mentioned = MENTIONED_HEADS.contains(&head.as_str());
            if !has_verb && !mentioned {
                i += n;
                continue;
            }
            let around = name_around(&words, i, i + n)
                .map(|(from, to)| (from, qualified(&words, i + n, to).unwrap_or(to)));
            let lowercase = if around.is_none() && has_verb {
                described(&words, i, i + n)
            } else {
                None
            };
            if lowercase.is_some() {
                described_head = Some(
                    words[i..i + n]
                        .iter()
                        .map(|(_, w)| bare(w))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            let named = around
                .or(lowercase)
                .filter(|&(from, to)| has_verb || mentioned_name(&words[from..to]));
            if let Some((from, to)) = named {
                let start = words[from].0;
                let (last_at, last) = words[to - 1];
                let end = last_at + last.len();
                let mut name = unquoted(&sentence[start..end])
                    .trim_end_matches([',', '.', ';', ':', ')', '”', '"'])
                    .trim_start_matches(['(', '“', '"'])
                    .replace(['“', '”', '"'], "");
                // "… Meeting (HCM)": the bracket the trim took is closed again.
                if name.matches('(').count() > name.matches(')').count() {
                    name.push(')');
                }
                // "the Guidelines for X between Military Aircraft framework": a lowercase head
                // after a name read already is none of its own.
                let at = range.start + start..range.start + start + name.len();
                let overlaps = |d: &Document| d.range.start < at.end && at.start < d.range.end;
                if !out.iter().any(|d| d.name == name || overlaps(d)) {
                    out.push(Document {
                        range: at,
                        name,
                        sentence: range.clone(),
                    });
                }
                i = to.max(i + 1);
            } else {
                i += n;
            }
        }
        if has_verb {
            let items = listed(sentence)
                .into_iter()
                .chain(named_list(sentence))
                .map(|r| (sentence[r.clone()].to_string(), r, false))
                .chain(
                    papers_listed(sentence)
                        .into_iter()
                        .map(|(n, r)| (n, r, true)),
                );
            for (name, item, paper) in items {
                let start = range.start + item.start;
                let end = range.start + item.end;
                // An item holds the document read above in part ("Concept Paper on X" of
                // "Concept Paper on X from a Y Perspective"): the item names it in full. One
                // of several papers stands for what was read across it ("concept papers on A
                // and on B" as one, "‘B’" alone).
                out.retain(|d| {
                    let inside = d.range.start >= start && d.range.end <= end;
                    let overlaps = d.range.start < end && start < d.range.end;
                    !(inside || paper && overlaps)
                });
                if out
                    .iter()
                    .any(|d| d.range.start < end && start < d.range.end)
                {
                    continue;
                }
                out.push(Document {
                    name,
                    range: start..end,
                    sentence: range.clone(),
                });
            }
        }
    }
    for (range, sentence) in sentences(text) {
        for (name, at) in quoted_names(sentence) {
            let start = range.start + at.start;
            let end = range.start + at.end;
            if !out
                .iter()
                .any(|d| d.range.start < end && start < d.range.end)
            {
                out.push(Document {
                    name,
                    range: start..end,
                    sentence: range.clone(),
                });
            }
        }
    }
    out.sort_by_key(|d| d.range.start);
    out
}

/// Single quotation marks a name may be written between ("the 'Harbour Safety Initiative'").
const SINGLE_QUOTES: &[char] = &['\'', '‘', '’'];

/// A name without the single quotation marks it opens with and the ones (and full stop) that
/// close it; a name opening without one keeps its last "'" (a plural's possessive: "Ministers'").
fn unquoted(name: &str) -> &str {
    match name.strip_prefix(SINGLE_QUOTES) {
        Some(inner) => {
            inner.trim_end_matches(|c: char| SINGLE_QUOTES.contains(&c) || ",.;:".contains(c))
        }
        None => name,
    }
}

/// Heads after a quoted name that make it an initiative's, wherever it stands: the “Our
/// Eyes” initiative, the "One Harbour, One Response" concept.
const QUOTED_NAME_HEADS: &[&str] = &[
    "initiative",
    "concept",
    "programme",
    "program",
    "plan",
    "vision",
    "strategy",
    "framework",
    "principles",
    "policy",
];

/// Quote marks around such a name, opening and closing.
const QUOTES: &[(char, char)] = &[('“', '”'), ('"', '"')];

/// The most words a quoted name holds (more is a quoted sentence).
const MAX_QUOTED_WORDS: usize = 8;

/// Names quoted and followed by a head of [`QUOTED_NAME_HEADS`]: the name without its quote
/// marks, with the head ("Harbour Eyes initiative"), and its bytes in `sentence`.
fn quoted_names(sentence: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for (open, close) in QUOTES {
        let mut from = 0;
        while let Some(o) = sentence[from..].find(*open).map(|i| from + i) {
            let inner_at = o + open.len_utf8();
            let Some(c) = sentence[inner_at..].find(*close).map(|i| inner_at + i) else {
                break;
            };
            from = c + close.len_utf8();
            let inner = sentence[inner_at..c].trim();
            let words = inner.split_whitespace().count();
            if words == 0
                || words > MAX_QUOTED_WORDS
                || !inner.starts_with(char::is_uppercase)
                || inner.ends_with(['.', '!', '?'])
            {
                continue;
            }
            let Some(head) = sentence[from..].split_whitespace().next().map(bare) else {
                continue;
            };
            if !QUOTED_NAME_HEADS.contains(&head.to_ascii_lowercase().as_str()) {
                continue;
            }
            let end = from + sentence[from..].find(head).unwrap_or(0) + head.len();
            out.push((format!("{inner} {head}"), o..end));
        }
    }
    out
}

/// The names listed after [`NAMED_LIST_CUES`]: each item opening with a capitalised name of two
/// words at least, up to the first item that does not ("… and to deepen ties").
fn named_list(sentence: &str) -> Vec<Range<usize>> {
    let lower = sentence.to_ascii_lowercase();
    let Some(mut at) = NAMED_LIST_CUES
        .iter()
        .find_map(|c| lower.find(c).map(|i| i + c.len()))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    loop {
        let rest = &sentence[at..];
        let skip = rest.len() - rest.trim_start_matches("the ").len();
        // In a list, " and " ends an item.
        let Some(name) = name_at(sentence, at + skip)
            .map(|n| n.split(" and ").next().unwrap_or_default().to_string())
        else {
            break;
        };
        let name_at_byte = at + skip + sentence[at + skip..].find(name.as_str()).unwrap_or(0);
        if name_at_byte != at + skip || name.split_whitespace().count() < 2 {
            break;
        }
        let end = name_at_byte + name.len();
        out.push(name_at_byte..end);
        let Some(next) = LIST_SEPARATORS
            .iter()
            .find(|s| sentence[end..].starts_with(**s))
        else {
            break;
        };
        at = end + next.len();
    }
    out
}

/// The items of a list of documents after a colon ("agreed on the following documents: A; B;
/// C, and discussed …"): each capitalised item of [`MIN_LIST_ITEM_WORDS`] words or more, as
/// byte ranges of `sentence`.
fn listed(sentence: &str) -> Vec<Range<usize>> {
    let Some(colon) = sentence.find(':') else {
        return Vec::new();
    };
    let before = sentence[..colon].to_ascii_lowercase();
    let cue_at = before.len().saturating_sub(LIST_CUE_SPAN);
    let cued = LIST_CUES
        .iter()
        .any(|c| before.get(cue_at..).is_some_and(|b| b.contains(c)));
    if !cued {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = colon + 1;
    for part in sentence[colon + 1..].split_inclusive(';') {
        let part_at = at;
        at += part.len();
        let mut item = part.trim_end_matches(';');
        if let Some(cut) = LIST_ITEM_ENDS.iter().filter_map(|e| item.find(e)).min() {
            item = &item[..cut];
        }
        let lead = item.len() - item.trim_start().len();
        let item = item
            .trim()
            .trim_start_matches("and ")
            .trim_end_matches(['.', ',']);
        let words = item.split_whitespace().count();
        if !item.starts_with(char::is_uppercase)
            || !(MIN_LIST_ITEM_WORDS..=MAX_NAME_WORDS).contains(&words)
        {
            continue;
        }
        let start = part_at + lead + part.trim_start().find(item).unwrap_or(0);
        out.push(start..start + item.len());
    }
    out
}

/// Whether words named without an adoption verb are a document's name: capitalised, opened by
/// no determiner, [`MIN_MENTIONED_WORDS`] at least or ending in a year or a version.
fn mentioned_name(words: &[(usize, &str)]) -> bool {
    let first = words.first().map_or("", |(_, w)| bare(w));
    let numbered = words
        .last()
        .is_some_and(|(_, w)| bare(w).starts_with(|c: char| c.is_ascii_digit()));
    (words.len() >= MIN_MENTIONED_WORDS || numbered && words.len() >= 2)
        && first.starts_with(char::is_uppercase)
        && !NOT_NAME_OPENERS.contains(&first.to_ascii_lowercase().as_str())
}

/// The number of words of a document head starting at word `i`, if one does.
fn head_at(words: &[(usize, &str)], i: usize) -> Option<usize> {
    DOCUMENT_HEADS
        .iter()
        .chain(UNDESCRIBED_HEADS)
        .find_map(|head| {
            let parts: Vec<&str> = head.split(' ').collect();
            let fits = parts.iter().enumerate().all(|(k, p)| {
                words
                    .get(i + k)
                    .is_some_and(|(_, w)| bare(w).eq_ignore_ascii_case(p))
            });
            fits.then_some(parts.len())
        })
}

/// Whether a word closes a name: a comma, a full stop, a bracket or a quote after it.
fn closes(w: &str) -> bool {
    w.ends_with([',', '.', ';', ':', ')', '”', '"'])
}

/// Words that join the last item of a lowercase enumeration ("chemical, biological and
/// radiological threats").
const ENUMERATION_JOINERS: &[&str] = &["and", "or"];

/// The most words from a comma to the joiner of a lowercase enumeration it opens.
const ENUMERATION_WORDS: usize = 4;

/// Whether the comma ending word `at` opens more items of a lowercase enumeration ("countering
/// chemical, biological and radiological threats"), not a clause: lowercase words (commas
/// between them) up to "and" or "or" and a lowercase word after it.
fn enumeration_goes_on(words: &[(usize, &str)], at: usize) -> bool {
    let lower = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    if !words[at].1.ends_with(',') || !lower(words[at].1.trim_end_matches(',')) {
        return false;
    }
    for k in at + 1..(at + 1 + ENUMERATION_WORDS).min(words.len()) {
        let w = words[k].1;
        if ENUMERATION_JOINERS.contains(&w) {
            return k > at + 1 && words.get(k + 1).is_some_and(|(_, n)| lower(bare(n)));
        }
        if !lower(w.trim_end_matches(',')) {
            return false;
        }
    }
    false
}

/// Whether a word is a year or a span of years ("2040", "2024-2032").
fn is_years(word: &str) -> bool {
    word.len() >= 4
        && word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
}

/// A lowercase document told by what follows its head at words `from..to`: "a concept document
/// on enhancing …", "the draft joint statements of the 9th AHCM", "the terms of reference for
/// …"; its modifiers before ("draft", "three-year") go with it.
fn described(words: &[(usize, &str)], from: usize, to: usize) -> Option<(usize, usize)> {
    let head = words[from..to]
        .iter()
        .map(|(_, w)| bare(w))
        .collect::<Vec<_>>()
        .join(" ");
    let told = DESCRIBED_BY
        .iter()
        .any(|(h, by)| *h == head && words.get(to).is_some_and(|(_, w)| by.contains(w)));
    let undescribed = UNDESCRIBED_HEADS.contains(&head.as_str()) && !told;
    if undescribed || !head.starts_with(char::is_lowercase) {
        return None;
    }
    let mut start = from;
    while start > 0 {
        let w = bare(words[start - 1].1);
        if closes(words[start - 1].1)
            || !(DESCRIBED_MODIFIERS.contains(&w) || w.ends_with(YEARS_MODIFIER_END))
        {
            break;
        }
        start -= 1;
    }
    Some((start, qualified(words, to, to)?))
}

/// The end of what a document is about, after its name ends at word `to`: "on …", "of …"
/// up to a clause, the next list item or the sentence's end; `None` when nothing such follows
/// or it says too little.
fn qualified(words: &[(usize, &str)], head_end: usize, to: usize) -> Option<usize> {
    if to != head_end || closes(words[to - 1].1) {
        return None;
    }
    let first = words.get(to)?.1;
    if !QUALIFIERS.contains(&first) {
        return None;
    }
    let opener = words.get(to + 1).map(|(_, w)| bare(w).to_ascii_lowercase());
    // "a concept paper on this forum", "… on their establishment": no document in particular.
    if opener.is_some_and(|o| {
        DEICTIC_OPENERS.contains(&o.as_str()) || POSSESSIVE_OPENERS.contains(&o.as_str())
    }) {
        return None;
    }
    // "a joint declaration on Wednesday", "… for the 2024-2027 period": when it comes or runs,
    // not what it is about.
    let the_years = words
        .get(to + 1)
        .is_some_and(|(_, w)| bare(w).eq_ignore_ascii_case("the"))
        && words.get(to + 2).is_some_and(|(_, w)| is_years(bare(w)));
    if the_years || words.get(to + 1).is_some_and(|(_, w)| is_day_or_month(w)) {
        return None;
    }
    let mut end = to + 1;
    while end < words.len() && end - to <= MAX_QUALIFIER_WORDS {
        let w = words[end].1;
        let b = bare(w).to_ascii_lowercase();
        // "… and the next item", and "… for the ADMM and build …": after a name, "and" and a
        // lowercase word start a clause of their own.
        let next = words.get(end + 1).map_or("", |(_, n)| bare(n));
        let after_name = end > to + 1 && {
            let prev = bare(words[end - 1].1);
            prev.starts_with(char::is_uppercase) || is_years(prev)
        };
        // "… on climate change and discussing …": "and" before a verb in "-ing" starts a clause.
        let next_item = b == "and"
            && (NEXT_ITEM.contains(&next.to_ascii_lowercase().as_str())
                || (after_name && next.starts_with(char::is_lowercase))
                || next.len() > GERUND_END.len() + 2 && next.ends_with(GERUND_END));
        // "… of the Harbour Chiefs' Meeting (HCM) and …": an acronym in brackets goes on.
        let acronym = w.starts_with('(')
            && bare(w).len() >= 2
            && bare(w).chars().all(|c| c.is_ascii_uppercase() || c == '-');
        // "… on harbour safety in April 2026": when, not what about.
        let time = b == "in" && (is_day_or_month(next) || is_years(next));
        let stop =
            QUALIFIER_STOPS.contains(&b.as_str()) || CLAUSE_PARTICIPLES.contains(&b.as_str());
        if stop || time || next_item || (w.starts_with('(') && !acronym) {
            break;
        }
        end += 1;
        if closes(w) && !enumeration_goes_on(words, end - 1) {
            break;
        }
    }
    let connector = |w: &str| NAME_CONNECTORS.contains(&bare(w).to_ascii_lowercase().as_str());
    while end > to + 1 && connector(words[end - 1].1) {
        end -= 1;
    }
    let own = &words[to + 1..end];
    let content = own.iter().filter(|(_, w)| !connector(w)).count();
    // A capitalised word or a year tells which ("the work plan for 2021-2022").
    let capital = own.iter().any(|(_, w)| {
        let b = bare(w);
        b.starts_with(|c: char| c.is_uppercase()) || is_years(b)
    });
    // "proposals to deepen cooperation": a verb and a bond between states tell nothing in
    // particular.
    let generic = !capital
        && content <= MIN_QUALIFIER_WORDS
        && own
            .last()
            .is_some_and(|(_, w)| BONDS.contains(&bare(w).to_ascii_lowercase().as_str()));
    (!generic && (content >= MIN_QUALIFIER_WORDS || (capital && content >= 1))).then_some(end)
}

/// The connector before a place, which ends a document's name when a known place follows.
const PLACE_LEAD: &str = "in";

/// Words for a bond between states, which said alone after a document's head name no document:
/// "proposals to deepen cooperation", "a plan for closer ties".
const BONDS: &[&str] = &[
    "cooperation",
    "collaboration",
    "ties",
    "relations",
    "relationship",
    "partnership",
    "engagement",
];

/// The capitalised run around a head at words `from..to`: left over capitalised words and
/// connectors, right over the same and years ("2024-2032"); `None` when the head and the words
/// around it are lowercase ("a joint statement").
fn name_around(words: &[(usize, &str)], from: usize, to: usize) -> Option<(usize, usize)> {
    let capital = |w: &str| bare(w).starts_with(|c: char| c.is_uppercase());
    // Years ("2024-2032") and ordinals ("the 15th Anniversary") go on a name.
    // Versions ("Vision 2.0") too.
    let year = |w: &str| {
        let b = bare(w);
        let version = b.contains('.')
            && b.starts_with(|c: char| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit() || c == '.');
        version
            || is_years(b)
            || super::spans::ordinal(b).is_some_and(|_| b.starts_with(|c: char| c.is_ascii_digit()))
    };
    let connector = |w: &str| NAME_CONNECTORS.contains(&bare(w).to_ascii_lowercase().as_str());
    let ends = |w: &str| w.ends_with([',', '.', ';', ':', ')', '”', '"']);
    let run_left = |mut start: usize| {
        while start > 0 {
            let w = words[start - 1].1;
            if ends(w) || !(capital(w) || year(w)) || preamble_word(w) {
                break;
            }
            start -= 1;
        }
        start
    };
    let mut start = run_left(from);
    // "Ready Harbours: A Strategy Paper": a title before a colon, the subtitle after it.
    let subtitle = (start == from
        || (start + 1 == from && SUBTITLE_ARTICLES.contains(&words[start].1)))
        && start > 0
        && words[start - 1].1.ends_with(':')
        && capital(words[start - 1].1);
    if subtitle {
        // The title runs over connectors too ("Ready Harbours and Lagoons:").
        start -= 1;
        while start > 0 {
            let w = words[start - 1].1;
            if ends(w) || !(capital(w) || year(w) || connector(w)) {
                break;
            }
            start -= 1;
        }
    }
    let mut end = to;
    if !ends(words[to - 1].1) {
        while end < words.len() && end - start < MAX_NAME_WORDS {
            let w = words[end].1;
            // "… Review (PR) of the Harbour Plan": an acronym in brackets inside the name.
            if inner_acronym(words, end) {
                end += 1;
                continue;
            }
            // "… Plan under the Harbour Vision 2040": a name that goes on after a preposition.
            if let Some(n) = joined_name(words, end) {
                end += n;
                continue;
            }
            // "… and the Guidelines for …": the next document starts.
            // "… (COC)": an acronym in brackets is no word of the name.
            if next_document(words, end) {
                break;
            }
            if w.starts_with('(') {
                break;
            }
            // "… on Harbour Safety on Thursday": a day or a month after the name is its date.
            if is_day_or_month(w) {
                break;
            }
            // "… Guidelines in Hue": where it was adopted, no part of its name.
            if bare(w) == PLACE_LEAD {
                let next: Vec<&str> = words[end + 1..].iter().take(3).map(|(_, w)| *w).collect();
                if super::text::opens_with_known_place(&next) {
                    break;
                }
            }
            if capital(w) || year(w) || (connector(w) && !ends(w)) {
                end += 1;
                // "… on Women, Peace and Security.": capitalised items joined by "and" go on.
                if let Some(n) = capital_enumeration(words, end - 1) {
                    end += n;
                    break;
                }
                if ends(w) {
                    break;
                }
            } else {
                break;
            }
        }
    }
    // "… Work Plan for the 2024-2027 period": the years after "<connector> the" are its time,
    // no part of its name.
    if end >= to + 3
        && is_years(bare(words[end - 1].1))
        && bare(words[end - 2].1).eq_ignore_ascii_case("the")
        && connector(words[end - 3].1)
    {
        end -= 3;
    }
    // No trailing connectors ("… Paper on the"), no leading article ("The ASEAN Navies Roadmap").
    while end > to && connector(words[end - 1].1) {
        end -= 1;
    }
    while start < from && connector(words[start].1) {
        start += 1;
    }
    // A capitalised head with words of its own ("Concept Paper on …", "Navy Road Map"), or
    // capitalised words before a lowercase one ("Phnom Penh vision"); a head alone ("Joint
    // Statement", "Framework") names no document in particular.
    let head_capital = capital(words[from].1);
    let own_words = start < from || end > to;
    // "Australia's proposals": a possessor alone before a lowercase head names none.
    let possessor_alone = !head_capital
        && end == to
        && words[start..from]
            .iter()
            .all(|(_, w)| w.ends_with("'s") || w.ends_with("’s"));
    ((head_capital || start < from) && own_words && !possessor_alone).then_some((start, end))
}

/// Whether a word is a weekday's or a month's name: a date, no part of a document's name.
/// A declaration's preamble word in capitals ("RECALLING the Bali Declaration …"), or one run
/// into the next word as pasted text may have it ("RECALLINthe …"): no word of a name.
fn preamble_word(word: &str) -> bool {
    let b = bare(word);
    let upper = b.chars().take_while(char::is_ascii_uppercase).count();
    let rest = &b[upper..];
    let run_into = upper >= 3 && rest.len() >= 2 && rest.chars().all(|c| c.is_ascii_lowercase());
    run_into || PREAMBLE_WORDS.contains(&b)
}

/// Words opening the clauses of a declaration's preamble and operative part, in capitals.
const PREAMBLE_WORDS: &[&str] = &[
    "RECALLING",
    "NOTING",
    "REAFFIRMING",
    "COGNISANT",
    "COGNIZANT",
    "ACKNOWLEDGING",
    "RECOGNISING",
    "RECOGNIZING",
    "WELCOMING",
    "DESIRING",
    "CONVINCED",
    "MINDFUL",
    "EMPHASISING",
    "EMPHASIZING",
    "STRESSING",
    "UNDERLINING",
    "EXPRESSING",
    "CONSCIOUS",
    "HEREBY",
];

/// Whether a word is a weekday's or a month's name ("Tuesday", "March").
pub(super) fn is_day_or_month(word: &str) -> bool {
    let b = bare(word).to_ascii_lowercase();
    super::fields::is_weekday(&b) || MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(&b))
}

/// The most capitalised words between the comma and "and" of an enumeration in a name.
const NAME_ENUMERATION_WORDS: usize = 3;

/// The words of a capitalised enumeration a name's word `at` opens with its comma, up to the end
/// of the sentence or clause ("Women, Peace and Security."): capitalised words, commas between
/// them, then "and" and one capitalised word that ends the name; none holds a document's head.
fn capital_enumeration(words: &[(usize, &str)], at: usize) -> Option<usize> {
    if !words[at].1.ends_with(',') {
        return None;
    }
    let capital = |w: &str| bare(w).starts_with(|c: char| c.is_uppercase());
    let mut k = at + 1;
    while k < words.len() && k - at <= NAME_ENUMERATION_WORDS {
        let w = words[k].1;
        if w == "and" {
            let last = words.get(k + 1)?.1;
            let ends_name = k + 2 == words.len() || closes(last);
            let items = at + 1..k + 2;
            return (k > at + 1
                && capital(last)
                && ends_name
                && items.clone().all(|i| head_at(words, i).is_none()))
            .then_some(items.len());
        }
        if !capital(w) || w.ends_with(['.', ';', ':', ')']) {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether word `k` is "and" before the next document or a meeting: "and (the) Harbour
/// Protocol …", a capitalised run after it that holds a document's head; "and the ASEAN Navy
/// Chiefs' Meeting", one that is a meeting's name.
fn next_document(words: &[(usize, &str)], k: usize) -> bool {
    if bare(words[k].1) != "and" {
        return false;
    }
    let mut i = k + 1;
    if words
        .get(i)
        .is_some_and(|(_, w)| matches!(bare(w), "the" | "a" | "an"))
    {
        i += 1;
    }
    let first = i;
    let meeting = |to: usize| {
        let run: Vec<&str> = words[first..to].iter().map(|(_, w)| *w).collect();
        to > first && super::spans::is_meeting_name(&run.join(" "))
    };
    while let Some((_, w)) = words.get(i) {
        if head_at(words, i).is_some() {
            return true;
        }
        if !bare(w).starts_with(char::is_uppercase) {
            return meeting(i);
        }
        if w.ends_with([',', '.', ';', ':']) {
            return meeting(i + 1);
        }
        i += 1;
    }
    meeting(i)
}

/// Whether word `k` is an acronym in brackets with the name going on after it: "(PR) of the
/// Harbour Plan", a connector then a capitalised word (after "the").
fn inner_acronym(words: &[(usize, &str)], k: usize) -> bool {
    let w = words[k].1;
    let acronym = w.starts_with('(')
        && w.ends_with(')')
        && bare(w).len() >= 2
        && bare(w).chars().all(|c| c.is_ascii_uppercase() || c == '-');
    let goes_on = words.get(k + 1).is_some_and(|(_, c)| {
        matches!(bare(c), "of" | "on" | "for" | "in") && !c.ends_with([',', '.', ';', ':'])
    });
    let then = words
        .get(k + 2)
        .map(|(_, n)| *n)
        .filter(|n| bare(n) != "the")
        .or_else(|| words.get(k + 3).map(|(_, n)| *n));
    acronym && goes_on && then.is_some_and(|n| bare(n).starts_with(char::is_uppercase))
}

/// The words a name goes on with after a preposition of [`JOINING_PREPOSITIONS`] at word `k`:
/// the preposition, "the", and at least two capitalised words (years among them), none a
/// possessive ("under Harbour's chairmanship" is no part of a name) nor closing early.
fn joined_name(words: &[(usize, &str)], k: usize) -> Option<usize> {
    if !JOINING_PREPOSITIONS.contains(&words[k].1) {
        return None;
    }
    let mut n = 1;
    if words.get(k + n).is_some_and(|(_, w)| *w == "the") {
        n += 1;
    }
    let first = k + n;
    let mut capitals = 0;
    while let Some((_, w)) = words.get(k + n) {
        let b = bare(w);
        let capital = b.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !capital || b.ends_with("'s") || b.ends_with("’s") || w.ends_with('\'') {
            break;
        }
        capitals += 1;
        n += 1;
        if w.ends_with([',', '.', ';', ':', ')', '”', '"']) {
            break;
        }
    }
    (capitals >= 2 && k + n > first).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Phrasing classes met in real statements, in sentences of our own.
    #[test]
    fn document_rows() {
        let rows: &[(&str, &[&str])] = &[
            // a concept paper adopted, its name running over connectors
            (
                "The ministers adopted the Concept Paper on the Establishment of a Logistics Support Network.",
                &["Concept Paper on the Establishment of a Logistics Support Network"],
            ),
            // a place-named declaration signed
            (
                "They signed the Harbour City Joint Declaration on Regional Resilience and noted two reports.",
                &["Harbour City Joint Declaration on Regional Resilience"],
            ),
            // a road map with its years, endorsed
            (
                "The chiefs endorsed the Navy Road Map 2024-2032 at the close.",
                &["Navy Road Map 2024-2032"],
            ),
            // two documents in one sentence
            (
                "The meeting approved the Work Plan of the Ready Group and the Guidelines for Maritime Interaction.",
                &["Work Plan of the Ready Group", "Guidelines for Maritime Interaction"],
            ),
            // a lowercase enumeration in what a proposal is about goes on past its commas; a
            // clause after a comma does not
            (
                "The ministers welcomed a proposal to host a seminar on countering chemical, biological and radiological threats, which will meet next year.",
                &["proposal to host a seminar on countering chemical, biological and radiological threats"],
            ),
            // "and another on …" after a lowercase document: one more of the same head
            (
                "The session looked into a concept document on harbour safety training and another on the establishment of ties among harbour academies.",
                &[
                    "concept document on harbour safety training",
                    "concept document on the establishment of ties among harbour academies",
                ],
            ),
            // a lowercase document told by the years it is for
            (
                "The officers discussed updating the harbour chiefs' work plan for 2027-2028.",
                &["work plan for 2027-2028"],
            ),
            // a proposal the meeting supported, with who made it and what it is for
            (
                "All ministers supported the proposal of the Harbour Minister for joint coastal drills.",
                &["proposal of the Harbour Minister for joint coastal drills"],
            ),
            // several papers adopted at once: one per item of the list after them ("namely",
            // "one on … and the other on …", "on … and on …", "including")
            (
                "The chiefs adopted three concept papers, namely setting up a harbour pilots' exchange, the creation of a river safety desk and a coastal survey network.",
                &[
                    "Concept paper on setting up a harbour pilots' exchange",
                    "Concept paper on the creation of a river safety desk",
                    "Concept paper on a coastal survey network",
                ],
            ),
            (
                "The ministers will adopt two concept papers, one on ‘Harbour Pilot Exchanges’ and the other on ‘River Patrol Rules’.",
                &[
                    "Concept paper on Harbour Pilot Exchanges",
                    "Concept paper on River Patrol Rules",
                ],
            ),
            (
                "Officials endorsed concept papers on harbour pilot exchanges and on river patrol rules.",
                &[
                    "Concept paper on harbour pilot exchanges",
                    "Concept paper on river patrol rules",
                ],
            ),
            (
                "They approved several concept notes, including the Harbour Work Programme 2027-2029 and the Review of River Patrols, which run to 2029.",
                &["Harbour Work Programme 2027-2029", "Review of River Patrols"],
            ),
            // … but " and " before no new item stays inside one
            (
                "They adopted concept papers, namely the pooling of tugs and pilots, the river desk.",
                &["Concept paper on the pooling of tugs and pilots", "Concept paper on the river desk"],
            ),
            // lowercase document words, or a head alone: no name
            ("They adopted a joint statement at the end.", &[]),
            // a "for …" part pointing back ("for this …") names no document in particular
            (
                "The ministers endorsed the Concept Note for this proposed harbour forum.",
                &[],
            ),
            ("They approved the Joint Statement of the meeting.", &[]),
            // an ordinal inside the name
            (
                "They issued the Capital Declaration in Commemoration of the 15th Anniversary of the Forum.",
                &["Capital Declaration in Commemoration of the 15th Anniversary of the Forum"],
            ),
            // no adoption verb: a document only mentioned
            ("The Concept Paper was printed in blue.", &[]),
            // ... unless its head names a document wherever it stands
            (
                "Ties grew under the Harbour Vision 2040 and the “Lagoon Outlook on the Sea”; our vision is wide.",
                &["Harbour Vision 2040", "Lagoon Outlook on the Sea"],
            ),
            ("The Vision was printed in blue.", &[]),
            // a joint statement or a concept paper named in full is one wherever it stands
            // ("the drill realised the Joint Statement on …"), not one named by its head alone
            (
                "The drill realised the Joint Statement by the Harbour Chiefs on Diving Safety.",
                &["Joint Statement by the Harbour Chiefs on Diving Safety"],
            ),
            ("The Joint Statement was printed in blue.", &[]),
            // a quoted name before an initiative's head, with or without a verb; a quote
            // before another word names none
            (
                "The bloc took up the “Harbour Eyes” initiative and the \"One Port, One Plan\" concept.",
                &["Harbour Eyes initiative", "One Port, One Plan concept"],
            ),
            ("He called it “Safe Ports for All” at the close.", &[]),
            // a programme or a patrol named in capitals and launched or endorsed
            (
                "They launched the Trilateral River Patrol (TRP) and endorsed the Harbour Fellowship Programme.",
                &["Trilateral River Patrol", "Harbour Fellowship Programme"],
            ),
            ("They serve the Lagoon Vision for peace and the Lagoon Vision 2.0 alike.", &["Lagoon Vision 2.0"]),
            // "gave opinions on" a capitalised document with what it is about; a lowercase one
            // keeps the acronym in brackets after the body it belongs to
            (
                "Delegates gave opinions on two drafts: the Harbour Vision on the role of navies in disaster relief, and the draft joint statements of the Harbour Chiefs' Meeting (HCM).",
                &[
                    "Harbour Vision on the role of navies in disaster relief",
                    "draft joint statements of the Harbour Chiefs' Meeting (HCM)",
                ],
            ),
            // "updates on" work plans
            (
                "Updates on the work plans of the river safety panels for 2026 - 2028 were given.",
                &["work plans of the river safety panels for 2026 - 2028"],
            ),
            // an acronym in brackets inside a name that goes on with "of the"
            (
                "The ministers noted the Mid-Term Review (MTR) of the Harbour Work Plan and closed.",
                &["Mid-Term Review (MTR) of the Harbour Work Plan"],
            ),
            // a name going on after "under" and "against", not after a possessive
            (
                "They adopted the Joint Statement on the Harbour Strategic Plan under the Lagoon Community Vision 2040.",
                &["Joint Statement on the Harbour Strategic Plan under the Lagoon Community Vision 2040"],
            ),
            (
                "They issued the Joint Statement on Cooperation against Disease Outbreaks at sea, and the Work Plan on Divers under Lagoon's chairmanship.",
                &["Joint Statement on Cooperation against Disease Outbreaks", "Work Plan on Divers"],
            ),
            // a title before a colon and its subtitle
            (
                "They endorsed the Harbour Protocol, Ready Harbours and Lagoons: A Strategy Paper, and a vision.",
                &["Harbour Protocol", "Ready Harbours and Lagoons: A Strategy Paper"],
            ),
            // a task force and a code named in capitals, the acronym after them left out
            (
                "They endorsed the Harbour Task Force on Search and Rescue and the Code of Harbour Conduct (CHC).",
                &["Harbour Task Force on Search and Rescue", "Code of Harbour Conduct"],
            ),
            // a list of documents after a colon, items split by semicolons
            (
                "The delegates agreed on the following documents: Draft changes to the Harbour Manual of the Lagoon Watch; Mid-Cycle Assessment of the Harbour Panels; Concept Note on River Pilots, and discussed other matters.",
                &[
                    "Draft changes to the Harbour Manual of the Lagoon Watch",
                    "Mid-Cycle Assessment of the Harbour Panels",
                    "Concept Note on River Pilots",
                ],
            ),
            // a list item that holds a shorter document name: the item names it in full
            (
                "They adopted new initiatives such as: Concept Paper on Harbour Safety from a River Perspective; Concept Paper on Pilots, as well as noted the Discussion Paper on Tugs.",
                &[
                    "Concept Paper on Harbour Safety from a River Perspective",
                    "Concept Paper on Pilots",
                    "Discussion Paper on Tugs",
                ],
            ),
            // "initiatives, namely A and B": capitalised names listed without a colon
            (
                "The ministers adopted two initiatives, namely Harbour Interaction Programme and Lagoon Logistics Framework, to deepen ties.",
                &["Harbour Interaction Programme", "Lagoon Logistics Framework"],
            ),
            // "These included …" after a sentence with an adoption verb
            (
                "The ministers adopted three documents. These included the Guidelines for Harbour Interaction to ease tensions.",
                &["Guidelines for Harbour Interaction"],
            ),
            // a thematic statement, lowercase, told by what it is on
            (
                "The officials agreed on the issue of a thematic statement on harbour epidemics, the ceremony for the tenth year of the forum and other matters.",
                &["thematic statement on harbour epidemics"],
            ),
            // a colon after other words opens no list
            (
                "The chief said: Harbour Safety Day was a success, and the ministers adopted it.",
                &[],
            ),
        ];
        for (text, want) in rows {
            let got: Vec<String> = documents(text).into_iter().map(|d| d.name).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    /// Phrasing class "a document and its title".
    #[test]
    fn titled_rows() {
        let rows: &[(&str, &[&str])] = &[
            (
                "In the Joint Declaration themed “Safe Harbours, Shared Future”, the ministers agreed.",
                &["Joint Declaration “Safe Harbours, Shared Future”"],
            ),
            (
                "The ministry said it tabled a working paper entitled Harbour Pilot Exchange that aims to help.",
                &["working paper “Harbour Pilot Exchange”"],
            ),
            ("The paper called for restraint.", &[]),
            ("The ministers signed a declaration called a milestone.", &[]),
        ];
        for (text, want) in rows {
            let got: Vec<String> = titled(text).into_iter().map(|d| d.name).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    /// Phrasing class "counted documents and their topics": one document per topic when the
    /// count says so.
    #[test]
    fn counted_rows() {
        let rows: &[(&str, &[&str])] = &[
            (
                "The meeting also adopted two joint statements on Harbour Safety and Pilot Training.",
                &["Joint statement on Harbour Safety", "Joint statement on Pilot Training"],
            ),
            (
                "The chiefs endorsed two action plans on Pilot Exchanges and Tug Sharing.",
                &["Action plan on Pilot Exchanges", "Action plan on Tug Sharing"],
            ),
            (
                "The meeting adopted joint statements on Harbour Safety and Pilot Training.",
                &["Joint statements on Harbour Safety and Pilot Training"],
            ),
            (
                "The meeting adopted two joint statements on Harbour Safety.",
                &["Joint statements on Harbour Safety"],
            ),
        ];
        for (text, want) in rows {
            let got: Vec<String> = documents(text)
                .into_iter()
                .flat_map(|d| counted(d, text))
                .map(|d| super::super::text::capitalise_first(&d.name))
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
