//! What Discord would refuse or regret in a message body: its length limits, and mentions that
//! would ping someone.

use serde_json::{json, Value};

/// Characters in a JSON string (0 for anything else).
pub fn chars(v: &Value) -> usize {
    v.as_str().map_or(0, |s| s.chars().count())
}

/// Discord's limits on a message body with embeds.
pub fn assert_within_limits(body: &Value) {
    assert!(chars(&body["content"]) <= 2000, "content too long");
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= 10);
    let mut total = 0;
    for e in &embeds {
        assert!(chars(&e["title"]) <= 256, "title: {}", e["title"]);
        assert!(chars(&e["description"]) <= 4096, "description");
        assert!(chars(&e["footer"]["text"]) <= 2048, "footer");
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= 25, "{} fields", fields.len());
        for f in &fields {
            assert!(
                chars(&f["name"]) <= 256 && chars(&f["value"]) <= 1024,
                "{f}"
            );
            assert!(chars(&f["name"]) > 0 && chars(&f["value"]) > 0, "{f}");
        }
        total += chars(&e["title"])
            + chars(&e["description"])
            + chars(&e["footer"]["text"])
            + fields
                .iter()
                .map(|f| chars(&f["name"]) + chars(&f["value"]))
                .sum::<usize>();
    }
    assert!(total <= 6000, "embeds total {total}");
}

/// The body lets nothing be pinged: no `@everyone`, users, roles or replied user.
pub fn assert_no_mentions(body: &Value) {
    let am = &body["allowed_mentions"];
    assert!(am.is_object(), "allowed_mentions missing: {body}");
    assert_eq!(am["parse"], json!([]), "{am}");
    assert!(am["users"].as_array().is_none_or(|u| u.is_empty()), "{am}");
    assert!(am["roles"].as_array().is_none_or(|r| r.is_empty()), "{am}");
    assert_ne!(am["replied_user"], json!(true));
}
