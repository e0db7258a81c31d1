//! Statements from the web: a page (or a Discord attachment) fetched over HTTP(S) with a timeout,
//! a size cap, few redirects and text content types only; each failure a one-line message.

use std::time::Duration;

/// How long a whole fetch (connect, redirects, body) may take.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The largest body accepted (1 MiB).
pub const MAX_BYTES: usize = 1 << 20;
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;

/// The bounds of one fetch ([`Limits::default`]: [`TIMEOUT`], [`MAX_BYTES`], [`MAX_REDIRECTS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub timeout: Duration,
    pub max_bytes: usize,
    pub max_redirects: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: TIMEOUT,
            max_bytes: MAX_BYTES,
            max_redirects: MAX_REDIRECTS,
        }
    }
}

/// A fetched text page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL the text came from, after redirects.
    pub url: String,
    /// The `Content-Type` without parameters, lowercase (empty when the server sent none).
    pub content_type: String,
    /// The body, decoded as UTF-8.
    pub text: String,
}

impl Fetched {
    /// The server called it HTML.
    pub fn is_html(&self) -> bool {
        matches!(
            self.content_type.as_str(),
            "text/html" | "application/xhtml+xml"
        )
    }
}

/// Why a fetch failed. `Display` is the one-line message for the user; the transport's error, when
/// there is one, is the `source` (for the log).
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("`{0}` is not an http:// or https:// URL")]
    BadUrl(String),
    #[error("the page did not answer within {} s", .0.as_secs_f32())]
    Timeout(Duration),
    #[error("the server answered HTTP {0}")]
    Status(reqwest::StatusCode),
    #[error("the page is larger than {} KiB", .0 / 1024)]
    TooLarge(usize),
    /// What was found instead: "content type `image/png`", "binary data".
    #[error("the page is not text ({0})")]
    NotText(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("the page could not be fetched ({reason})")]
    Unreachable {
        reason: &'static str,
        #[source]
        cause: reqwest::Error,
    },
}

/// Fetches `url` within `limits`: HTTP(S) only, 2xx only, a text content type (`text/*`, XHTML, or
/// none / `application/octet-stream` with a body that is UTF-8 without NUL bytes), at most
/// `limits.max_bytes` (checked against `Content-Length` and while reading).
pub async fn fetch(url: &str, limits: &Limits) -> Result<Fetched, FetchError> {
    let parsed = reqwest::Url::parse(url.trim()).map_err(|_| FetchError::BadUrl(url.into()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(FetchError::BadUrl(url.into()));
    }
    let client = reqwest::Client::builder()
        .timeout(limits.timeout)
        .redirect(reqwest::redirect::Policy::limited(limits.max_redirects))
        .user_agent(concat!("agenda-bot/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|cause| FetchError::Unreachable {
            reason: "no HTTP client",
            cause,
        })?;
    let failed = |cause: reqwest::Error| transport_error(cause, limits);
    let mut response = client.get(parsed).send().await.map_err(failed)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status(status));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let sniff = matches!(content_type.as_str(), "" | "application/octet-stream");
    if !sniff && !is_text_type(&content_type) {
        return Err(FetchError::NotText(format!(
            "content type `{content_type}`"
        )));
    }
    if response
        .content_length()
        .is_some_and(|n| n > limits.max_bytes as u64)
    {
        return Err(FetchError::TooLarge(limits.max_bytes));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(failed)? {
        if body.len() + chunk.len() > limits.max_bytes {
            return Err(FetchError::TooLarge(limits.max_bytes));
        }
        body.extend_from_slice(&chunk);
    }
    if body.contains(&0) {
        return Err(FetchError::NotText("binary data".into()));
    }
    let text = match String::from_utf8(body) {
        Ok(text) => text,
        // Declared text in another encoding: keep what can be read.
        Err(e) if !sniff => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(_) => return Err(FetchError::NotText("binary data".into())),
    };
    Ok(Fetched {
        url: response.url().to_string(),
        content_type,
        text,
    })
}

/// [`fetch`] for synchronous callers (the CLI), on a runtime of its own.
pub fn fetch_blocking(url: &str, limits: &Limits) -> Result<Fetched, FetchError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread runtime builds");
    runtime.block_on(fetch(url, limits))
}

fn is_text_type(content_type: &str) -> bool {
    content_type.starts_with("text/") || content_type == "application/xhtml+xml"
}

fn transport_error(cause: reqwest::Error, limits: &Limits) -> FetchError {
    if cause.is_timeout() {
        FetchError::Timeout(limits.timeout)
    } else if cause.is_redirect() {
        FetchError::TooManyRedirects(limits.max_redirects)
    } else {
        let reason = if cause.is_connect() {
            "the server could not be reached"
        } else {
            "the connection failed"
        };
        FetchError::Unreachable { reason, cause }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls() {
        for url in ["file:///etc/passwd", "ftp://example.org/a", "not a url", ""] {
            let err = fetch_blocking(url, &Limits::default()).unwrap_err();
            assert!(matches!(err, FetchError::BadUrl(_)), "{url}: {err}");
        }
    }

    #[test]
    fn messages_are_one_line() {
        let errors = [
            FetchError::Timeout(TIMEOUT),
            FetchError::Status(reqwest::StatusCode::NOT_FOUND),
            FetchError::TooLarge(MAX_BYTES),
            FetchError::NotText("content type `image/png`".into()),
        ];
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "the page did not answer within 10 s",
                "the server answered HTTP 404 Not Found",
                "the page is larger than 1024 KiB",
                "the page is not text (content type `image/png`)",
            ]
        );
    }
}
