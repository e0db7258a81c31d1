//! The REST API: the routes serenity and poise call, the objects Discord would answer with, and
//! the recording of every request.

use super::faults::fault_response;
use super::payloads::bot_user;
use super::recorded::{Recorded, RecordedFile};
use super::{
    Inner, APPLICATION_ID, BOT_USERNAME, DEFAULT_CHANNEL_ID, FIXED_TIMESTAMP, OWNER_USER_ID,
};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Instant;

/// Serves every REST request (after fault injection and the interaction deadline) and records it.
pub(super) async fn handler(State(inner): State<Arc<Inner>>, request: Request) -> Response {
    let method = request.method().clone();
    let uri = request.uri().clone();
    let headers = request.headers().clone();
    let path = uri.path().to_string();
    let (body_json, files) = read_body(request).await;
    if let Some(hold) = inner.take_hold(&path) {
        tokio::time::sleep(hold).await;
    }

    let response = if too_late(&inner, &method, &path) {
        json_response(
            StatusCode::NOT_FOUND,
            json!({"message": "Unknown interaction", "code": 10062}),
        )
    } else {
        match inner.take_fault(method.as_str(), &path) {
            Some((status, custom)) => fault_response(status, custom),
            None => route(&inner, &method, &path, &body_json, &files),
        }
    };

    let recorded = Recorded {
        method: method.as_str().to_string(),
        path,
        query: uri.query().map(str::to_string),
        body: body_json,
        files,
        authorization: headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        status: response.status().as_u16(),
        received_at: Instant::now(),
    };
    inner.requests.send_modify(|reqs| reqs.push(recorded));
    response
}

/// An interaction callback past the enforced deadline (see `enforce_interaction_deadline`).
fn too_late(inner: &Inner, method: &Method, path: &str) -> bool {
    let Some(deadline) = *inner.deadline.lock().unwrap() else {
        return false;
    };
    let segments: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    match (method.as_str(), segments.as_slice()) {
        ("POST", ["interactions", id, _token, "callback"]) => {
            let dispatched = inner.dispatched.lock().unwrap();
            dispatched.get(*id).is_some_and(|t| t.elapsed() > deadline)
        }
        _ => false,
    }
}

fn json_response(status: StatusCode, body: Value) -> Response {
    (status, axum::Json(body)).into_response()
}

fn not_found() -> Response {
    json_response(
        StatusCode::NOT_FOUND,
        json!({"message": "404: Not Found", "code": 0}),
    )
}

fn route(
    inner: &Inner,
    method: &Method,
    path: &str,
    body: &Value,
    files: &[RecordedFile],
) -> Response {
    let Some(rest) = path.strip_prefix("/api/v10/") else {
        return match inner.cdn.lock().unwrap().get(path) {
            Some((content_type, data)) if *method == Method::GET => {
                ([(header::CONTENT_TYPE, content_type.clone())], data.clone()).into_response()
            }
            _ => not_found(),
        };
    };
    let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    let ok = |v: Value| json_response(StatusCode::OK, v);
    let no_content = || StatusCode::NO_CONTENT.into_response();

    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => ok(json!({ "url": inner.gateway_url })),
        ("GET", ["gateway", "bot"]) => ok(json!({
            "url": inner.gateway_url,
            "shards": 1,
            "session_start_limit": {
                "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1
            }
        })),
        ("GET", ["oauth2", "applications", "@me"]) => ok(application_info()),
        ("GET", ["users", "@me"]) => ok(bot_user()),
        ("PUT", ["applications", _app, "commands"]) => commands_echo(inner, body, None),
        ("PUT", ["applications", _app, "guilds", guild, "commands"]) => {
            commands_echo(inner, body, Some(*guild))
        }
        ("POST", ["applications", _app, "commands"]) => ok(command_echo(inner, body, None)),
        ("POST", ["applications", _app, "guilds", guild, "commands"]) => {
            ok(command_echo(inner, body, Some(*guild)))
        }
        ("GET", ["applications", _app, "commands"])
        | ("GET", ["applications", _app, "guilds", _, "commands"]) => ok(json!([])),
        ("POST", ["interactions", _id, _token, "callback"]) => no_content(),
        ("PATCH", ["webhooks", _app, _token, "messages", message]) => {
            let id = if *message == "@original" {
                inner.next_id()
            } else {
                message.to_string()
            };
            ok(message_from_body(
                &id,
                DEFAULT_CHANNEL_ID,
                body,
                files,
                true,
            ))
        }
        ("DELETE", ["webhooks", _app, _token, "messages", _]) => no_content(),
        ("POST", ["webhooks", _app, _token]) => ok(message_from_body(
            &inner.next_id(),
            DEFAULT_CHANNEL_ID,
            body,
            files,
            true,
        )),
        ("POST", ["channels", channel, "messages"]) => ok(message_from_body(
            &inner.next_id(),
            channel,
            body,
            files,
            false,
        )),
        ("PATCH", ["channels", channel, "messages", message]) => {
            ok(message_from_body(message, channel, body, files, false))
        }
        ("DELETE", ["channels", _, "messages", _]) => no_content(),
        ("POST", ["channels", _, "typing"]) => no_content(),
        _ => not_found(),
    }
}

