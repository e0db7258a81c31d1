//! `/add` (admins only): a statement from an attached text, Markdown or HTML file or from a URL →
//! [`crate::add::add`] → the index rebuilt and swapped in; the reply lists the statement and the
//! facts found, one line each. Bad input gets an ephemeral one-line message and changes nothing.

use crate::add::{self, AddRequest, Added};
use crate::discord::data::{Context, Data, Error};
use crate::discord::invocation::Invocation;
use crate::fetch::{self, Limits};
use agenda_core::corpus::FactKind;
use agenda_core::digest::milestones;
use agenda_core::index::{self, AgendaIndex, Cores, IndexError};
use agenda_core::ingest::Overrides;
use agenda_core::render::embed::{escape, fit, limits, EmbedSpec, Reply};
use serenity::all::Attachment;
use std::path::Path;
use std::sync::Arc;

const COLOR_OK: u32 = 0x28B463;

/// File names an attachment may have (the text form, Markdown, a saved page).
const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// Why `/add` refused, as the one line the caller sees (causes are logged apart).
pub fn refusal(text: &str) -> Reply {
    Reply::text(&format!("Nothing was added: {text}"))
}

/// Checks an attachment before anything is downloaded: size and kind.
pub fn check_attachment(
    filename: &str,
    content_type: Option<&str>,
    size: u64,
) -> Result<(), String> {
    if size == 0 {
        return Err(format!("`{}` is empty.", escape(filename)));
    }
    if size > fetch::MAX_BYTES as u64 {
        return Err(format!(
            "`{}` is {} KiB; at most 1 MiB is accepted.",
            escape(filename),
            size.div_ceil(1024)
        ));
    }
    let extension = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    let text_type = content_type.is_some_and(|t| {
        let t = t.split(';').next().unwrap_or("").trim();
        t.starts_with("text/") || t == "application/xhtml+xml"
    });
    if !text_type && !extension.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
        return Err(format!(
            "`{}` is not a text, Markdown or HTML file.",
            escape(filename)
        ));
    }
    Ok(())
}

/// The reply to a successful `/add`: the statement, then one line per fact and milestone, as many
/// as fit in one embed.
pub fn added_reply(added: &Added, title: &str, corpus_dir: &Path) -> Reply {
    let path = |p: &Path| {
        p.strip_prefix(corpus_dir)
            .unwrap_or(p)
            .display()
            .to_string()
            .replace('`', "'")
    };
    let mut lines = vec![format!(
        "Statement `{}` ({}), facts in `{}`.",
        added.statement_id.replace('`', "'"),
        path(&added.statement_path),
        path(&added.facts_path)
    )];
    for kind in [FactKind::Meeting, FactKind::Mechanism, FactKind::Initiative] {
        lines.extend(
            added
                .facts
                .iter()
                .filter(|f| f.kind() == kind)
                .map(|f| escape(&add::fact_line(f))),
        );
    }
    lines.extend(
        milestones::all(&added.facts)
            .iter()
            .map(|m| format!("**Milestone** {} — {}", escape(&m.summary()), m.when())),
    );
    if added.facts.is_empty() {
        lines.push("No meetings, mechanisms or initiatives were recognised.".into());
    }
    let budget = limits::DESCRIPTION - 40;
    let mut description = String::new();
    let mut shown = 0;
    for line in &lines {
        let line = fit(line, 300);
        if description.chars().count() + line.chars().count() + 1 > budget {
            break;
        }
        description.push_str(&line);
        description.push('\n');
        shown += 1;
    }
    if shown < lines.len() {
        description.push_str(&format!("…and {} more.", lines.len() - shown));
    }
    Reply {
        content: None,
        embeds: vec![EmbedSpec {
            title: fit(&format!("Added: {title}"), limits::TITLE),
            description: description.trim_end().to_string(),
            color: COLOR_OK,
            footer: Some(
                "Extracted facts are not reviewed yet: check them with `agenda-bot facts`.".into(),
            ),
            ..EmbedSpec::default()
        }],
    }
}

/// Where `/add` takes its statement from: an attachment or a page, checked before any download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// What is downloaded.
    pub url: String,
    /// The name the statement's id is made from.
    pub name: String,
    /// The page's address, recorded in the statement (none for an attachment).
    pub page: Option<String>,
}

