//! JSON rendering: `{"query", "scope", "results": [...]}`, each result the fact's fields plus citations.

use crate::query::{Answer, Citation, Hit};
use serde_json::{json, Map, Value};

pub fn answer(a: &Answer) -> Value {
    json!({
        "query": a.query,
        "scope": a.scope.as_str(),
        "listing": a.listing,
        "passages_instead": a.passages_instead.map(|k| k.as_str()),
        "results": a
            .results
            .iter()
            .map(|h| {
                let mut v = hit(h);
                if a.planned.contains(&h.id()) {
                    v["planned"] = json!(true);
                }
                v
            })
            .collect::<Vec<_>>(),
        "suggestions": a.suggestions,
    })
}

pub fn hit(h: &Hit) -> Value {
    let mut obj = match &h.fact {
        Some(f) => match serde_json::to_value(f) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        },
        None => Map::new(),
    };
    obj.insert("kind".into(), json!(h.kind()));
    obj.insert("id".into(), json!(h.id()));
    obj.insert("title".into(), json!(h.title()));
    obj.insert("score".into(), json!(h.score));
    obj.insert(
        "citations".into(),
        h.citations.iter().map(citation).collect(),
    );
    Value::Object(obj)
}

pub fn citation(c: &Citation) -> Value {
    json!({
        "statement_id": c.statement_id,
        "statement_title": c.statement_title,
        "source": c.source,
        "date": c.date,
        "url": c.url,
        "paragraph": c.paragraph,
        "snippet": c.snippet.text,
        "highlights": c.snippet.highlights,
        "matched": c.matched,
    })
}
