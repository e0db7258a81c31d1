//! Text analysis shared by indexing, querying and highlighting: one tokenizer, so they always agree.

use rustc_hash::FxBuildHasher;
use std::collections::HashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Name under which the analyzer is registered in the tantivy index.
pub const TOKENIZER: &str = "agenda";

/// Tokens of this many bytes or more are not indexed (nor searched).
pub const MAX_TOKEN_BYTES: usize = 48;

/// Lowercase, ASCII-fold, `21st` → `21`, drop English stop words, stem.
///
/// Built once and cloned (the stop-word set is shared; each clone has its own stem cache).
pub fn analyzer() -> TextAnalyzer {
    static PROTOTYPE: std::sync::OnceLock<TextAnalyzer> = std::sync::OnceLock::new();
    PROTOTYPE.get_or_init(build_analyzer).clone()
}

fn build_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(OrdinalFilter)
        .filter(
            StopWordFilter::new(Language::English).expect("English stop words ship with tantivy"),
        )
        .filter(CachedStemmer)
        .build()
}

/// One analysed token: its indexed form, where it sits in the text, and its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub from: usize,
    pub to: usize,
    pub position: usize,
}

/// Analyses `text` with the shared analyzer.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push(Term {
            text: t.text.clone(),
            from: t.offset_from,
            to: t.offset_to,
            position: t.position,
        });
    }
    out
}

/// Words that carry no meaning in a question put to the bot ("who", "tell me about").
/// They are dropped from queries only; statements are indexed with them.
pub fn is_question_filler(word: &str) -> bool {
    const FILLER: &[&str] = &[
        "who",
        "whom",
        "whose",
        "what",
        "whats",
        "when",
        "where",
        "which",
        "why",
        "how",
        "did",
        "do",
        "does",
        "done",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "tell",
        "me",
        "us",
        "about",
        "please",
        "know",
        "give",
        "show",
        "list",
        "find",
        "any",
        "anything",
        "info",
        "information",
        "details",
        "detail",
        "hey",
        "hi",
        "hello",
        "bot",
        "you",
        "i",
        "we",
        "our",
        "my",
        "get",
        "there",
        "it",
        "its",
        "s",
        "t",
        "much",
        "many",
        "some",
        "happen",
        "happened",
        "held",
        "take",
        "took",
        "place",
        "going",
        "on",
        "new",
        "latest",
        "up",
    ];
    FILLER.contains(&word)
}

/// Whether the word at `text[from..to]` is question filler there: a filler word, unless it is
/// written as a name, all in capitals in a text that is not ("US", "WHO") or a part of a
/// capitalised hyphenated name ("ASEAN-US").
pub fn is_filler_at(text: &str, from: usize, to: usize) -> bool {
    let word = &text[from..to];
    if !is_question_filler(&word.to_lowercase()) {
        return false;
    }
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase);
    if all_caps && text.chars().any(char::is_lowercase) {
        return false;
    }
    let in_compound = |c: char| c.is_alphanumeric() || c == '-';
    let start = text[..from]
        .char_indices()
        .rev()
        .find(|&(_, c)| !in_compound(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[to..]
        .find(|c: char| !in_compound(c))
        .map_or(text.len(), |i| to + i);
    let compound = text[start..end].trim_matches('-');
    let hyphenated_name = compound.len() > word.len()
        && compound.contains('-')
        && compound.chars().any(char::is_uppercase);
    !hyphenated_name
}

/// Turns ordinal numbers into their number: `21st` → `21`, `3rd` → `3`, so "21st meeting" meets "AMIM-21".
#[derive(Clone, Copy, Debug)]
pub struct OrdinalFilter;

impl TokenFilter for OrdinalFilter {
    type Tokenizer<T: Tokenizer> = OrdinalFilterWrapper<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        OrdinalFilterWrapper(tokenizer)
    }
}

#[derive(Clone)]
pub struct OrdinalFilterWrapper<T>(T);

impl<T: Tokenizer> Tokenizer for OrdinalFilterWrapper<T> {
    type TokenStream<'a> = OrdinalStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        OrdinalStream(self.0.token_stream(text))
    }
}

pub struct OrdinalStream<S>(S);

impl<S: TokenStream> TokenStream for OrdinalStream<S> {
    fn advance(&mut self) -> bool {
        if !self.0.advance() {
            return false;
        }
        let text = &mut self.0.token_mut().text;
        if let Some(n) = ordinal_number(text) {
            text.truncate(n);
        } else if let Some((_, n)) = SPELLED_ORDINALS.iter().find(|(w, _)| *w == text.as_str()) {
            *text = (*n).to_string();
        }
        true
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

/// The English Snowball stemmer (the one tantivy's `Stemmer` runs), remembering the stems it has
/// computed: words follow Zipf's law, so almost every token of a large build, and most words of
/// the paragraphs a query re-reads for snippets, are repeats, and a hash lookup is several times
/// cheaper than stemming. Output is identical to `Stemmer`'s.
#[derive(Clone, Copy, Debug)]
pub struct CachedStemmer;

/// Stems remembered per thread (a vocabulary's worth; past that, words are stemmed without being
/// remembered).
const STEM_CACHE_MAX: usize = 200_000;

thread_local! {
    /// One cache per thread (indexing threads, query threads): no locking on the token path.
    static STEMS: std::cell::RefCell<HashMap<String, String, FxBuildHasher>> =
        std::cell::RefCell::new(HashMap::default());
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        }
    }
}