/// The source of one `/add`: exactly one of `file` and `url`, the file checked by
/// [`check_attachment`]; the `Err` is the one line the admin sees.
pub fn source_of(file: Option<&Attachment>, url: Option<&str>) -> Result<Source, String> {
    match (file, url.map(str::trim)) {
        (Some(file), None) => {
            check_attachment(
                &file.filename,
                file.content_type.as_deref(),
                u64::from(file.size),
            )?;
            Ok(Source {
                url: file.url.clone(),
                name: file.filename.clone(),
                page: None,
            })
        }
        (None, Some(url)) => Ok(Source {
            url: url.to_string(),
            name: url.to_string(),
            page: Some(url.to_string()),
        }),
        _ => Err("attach one file or give one `url`.".into()),
    }
}

/// How an `/add` that may have stored its statement without finishing begins its answer.
const NOT_FINISHED: &str = "Not finished: ";

/// The one line a non-admin gets.
pub const NOT_ADMIN: &str = "only server admins (Manage Server, or a role listed in \
                             `admin_role_ids`) can add statements.";

/// Downloads `source`, adds it to the corpus (through the shared store when there is one) and
/// swaps the rebuilt index in; the reply, and how many facts it lists.
pub async fn add_from(data: &Data, source: Source, user: u64) -> Result<(Reply, usize), Error> {
    let fetched = match fetch::fetch(&source.url, &Limits::default()).await {
        Ok(fetched) => fetched,
        Err(e) => {
            tracing::info!(error = format!("{e:#}"), "add: fetch failed");
            return Ok((refusal(&format!("{e}.")), 0));
        }
    };
    let request = AddRequest {
        text: fetched.text,
        name: Some(source.name),
        overrides: Overrides {
            url: source.page,
            ..Overrides::default()
        },
        dry_run: false,
    };

    // One change of the corpus and index at a time (shared with /reindex).
    let _rebuilding = data.reindex_lock.lock().await;
    let corpus_dir = data.config.corpus_dir.clone();
    let index_dir = data.config.index_dir.clone();
    let outcome = match &data.corpus_store {
        None => {
            crate::background::run_at_idle_priority(move || {
                add_and_rebuild(&corpus_dir, &index_dir, &request)
            })
            .await?
        }
        Some(store) => {
            let by = format!("discord user {user}");
            match add::add_stored(store, &corpus_dir, &request, &by).await {
                Err(e) => Err(AddFailed::Add(e)),
                Ok(added) => {
                    crate::background::run_at_idle_priority(move || {
                        rebuild(&index_dir, &corpus_dir)
                            .map(|index| (added, index))
                            .map_err(AddFailed::RebuildStored)
                    })
                    .await?
                }
            }
        }
    };
    let reply = match outcome {
        Ok((added, fresh)) => {
            let title = statement_title(&added.statement_path)
                .unwrap_or_else(|| added.statement_id.clone());
            let reply = added_reply(&added, &title, &data.config.corpus_dir);
            // The corpus watcher may have swapped in a later build meanwhile: keep that one.
            crate::index_service::swap_in(&data.index, Arc::new(fresh));
            reply
        }
        Err(AddFailed::Add(e)) if e.is_store() => {
            tracing::error!(error = %agenda_core::error_chain::chain(&e), "add: the corpus store");
            match e.may_be_stored() {
                true => Reply::text(&format!("{NOT_FINISHED}{e}.")),
                false => refusal(&format!("{e}.")),
            }
        }
        Err(AddFailed::Add(e)) => refusal(&agenda_core::error_chain::chain(&e)),
        Err(AddFailed::RebuildStored(e)) => {
            tracing::error!(
                error = format!("{e:#}"),
                "add: stored, but the rebuild failed; other replicas have it"
            );
            Reply::text(&format!("{NOT_FINISHED}it is stored, but this bot's index could not be rebuilt with it (see the bot's log); the current index keeps answering."))
        }
        Err(AddFailed::Rebuild(e)) => {
            tracing::error!(
                error = format!("{e:#}"),
                "add: rebuild failed; statement taken out"
            );
            refusal("the index could not be rebuilt with it (see the bot's log); the current index keeps answering.")
        }
    };
    let listed = reply.embeds.len();
    Ok((reply, listed))
}

