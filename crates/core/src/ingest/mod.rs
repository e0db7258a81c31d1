//! New statements from pasted text, Markdown or HTML → a [`Draft`] in the corpus statement format.

pub mod html;

use crate::dates::{self, Precision};
use serde::Serialize;

/// Larger inputs are refused: a press release is a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// How the input is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// As pasted from a page: a title line, paragraphs, `- ` lists, Markdown table rows.
    Text,
    /// Markdown, with or without the project's `+++` TOML front matter.
    Markdown,
    /// A saved web page.
    Html,
}

/// Values given by the person adding the statement; each one wins over what is detected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub id: Option<String>,
}

/// Why a text cannot become a statement; each message is one line for the person adding it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("the input is empty")]
    Empty,
    #[error("the input is not text (binary data or not UTF-8)")]
    Binary,
    #[error("the input is {0} bytes; at most 1 MiB is accepted")]
    TooLarge(usize),
    #[error("the input has no text paragraphs")]
    NoText,
    #[error("no title found: start the text with a title line, or give one (--title)")]
    NoTitle,
    #[error("published date {0:?} is not a date like 2024-09-03, 2024-09 or 2024")]
    BadPublished(String),
    #[error("statement id {0:?} must be lowercase letters, digits and '-' only")]
    BadId(String),
    #[error("the front matter is not valid TOML: {0}")]
    FrontMatter(String),
    #[error(transparent)]
    Html(#[from] html::HtmlError),
}

/// One paragraph of a draft, in order; headings are written as `## …`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftParagraph {
    pub text: String,
    pub heading: bool,
}

/// A statement ready to be written: detected metadata (overrides applied) and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub title: String,
    pub source: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub published: Option<String>,
    pub url: Option<String>,
    /// An id asked for (override or front matter); otherwise the caller derives one from the title.
    pub id: Option<String>,
    pub kind: Option<String>,
    pub paragraphs: Vec<DraftParagraph>,
    /// Repeated paragraphs, photo captions and page boilerplate left out.
    pub dropped: usize,
    /// What the reader should check ("no source found…").
    pub notes: Vec<String>,
}

/// Source used when neither the text nor the person names one.
pub const UNKNOWN_SOURCE: &str = "Unknown source";

/// The format from a file name or URL, else from the text itself.
pub fn detect_format(name: Option<&str>, text: &str) -> Format {
    if let Some(name) = name {
        let lower = name.to_ascii_lowercase();
        let path = lower.split(['?', '#']).next().unwrap_or("");
        if path.ends_with(".html") || path.ends_with(".htm") {
            return Format::Html;
        }
        if path.ends_with(".md") || path.ends_with(".markdown") {
            return Format::Markdown;
        }
        if path.ends_with(".txt") {
            return Format::Text;
        }
    }
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        return Format::Html;
    }
    if name.is_some_and(|n| n.starts_with("http://") || n.starts_with("https://")) {
        return Format::Html;
    }
    if head.starts_with("+++\n") || text.lines().any(|l| l.starts_with("# ")) {
        return Format::Markdown;
    }
    Format::Text
}

/// Checks raw bytes before they are read as text: empty, binary, too large.
pub fn check_bytes(bytes: &[u8]) -> Result<&str, IngestError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(IngestError::TooLarge(bytes.len()));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if bytes.contains(&0) {
        return Err(IngestError::Binary);
    }
    std::str::from_utf8(bytes).map_err(|_| IngestError::Binary)
}

/// Reads a statement from `text` as written in `format`; `overrides` win over what is detected.
pub fn draft(text: &str, format: Format, overrides: &Overrides) -> Result<Draft, IngestError> {
    check_bytes(text.as_bytes())?;
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut meta = Meta::default();
    let blocks = match format {
        // The page's main text, in the pasted form.
        Format::Html => text_blocks(&html::html_to_text(&text)?, &mut meta),
        Format::Text => text_blocks(&stamped_date(&text, &mut meta), &mut meta),
        Format::Markdown => markdown_blocks(&text, &mut meta)?,
    };
    finish(blocks, meta, overrides)
}

