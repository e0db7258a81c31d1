//! Index: the tantivy schema, atomic builds into generations, and opening the current one read-only.

pub mod aliases;

use crate::analysis::{self, TOKENIZER};
use crate::corpus::{
    corpus_files, series_key, stray_files, Area, Corpus, CorpusErrors, Fact, Initiative, Mechanism,
    Meeting, Thesaurus,
};
use aliases::{Alias, AliasRegistry};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING,
};
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument};

/// Bumped whenever the schema, the analysis or what goes into a document changes:
/// an index of another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 7;

const CURRENT: &str = "CURRENT";
const MANIFEST: &str = "manifest.json";
const FACTS: &str = "facts.json";
const ALIASES: &str = "aliases.json";
const THESAURUS: &str = "thesaurus.json";

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Corpus(#[from] CorpusErrors),
    #[error("no index at {} yet; build it with `agenda-bot index`", .0.display())]
    Missing(PathBuf),
    #[error("index at {}: {message}", path.display())]
    Broken { path: PathBuf, message: String },
    #[error("index I/O at {}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("index file {} cannot be used", path.display())]
    File { path: PathBuf, source: FileError },
    #[error("the tantivy index failed")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// What is wrong with one of a generation's JSON files.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error("the thread reading it panicked")]
    Panicked,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> IndexError + '_ {
    move |source| IndexError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a generation was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    pub fingerprint: String,
    /// When the build finished; stored as RFC 3339 text (`2026-11-22T05:00:00.123Z`), as
    /// manifests always were.
    pub built_at: jiff::Timestamp,
    pub statements: usize,
    pub paragraphs: usize,
    pub facts: usize,
}

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// "paragraph" or a fact kind.
    pub kind: Field,
    /// `statement-id#N` for a paragraph, the fact id for a fact.
    pub id: Field,
    /// Names and aliases of a fact (empty for paragraphs); weighted highest.
    pub names: Field,
    /// Statement title, or the fact's title.
    pub title: Field,
    /// Paragraph text, or all the fact's text.
    pub body: Field,
    pub statement: Field,
    pub number: Field,
    pub source: Field,
    pub date: Field,
    pub url: Field,
}

pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |record| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(record),
        )
    };
    // Only the body is searched by phrase: names and titles need no positions.
    let fields = Fields {
        kind: b.add_text_field("kind", STRING | STORED),
        // Ids are single raw tokens; indexed with frequencies (always 1, so scores are unchanged)
        // so that a question naming a fact still ranks by block-max WAND.
        id: b.add_text_field(
            "id",
            TextOptions::default()
                .set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer("raw")
                        .set_index_option(IndexRecordOption::WithFreqs),
                )
                .set_stored(),
        ),
        names: b.add_text_field("names", text(IndexRecordOption::WithFreqs)),
        title: b.add_text_field("title", text(IndexRecordOption::WithFreqs) | STORED),
        body: b.add_text_field(
            "body",
            text(IndexRecordOption::WithFreqsAndPositions) | STORED,
        ),
        statement: b.add_text_field("statement", STRING | STORED),
        number: b.add_u64_field("number", STORED),
        source: b.add_text_field("source", STORED),
        date: b.add_text_field("date", STORED),
        url: b.add_text_field("url", STORED),
    };
    (b.build(), fields)
}

/// An open index: tantivy plus the facts and aliases built with it.
pub struct AgendaIndex {
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
    pub facts: Vec<Fact>,
    fact_pos: HashMap<String, usize>,
    /// The series of the numbered meetings, as [`series_key`]s.
    series: HashSet<String>,
    pub aliases: AliasRegistry,
    /// The corpus's thesaurus, which queries expand through.
    pub thesaurus: Thesaurus,
    pub manifest: Manifest,
    /// The generation directory, when on disk.
    pub dir: Option<PathBuf>,
}

impl std::fmt::Debug for AgendaIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AgendaIndex")
            .field("manifest", &self.manifest)
            .field("dir", &self.dir)
            .finish()
    }
}

