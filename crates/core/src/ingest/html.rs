//! A saved news or ministry page → its main text in the pasted-text form (title line, blank-line
//! paragraphs, `- ` list items, Markdown table rows), without navigation, banners or footers.
//!
//! The page is parsed by html5ever (through `scraper`). The main container is the largest
//! `<article>` or `<main>` when one holds most of the page's paragraph text; otherwise the element
//! whose paragraphs carry the most text (each `<p>` counts fully for its parent and half for its
//! grandparent). Inside it, boilerplate (navigation, forms, asides, share buttons, cookie
//! banners, captions, scripts…) is skipped by tag, ARIA role and class/id words.

use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The CSS selectors pages are read with, parsed once.
struct Selectors {
    site_name: Selector,
    published_meta: Selector,
    time: Selector,
    h1: Selector,
    title: Selector,
    blocks: Selector,
    semantic: Selector,
    body: Selector,
    li: Selector,
    tr: Selector,
    cells: Selector,
}

static SELECTORS: LazyLock<Selectors> = LazyLock::new(|| Selectors {
    site_name: selector(r#"meta[property="og:site_name"]"#),
    published_meta: selector(r#"meta[property="article:published_time"]"#),
    time: selector("time[datetime]"),
    h1: selector("h1"),
    title: selector("title"),
    blocks: selector("p, li, td"),
    semantic: selector("article, main, [role=main]"),
    body: selector("body"),
    li: selector("li"),
    tr: selector("tr"),
    cells: selector("th, td"),
});

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// Why a page gives no statement text.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum HtmlError {
    #[error("the HTML page has no text (no paragraphs outside navigation, banners and footers)")]
    NoText,
}

/// Elements that never hold statement text.
const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "iframe",
    "svg",
    "canvas",
    "video",
    "audio",
    "object",
    "embed",
    "img",
    "picture",
    "figcaption",
    "dialog",
    "menu",
    "head",
];

/// ARIA roles of page furniture.
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Words (of a class or id, split at `-`, `_` and spaces) that mark page furniture.
const SKIPPED_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "sidebar",
    "advert",
    "advertisement",
    "ads",
    "promo",
    "related",
    "comments",
    "popup",
    "modal",
    "caption",
    "skip",
    "footer",
    "masthead",
    "toolbar",
    "print",
];

/// Elements whose content is laid out as a block (a paragraph boundary before and after).
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// A container that holds at least this share of the page's paragraph text is taken as the main
/// text when it is an `<article>` or `<main>`.
const SEMANTIC_SHARE: f64 = 0.3;

/// The main text of an HTML page in the pasted-text form: the title line (from the first `<h1>`,
/// else `<title>`), then blocks separated by blank lines — paragraphs and headings, a list as
/// `- item` lines, a table as Markdown rows with a `|---|` line under the header.
pub fn html_to_text(html: &str) -> Result<String, HtmlError> {
    let document = Html::parse_document(html);
    let root = document.root_element();
    let container = main_container(root);

    let mut blocks = Vec::new();
    walk_block(container, &mut blocks);
    let title = title(&document, container);
    blocks.retain(|b| Some(b) != title.as_ref());
    if blocks.is_empty() {
        return Err(HtmlError::NoText);
    }
    let mut out = String::new();
    let (source, published) = (site_name(&document), published(&document, container));
    match (&title, source.is_some() || published.is_some()) {
        (Some(title), true) => {
            out.push_str(&format!("Title: {title}\n"));
            if let Some(source) = source {
                out.push_str(&format!("Source: {source}\n"));
            }
            if let Some(published) = published {
                out.push_str(&format!("Date: {published}\n"));
            }
            out.push('\n');
        }
        (Some(title), false) => out.push_str(&format!("{title}\n\n")),
        (None, _) => {}
    }
    out.push_str(&blocks.join("\n\n"));
    out.push('\n');
    Ok(out)
}