/// A date stamp before the text on its first line, as page copies carry it ("date 2020-01-09
/// ASEAN Defence … opens"): the published date, and the line goes on without it.
fn stamped_date<'a>(text: &'a str, meta: &mut Meta) -> std::borrow::Cow<'a, str> {
    let trimmed = text.trim_start();
    let Some(rest) = DATE_STAMPS
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
        .map(str::trim_start)
    else {
        return text.into();
    };
    let (date, after) = rest.split_at(rest.find(char::is_whitespace).unwrap_or(rest.len()));
    let iso = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !iso {
        return text.into();
    }
    meta.published.get_or_insert_with(|| date.to_string());
    after.trim_start_matches([' ', '\t']).to_string().into()
}

/// How a date stamp opens a pasted page.
const DATE_STAMPS: &[&str] = &["date ", "Date ", "date: ", "Date: "];

/// What the text says about itself.
#[derive(Default)]
struct Meta {
    title: Option<String>,
    source: Option<String>,
    published: Option<String>,
    url: Option<String>,
    id: Option<String>,
    kind: Option<String>,
}

/// `Title:` / `Source:` / `Date:` / `URL:` header lines at the top of pasted text, also several
/// on one line ("Published: 20 June 2025 | Source: Ministry of Defence"). Nothing is taken from a
/// line unless all of it is header fields.
fn header_line(line: &str, meta: &mut Meta) -> bool {
    let mut fields = Vec::new();
    for field in line.split(" | ") {
        let Some((key, value)) = field.split_once(':') else {
            return false;
        };
        let value = value.trim();
        let key = key.trim().to_ascii_lowercase();
        let known = matches!(
            key.as_str(),
            "title" | "headline" | "source" | "publisher" | "date" | "published" | "url" | "link"
        );
        if value.is_empty() || !known {
            return false;
        }
        fields.push((key, value));
    }
    for (key, value) in fields {
        let slot = match key.as_str() {
            "title" | "headline" => &mut meta.title,
            "source" | "publisher" => &mut meta.source,
            "date" | "published" => &mut meta.published,
            _ => &mut meta.url,
        };
        slot.get_or_insert_with(|| value.to_string());
    }
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Plain,
    List,
    Table,
}

fn line_kind(line: &str) -> LineKind {
    let t = line.trim_start();
    if t.starts_with('|') {
        LineKind::Table
    } else if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") {
        LineKind::List
    } else {
        LineKind::Plain
    }
}

/// Pasted text: one paragraph per line, except that list items stay with the line leading them in
/// ("…include:"), table rows stay together, and a line continuing a broken sentence joins it.
fn text_blocks(text: &str, meta: &mut Meta) -> Vec<DraftParagraph> {
    let mut lines = text.lines().map(str::trim_end).peekable();
    while lines.peek().is_some_and(|l| l.trim().is_empty()) {
        lines.next();
    }
    while lines.peek().is_some_and(|l| header_line(l, meta)) {
        lines.next();
    }
    // "the  4th  ADMM" as a PDF spaces it: one space between words (empty lines stay empty).
    let lines: Vec<(LineKind, String)> = lines
        .map(|line| match line_kind(line) {
            LineKind::Plain => (
                LineKind::Plain,
                line.split_whitespace().collect::<Vec<_>>().join(" "),
            ),
            kind => (kind, line.to_string()),
        })
        .collect();
    let wrap = wrap_width(&lines);
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut prev: Option<(LineKind, String)> = None;
    for (kind, line) in lines {
        if line.trim().is_empty() {
            prev = None;
            continue;
        }
        let joins = match (&prev, kind) {
            (Some((LineKind::Table, _)), LineKind::Table) => true,
            (Some((LineKind::List, _)), LineKind::List) => true,
            (Some((LineKind::Plain, p)), LineKind::List) => p.ends_with(':'),
            (Some((LineKind::Plain, p)), LineKind::Plain) => {
                let broken = !p.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')'])
                    && line.starts_with(|c: char| c.is_lowercase());
                // Text wrapped at a width: a full line goes on in the next one; one that ends a
                // sentence only when it fills the width (else it ends its paragraph).
                let full = wrap.is_some_and(|w| {
                    let n = p.chars().count();
                    if p.ends_with(SENTENCE_ENDS) {
                        n * 20 >= w * 19
                    } else {
                        n * 4 >= w * 3
                    }
                });
                broken || full
            }
            _ => false,
        };
        match out.last_mut() {
            Some(block) if joins => block.push(line.clone()),
            _ => out.push(vec![line.clone()]),
        }
        prev = Some((kind, line));
    }
    // A header line under the title ("Title\n\nPublished: … | Source: …") is metadata too.
    let mut block = 0;
    out.retain(|lines| {
        block += 1;
        !(block <= 3 && lines.len() == 1 && header_line(&lines[0], meta))
    });
    let mut paragraphs: Vec<DraftParagraph> = out
        .into_iter()
        .map(|lines| {
            // Prose broken over lines reads as one line; lists and tables keep theirs.
            let prose = lines.iter().all(|l| line_kind(l) == LineKind::Plain);
            let text = lines
                .join(if prose { " " } else { "\n" })
                .trim()
                .to_string();
            DraftParagraph {
                heading: lines.len() == 1 && looks_like_heading(&text),
                text,
            }
        })
        .collect();
    if meta.title.is_none() {
        // The title is the first heading-like line near the top (a lead paragraph may come first),
        // else a first line that reads as a headline, however long.
        meta.title = paragraphs
            .iter()
            .take(3)
            .find(|p| p.heading)
            .map(|p| p.text.clone());
        if let Some(first) = paragraphs
            .first_mut()
            .filter(|p| meta.title.is_none() && is_long_headline(&p.text))
        {
            first.heading = true;
            meta.title = Some(first.text.clone());
        }
    } else if let Some(title) = &meta.title {
        if !paragraphs
            .iter()
            .take(3)
            .any(|p| p.heading && &p.text == title)
        {
            paragraphs.insert(
                0,
                DraftParagraph {
                    text: title.clone(),
                    heading: true,
                },
            );
        }
    }
    paragraphs
}

