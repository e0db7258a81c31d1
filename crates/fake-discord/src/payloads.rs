//! Payload builders for the events tests dispatch (they parse in serenity 0.12.5: checked by the
//! self-test).

use super::interaction_token;
use super::{
    APPLICATION_ID, BOT_USERNAME, BOT_USER_ID, DEFAULT_CHANNEL_ID, DEFAULT_COMMAND_ID,
    DEFAULT_GUILD_ID, FIXED_TIMESTAMP,
};
use serde_json::{json, Value};

/// The bot's user object (also used as the author of messages the bot sends).
pub fn bot_user() -> Value {
    json!({
        "id": BOT_USER_ID,
        "username": BOT_USERNAME,
        "global_name": null,
        "avatar": null,
        "bot": true,
        "verified": true,
        "mfa_enabled": false,
        "flags": 0
    })
}

fn test_user(user_id: u64) -> Value {
    json!({"id": user_id.to_string(), "username": format!("user{user_id}")})
}

fn interaction(
    id: u64,
    kind: u8,
    name: &str,
    options: Value,
    user_id: u64,
    permissions: &str,
) -> Value {
    json!({
        "id": id.to_string(),
        "application_id": APPLICATION_ID,
        "type": kind,
        "data": {"id": DEFAULT_COMMAND_ID, "name": name, "type": 1, "options": options},
        "guild_id": DEFAULT_GUILD_ID,
        "channel_id": DEFAULT_CHANNEL_ID,
        "member": {
            "user": test_user(user_id),
            "roles": [],
            "deaf": false,
            "mute": false,
            "flags": 0,
            "joined_at": FIXED_TIMESTAMP,
            "permissions": permissions
        },
        "app_permissions": "0",
        "token": interaction_token(id),
        "version": 1,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10_485_760
    })
}

/// INTERACTION_CREATE data for a guild slash command (type 2) in [`DEFAULT_GUILD_ID`] /
/// [`DEFAULT_CHANNEL_ID`]. `options` is the `data.options` array, e.g.
/// `json!([{"name":"query","type":3,"value":"AMIM-21"}])`; `permissions` is the member's
/// permission bitfield as a decimal string ("0", "8" for administrator, ...).
pub fn slash_command(
    id: u64,
    name: &str,
    options: Value,
    user_id: u64,
    permissions: &str,
) -> Value {
    interaction(id, 2, name, options, user_id, permissions)
}

/// INTERACTION_CREATE data for an autocomplete request (type 4) on option `option` (string)
/// currently holding `partial`.
pub fn autocomplete(id: u64, name: &str, option: &str, partial: &str, user_id: u64) -> Value {
    let options = json!([{"name": option, "type": 3, "value": partial, "focused": true}]);
    autocomplete_with_options(id, name, options, user_id)
}

/// Autocomplete with arbitrary options; exactly one of them should carry `"focused": true`.
pub fn autocomplete_with_options(id: u64, name: &str, options: Value, user_id: u64) -> Value {
    interaction(id, 4, name, options, user_id, "0")
}

/// Turns a guild interaction from the builders into a DM one (`user` instead of `member`, no
/// `guild_id`).
pub fn into_dm(mut interaction: Value) -> Value {
    if let Value::Object(map) = &mut interaction {
        map.remove("guild_id");
        map.remove("guild_locale");
        if let Some(member) = map.remove("member") {
            map.insert("user".into(), member["user"].clone());
        }
    }
    interaction
}

/// MESSAGE_CREATE data for a guild message in [`DEFAULT_GUILD_ID`]. With `mentions_bot` the
/// bot's user is put into `mentions` (the content should then contain `<@111111111111111111>`).
pub fn message_create(
    id: u64,
    channel_id: u64,
    author_id: u64,
    content: &str,
    mentions_bot: bool,
) -> Value {
    let mut m = dm_message_create(id, channel_id, author_id, content, mentions_bot);
    m["guild_id"] = json!(DEFAULT_GUILD_ID);
    m
}

/// MESSAGE_CREATE data for a direct message (no `guild_id`).
pub fn dm_message_create(
    id: u64,
    channel_id: u64,
    author_id: u64,
    content: &str,
    mentions_bot: bool,
) -> Value {
    let mentions = if mentions_bot {
        json!([bot_user()])
    } else {
        json!([])
    };
    json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": test_user(author_id),
        "content": content,
        "timestamp": FIXED_TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": mentions,
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0
    })
}

/// The content of a mention of the bot, `<@111111111111111111>`.
pub fn bot_mention() -> String {
    format!("<@{BOT_USER_ID}>")
}
