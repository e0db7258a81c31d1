//! What the fake received: every HTTP request, its JSON body and files, and the path patterns
//! tests match them with.

use serde_json::Value;
use std::time::Instant;

/// A file part of a multipart request (`files[N]` parts; the `payload_json` part becomes `body`).
#[derive(Clone, Debug)]
pub struct RecordedFile {
    /// Form field name, e.g. `files[0]`.
    pub field: String,
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

/// One HTTP request the fake received (including those answered by fault injection or 404).
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `GET`, `POST`, ...
    pub method: String,
    /// Path only, e.g. `/api/v10/channels/333/messages`.
    pub path: String,
    /// Raw query string, if any (serenity sends e.g. `&wait=true` for follow-ups).
    pub query: Option<String>,
    /// The JSON body (`payload_json` for multipart); `Null` if empty, a JSON string if not JSON.
    pub body: Value,
    /// Uploaded files of a multipart request.
    pub files: Vec<RecordedFile>,
    /// The `Authorization` header (serenity sends `Bot <token>`).
    pub authorization: Option<String>,
    /// The status code the fake answered with (injected failures keep their injected status).
    pub status: u16,
    pub received_at: Instant,
}

impl Recorded {
    /// `method` equal (case-insensitive) and the path matching `pattern` (see [`path_matches`]).
    pub fn is(&self, method: &str, pattern: &str) -> bool {
        self.method.eq_ignore_ascii_case(method) && path_matches(pattern, &self.path)
    }

    /// The fake answered 2xx.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// `body["content"]` as a string (interaction callbacks: `body["data"]["content"]`).
    pub fn content(&self) -> Option<&str> {
        self.body
            .get("content")
            .or_else(|| self.body.get("data").and_then(|d| d.get("content")))
            .and_then(Value::as_str)
    }
}

/// Matches a request path against a small pattern language:
/// - `*` matches any run of characters (it may span `/`);
/// - the pattern is anchored at the start and is a **prefix** match, unless it ends with `$`,
///   which anchors it at the end.
///
/// `"/api/v10/channels/"` matches every channel route, `"*/callback"` every interaction callback,
/// `"/api/v10/channels/*/messages$"` exactly the create-message route.
pub fn path_matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let Some(first) = parts.first() else {
        return true;
    };
    if !path.starts_with(first) {
        return false;
    }
    let mut pos = first.len();
    let last_index = parts.len() - 1;
    for (i, part) in parts.iter().enumerate().skip(1) {
        if anchored && i == last_index {
            return path.len() >= pos + part.len() && path.ends_with(part);
        }
        match path[pos..].find(part) {
            Some(offset) => pos += offset + part.len(),
            None => return false,
        }
    }
    !anchored || pos == path.len()
}