/// Lines of a text wrapped at a width (pasted from a PDF or an e-mail) before the width is
/// read from them, at least.
const WRAPPED_LINES_MIN: usize = 8;
/// The widths such text is wrapped at, in characters.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 50..=130;

/// What a line ending a sentence ends with.
const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', '"', '”'];

/// Single closing quotation marks, which end a sentence after its full stop ("… the plan.’").
const SINGLE_CLOSING_QUOTES: [char; 2] = ['’', '\''];

/// Whether a line ends a quoted sentence with a single quotation mark: "… next year.’" (a plural's
/// possessive, "the Chiefs'", has no full stop before it).
fn ends_single_quoted_sentence(line: &str) -> bool {
    line.strip_suffix(SINGLE_CLOSING_QUOTES)
        .is_some_and(|l| l.ends_with(['.', '!', '?']))
}

/// The width the text's lines are wrapped at, when they are: most lines end within the last
/// quarter of the widest ordinary line (the 90th percentile, so one long line does not count),
/// itself within [`WRAP_WIDTHS`], and most of those full lines break a sentence. A text of one
/// paragraph per line has no width: its lines end sentences.
fn wrap_width(lines: &[(LineKind, String)]) -> Option<usize> {
    let plain: Vec<&String> = lines
        .iter()
        .filter(|(kind, l)| !l.is_empty() && *kind == LineKind::Plain)
        .map(|(_, l)| l)
        .collect();
    if plain.len() < WRAPPED_LINES_MIN {
        return None;
    }
    let mut widths: Vec<usize> = plain.iter().map(|l| l.chars().count()).collect();
    widths.sort_unstable();
    let width = widths[widths.len() * 9 / 10];
    let full: Vec<&String> = plain
        .iter()
        .copied()
        .filter(|l| l.chars().count() * 4 >= width * 3)
        .collect();
    let breaking = full.iter().filter(|l| !l.ends_with(SENTENCE_ENDS)).count();
    let longest = *widths.last()?;
    (WRAP_WIDTHS.contains(&width)
        && longest <= width + width / 4
        && full.len() * 2 >= plain.len()
        && breaking * 2 > full.len())
    .then_some(width)
}

/// A single line of any length with no sentence end, as news headlines run (a body line with
/// no full stop is rarer at the top than a 150-character headline).
fn is_long_headline(text: &str) -> bool {
    !text.contains('\n')
        && line_kind(text) == LineKind::Plain
        && text.split_whitespace().count() >= 3
        && !text.ends_with(['.', ':', ';', ',', '!', '?', '"', '”'])
        && !ends_single_quoted_sentence(text)
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !is_boilerplate(text)
        && !is_caption(text)
}

