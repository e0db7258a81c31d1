//! `/reindex` (admins only): rebuilds the index from the corpus on a blocking thread and swaps it in;
//! answers keep coming from the old index meanwhile, and stay with it when the corpus is broken.

use crate::discord::data::{Context, Data, Error};
use crate::discord::invocation::Invocation;
use agenda_core::corpus::CorpusErrors;
use agenda_core::index::{self, AgendaIndex, BuildOutcome, Cores, IndexError, Manifest};
use agenda_core::render::embed::{escape, fit, limits, EmbedSpec, Reply};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

const COLOR_OK: u32 = 0x28B463;
const COLOR_ERROR: u32 = 0xC0392B;

/// What a non-admin gets.
pub fn refusal() -> Reply {
    Reply::text(
        "Sorry, only server admins (Manage Server, or a role listed in `admin_role_ids`) can \
         rebuild the index. Answers keep coming from the current index.",
    )
}

fn rebuilt(outcome: BuildOutcome, m: &Manifest, took: Duration) -> Reply {
    let title = match outcome {
        BuildOutcome::Built => "Index rebuilt",
        BuildOutcome::UpToDate => "Index already up to date",
    };
    Reply {
        content: None,
        embeds: vec![EmbedSpec {
            title: title.into(),
            description: format!(
                "{} statements, {} paragraphs, {} facts ({} ms). Answers now come from this index.",
                m.statements,
                m.paragraphs,
                m.facts,
                took.as_millis()
            ),
            color: COLOR_OK,
            ..EmbedSpec::default()
        }],
    }
}

/// The corpus errors as `file:line: message` lines (paths relative to the corpus), as many as fit.
pub fn corpus_errors_reply(errors: &CorpusErrors, corpus_dir: &Path) -> Reply {
    let n = errors.0.len();
    let mut description = String::from(
        "Nothing changed: the index in service keeps answering. Fix these and run /reindex again.\n",
    );
    let budget = limits::DESCRIPTION - 40;
    let mut shown = 0;
    for e in &errors.0 {
        let file = e.file.strip_prefix(corpus_dir).unwrap_or(&e.file);
        let line = format!(
            "\n`{}:{}` {}",
            file.display().to_string().replace('`', "'"),
            e.line,
            escape(&fit(&e.message, 300))
        );
        if description.chars().count() + line.chars().count() > budget {
            break;
        }
        description.push_str(&line);
        shown += 1;
    }
    if shown < n {
        description.push_str(&format!("\n…and {} more.", n - shown));
    }
    Reply {
        content: None,
        embeds: vec![EmbedSpec {
            title: format!("The corpus has {n} error{}", if n == 1 { "" } else { "s" }),
            description: fit(&description, limits::DESCRIPTION),
            color: COLOR_ERROR,
            ..EmbedSpec::default()
        }],
    }
}

/// Rebuilds the index from the corpus and swaps it in (one rebuild at a time); the reply, and
/// how many facts the new index holds.
pub async fn rebuild(data: &Data) -> Result<(Reply, usize), Error> {
    let started = Instant::now();
    // One rebuild at a time; answers are not held up by this lock.
    let _rebuilding = data.reindex_lock.lock().await;
    let corpus_dir = data.config.corpus_dir.clone();
    let index_dir = data.config.index_dir.clone();
    let built = crate::background::run_at_idle_priority(move || {
        let outcome = index::ensure_built_with(&corpus_dir, &index_dir, Cores::BesideServing)?;
        Ok::<_, IndexError>((outcome, AgendaIndex::open(&index_dir)?))
    })
    .await?;
    crate::ops::metrics::index_built("reindex", built.is_ok());
    Ok(match built {
        Ok((outcome, fresh)) => {
            let reply = rebuilt(outcome, &fresh.manifest, started.elapsed());
            let facts = fresh.manifest.facts;
            // The corpus watcher may have swapped in a later build meanwhile: keep that one.
            crate::index_service::swap_in(&data.index, Arc::new(fresh));
            (reply, facts)
        }
        Err(IndexError::Corpus(errors)) => {
            tracing::warn!("{errors}");
            (corpus_errors_reply(&errors, &data.config.corpus_dir), 0)
        }
        Err(e) => {
            tracing::error!(
                error = agenda_core::error_chain::chain(&e),
                "reindex failed"
            );
            let reply = Reply::text(
                "The index could not be rebuilt (see the bot's log). The current index keeps answering.",
            );
            (reply, 0)
        }
    })
}

/// Rebuild the index from the corpus (admins only)
#[poise::command(slash_command, guild_only, default_member_permissions = "MANAGE_GUILD")]
pub async fn reindex(ctx: Context<'_>) -> Result<(), Error> {
    super::run(ctx, Invocation::Reindex).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use agenda_core::corpus::CorpusError;
    use std::path::PathBuf;

    #[test]
    fn many_corpus_errors_fit_the_limits() {
        let errors = CorpusErrors(
            (1..=500)
                .map(|i| CorpusError {
                    file: PathBuf::from("/c/facts/meetings.toml"),
                    line: i,
                    message: format!("unknown field `x{i}` *@everyone*"),
                })
                .collect(),
        );
        let reply = corpus_errors_reply(&errors, Path::new("/c"));
        assert!(reply.within_limits());
        let d = &reply.embeds[0].description;
        assert!(d.contains("`facts/meetings.toml:1` unknown field"), "{d}");
        assert!(d.contains("more."), "{d}");
        assert!(!d.contains("@everyone"), "{d}");
        assert_eq!(reply.embeds[0].title, "The corpus has 500 errors");
    }
}