impl AgendaIndex {
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.fact_pos.get(id).map(|&i| &self.facts[i])
    }

    /// Whether `key` (a [`series_key`]) is the series of a numbered meeting.
    pub fn is_series(&self, key: &str) -> bool {
        self.series.contains(key)
    }

    /// Builds an index in memory (tests, benchmarks).
    pub fn build_in_ram(corpus: &Corpus) -> Result<AgendaIndex, IndexError> {
        let (schema, fields) = schema();
        let index = Index::builder()
            .schema(schema)
            .settings(index_settings())
            .create_in_ram()?;
        index.tokenizers().register(TOKENIZER, analysis::analyzer());
        write_documents(&index, fields, corpus, Cores::All)?;
        let manifest = manifest_for(corpus, "in-memory".into());
        let aliases = AliasRegistry::from_corpus(corpus);
        let lookups = Lookups {
            aliases,
            thesaurus: corpus.thesaurus.clone(),
        };
        AgendaIndex::assemble(index, fields, corpus.facts.clone(), lookups, manifest, None)
    }

    fn assemble(
        index: Index,
        fields: Fields,
        facts: Vec<Fact>,
        Lookups { aliases, thesaurus }: Lookups,
        manifest: Manifest,
        dir: Option<PathBuf>,
    ) -> Result<AgendaIndex, IndexError> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let fact_pos = facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id().to_string(), i))
            .collect();
        let series = facts
            .iter()
            .filter_map(|f| match f {
                Fact::Meeting(m) if m.number.is_some() => m.acronym.as_deref().map(series_key),
                _ => None,
            })
            .collect();
        Ok(AgendaIndex {
            index,
            reader,
            fields,
            facts,
            fact_pos,
            series,
            aliases,
            thesaurus,
            manifest,
            dir,
        })
    }

    /// Opens the current generation under `root`, read-only (mmap).
    pub fn open(root: &Path) -> Result<AgendaIndex, IndexError> {
        let dir =
            current_generation(root)?.ok_or_else(|| IndexError::Missing(root.to_path_buf()))?;
        let broken = |message: String| IndexError::Broken {
            path: dir.clone(),
            message,
        };
        let manifest: Manifest = read_json(&dir.join(MANIFEST))?;
        if manifest.schema_version != SCHEMA_VERSION {
            return Err(broken(format!(
                "schema version {} is not this program's {SCHEMA_VERSION}",
                manifest.schema_version
            )));
        }
        // Facts and aliases are parsed on two threads while tantivy opens on this one: at 1M
        // paragraphs they are megabytes of JSON, the bulk of a cold start.
        let (index, facts, aliases) = std::thread::scope(|scope| {
            let aliases = scope.spawn(|| {
                let aliases = read_json::<Vec<Alias>>(&dir.join(ALIASES)).map(AliasRegistry::new);
                let thesaurus = read_json::<Thesaurus>(&dir.join(THESAURUS));
                aliases.and_then(|aliases| {
                    Ok(Lookups {
                        aliases,
                        thesaurus: thesaurus?,
                    })
                })
            });
            let facts = scope.spawn(|| {
                read_json::<Vec<StoredFact>>(&dir.join(FACTS))
                    .map(|v| v.into_iter().map(Fact::from).collect::<Vec<Fact>>())
            });
            // Queries read the index at random (a doc-store block here, a posting block there);
            // with the default advice each page fault reads ahead as much as the device's
            // read-ahead (8 MiB on a virtio disk, 5–10 ms a fault on a cold page cache).
            let advice = tantivy::directory::Advice::Random;
            let index = tantivy::directory::MmapDirectory::open_with_madvice(&dir, advice)
                .map_err(tantivy::TantivyError::from)
                .and_then(Index::open);
            // Meanwhile, bring the small structures every query reads at random (field norms, the
            // term dictionaries) into the page cache with a few sequential reads, instead of one
            // page fault per 4 KiB on the first queries after a boot.
            prefetch(&dir, &["fieldnorm", "term"]);
            (
                index,
                joined(facts.join(), &dir.join(FACTS)),
                joined(aliases.join(), &dir.join(ALIASES)),
            )
        });
        let index = index?;
        let facts = facts?;
        let lookups = aliases?;
        index.tokenizers().register(TOKENIZER, analysis::analyzer());
        let (_, fields) = schema();
        AgendaIndex::assemble(index, fields, facts, lookups, manifest, Some(dir))
    }
}