/// The first sentence of the first paragraph, without its full stop, cut at a word within
/// [`MAX_SENTENCE_TITLE`] characters: the title of a text that has no headline.
fn first_sentence_title(paragraphs: &[DraftParagraph]) -> Option<String> {
    let first = paragraphs.iter().find(|p| !p.heading)?;
    let (_, sentence) = crate::extract::text::sentences(&first.text)
        .into_iter()
        .next()?;
    let sentence = sentence.trim().trim_end_matches(['.', '!']).trim();
    if sentence.chars().count() <= MAX_SENTENCE_TITLE {
        return Some(sentence.to_string());
    }
    let cut: String = sentence.chars().take(MAX_SENTENCE_TITLE).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    Some(format!("{}…", cut.trim_end_matches([',', ';', ':'])))
}

/// The longest title taken from a first sentence.
const MAX_SENTENCE_TITLE: usize = 160;

/// A short line with no sentence end, not a list item or table row, and not a lead-in.
fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line_kind(line) == LineKind::Plain
        && (1..=20).contains(&words)
        && line.chars().count() <= 160
        && !line.ends_with(['.', ':', ';', ',', '!'])
        && !ends_single_quoted_sentence(line)
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !is_boilerplate(line)
        && !is_caption(line)
}

/// Markdown: blocks separated by blank lines, `#` lines are headings; the project's front matter
/// (`+++` TOML) gives the metadata.
fn markdown_blocks(text: &str, meta: &mut Meta) -> Result<Vec<DraftParagraph>, IngestError> {
    let mut body = text;
    if let Some(rest) = text.strip_prefix("+++\n") {
        if let Some(end) = rest.find("\n+++") {
            let front = &rest[..end + 1];
            let table: toml::Table =
                toml::from_str(front).map_err(|e| IngestError::FrontMatter(e.message().into()))?;
            let get = |k: &str| table.get(k).and_then(|v| v.as_str()).map(str::to_string);
            meta.title = get("title");
            meta.source = get("source");
            meta.published = get("published");
            meta.url = get("url");
            meta.id = get("id");
            meta.kind = get("kind");
            body = rest[end + 4..].trim_start_matches(|c| c != '\n');
        }
    }
    let mut paragraphs = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, out: &mut Vec<DraftParagraph>| {
        if !block.is_empty() {
            out.push(DraftParagraph {
                text: block.join("\n").trim().to_string(),
                heading: false,
            });
            block.clear();
        }
    };
    for line in body.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            flush(&mut block, &mut paragraphs);
        } else if line.starts_with('#') {
            flush(&mut block, &mut paragraphs);
            let heading = line.trim_start_matches('#').trim();
            if !heading.is_empty() {
                if meta.title.is_none() && line.starts_with("# ") {
                    meta.title = Some(heading.to_string());
                }
                paragraphs.push(DraftParagraph {
                    text: heading.to_string(),
                    heading: true,
                });
            }
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut paragraphs);
    Ok(paragraphs)
}

