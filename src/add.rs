//! `agenda-bot add`: a new statement (text, Markdown, HTML) → its statement file and its extracted
//! facts, both written atomically; and `agenda-bot facts`, the reviewer's list of what was extracted.

use crate::corpus_sync::{self, CorpusStore, NewStatement, RowError, Stored, SyncError};
use agenda_core::atomic_file;
use agenda_core::corpus::{self, Corpus, CorpusErrors, Fact, Origin, Statement, EXTRACTED_DIR};
use agenda_core::extract;
use agenda_core::ingest::{self, content_hash, IngestError, Overrides};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One statement to add, from any transport (CLI file or stdin, Discord attachment, fetched URL).
#[derive(Debug, Clone, Default)]
pub struct AddRequest {
    pub text: String,
    /// File name or URL: used to tell the format and in messages.
    pub name: Option<String>,
    pub overrides: Overrides,
    /// Work everything out, write nothing.
    pub dry_run: bool,
}

/// What `add` wrote (or, for a dry run, would write).
#[derive(Debug, Clone)]
pub struct Added {
    pub statement_id: String,
    pub statement_path: PathBuf,
    pub facts_path: PathBuf,
    pub facts: Vec<Fact>,
    /// Repeated paragraphs, photo captions and page boilerplate left out.
    pub dropped: usize,
    /// Things to check ("no source found…").
    pub notes: Vec<String>,
    pub statement_file: String,
    pub facts_file: String,
    /// Of the paragraphs ([`statement_hash`]): the same text is added once.
    pub content_hash: String,
}

/// Why a statement was not added; `Display` is the one-line message for the person adding it.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Input(#[from] IngestError),
    #[error("this text is already in the corpus as statement {existing:?}")]
    Duplicate { existing: String },
    #[error("statement id {0:?} is already used; choose another with --id")]
    IdTaken(String),
    #[error("the corpus has errors, fix them first (`agenda-bot index` lists them)")]
    Corpus(CorpusErrors),
    #[error("the new statement did not validate ({0}); nothing was written")]
    Invalid(String),
    #[error("cannot write {}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read the corpus: {0}")]
    Read(std::io::Error),
    /// The shared store (`[store] url`) did not take it; nothing was added anywhere.
    #[error("the corpus store did not answer")]
    Store(#[source] SyncError),
    /// The store took the statement's commit without confirming it.
    #[error(
        "the corpus store did not confirm the add; add it again to know whether it was stored"
    )]
    Unconfirmed(#[source] SyncError),
    /// Stored (every other replica writes it), but not written here.
    #[error(
        "it is stored, but could not be written into this corpus (the next catch-up tries again)"
    )]
    NotWrittenHere(#[source] RowError),
}

impl AddError {
    /// The shared store failed (its cause, with the database's address, is for the log only).
    pub fn is_store(&self) -> bool {
        matches!(
            self,
            AddError::Store(_) | AddError::Unconfirmed(_) | AddError::NotWrittenHere(_)
        )
    }

    /// The statement may be stored although the add did not finish.
    pub fn may_be_stored(&self) -> bool {
        matches!(self, AddError::Unconfirmed(_) | AddError::NotWrittenHere(_))
    }
}

impl From<SyncError> for AddError {
    fn from(e: SyncError) -> AddError {
        match e {
            SyncError::Duplicate { existing } => AddError::Duplicate { existing },
            SyncError::IdTaken(id) => AddError::IdTaken(id),
            e @ SyncError::Unconfirmed(_) => AddError::Unconfirmed(e),
            e => AddError::Store(e),
        }
    }
}