pub struct CachedStemmerStream<S> {
    tail: S,
    stemmer: rust_stemmers::Stemmer,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let text = &mut self.tail.token_mut().text;
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(stem) = cache.get(text.as_str()) {
                if stem != text {
                    text.clear();
                    text.push_str(stem);
                }
                return;
            }
            let stem = self.stemmer.stem(text).into_owned();
            if cache.len() < STEM_CACHE_MAX {
                cache.insert(text.clone(), stem.clone());
            }
            *text = stem;
        });
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Ordinals written out, as statements number meetings ("the Eighth ADMM", "the seventh ADMM
/// Plus", "the inaugural ADMM-Plus"): indexed as their number, like `8th`.
const SPELLED_ORDINALS: &[(&str, &str)] = &[
    ("first", "1"),
    ("second", "2"),
    ("third", "3"),
    ("fourth", "4"),
    ("fifth", "5"),
    ("sixth", "6"),
    ("seventh", "7"),
    ("eighth", "8"),
    ("ninth", "9"),
    ("tenth", "10"),
    ("eleventh", "11"),
    ("twelfth", "12"),
    ("thirteenth", "13"),
    ("fourteenth", "14"),
    ("fifteenth", "15"),
    ("sixteenth", "16"),
    ("seventeenth", "17"),
    ("eighteenth", "18"),
    ("nineteenth", "19"),
    ("twentieth", "20"),
    // "the inaugural ADMM-Plus" is its first meeting.
    ("inaugural", "1"),
];

/// The number of an ordinal written out ("Seventh" → 7), if the word is one.
pub fn spelled_ordinal(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    SPELLED_ORDINALS
        .iter()
        .find(|(w, _)| *w == lower)
        .and_then(|(_, n)| n.parse().ok())
}

/// Length of the digits of a lowercase ordinal like `21st`, if it is one.
fn ordinal_number(word: &str) -> Option<usize> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    (digits > 0 && matches!(suffix, "st" | "nd" | "rd" | "th")).then_some(digits)
}

/// Edit distance of two short words, transpositions counting as one ("Timor-Lester" is one slip
/// from "Timor-Leste"); 3 when it is more than 2. The one whole-word distance of the crate (the
/// alias registry's is to the closest substring, see `index::aliases`).
pub fn edit_distance(a: &str, b: &str) -> u8 {
    static TWO: std::sync::OnceLock<levenshtein_automata::LevenshteinAutomatonBuilder> =
        std::sync::OnceLock::new();
    let dfa = TWO
        .get_or_init(|| levenshtein_automata::LevenshteinAutomatonBuilder::new(2, true))
        .build_dfa(a);
    match dfa.eval(b) {
        levenshtein_automata::Distance::Exact(d) => d,
        levenshtein_automata::Distance::AtLeast(_) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        terms(&mut analyzer(), s)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn ordinals_stems_and_stop_words() {
        assert_eq!(
            texts("The 21st ASEAN Meeting (AMIM-21)"),
            ["21", "asean", "meet", "amim", "21"]
        );
        assert_eq!(texts("exercises Exercise"), ["exercis", "exercis"]);
        assert_eq!(texts("the Eighth ADMM, 8th"), ["8", "admm", "8"]);
        assert_eq!(texts("the inaugural ADMM-Plus"), ["1", "admm", "plus"]);
        assert_eq!(texts("Timor-Lester’s"), ["timor", "lester", "s"]);
    }

    #[test]
    fn cached_stems_are_tantivys_stems() {
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(tantivy::tokenizer::Stemmer::new(Language::English))
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let text = "Exercises exercising exercised running runs generously generous \
                    cooperation cooperating Cooperation defence defences agreed agreeing";
        for _ in 0..2 {
            let a: Vec<String> = terms(&mut plain, text)
                .into_iter()
                .map(|t| t.text)
                .collect();
            let b: Vec<String> = terms(&mut cached, text)
                .into_iter()
                .map(|t| t.text)
                .collect();
            assert_eq!(a, b);
        }
    }

    /// Regression (issue 13, answers 1): "US" in "ASEAN-US" was dropped as the filler "us".
    #[test]
    fn names_in_capitals_or_hyphenated_are_never_filler() {
        let filler = |text: &str, word: &str| {
            let from = text.find(word).unwrap();
            is_filler_at(text, from, from + word.len())
        };
        assert!(!filler(
            "when is the second ASEAN-US maritime exercise",
            "US"
        ));
        assert!(!filler("did the US attend", "US"));
        assert!(!filler("WHEN IS THE ASEAN-US EXERCISE", "US"));
        assert!(filler("WHO ATTENDED", "WHO"));
        assert!(filler("tell us about AMIM", "us"));
        assert!(filler("what is the follow-up", "up"));
        assert!(filler("who attended", "who"));
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Défense 3rd";
        let t = terms(&mut analyzer(), text);
        assert_eq!(&text[t[0].from..t[0].to], "Défense");
        assert_eq!(t[1].text, "3");
        assert_eq!(&text[t[1].from..t[1].to], "3rd");
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one_slip() {
        let rows = [
            ("timor-lester", "timor-leste", 1),
            ("oepration", "operation", 1),
            ("amim", "amim", 0),
            ("task", "talk", 1),
            ("cambodia", "colombia", 3),
        ];
        for (a, b, d) in rows {
            assert_eq!(edit_distance(a, b), d, "{a} / {b}");
        }
    }
}