fn application_info() -> Value {
    json!({
        "id": APPLICATION_ID,
        "name": BOT_USERNAME,
        "icon": null,
        "description": "fake application",
        "rpc_origins": [],
        "bot_public": true,
        "bot_require_code_grant": false,
        "owner": {"id": OWNER_USER_ID, "username": "owner"},
        "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
        "team": null,
        "flags": 0
    })
}

fn commands_echo(inner: &Inner, body: &Value, guild: Option<&str>) -> Response {
    let Some(commands) = body.as_array() else {
        return json_response(
            StatusCode::BAD_REQUEST,
            json!({"message": "Invalid Form Body", "code": 50035}),
        );
    };
    let echoed: Vec<Value> = commands
        .iter()
        .map(|c| command_echo(inner, c, guild))
        .collect();
    json_response(StatusCode::OK, Value::Array(echoed))
}

fn command_echo(inner: &Inner, command: &Value, guild: Option<&str>) -> Value {
    let mut c = match command {
        Value::Object(map) => map.clone(),
        _ => serde_json::Map::new(),
    };
    let id = inner.next_id();
    c.insert("id".into(), json!(id));
    c.insert("application_id".into(), json!(APPLICATION_ID));
    c.insert("version".into(), json!(id));
    c.entry("type").or_insert(json!(1));
    c.entry("name").or_insert(json!(""));
    c.entry("description").or_insert(json!(""));
    if let Some(guild) = guild {
        c.insert("guild_id".into(), json!(guild));
    }
    Value::Object(c)
}

/// A message object as Discord returns it, built from a create/edit request body.
fn message_from_body(
    id: &str,
    channel_id: &str,
    body: &Value,
    files: &[RecordedFile],
    webhook: bool,
) -> Value {
    let field = |name: &str, default: Value| body.get(name).cloned().unwrap_or(default);
    let attachments: Vec<Value> = body
        .get("attachments")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, a)| {
                    let filename = a
                        .get("filename")
                        .and_then(Value::as_str)
                        .unwrap_or("file")
                        .to_string();
                    let size = files
                        .iter()
                        .find(|f| f.filename.as_deref() == Some(filename.as_str()))
                        .map_or(0, |f| f.data.len());
                    let url = format!("http://127.0.0.1/fake-attachments/{id}/{filename}");
                    json!({
                        "id": (900_000_000_000_000_001_u64 + i as u64).to_string(),
                        "filename": filename,
                        "size": size,
                        "url": url,
                        "proxy_url": url,
                    })
                })
                .collect()
        })
        .unwrap_or_default();

    let mut m = json!({
        "id": id,
        "channel_id": channel_id,
        "author": bot_user(),
        "content": field("content", json!("")),
        "timestamp": FIXED_TIMESTAMP,
        "edited_timestamp": null,
        "tts": field("tts", json!(false)),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": field("embeds", json!([])),
        "components": field("components", json!([])),
        "pinned": false,
        "type": 0,
        "flags": field("flags", json!(0)),
    });
    if let Some(reference) = body.get("message_reference").filter(|r| r.is_object()) {
        let mut reference = reference.clone();
        if reference.get("channel_id").is_none() {
            reference["channel_id"] = json!(channel_id);
        }
        m["message_reference"] = reference;
        m["type"] = json!(19); // InlineReply
    }
    if webhook {
        m["webhook_id"] = json!(APPLICATION_ID);
        m["application_id"] = json!(APPLICATION_ID);
    }
    m
}

/// The JSON body (for multipart, its `payload_json` part) and the uploaded files.
async fn read_body(request: Request) -> (Value, Vec<RecordedFile>) {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("multipart/form-data"));
    if !multipart {
        let body = axum::body::to_bytes(request.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        return (bytes_to_json(&body), Vec::new());
    }
    let mut payload = Value::Null;
    let mut files = Vec::new();
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return (payload, files);
    };
    while let Ok(Some(part)) = form.next_field().await {
        let field = part.name().unwrap_or_default().to_string();
        let filename = part.file_name().map(str::to_string);
        let content_type = part.content_type().map(str::to_string);
        let Ok(data) = part.bytes().await else {
            break;
        };
        if field == "payload_json" {
            payload = bytes_to_json(&data);
        } else {
            files.push(RecordedFile {
                field,
                filename,
                content_type,
                data: data.to_vec(),
            });
        }
    }
    (payload, files)
}

fn bytes_to_json(body: &[u8]) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(body)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
}