/// Adds one statement to `corpus_dir`: writes `statements/<id>.md`, then
/// `facts/extracted/<id>.toml`, each atomically, after checking that the corpus with both still
/// validates. The text is refused when the corpus already holds the same paragraphs. The caller
/// rebuilds the index.
pub fn add(corpus_dir: &Path, req: &AddRequest) -> Result<Added, AddError> {
    let format = ingest::detect_format(req.name.as_deref(), &req.text);
    let draft = ingest::draft(&req.text, format, &req.overrides)?;
    let sources = read_sources(corpus_dir)?;
    let existing = Corpus::from_sources(&sources).map_err(AddError::Corpus)?;

    let hash = draft.content_hash();
    if let Some(s) = existing
        .statements
        .iter()
        .find(|s| statement_hash(s) == hash)
    {
        return Err(AddError::Duplicate {
            existing: s.id.clone(),
        });
    }
    let statements_dir = corpus_dir.join("statements");
    let extracted_dir = corpus_dir.join("facts").join(EXTRACTED_DIR);
    let taken = |id: &str| {
        existing.statement(id).is_some()
            || statements_dir.join(format!("{id}.md")).exists()
            || extracted_dir.join(format!("{id}.toml")).exists()
    };
    let id = match &draft.id {
        Some(id) if taken(id) => return Err(AddError::IdTaken(id.clone())),
        Some(id) => id.clone(),
        None => {
            let base = ingest::slug(&draft.title);
            (1..)
                .map(|n| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}-{n}")
                    }
                })
                .find(|id| !taken(id))
                .expect("an unused id")
        }
    };
    let statement_path = statements_dir.join(format!("{id}.md"));
    let facts_path = extracted_dir.join(format!("{id}.toml"));
    let statement_file = draft.to_statement_file(&id);

    let mut with_statement = sources;
    with_statement.push((statement_path.clone(), statement_file.clone()));
    let statement = Corpus::from_sources(&with_statement)
        .map_err(|e| AddError::Invalid(first_error(&e)))?
        .statement(&id)
        .cloned()
        .ok_or_else(|| AddError::Invalid("the statement was not read back".into()))?;
    let facts = extract::extract_with(&statement, &existing.bodies);
    let facts_file = extract::to_toml(&statement, &facts);
    let mut with_facts = with_statement;
    with_facts.push((facts_path.clone(), facts_file.clone()));
    Corpus::from_sources(&with_facts).map_err(|e| AddError::Invalid(first_error(&e)))?;

    if !req.dry_run {
        let write = |path: &Path, text: &str| {
            atomic_file::write(path, text.as_bytes()).map_err(|source| AddError::Write {
                path: path.to_path_buf(),
                source,
            })
        };
        write(&statement_path, &statement_file)?;
        if let Err(e) = write(&facts_path, &facts_file) {
            // A statement without its facts would be a half-done add: take it back.
            let _ = std::fs::remove_file(&statement_path);
            return Err(e);
        }
    }
    Ok(Added {
        statement_id: id,
        statement_path,
        facts_path,
        facts,
        dropped: draft.dropped,
        notes: draft.notes,
        statement_file,
        facts_file,
        content_hash: hash,
    })
}

/// [`add`] through the shared store (`[store] url`): what other replicas added is written here
/// first (so the duplicate check and the id see it), then the statement is worked out against
/// this corpus, stored with its facts in one transaction (which tells every replica), and
/// written here as every replica writes it ([`corpus_sync::write_stored`]). Stopped before the
/// commit, nothing was added; after it, the files are written again by the next catch-up. An id
/// made from the title that another replica stored meanwhile is made again once. A dry run
/// stores nothing.
pub async fn add_stored(
    store: &CorpusStore,
    corpus_dir: &Path,
    req: &AddRequest,
    added_by: &str,
) -> Result<Added, AddError> {
    let mut tries = if req.overrides.id.is_some() { 1 } else { 2 };
    let (added, seq) = loop {
        tries -= 1;
        corpus_sync::catch_up(store, corpus_dir).await?;
        let (dir, mut draft) = (corpus_dir.to_path_buf(), req.clone());
        draft.dry_run = true;
        let added = tokio::task::spawn_blocking(move || add(&dir, &draft))
            .await
            .map_err(|_| SyncError::Interrupted)??;
        if req.dry_run {
            return Ok(added);
        }
        let stored = store
            .insert(NewStatement {
                id: &added.statement_id,
                content_hash: &added.content_hash,
                statement_file: &added.statement_file,
                facts_file: &added.facts_file,
                added_by,
            })
            .await;
        match stored {
            Err(SyncError::IdTaken(id)) if tries > 0 => {
                tracing::info!(
                    id,
                    "add: another replica stored this id meanwhile; made again"
                );
            }
            stored => break (added, stored?),
        }
    };
    let stored = Stored {
        seq,
        id: added.statement_id.clone(),
        statement_file: added.statement_file.clone(),
        facts_file: added.facts_file.clone(),
    };
    let dir = corpus_dir.to_path_buf();
    let written = tokio::task::spawn_blocking(move || corpus_sync::write_stored(&dir, &stored))
        .await
        .map_err(|_| SyncError::Interrupted)?;
    written.map_err(AddError::NotWrittenHere)?;
    Ok(added)
}