/// The name lookups stored beside the tantivy index: aliases and the thesaurus.
struct Lookups {
    aliases: AliasRegistry,
    thesaurus: Thesaurus,
}

/// Facts as a generation stores them: externally tagged (`{"meeting": {...}}`), which serde
/// reads in one pass, where the internally tagged [`Fact`] would buffer every entry first.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum StoredFact {
    Meeting(Box<Meeting>),
    Initiative(Initiative),
    Mechanism(Mechanism),
    Area(Area),
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum StoredFactRef<'a> {
    Meeting(&'a Meeting),
    Initiative(&'a Initiative),
    Mechanism(&'a Mechanism),
    Area(&'a Area),
}

impl From<StoredFact> for Fact {
    fn from(f: StoredFact) -> Fact {
        match f {
            StoredFact::Meeting(m) => Fact::Meeting(m),
            StoredFact::Initiative(i) => Fact::Initiative(i),
            StoredFact::Mechanism(m) => Fact::Mechanism(m),
            StoredFact::Area(a) => Fact::Area(a),
        }
    }
}

impl<'a> From<&'a Fact> for StoredFactRef<'a> {
    fn from(f: &'a Fact) -> StoredFactRef<'a> {
        match f {
            Fact::Meeting(m) => StoredFactRef::Meeting(m),
            Fact::Initiative(i) => StoredFactRef::Initiative(i),
            Fact::Mechanism(m) => StoredFactRef::Mechanism(m),
            Fact::Area(a) => StoredFactRef::Area(a),
        }
    }
}

/// Reads the files of `dir` with these extensions once, sequentially, discarding the bytes: a hint
/// to the page cache; errors are ignored.
fn prefetch(dir: &Path, extensions: &[&str]) {
    use std::io::Read;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut buf = vec![0u8; 1 << 20];
    for entry in entries.flatten() {
        let path = entry.path();
        if !path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            continue;
        }
        if let Ok(mut f) = std::fs::File::open(&path) {
            while matches!(f.read(&mut buf), Ok(n) if n > 0) {}
        }
    }
}

/// The result of a thread that read `path`.
fn joined<T>(r: std::thread::Result<Result<T, IndexError>>, path: &Path) -> Result<T, IndexError> {
    r.unwrap_or_else(|_| {
        Err(IndexError::File {
            path: path.to_path_buf(),
            source: FileError::Panicked,
        })
    })
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, IndexError> {
    let file_error = |source: FileError| IndexError::File {
        path: path.to_path_buf(),
        source,
    };
    let bytes = std::fs::read(path).map_err(|e| file_error(e.into()))?;
    serde_json::from_slice(&bytes).map_err(|e| file_error(e.into()))
}

fn manifest_for(corpus: &Corpus, fingerprint: String) -> Manifest {
    Manifest {
        schema_version: SCHEMA_VERSION,
        fingerprint,
        built_at: jiff::Timestamp::now(),
        statements: corpus.statements.len(),
        paragraphs: corpus.statements.iter().map(|s| s.paragraphs.len()).sum(),
        facts: corpus.facts.len(),
    }
}

/// Document-store blocks of 4 KiB (tantivy's default is 16 KiB): every stored document fetched
/// (a snippet, a citation) decompresses its whole block, and a query fetches a few scattered
/// ones; the store grows by a few percent.
fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_blocksize: 4_096,
        ..tantivy::IndexSettings::default()
    }
}

/// How many cores a build may take for tantivy's indexing threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cores {
    /// All of them, up to 4: a build that nothing else waits beside (the CLI, a benchmark).
    #[default]
    All,
    /// One fewer than the machine has (at least one): a rebuild while the bot answers. The
    /// thread feeding the documents keeps a core busy already, so on two cores a second
    /// indexing thread would only compete with the answers (and leave a segment more to merge).
    BesideServing,
}