/// The site's name from `<meta property="og:site_name">`.
fn site_name(document: &Html) -> Option<String> {
    let meta = &SELECTORS.site_name;
    document
        .select(meta)
        .filter_map(|m| m.attr("content"))
        .map(collapse)
        .find(|s| !s.is_empty())
}

/// The publication day (`YYYY-MM-DD`) from `article:published_time`, else the first
/// `<time datetime>` of the main container.
fn published(document: &Html, container: ElementRef<'_>) -> Option<String> {
    let meta = &SELECTORS.published_meta;
    let time = &SELECTORS.time;
    let day = |value: &str| {
        let day = value.trim().get(..10)?;
        jiff::civil::Date::strptime("%Y-%m-%d", day).ok()?;
        Some(day.to_string())
    };
    document
        .select(meta)
        .filter_map(|m| m.attr("content"))
        .chain(container.select(time).filter_map(|t| t.attr("datetime")))
        .find_map(day)
}

/// The first `<h1>` of the main container, else of the page (outside furniture), else `<title>`
/// without a trailing " | Site name".
fn title(document: &Html, container: ElementRef<'_>) -> Option<String> {
    let h1 = &SELECTORS.h1;
    let in_container = container.select(h1).find(|e| !in_furniture(*e));
    let on_page = || document.select(h1).find(|e| !in_furniture(*e));
    if let Some(text) = in_container
        .or_else(on_page)
        .map(|e| collapse(&inline_text(e)))
        .filter(|t| !t.is_empty())
    {
        return Some(text);
    }
    let title = &SELECTORS.title;
    if let Some(text) = document
        .select(title)
        .next()
        .map(|e| collapse(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty())
    {
        return Some(strip_site_name(&text));
    }
    None
}

/// "Ministers meet in Vientiane | Ministry of Defence" → "Ministers meet in Vientiane".
fn strip_site_name(title: &str) -> String {
    for separator in [" | ", " — ", " – ", " - ", " :: "] {
        if let Some((head, _site)) = title.rsplit_once(separator) {
            if head.chars().count() >= 20 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

fn is_element(e: ElementRef<'_>, tag: &str) -> bool {
    e.value().name() == tag
}

/// Page furniture by tag, role, class/id words, or hidden.
fn is_furniture(e: &Element) -> bool {
    if SKIPPED_TAGS.contains(&e.name()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("style")
        .is_some_and(|s| s.replace(' ', "").contains("display:none"))
    {
        return true;
    }
    if e.attr("role").is_some_and(|r| SKIPPED_ROLES.contains(&r)) {
        return true;
    }
    e.attr("class")
        .into_iter()
        .chain(e.attr("id"))
        .flat_map(|v| v.split(|c: char| c == '-' || c == '_' || c.is_whitespace()))
        .any(|w| SKIPPED_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// The element or one of its ancestors is furniture, or it is the page's own `<header>`
/// (outside any `<article>`/`<main>`).
fn in_furniture(e: ElementRef<'_>) -> bool {
    let mut node = Some(*e);
    let mut page_header = false;
    while let Some(n) = node {
        if let Some(el) = n.value().as_element() {
            if is_furniture(el) {
                return true;
            }
            match el.name() {
                "header" => page_header = true,
                "article" | "main" => page_header = false,
                _ => {}
            }
        }
        node = n.parent();
    }
    page_header
}

/// The element holding the page's main text (see the module doc).
fn main_container(root: ElementRef<'_>) -> ElementRef<'_> {
    let p = &SELECTORS.blocks;
    let mut total = 0usize;
    let mut score: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    let mut paragraphs = Vec::new();
    for para in root.select(p).filter(|e| !in_furniture(*e)) {
        let len = collapse(&inline_text(para)).chars().count();
        if len == 0 {
            continue;
        }
        total += len;
        paragraphs.push((para, len));
        let mut ancestors = para.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = ancestors.next() {
            *score.entry(parent.id()).or_default() += len as f64;
            if let Some(grandparent) = ancestors.next() {
                *score.entry(grandparent.id()).or_default() += len as f64 / 2.0;
            }
        }
    }
    if total == 0 {
        return body(root);
    }
    let text_of = |container: ElementRef<'_>| -> usize {
        paragraphs
            .iter()
            .filter(|(para, _)| para.ancestors().any(|a| a.id() == container.id()))
            .map(|(_, len)| len)
            .sum()
    };
    let semantic = &SELECTORS.semantic;
    if let Some((best, text)) = root
        .select(semantic)
        .filter(|e| !in_furniture(*e))
        .map(|e| (e, text_of(e)))
        .max_by_key(|(_, text)| *text)
    {
        if text as f64 >= SEMANTIC_SHARE * total as f64 {
            return best;
        }
    }
    let densest = score
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .and_then(|(id, _)| root.tree().get(id))
        .and_then(ElementRef::wrap);
    // Text directly in list items or table cells: take the whole list or table's container.
    match densest {
        Some(e) if matches!(e.value().name(), "ul" | "ol" | "tr" | "tbody" | "thead") => e
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| {
                !matches!(
                    a.value().name(),
                    "ul" | "ol" | "tr" | "tbody" | "thead" | "table"
                )
            })
            .unwrap_or(e),
        Some(e) => e,
        None => body(root),
    }
}

fn body(root: ElementRef<'_>) -> ElementRef<'_> {
    let body = &SELECTORS.body;
    root.select(body).next().unwrap_or(root)
}

/// Emits the blocks of `element`'s content: inline runs become paragraphs, block children are
/// walked in turn.
fn walk_block(element: ElementRef<'_>, blocks: &mut Vec<String>) {
    let mut run = String::new();
    for child in element.children() {
        match child.value() {
            Node::Text(text) => run.push_str(text),
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_furniture(child.value()) || page_header(child) {
                    continue;
                }
                let tag = child.value().name();
                if tag == "br" {
                    run.push(' ');
                } else if !BLOCK_TAGS.contains(&tag) {
                    run.push_str(&inline_text(child));
                } else {
                    flush(&mut run, blocks);
                    match tag {
                        "ul" | "ol" => push_list(list(child), blocks),
                        "table" => push_block(table(child), blocks),
                        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt" | "dd" | "pre"
                        | "summary" => push_block(collapse(&inline_text(child)), blocks),
                        "hr" => {}
                        _ => walk_block(child, blocks),
                    }
                }
            }
            _ => {}
        }
    }
    flush(&mut run, blocks);
}

/// A `<header>` that is not inside an `<article>` or `<main>`: the site's masthead.
fn page_header(e: ElementRef<'_>) -> bool {
    is_element(e, "header")
        && !e
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "article" | "main"))
}

fn flush(run: &mut String, blocks: &mut Vec<String>) {
    push_block(collapse(run), blocks);
    run.clear();
}

/// A list follows the line leading it in ("…agreed on:") without a blank line, as pasted.
fn push_list(list: String, blocks: &mut Vec<String>) {
    match blocks.last_mut() {
        Some(lead) if lead.ends_with(':') && !list.is_empty() => {
            lead.push('\n');
            lead.push_str(&list);
        }
        _ => push_block(list, blocks),
    }
}

fn push_block(block: String, blocks: &mut Vec<String>) {
    if !block.trim().is_empty() {
        blocks.push(block);
    }
}

/// The text of an element and its descendants, furniture left out, `<br>` as a space.
fn inline_text(element: ElementRef<'_>) -> String {
    let mut text = String::new();
    for child in element.children() {
        match child.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(el) if el.name() == "br" => text.push(' '),
            Node::Element(el) if is_furniture(el) => {}
            Node::Element(el) => {
                if let Some(child) = ElementRef::wrap(child) {
                    let inner = inline_text(child);
                    // Block children inside an inline context still separate words.
                    if BLOCK_TAGS.contains(&el.name()) {
                        text.push(' ');
                        text.push_str(&inner);
                        text.push(' ');
                    } else {
                        text.push_str(&inner);
                    }
                }
            }
            _ => {}
        }
    }
    text
}

/// Whitespace runs (non-breaking spaces included) → one space, trimmed.
fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A list as `- item` lines (nested lists flattened in order).
fn list(element: ElementRef<'_>) -> String {
    let li = &SELECTORS.li;
    element
        .select(li)
        .filter(|item| !in_furniture(*item))
        .map(|item| {
            // An item's own text, without the text of a nested list (it has its own lines).
            let own: String = item
                .children()
                .filter(|c| {
                    c.value()
                        .as_element()
                        .is_none_or(|e| !matches!(e.name(), "ul" | "ol"))
                })
                .map(|c| match ElementRef::wrap(c) {
                    Some(e) if is_furniture(e.value()) => String::new(),
                    Some(e) => inline_text(e),
                    None => c
                        .value()
                        .as_text()
                        .map(|t| t.to_string())
                        .unwrap_or_default(),
                })
                .collect();
            collapse(&own)
        })
        .filter(|t| !t.is_empty())
        .map(|t| format!("- {t}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table as Markdown rows: the first row (the `<thead>` one, or the first of the body) is the
/// header, followed by `|---|…|`. A cell's `|` becomes `/` so that columns stay apart.
fn table(element: ElementRef<'_>) -> String {
    let tr = &SELECTORS.tr;
    let cells = &SELECTORS.cells;
    let rows: Vec<Vec<String>> = element
        .select(tr)
        .map(|row| {
            row.select(cells)
                .map(|cell| collapse(&inline_text(cell)).replace('|', "/"))
                .collect::<Vec<_>>()
        })
        .filter(|cells| cells.iter().any(|c| !c.is_empty()))
        .collect();
    let Some(width) = rows.iter().map(Vec::len).max() else {
        return String::new();
    };
    let line = |cells: &[String]| {
        let mut padded: Vec<&str> = cells.iter().map(String::as_str).collect();
        padded.resize(width, "");
        format!("| {} |", padded.join(" | "))
    };
    let mut out = vec![line(&rows[0]), format!("|{}", "---|".repeat(width))];
    out.extend(rows[1..].iter().map(|r| line(r)));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any tag soup gives non-blank text or `NoText`, without panicking.
        #[test]
        fn tag_soup_gives_text_or_no_text(page in "(<(p|div|nav|table|tr|td|th|ul|li|h1|script|article|main|br|header|footer)( class=\"(cookie|share|content|x)\")?>|</(p|div|nav|table|tr|td|ul|li|h1|script|article|main)>|[A-Za-z .:|]{0,12}|\n){0,40}") {
            match html_to_text(&page) {
                Ok(text) => prop_assert!(!text.trim().is_empty()),
                Err(HtmlError::NoText) => {}
            }
        }
    }

    const NEWS_PAGE: &str = r##"<!doctype html>
<html><head><title>Navy chiefs meet in Manila | Defence News</title>
<meta property="og:site_name" content="Defence News">
<style>p { color: red }</style><script>var tracking = "Do not index me";</script></head>
<body>
<header class="site-header"><a href="/">Defence News</a>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p>
  <button>Accept</button></div>
<article>
  <header><h1>ASEAN Navy Chiefs meet in Manila</h1><time datetime="2025-11-20">20 November 2025</time></header>
  <div class="share-buttons"><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>
  <p>The 19th ASEAN Navy Chiefs' Meeting (ANCM-19) was held in <b>Manila</b>, the Philippines,
     on 20&nbsp;November.</p>
  <figure><img src="a.jpg" alt="Chiefs"><figcaption>The chiefs pose for a photo. (Photo: PNA)</figcaption></figure>
  <p>Delegates agreed on:</p>
  <ul><li>a maritime information-sharing network</li><li>joint search and rescue drills</li></ul>
  <table><thead><tr><th>Initiative</th><th>Timeline</th></tr></thead>
    <tbody><tr><td>Information sharing | portal</td><td>2026 – 2027</td></tr></tbody></table>
</article>
<aside><h2>Related</h2><p>Another story about something else entirely, long enough to matter.</p></aside>
<footer><p>© 2025 Defence News. All rights reserved. Contact us.</p></footer>
</body></html>"##;

    #[test]
    fn article_text_without_furniture() {
        let text = html_to_text(NEWS_PAGE).unwrap();
        assert_eq!(
            text,
            "Title: ASEAN Navy Chiefs meet in Manila\n\
             Source: Defence News\n\
             Date: 2025-11-20\n\n\
             20 November 2025\n\n\
             The 19th ASEAN Navy Chiefs' Meeting (ANCM-19) was held in Manila, the Philippines, on 20 November.\n\n\
             Delegates agreed on:\n\
             - a maritime information-sharing network\n- joint search and rescue drills\n\n\
             | Initiative | Timeline |\n|---|---|\n| Information sharing / portal | 2026 – 2027 |\n"
        );
        for furniture in [
            "cookies", "Home", "Share", "Tweet", "Photo", "Related", "©", "tracking", "color",
        ] {
            assert!(
                !text.contains(furniture),
                "{furniture} leaked into:\n{text}"
            );
        }
    }

    #[test]
    fn densest_container_without_article_or_main() {
        let page = r#"<html><head><title>Defence ministers agree on a roadmap - Ministry of Defence</title></head><body>
<div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="top"><p>Short teaser.</p></div>
<div class="content">
  <p>The ASEAN Defence Ministers' Meeting (ADMM) was held in Kuala Lumpur on 14 March.</p>
  <p>Ministers adopted a joint declaration on maritime security cooperation in the region.</p>
</div>
<div class="bottom"><p>Tel. 123</p></div>
</body></html>"#;
        let text = html_to_text(page).unwrap();
        assert_eq!(
            text,
            "Defence ministers agree on a roadmap\n\n\
             The ASEAN Defence Ministers' Meeting (ADMM) was held in Kuala Lumpur on 14 March.\n\n\
             Ministers adopted a joint declaration on maritime security cooperation in the region.\n"
        );
    }

    #[test]
    fn main_element_and_inline_text_runs() {
        let page = "<body><nav>Skip to content</nav><main><h1>Title here</h1>\
                    Loose text in main<br>continues here.<div>A div paragraph.</div></main>\
                    <footer>Footer</footer></body>";
        assert_eq!(
            html_to_text(page).unwrap(),
            "Title here\n\nLoose text in main continues here.\n\nA div paragraph.\n"
        );
    }

    #[test]
    fn page_without_text_is_refused() {
        for page in [
            "",
            "<html><head><title>Only a title</title></head><body></body></html>",
            "<body><nav><a href='/'>Home</a></nav><script>x()</script><footer>© 2025</footer></body>",
            "<body><div class='cookie-consent'><p>We use cookies.</p></div></body>",
        ] {
            assert_eq!(html_to_text(page), Err(HtmlError::NoText), "{page}");
        }
    }

    #[test]
    fn title_falls_back_to_the_title_element() {
        let page = "<html><head><title>ADSOM held in Jakarta | Kemhan</title></head>\
                    <body><p>The ASEAN Defence Senior Officials' Meeting (ADSOM) met.</p></body></html>";
        assert_eq!(
            html_to_text(page).unwrap(),
            "ADSOM held in Jakarta\n\nThe ASEAN Defence Senior Officials' Meeting (ADSOM) met.\n"
        );
        assert_eq!(
            strip_site_name("Defence ministers agree on a roadmap | Ministry"),
            "Defence ministers agree on a roadmap"
        );
    }

    #[test]
    fn tables_without_thead_and_uneven_rows() {
        let page = "<article><p>Intro paragraph.</p><table><tr><td>Area</td><td>Priority</td></tr>\
                    <tr><td>Cyber</td></tr></table></article>";
        assert_eq!(
            html_to_text(page).unwrap(),
            "Intro paragraph.\n\n| Area | Priority |\n|---|---|\n| Cyber |  |\n"
        );
    }
}