fn read_sources(corpus_dir: &Path) -> Result<Vec<(PathBuf, String)>, AddError> {
    let files = corpus::corpus_files(corpus_dir).map_err(AddError::Read)?;
    files
        .into_iter()
        .map(|p| {
            std::fs::read_to_string(&p)
                .map(|t| (p, t))
                .map_err(AddError::Read)
        })
        .collect()
}

fn first_error(e: &CorpusErrors) -> String {
    e.0.first().map_or_else(|| e.to_string(), |x| x.to_string())
}

/// The content hash of a statement already in the corpus, comparable with a draft's.
pub fn statement_hash(s: &Statement) -> String {
    content_hash(s.paragraphs.iter().map(|p| p.text.as_str()))
}

/// One line per fact: "meeting amim-21 — 21st ASEAN Military Intelligence Meeting (AMIM-21): September 3 2024, Vientiane, Laos [¶2, ¶4]".
pub fn fact_line(fact: &Fact) -> String {
    let key: Vec<String> = fact
        .fields()
        .into_iter()
        .filter(|(label, _)| {
            matches!(
                label.as_ref(),
                "Date" | "Place" | "Timeline" | "Expected outcome" | "Category"
            )
        })
        .map(|(_, v)| v)
        .collect();
    let paragraphs: Vec<String> = fact
        .cites()
        .iter()
        .filter_map(|c| corpus::split_cite(c))
        .map(|(_, n)| format!("¶{n}"))
        .collect();
    let mut line = format!("{} {} — {}", fact.kind().as_str(), fact.id(), fact.title());
    if !key.is_empty() {
        line.push_str(": ");
        line.push_str(&key.join(", "));
    }
    line.push_str(&format!(" [{}]", paragraphs.join(", ")));
    line
}

