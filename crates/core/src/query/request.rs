//! The request analysed once: every stage of an answer (listing, plan, passages, suggestions)
//! reads the same terms, content terms, quoted phrases and numbers.

use super::MAX_QUERY_CHARS;
use crate::analysis;
use tantivy::tokenizer::TextAnalyzer;

/// The user's text and what analysis found in it.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    /// The text as searched (control characters removed, cut at [`MAX_QUERY_CHARS`] for answers).
    pub(crate) text: String,
    /// The terms that are not question filler ("who", "tell me about").
    pub(crate) content: Vec<analysis::Term>,
    /// The analysed terms of each text between double quotes.
    pub(crate) phrases: Vec<Vec<analysis::Term>>,
    /// Numbers of up to four digits ("AMIM-22", "22nd").
    pub(crate) numbers: Vec<u32>,
}

impl Request {
    /// Analyses `text` as given.
    pub(crate) fn new(analyzer: &mut TextAnalyzer, text: &str) -> Request {
        let text = text.to_string();
        let content: Vec<analysis::Term> = analysis::terms(analyzer, &text)
            .into_iter()
            .filter(|t| !analysis::is_question_filler(&text[t.from..t.to].to_lowercase()))
            .collect();
        let phrases = quoted_phrases(&text)
            .into_iter()
            .map(|p| analysis::terms(analyzer, &p))
            .collect();
        let numbers = content
            .iter()
            .filter(|t| t.text.len() <= 4)
            .filter_map(|t| t.text.parse().ok())
            .collect();
        Request {
            text,
            content,
            phrases,
            numbers,
        }
    }

    /// Analyses what a user typed: control characters dropped, at most [`MAX_QUERY_CHARS`].
    pub(crate) fn from_user(analyzer: &mut TextAnalyzer, text: &str) -> Request {
        let text: String = text
            .chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .take(MAX_QUERY_CHARS)
            .collect();
        Request::new(analyzer, &text)
    }

    /// The words of the original text behind a term.
    pub(crate) fn word(&self, term: &analysis::Term) -> &str {
        &self.text[term.from..term.to]
    }

    /// Whether the request asks for every fact of the scope ("all", "list", or no words of
    /// substance).
    pub(crate) fn wants_everything(&self) -> bool {
        self.content.is_empty()
            || matches!(
                self.text.trim().to_lowercase().as_str(),
                "all" | "list" | "everything" | "*"
            )
    }
}

/// Text between straight or curly double quotes.
fn quoted_phrases(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for c in text.chars() {
        match (c, current.as_mut()) {
            ('"' | '“' | '”', None) => current = Some(String::new()),
            ('"' | '“' | '”', Some(_)) => out.extend(current.take()),
            (c, Some(s)) => s.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_analysis_holds_content_phrases_and_numbers() {
        let r = Request::new(
            &mut analysis::analyzer(),
            "who chaired the 18th \"Defence Interaction\" meeting, AMIM-21?",
        );
        let content: Vec<&str> = r.content.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            content,
            ["chair", "18", "defenc", "interact", "meet", "amim", "21"]
        );
        assert_eq!(r.phrases.len(), 1);
        let phrase: Vec<&str> = r.phrases[0].iter().map(|t| t.text.as_str()).collect();
        assert_eq!(phrase, ["defenc", "interact"]);
        assert_eq!(r.numbers, [18, 21]);
        assert!(!r.wants_everything());
    }

    #[test]
    fn user_text_is_cleaned_and_cut() {
        let long = format!("a\u{7}b{}", "x".repeat(1000));
        let r = Request::from_user(&mut analysis::analyzer(), &long);
        assert_eq!(r.text.chars().count(), MAX_QUERY_CHARS);
        assert!(r.text.starts_with("ab"));
        assert!(Request::new(&mut analysis::analyzer(), "who is it").wants_everything());
        assert!(Request::new(&mut analysis::analyzer(), " All ").wants_everything());
    }
}