/// Add a statement from a text, Markdown or HTML file, or from a web page (admins only)
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
pub async fn add(
    ctx: Context<'_>,
    #[description = "A text, Markdown or HTML file (at most 1 MiB)"] file: Option<Attachment>,
    #[description = "The address (http or https) of a news or ministry page"] url: Option<String>,
) -> Result<(), Error> {
    super::run(ctx, Invocation::Add { file, url }).await
}

enum AddFailed {
    Add(add::AddError),
    Rebuild(IndexError),
    /// Through the store: the statement stays (the other replicas have it too).
    RebuildStored(IndexError),
}

/// Writes the statement and its facts, then builds and opens the new index; when the build fails
/// the two files are taken out again, so the corpus stays as it was.
fn add_and_rebuild(
    corpus_dir: &Path,
    index_dir: &Path,
    request: &AddRequest,
) -> Result<(Added, AgendaIndex), AddFailed> {
    let added = add::add(corpus_dir, request).map_err(AddFailed::Add)?;
    match rebuild(index_dir, corpus_dir) {
        Ok(index) => Ok((added, index)),
        Err(e) => {
            for path in [&added.statement_path, &added.facts_path] {
                if let Err(io) = std::fs::remove_file(path) {
                    tracing::error!(path = %path.display(), error = %io, "add: could not take a file out");
                }
            }
            Err(AddFailed::Rebuild(e))
        }
    }
}

/// Builds and opens the index after an add.
fn rebuild(index_dir: &Path, corpus_dir: &Path) -> Result<AgendaIndex, IndexError> {
    let rebuilt = index::ensure_built_with(corpus_dir, index_dir, Cores::BesideServing)
        .and_then(|_| AgendaIndex::open(index_dir));
    crate::ops::metrics::index_built("add", rebuilt.is_ok());
    rebuilt
}

/// The `title` of a written statement's front matter.
fn statement_title(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let front = text.strip_prefix("+++\n")?.split("\n+++").next()?;
    let table: toml::Table = toml::from_str(front).ok()?;
    table.get("title")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn attachments_are_checked_before_download() {
        assert_eq!(check_attachment("a.txt", Some("text/plain"), 10), Ok(()));
        assert_eq!(check_attachment("page.HTML", None, 10), Ok(()));
        assert_eq!(
            check_attachment("notes", Some("text/markdown; charset=utf-8"), 10),
            Ok(())
        );
        let refused = [
            ("a.txt", Some("text/plain"), 0, "`a.txt` is empty."),
            (
                "big.md",
                None,
                (1 << 20) + 1,
                "`big.md` is 1025 KiB; at most 1 MiB is accepted.",
            ),
            (
                "photo.png",
                Some("image/png"),
                10,
                "`photo.png` is not a text, Markdown or HTML file.",
            ),
            (
                "doc.pdf",
                Some("application/pdf"),
                10,
                "`doc.pdf` is not a text, Markdown or HTML file.",
            ),
        ];
        for (name, content_type, size, message) in refused {
            assert_eq!(
                check_attachment(name, content_type, size),
                Err(message.to_string())
            );
        }
    }

    #[test]
    fn a_reply_with_many_facts_fits_discord() {
        let shipped = &agenda_core::testing::shipped_corpus().facts;
        let facts: Vec<_> = shipped.iter().cycle().take(400).cloned().collect();
        let added = Added {
            statement_id: "s".into(),
            statement_path: PathBuf::from("/c/statements/s.md"),
            facts_path: PathBuf::from("/c/facts/extracted/s.toml"),
            facts,
            dropped: 0,
            notes: vec![],
            statement_file: String::new(),
            facts_file: String::new(),
            content_hash: String::new(),
        };
        let reply = added_reply(&added, &"T".repeat(500), Path::new("/c"));
        assert!(reply.within_limits());
        let description = &reply.embeds[0].description;
        assert!(description.starts_with(
            "Statement `s` (statements/s.md), facts in `facts/extracted/s.toml`.\nmeeting "
        ));
        assert!(description.ends_with("more."), "{description}");
    }
}