/// "2 meetings, 3 mechanisms, 0 initiatives, 0 areas".
pub fn fact_counts(facts: &[Fact]) -> String {
    let counts = extract::counts(facts);
    corpus::FactKind::ALL
        .iter()
        .map(|k| {
            let n = counts.get(k.as_str()).copied().unwrap_or(0);
            format!("{n} {}{}", k.as_str(), if n == 1 { "" } else { "s" })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `agenda-bot facts`: the extracted facts (of one statement, or all), each with the paragraphs
/// it cites, so a reviewer can check them against the text.
pub fn list_facts(
    corpus: &Corpus,
    statement: Option<&str>,
    as_json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if let Some(id) = statement {
        if corpus.statement(id).is_none() {
            anyhow::bail!("no statement {id:?} in the corpus");
        }
    }
    let facts: Vec<&Fact> = corpus
        .facts
        .iter()
        .filter(|f| f.origin() == Origin::Extracted)
        .filter(|f| {
            statement.is_none_or(|id| {
                f.cites()
                    .iter()
                    .any(|c| corpus::split_cite(c).is_some_and(|(s, _)| s == id))
            })
        })
        .collect();
    let cited = |c: &str| {
        let (s, n) = corpus::split_cite(c)?;
        let p = corpus.statement(s)?.paragraph(n)?;
        Some((s.to_string(), n, p.text.clone()))
    };
    if as_json {
        let results: Vec<_> = facts
            .iter()
            .map(|f| {
                let fields: serde_json::Map<String, serde_json::Value> = f
                    .fields()
                    .into_iter()
                    .map(|(k, v)| (k.into_owned(), json!(v)))
                    .collect();
                json!({
                    "kind": f.kind().as_str(),
                    "id": f.id(),
                    "title": f.title(),
                    "origin": f.origin().as_str(),
                    "fields": fields,
                    "cites": f.cites().iter().filter_map(|c| cited(c)).map(|(s, n, text)| json!({
                        "statement_id": s, "paragraph": n, "text": text,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(
            &mut *out,
            &json!({ "statement": statement, "results": results }),
        )?;
        writeln!(out)?;
        return Ok(());
    }
    if facts.is_empty() {
        writeln!(out, "No extracted facts.")?;
        return Ok(());
    }
    let owned: Vec<Fact> = facts.iter().map(|f| (*f).clone()).collect();
    writeln!(out, "{} extracted: {}", facts.len(), fact_counts(&owned))?;
    for f in facts {
        writeln!(out, "\n{} {} — {}", f.kind().as_str(), f.id(), f.title())?;
        for (label, value) in f.fields() {
            writeln!(out, "  {label}: {value}")?;
        }
        for (s, n, text) in f.cites().iter().filter_map(|c| cited(c)) {
            let short: String = text.replace('\n', " ").chars().take(110).collect();
            let more = if text.chars().count() > 110 {
                "…"
            } else {
                ""
            };
            writeln!(out, "  ▸ {s}#{n}: {short}{more}")?;
        }
    }
    Ok(())
}

fn is_url(input: &str) -> bool {
    input.starts_with("http://") || input.starts_with("https://")
}

/// Reads one input of `agenda-bot add`: a file, a URL (fetched), or `-` for standard input;
/// size-capped.
pub fn read_input(input: &str) -> anyhow::Result<String> {
    use anyhow::Context;
    if is_url(input) {
        return Ok(crate::fetch::fetch_blocking(input, &crate::fetch::Limits::default())?.text);
    }
    let cap = ingest::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if input == "-" {
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin().lock(), cap),
            &mut bytes,
        )
        .context("cannot read standard input")?;
    } else {
        let file = std::fs::File::open(input).with_context(|| format!("cannot open {input}"))?;
        std::io::Read::read_to_end(&mut std::io::Read::take(file, cap), &mut bytes)
            .with_context(|| format!("cannot read {input}"))?;
    }
    Ok(ingest::check_bytes(&bytes)?.to_string())
}

/// `agenda-bot add INPUT...`: adds each input in turn (stopping at the first refused one), prints
/// what was written, then rebuilds the index once.
pub fn run_cli(
    config: &crate::config::Config,
    inputs: &[String],
    overrides: &Overrides,
    dry_run: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use anyhow::Context;
    if inputs.len() > 1 && (overrides.id.is_some() || overrides.title.is_some()) {
        anyhow::bail!("--id and --title name one statement: add the inputs one at a time");
    }
    // With a shared store, each statement goes through it (so every replica learns of it).
    let shared = match CorpusStore::from_config(config)? {
        Some(store) if !dry_run => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            Some((store, runtime))
        }
        _ => None,
    };
    let mut added = 0;
    for input in inputs {
        let text = read_input(input).with_context(|| input.clone())?;
        let name = (input != "-").then(|| input.clone());
        let mut overrides = overrides.clone();
        if is_url(input) && overrides.url.is_none() {
            overrides.url = Some(input.clone());
        }
        let req = AddRequest {
            text,
            name,
            overrides,
            dry_run,
        };
        let started = std::time::Instant::now();
        let a = match &shared {
            Some((store, runtime)) => runtime.block_on(add_stored(
                store,
                &config.corpus_dir,
                &req,
                "agenda-bot add",
            )),
            None => add(&config.corpus_dir, &req),
        }
        .with_context(|| input.clone())?;
        let verb = if dry_run { "would add" } else { "added" };
        writeln!(
            out,
            "{verb} statement {} ({}), {} dropped (repeats, captions) ({:.0?})",
            a.statement_id,
            a.statement_path.display(),
            a.dropped,
            started.elapsed()
        )?;
        writeln!(
            out,
            "  facts ({}): {}",
            a.facts_path.display(),
            fact_counts(&a.facts)
        )?;
        for f in &a.facts {
            writeln!(out, "    {}", fact_line(f))?;
        }
        for n in &a.notes {
            writeln!(out, "  note: {n}")?;
        }
        if dry_run {
            writeln!(
                out,
                "\n--- {}\n{}",
                a.statement_path.display(),
                a.statement_file
            )?;
            writeln!(out, "--- {}\n{}", a.facts_path.display(), a.facts_file)?;
        }
        added += 1;
    }
    if added > 0 && !dry_run {
        crate::index_service::build(config, out)?;
    }
    Ok(())
}