impl Cores {
    /// Indexing threads on a machine with `available` cores.
    pub fn indexing_threads(self, available: usize) -> usize {
        match self {
            Cores::All => available.clamp(1, 4),
            Cores::BesideServing => available.saturating_sub(1).clamp(1, 4),
        }
    }
}

fn write_documents(
    index: &Index,
    f: Fields,
    corpus: &Corpus,
    cores: Cores,
) -> Result<(), IndexError> {
    let threads =
        cores.indexing_threads(std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut writer: tantivy::IndexWriter =
        index.writer_with_num_threads(threads, 64_000_000 * threads)?;
    // One segment at the end (below), rather than merges along the way.
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    for s in &corpus.statements {
        let date = s.published.clone().unwrap_or_default();
        let url = s.url.clone().unwrap_or_default();
        for p in &s.paragraphs {
            writer.add_document(doc!(
                f.kind => "paragraph",
                f.id => format!("{}#{}", s.id, p.number),
                f.title => s.title.as_str(),
                f.body => p.text.as_str(),
                f.statement => s.id.as_str(),
                f.number => u64::from(p.number),
                f.source => s.source.as_str(),
                f.date => date.as_str(),
                f.url => url.as_str(),
            ))?;
        }
    }
    writer.commit()?;
    // Each indexing thread leaves at least one segment (one per 64 MB of postings). Queries run
    // per segment (a term lookup, a block-max WAND pass and a top-k heap in each), so one
    // segment answers several times faster at 1M paragraphs; merging costs about a tenth of the
    // build.
    let paragraphs = index.searchable_segment_ids()?;
    if paragraphs.len() > 1 {
        writer.merge(&paragraphs).wait()?;
    }
    let paragraphs: std::collections::HashSet<_> =
        index.searchable_segment_ids()?.into_iter().collect();
    // Facts go to a segment of their own: a search for passages skips it whole (see
    // `query::passages`) instead of wading through facts that outrank paragraphs. Scores do
    // not change: tantivy's statistics are index-wide.
    for fact in &corpus.facts {
        let mut d = TantivyDocument::default();
        d.add_text(f.kind, fact.kind().as_str());
        d.add_text(f.id, fact.id());
        for name in fact.names() {
            d.add_text(f.names, &name);
        }
        d.add_text(f.title, fact.title());
        d.add_text(f.body, fact.search_text());
        writer.add_document(d)?;
    }
    writer.commit()?;
    let facts: Vec<_> = index
        .searchable_segment_ids()?
        .into_iter()
        .filter(|id| !paragraphs.contains(id))
        .collect();
    if facts.len() > 1 {
        writer.merge(&facts).wait()?;
    }
    writer.wait_merging_threads()?;
    Ok(())
}

/// Hash of the corpus files (paths and bytes) and the schema version.
pub fn fingerprint(corpus_root: &Path) -> Result<String, IndexError> {
    let mut h = blake3::Hasher::new();
    h.update(&SCHEMA_VERSION.to_le_bytes());
    let files = corpus_files(corpus_root).map_err(io_err(corpus_root))?;
    for path in files {
        let rel = path.strip_prefix(corpus_root).unwrap_or(&path);
        h.update(rel.to_string_lossy().as_bytes());
        h.update(&[0]);
        let bytes = std::fs::read(&path).map_err(io_err(&path))?;
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
    // A file the corpus ignores changes nothing but its warning: a new one rebuilds (and warns).
    for path in stray_files(corpus_root).map_err(io_err(corpus_root))? {
        h.update(b"stray\0");
        h.update(
            path.strip_prefix(corpus_root)
                .unwrap_or(&path)
                .to_string_lossy()
                .as_bytes(),
        );
    }
    Ok(h.finalize().to_hex().to_string())
}

/// The generation directory `CURRENT` names, if any.
pub fn current_generation(root: &Path) -> Result<Option<PathBuf>, IndexError> {
    let pointer = root.join(CURRENT);
    match std::fs::read_to_string(&pointer) {
        Ok(name) => {
            let name = name.trim();
            if name.is_empty() || name.contains('/') || name.contains("..") {
                return Err(IndexError::Broken {
                    path: pointer,
                    message: format!("names no generation: {name:?}"),
                });
            }
            Ok(Some(root.join(name)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(&pointer)(e)),
    }
}

/// What `ensure_built` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildOutcome {
    /// The current generation already matches the corpus.
    UpToDate,
    /// A new generation was built and made current.
    Built,
}

/// Rebuilds the index under `root` when the corpus (or the schema) changed; leaves it alone otherwise.
/// A corpus that does not validate is refused and the current generation stays in service.
///
/// Builds are serialised by an exclusive lock on `root/build.lock` (`flock`, released when the
/// holder ends, even by SIGKILL): the bot's corpus watcher, `/reindex` and `agenda-bot index` in
/// another process may all rebuild at once, and unserialised they would overwrite each other's
/// `CURRENT` and collect each other's fresh generations. An up-to-date index is recognised without
/// the lock (so a read-only `root` that is current still opens).
pub fn ensure_built(corpus_root: &Path, root: &Path) -> Result<BuildOutcome, IndexError> {
    ensure_built_with(corpus_root, root, Cores::All)
}

/// [`ensure_built`], its indexing on `cores`.
pub fn ensure_built_with(
    corpus_root: &Path,
    root: &Path,
    cores: Cores,
) -> Result<BuildOutcome, IndexError> {
    if up_to_date(root, &fingerprint(corpus_root)?)? {
        return Ok(BuildOutcome::UpToDate);
    }
    let _lock = build_lock(root)?;
    // Whoever held the lock before may have built this very corpus.
    let fingerprint = fingerprint(corpus_root)?;
    if up_to_date(root, &fingerprint)? {
        return Ok(BuildOutcome::UpToDate);
    }
    let corpus = Corpus::load(corpus_root)?;
    build_generation_locked(&corpus, root, fingerprint, cores)?;
    Ok(BuildOutcome::Built)
}

/// The current generation was built from a corpus with this fingerprint, by this schema.
fn up_to_date(root: &Path, fingerprint: &str) -> Result<bool, IndexError> {
    let Some(dir) = current_generation(root)? else {
        return Ok(false);
    };
    Ok(read_json::<Manifest>(&dir.join(MANIFEST)).is_ok_and(|m| {
        m.fingerprint == fingerprint && m.schema_version == SCHEMA_VERSION && dir.is_dir()
    }))
}

/// The lock file that serialises builds under an index root.
pub const BUILD_LOCK: &str = "build.lock";

/// Waits for the exclusive build lock of `root` (creating `root` if needed).
fn build_lock(root: &Path) -> Result<tantivy::directory::DirectoryLock, IndexError> {
    use tantivy::directory::{Directory, Lock, MmapDirectory};
    std::fs::create_dir_all(root).map_err(io_err(root))?;
    let dir = MmapDirectory::open(root).map_err(|e| IndexError::Broken {
        path: root.to_path_buf(),
        message: e.to_string(),
    })?;
    dir.acquire_lock(&Lock {
        filepath: PathBuf::from(BUILD_LOCK),
        is_blocking: true,
    })
    .map_err(|e| IndexError::Broken {
        path: root.join(BUILD_LOCK),
        message: match e {
            tantivy::directory::error::LockError::IoError(io) => format!("cannot lock: {io}"),
            other => format!("cannot lock: {other}"),
        },
    })
}

/// Always builds a new generation from `corpus` aside, then swaps `CURRENT` to it atomically
/// (under the build lock, see [`ensure_built`]).
pub fn build_generation(
    corpus: &Corpus,
    root: &Path,
    fingerprint: String,
) -> Result<PathBuf, IndexError> {
    let _lock = build_lock(root)?;
    build_generation_locked(corpus, root, fingerprint, Cores::All)
}

fn build_generation_locked(
    corpus: &Corpus,
    root: &Path,
    fingerprint: String,
    cores: Cores,
) -> Result<PathBuf, IndexError> {
    std::fs::create_dir_all(root).map_err(io_err(root))?;
    let stamp = jiff::Timestamp::now().as_nanosecond();
    let name = format!("gen-{stamp}-{}", &fingerprint[..12.min(fingerprint.len())]);
    let tmp = root.join(format!(".building-{name}"));
    std::fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;

    let (schema, fields) = schema();
    let index = Index::builder()
        .schema(schema)
        .settings(index_settings())
        .create_in_dir(&tmp)?;
    index.tokenizers().register(TOKENIZER, analysis::analyzer());
    write_documents(&index, fields, corpus, cores)?;
    let manifest = manifest_for(corpus, fingerprint);
    let aliases = AliasRegistry::from_corpus(corpus);
    let stored: Vec<StoredFactRef> = corpus.facts.iter().map(StoredFactRef::from).collect();
    write_json_synced(&tmp.join(FACTS), &stored)?;
    write_json_synced(&tmp.join(ALIASES), &aliases.aliases)?;
    write_json_synced(&tmp.join(THESAURUS), &corpus.thesaurus)?;
    write_json_synced(&tmp.join(MANIFEST), &manifest)?;

    let dir = root.join(&name);
    std::fs::rename(&tmp, &dir).map_err(io_err(&dir))?;
    let previous = current_generation(root).ok().flatten();
    let pointer = root.join(CURRENT);
    crate::atomic_file::write(&pointer, name.as_bytes()).map_err(io_err(&pointer))?;
    collect_garbage(root, &dir, previous.as_deref());
    Ok(dir)
}

fn write_json_synced<T: Serialize + ?Sized>(path: &Path, value: &T) -> Result<(), IndexError> {
    let bytes = serde_json::to_vec(value).map_err(|e| IndexError::Broken {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    std::fs::write(path, bytes).map_err(io_err(path))?;
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(io_err(path))
}

/// Removes old generations and abandoned builds, keeping the current and the previous one
/// (a reader may still have the previous one open).
fn collect_garbage(root: &Path, current: &Path, previous: Option<&Path>) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        // A build under way in another process is young; an abandoned one (killed) is not.
        let abandoned = name.starts_with(".building-")
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(600));
        let stale = (name.starts_with("gen-") || abandoned)
            && path != current
            && Some(path.as_path()) != previous;
        if stale && path.is_dir() {
            if let Err(e) = std::fs::remove_dir_all(&path) {
                tracing::warn!(path = %path.display(), error = %e, "could not remove an old index generation");
            }
        }
    }
}

#[cfg(test)]
mod manifest_tests {
    use super::Manifest;

    /// Manifests written before `built_at` was typed (RFC 3339 text) still read, and are
    /// written the same way.
    #[test]
    fn built_at_reads_and_writes_rfc3339_text() {
        let old = r#"{"schema_version":4,"fingerprint":"f","built_at":"2026-01-01T00:00:02.5Z","statements":1,"paragraphs":2,"facts":3}"#;
        let m: Manifest = serde_json::from_str(old).unwrap();
        assert_eq!(m.built_at, "2026-01-01T00:00:02.5Z".parse().unwrap());
        assert_eq!(serde_json::to_string(&m).unwrap(), old);
    }
}

#[cfg(test)]
mod cores_tests {
    use super::Cores;

    /// A rebuild beside the answers leaves them a core, never goes below one indexing thread,
    /// and neither budget goes past tantivy's useful four.
    #[test]
    fn a_rebuild_beside_the_answers_leaves_them_a_core() {
        let threads = |c: Cores| [1, 2, 4, 16].map(|n| c.indexing_threads(n));
        assert_eq!(threads(Cores::All), [1, 2, 4, 4]);
        assert_eq!(threads(Cores::BesideServing), [1, 1, 3, 4]);
    }
}