/// Drops captions, boilerplate and repeats, reads the dateline, applies the overrides.
fn finish(
    paragraphs: Vec<DraftParagraph>,
    mut meta: Meta,
    overrides: &Overrides,
) -> Result<Draft, IngestError> {
    let mut kept: Vec<DraftParagraph> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut dropped = 0;
    for (k, mut p) in paragraphs.into_iter().enumerate() {
        if p.text.is_empty() {
            continue;
        }
        if let Some(after) = text_after_caption(&p.text) {
            // "Minister X at the meeting (Photo: VNA)Hanoi (VNA) – The meeting opened…": the
            // caption goes, the paragraph it was glued to stays.
            p.text = after.to_string();
        }
        if let Some((source, date)) = (k < 4 && !p.heading).then(|| byline(&p.text)).flatten() {
            meta.source = meta.source.take().or(source);
            meta.published = meta.published.take().or(date);
        }
        let dateline = (!p.heading).then(|| dateline(&p.text)).flatten();
        if let Some(d) = &dateline {
            meta.source = meta.source.take().or_else(|| d.agency.clone());
            meta.published = meta.published.take().or_else(|| d.date.clone());
        }
        let body = dateline
            .as_ref()
            .map_or(p.text.as_str(), |d| &p.text[d.len..]);
        if is_caption(&p.text) || (!p.heading && is_boilerplate(&p.text)) {
            dropped += 1;
            continue;
        }
        if !seen.insert(normalise(body)) {
            dropped += 1;
            continue;
        }
        kept.push(p);
    }
    if !kept.iter().any(|p| !p.heading) {
        return Err(IngestError::NoText);
    }
    // A heading-like last line (a signature such as "VNA") heads nothing.
    let many = kept.len() > 1;
    if let Some(last) = kept.last_mut().filter(|_| many) {
        last.heading = false;
    }
    let mut notes = Vec::new();
    let title = overrides
        .title
        .clone()
        .or(meta.title)
        .or_else(|| first_sentence_title(&kept))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .ok_or(IngestError::NoTitle)?;
    let url = overrides.url.clone().or(meta.url);
    let source = match overrides.source.clone().or(meta.source) {
        Some(s) if !s.trim().is_empty() => s.trim().to_string(),
        _ => {
            let host = url.as_deref().and_then(url_host);
            notes.push("no source found in the text: give it with --source".to_string());
            host.unwrap_or_else(|| UNKNOWN_SOURCE.to_string())
        }
    };
    let published = match overrides.published.clone().or(meta.published) {
        Some(p) => Some(published_form(&p).ok_or(IngestError::BadPublished(p))?),
        None => {
            notes.push(
                "no publication date found: dates without a year are left out (--published)"
                    .to_string(),
            );
            None
        }
    };
    let id = overrides.id.clone().or(meta.id);
    if let Some(id) = &id {
        if !crate::corpus::valid_statement_id(id) {
            return Err(IngestError::BadId(id.clone()));
        }
    }
    Ok(Draft {
        title,
        source,
        published,
        url,
        id,
        kind: meta.kind,
        paragraphs: kept,
        dropped,
        notes,
    })
}

/// "Vientiane (VNA) - " or "Kuala Lumpur, 14 March 2027 – " opening a paragraph.
struct Dateline {
    /// Bytes of the paragraph the dateline takes, dash and space included.
    len: usize,
    agency: Option<String>,
    date: Option<String>,
}

fn dateline(text: &str) -> Option<Dateline> {
    let first_line = text.lines().next()?;
    let (pos, dash) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| first_line.find(d).map(|p| (p, *d)))
        .min()?;
    let head = &first_line[..pos];
    if head.split_whitespace().count() > 8
        || head.ends_with(['.', '!', '?'])
        || !head.starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let mut agency = None;
    let mut place = head;
    if let (Some(open), true) = (head.rfind('('), head.ends_with(')')) {
        let inner = &head[open + 1..head.len() - 1];
        if !inner.is_empty() && inner.len() <= 12 && inner.chars().all(|c| c.is_uppercase()) {
            agency = Some(inner.to_string());
            place = head[..open].trim_end();
        }
    }
    let mut date = None;
    if let Some((city, when)) = place.split_once(',') {
        match dates::parse_when(when.trim(), None) {
            Ok(r) if r.precision == Precision::Day => {
                date = Some(r.start.to_string());
                place = city;
            }
            _ => {}
        }
    }
    // The place part must look like a place name: capitalised words only.
    let placeish = place
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    (placeish && (agency.is_some() || date.is_some() || place.split_whitespace().count() <= 3))
        .then_some(Dateline {
            len: pos + dash.len(),
            agency,
            date,
        })
}

/// An emphasised byline near the top, "*Ministry of Defence Malaysia, press release, 26 February
/// 2025*": the publisher (its first part) and the date (the part that is one).
fn byline(text: &str) -> Option<(Option<String>, Option<String>)> {
    let inner = ["*", "_"]
        .iter()
        .find_map(|m| text.strip_prefix(m)?.strip_suffix(m))?
        .trim_matches(['*', '_']);
    if inner.contains('\n') || inner.split_whitespace().count() > 15 {
        return None;
    }
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    let date = parts.iter().find_map(|p| published_form(p));
    let source = parts
        .first()
        .filter(|p| published_form(p).is_none() && !p.is_empty())
        .map(|p| p.to_string());
    (date.is_some() || parts.len() > 1).then_some((source, date))
}

/// The text after a photo caption glued to the start of a paragraph ("… (Photo: VNA)Hanoi (VNA)
/// – The two-day meeting opened …"), when a paragraph's worth of text follows it.
fn text_after_caption(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    let open = CAPTION_MARKS.iter().filter_map(|m| lower.find(m)).min()?;
    let close = open + text[open..].find(')')?;
    let after = text[close + 1..].trim_start();
    (after.split_whitespace().count() >= MIN_WORDS_AFTER_CAPTION
        && after.starts_with(|c: char| c.is_uppercase()))
    .then_some(after)
}

/// Where a caption's credit opens.
const CAPTION_MARKS: &[&str] = &["(photo", "(image", "(file photo"];
/// Words after a caption that make a paragraph of their own.
const MIN_WORDS_AFTER_CAPTION: usize = 12;

/// "… (Photo: VNA)", "Photo: …", "Caption: …" paragraphs.
fn is_caption(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim();
    [
        "photo:",
        "photo credit",
        "image:",
        "caption:",
        "(photo",
        "(image",
        "photo by",
        "file photo",
    ]
    .iter()
    .any(|m| lower.starts_with(m) || (m.starts_with('(') && lower.contains(m)))
        || (lower.ends_with(')')
            && lower
                .rsplit_once('(')
                .is_some_and(|(_, t)| t.starts_with("photo")))
}

/// Page furniture pasted along with the text.
fn is_boilerplate(text: &str) -> bool {
    is_byline(text)
        || matches!(
            text.trim().to_lowercase().trim_end_matches(['.', ':', '…']),
            "see more"
                | "read more"
                | "share"
                | "print"
                | "related news"
                | "advertisement"
                | "back to top"
        )
}

/// A writer's line: "By Jane Roe", "By Jane Roe and John Doe" (no headline, no paragraph).
fn is_byline(text: &str) -> bool {
    let text = text.trim();
    let Some(names) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| matches!(*w, "and" | "&") || w.starts_with(|c: char| c.is_uppercase()))
        && !text.ends_with(['.', '!', '?'])
}

/// Whitespace- and case-insensitive form, for spotting repeats and duplicates.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A publication date as the statement format writes it: day, month or year.
fn published_form(text: &str) -> Option<String> {
    let r = dates::parse_when(text.trim(), None).ok()?;
    if r.deadline {
        return None;
    }
    Some(match r.precision {
        Precision::Day => r.start.to_string(),
        Precision::Month => format!("{:04}-{:02}", r.start.year(), r.start.month()),
        Precision::Year if r.start.month() == 1 && r.end.month() == 12 => {
            format!("{:04}", r.start.year())
        }
        _ => return None,
    })
}

fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}

/// An id from a title: lowercase words joined by '-', at most 60 characters, cut at a word.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word
            .chars()
            .filter_map(|c| {
                let c = c.to_ascii_lowercase();
                c.is_ascii_alphanumeric().then_some(c)
            })
            .collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() && out.len() + 1 + word.len() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        "statement".to_string()
    } else {
        out
    }
}

#[derive(Serialize)]
struct FrontMatterOut<'a> {
    id: &'a str,
    title: &'a str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
}

impl Draft {
    /// The `corpus/statements/<id>.md` file: TOML front matter, then the paragraphs.
    pub fn to_statement_file(&self, id: &str) -> String {
        let front = FrontMatterOut {
            id,
            title: &self.title,
            source: &self.source,
            published: self.published.as_deref(),
            url: self.url.as_deref(),
            kind: self.kind.as_deref(),
        };
        let mut out = String::from("+++\n");
        out.push_str(&toml::to_string(&front).expect("front matter of strings serialises"));
        out.push_str("+++\n");
        for p in &self.paragraphs {
            out.push('\n');
            if p.heading {
                out.push_str("## ");
            } else if p.text.starts_with('#') {
                // Not a heading in the source: keep it from reading as one.
                out.push('\\');
            }
            out.push_str(&p.text);
            out.push('\n');
        }
        out
    }

    /// Content fingerprint: the same text pasted twice has the same hash, whatever its metadata.
    pub fn content_hash(&self) -> String {
        content_hash(self.paragraphs.iter().map(|p| p.text.as_str()))
    }
}

/// Hash of a statement's paragraph texts, insensitive to case and spacing.
pub fn content_hash<'a>(paragraphs: impl Iterator<Item = &'a str>) -> String {
    let mut hasher = blake3::Hasher::new();
    for p in paragraphs {
        hasher.update(normalise(p.trim_start_matches('\\')).as_bytes());
        hasher.update(b"\n");
    }
    hasher.finalize().to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests;
