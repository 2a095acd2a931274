//! The document store: open documents (text, version, incremental
//! [`SyntaxTree`], lazily built [`Document`]), files on disk that take part
//! in pairing or workspace symbols, `wetlint.toml` configurations, and the
//! last lint outcome per document.
//!
//! Everything here is synchronous and guarded by one mutex in
//! [`crate::State`]. Edits are applied in arrival order by the caller; a
//! [`Snapshot`] is an immutable copy of one version that lint runs and
//! request handlers read on blocking threads while newer edits arrive.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use tower_lsp_server::ls_types::{Range, TextDocumentContentChangeEvent, Uri};
use wetlint_config::config::Loaded;
use wetlint_diagnostics::Diagnostic;
use wetlint_syntax::{Document, SyntaxTree, TextEdit, lines};

use crate::convert::LineMap;

/// Extensions of draft files (the CLI walks the same ones).
pub const EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];
/// Larger files are not read from disk for pairing or workspace symbols.
pub const MAX_DISK_BYTES: u64 = 16 * 1024 * 1024;
/// Folders with more candidate files than this are not scanned for a partner
/// (only open documents and explicit `[[paar]]` entries pair there).
pub const MAX_PAIRING_CANDIDATES: usize = 64;
/// At most this many workspace files are indexed for workspace symbols.
pub const MAX_WORKSPACE_FILES: usize = 2000;

/// An immutable version of one document.
pub struct Snapshot {
    pub uri: Uri,
    /// `uri.as_str()`: the key of the document and the file name in diagnostics.
    pub key: String,
    pub path: Option<PathBuf>,
    pub file_name: Option<String>,
    /// The client's version; `None` for a file read from disk.
    pub version: Option<i32>,
    pub text: String,
    pub lines: LineMap,
    tree: Option<tree_sitter::Tree>,
    doc: OnceLock<Document>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("key", &self.key)
            .field("version", &self.version)
            .field("len", &self.text.len())
            .finish_non_exhaustive()
    }
}

impl Snapshot {
    /// The document model, built on first use from the parse tree of this version.
    pub fn doc(&self) -> &Document {
        self.doc.get_or_init(|| match &self.tree {
            Some(t) => {
                let ls = lines::collect(t.root_node(), &self.text);
                wetlint_syntax::build_from_lines(&self.text, &ls, self.file_name.as_deref())
            }
            None => wetlint_syntax::parse(&self.text, self.file_name.as_deref()),
        })
    }

    /// The text of a span (empty when out of range).
    pub fn slice(&self, span: wetlint_syntax::Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn range(&self, span: wetlint_syntax::Span) -> Range {
        self.lines.range(&self.text, span)
    }

    /// Folder of the file, if it is one.
    pub fn dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    fn from_disk(path: &Path, text: String) -> Option<Snapshot> {
        let uri = Uri::from_file_path(path)?;
        let tree = SyntaxTree::new(&text);
        Some(Snapshot {
            key: uri.as_str().to_string(),
            uri,
            path: Some(path.to_path_buf()),
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
            version: None,
            lines: LineMap::new(&text),
            tree: tree.tree().cloned(),
            text,
            doc: OnceLock::new(),
        })
    }
}

/// Diagnostics of one lint run over a unit (a document and its partner).
#[derive(Debug)]
pub struct LintOutcome {
    /// Increases with every run started; publishing never goes backwards.
    pub seq: u64,
    /// The versions the run read, by document key.
    pub snapshots: Vec<Arc<Snapshot>>,
    /// All diagnostics of the unit; `filename` is the document key.
    pub diagnostics: Vec<Diagnostic>,
}

impl LintOutcome {
    pub fn snapshot(&self, key: &str) -> Option<&Arc<Snapshot>> {
        self.snapshots.iter().find(|s| s.key == key)
    }
}

/// One open document.
pub struct OpenDoc {
    pub uri: Uri,
    pub path: Option<PathBuf>,
    pub file_name: Option<String>,
    pub language_id: String,
    pub version: i32,
    pub text: String,
    pub lines: LineMap,
    tree: SyntaxTree,
    snapshot: Option<Arc<Snapshot>>,
    /// Bumped by every change; a debounced lint runs only if it is still current.
    pub lint_generation: u64,
    /// Highest lint sequence number published for this document.
    pub published_seq: u64,
    pub outcome: Option<Arc<LintOutcome>>,
}

impl OpenDoc {
    pub fn new(uri: Uri, language_id: String, version: i32, text: String) -> Self {
        let path = file_path(&uri);
        let file_name = path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .or_else(|| uri.path().as_str().rsplit('/').next().map(str::to_string));
        let tree = SyntaxTree::new(&text);
        OpenDoc {
            uri,
            path,
            file_name,
            language_id,
            version,
            lines: LineMap::new(&text),
            text,
            tree,
            snapshot: None,
            lint_generation: 0,
            published_seq: 0,
            outcome: None,
        }
    }

    /// Applies the content changes of one `didChange`, in order. Ranges are
    /// clamped (see [`crate::convert`]); a change without range replaces the text.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.lines.span(&self.text, range);
                    let old = std::mem::take(&mut self.text);
                    let mut new = String::with_capacity(old.len() + change.text.len());
                    new.push_str(&old[..span.start]);
                    new.push_str(&change.text);
                    new.push_str(&old[span.end..]);
                    self.tree.edit(
                        &old,
                        &new,
                        TextEdit {
                            old_start: span.start,
                            old_end: span.end,
                            new_len: change.text.len(),
                        },
                    );
                    self.text = new;
                }
                None => {
                    self.text = change.text;
                    self.tree = SyntaxTree::new(&self.text);
                }
            }
            self.lines = LineMap::new(&self.text);
        }
        self.version = version;
        self.snapshot = None;
    }

    /// The snapshot of the current version (made once per version).
    pub fn snapshot(&mut self) -> Arc<Snapshot> {
        if let Some(s) = &self.snapshot {
            return s.clone();
        }
        let s = Arc::new(Snapshot {
            key: self.uri.as_str().to_string(),
            uri: self.uri.clone(),
            path: self.path.clone(),
            file_name: self.file_name.clone(),
            version: Some(self.version),
            text: self.text.clone(),
            lines: self.lines.clone(),
            tree: self.tree.tree().cloned(),
            doc: OnceLock::new(),
        });
        self.snapshot = Some(s.clone());
        s
    }

    /// True for a `wetlint.toml` opened in the editor (configuration, not a draft).
    pub fn is_config(&self) -> bool {
        self.file_name.as_deref() == Some(wetlint_config::config::FILE_NAME)
    }
}

/// The local path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let scheme = uri.scheme().as_str();
    if !scheme.eq_ignore_ascii_case("file") {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

/// True for a file name wetlint reads as a draft.
pub fn is_draft_file(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

struct DiskEntry {
    stamp: (Option<SystemTime>, u64),
    snapshot: Arc<Snapshot>,
}

/// Client settings (initializationOptions or `workspace/configuration`, section `wetlint`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientSettings {
    pub profile: Option<wetlint_linter::Profile>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub debounce_ms: Option<u64>,
}

impl ClientSettings {
    /// Reads `{profile, select, ignore}` from a JSON object, also when nested
    /// under `wetlint`. Unknown or malformed fields are ignored; the Dutch
    /// problems found are returned for the log.
    pub fn from_json(value: &serde_json::Value) -> (ClientSettings, Vec<String>) {
        let v = value.get("wetlint").unwrap_or(value);
        let mut problems = Vec::new();
        let mut s = ClientSettings::default();
        if let Some(p) = v.get("profile").filter(|p| !p.is_null()) {
            match p.as_str().map(str::parse::<wetlint_linter::Profile>) {
                Some(Ok(p)) => s.profile = Some(p),
                Some(Err(e)) => problems.push(e),
                None => problems.push("instelling 'profile' moet een tekst zijn".into()),
            }
        }
        let list = |key: &str, problems: &mut Vec<String>| -> Vec<String> {
            match v.get(key) {
                None | Some(serde_json::Value::Null) => Vec::new(),
                Some(serde_json::Value::String(s)) => s
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|x| x.as_str())
                    .map(str::to_string)
                    .collect(),
                Some(_) => {
                    problems.push(format!(
                        "instelling '{key}' moet een lijst van regelcodes zijn"
                    ));
                    Vec::new()
                }
            }
        };
        s.select = list("select", &mut problems);
        s.ignore = list("ignore", &mut problems);
        s.debounce_ms = v.get("debounceMs").and_then(serde_json::Value::as_u64);
        (s, problems)
    }
}

/// The mutable server state behind one mutex.
#[derive(Default)]
pub struct Session {
    pub open: HashMap<String, OpenDoc>,
    disk: HashMap<PathBuf, DiskEntry>,
    configs: BTreeMap<PathBuf, Option<Loaded>>,
    /// Configuration errors already shown to the user.
    pub reported_config_errors: Vec<String>,
    pub roots: Vec<PathBuf>,
    workspace_files: Option<Vec<PathBuf>>,
    pub client_settings: ClientSettings,
    /// Last lint sequence number handed out.
    pub lint_seq: u64,
    /// Partner (document key) each open document was last linted with.
    pub partners: HashMap<String, Option<String>>,
}

impl Session {
    /// The snapshot of an open document.
    pub fn snapshot(&mut self, key: &str) -> Option<Arc<Snapshot>> {
        self.open.get_mut(key).map(OpenDoc::snapshot)
    }

    /// The open document at a local path, if any.
    pub fn open_at(&mut self, path: &Path) -> Option<Arc<Snapshot>> {
        let key = self
            .open
            .iter()
            .find(|(_, d)| d.path.as_deref() == Some(path))
            .map(|(k, _)| k.clone())?;
        self.snapshot(&key)
    }

    /// Forgets cached disk files and configurations (after a watched-file change).
    pub fn invalidate_disk(&mut self, path: Option<&Path>) {
        match path {
            Some(p) => {
                self.disk.remove(p);
            }
            None => self.disk.clear(),
        }
    }

    pub fn invalidate_configs(&mut self) {
        self.configs.clear();
        self.reported_config_errors.clear();
    }

    /// The nearest `wetlint.toml` for a folder (cached).
    pub fn config_for(&mut self, dir: &Path) -> Result<Option<Loaded>, String> {
        wetlint_config::config::discover(dir, &mut self.configs)
    }

    pub fn set_workspace_files(&mut self, files: Vec<PathBuf>) {
        self.workspace_files = Some(files);
    }

    pub fn workspace_files(&self) -> Option<&[PathBuf]> {
        self.workspace_files.as_deref()
    }

    fn cached_disk(&self, path: &Path, stamp: (Option<SystemTime>, u64)) -> Option<Arc<Snapshot>> {
        self.disk
            .get(path)
            .filter(|e| e.stamp == stamp)
            .map(|e| e.snapshot.clone())
    }
}

/// Size and modification time of a file, if it is a readable regular file.
fn stamp(path: &Path) -> Option<(Option<SystemTime>, u64)> {
    let m = std::fs::metadata(path).ok()?;
    (m.is_file() && m.len() <= MAX_DISK_BYTES).then(|| (m.modified().ok(), m.len()))
}

/// A snapshot of `path`: the open document if it is open, else the file on
/// disk (cached by size and modification time). Reading and parsing happen
/// outside the lock.
pub fn load(session: &std::sync::Mutex<Session>, path: &Path) -> Option<Arc<Snapshot>> {
    {
        let mut s = session.lock().ok()?;
        if let Some(open) = s.open_at(path) {
            return Some(open);
        }
    }
    let st = stamp(path)?;
    if let Some(hit) = session.lock().ok()?.cached_disk(path, st) {
        return Some(hit);
    }
    let bytes = std::fs::read(path).ok()?;
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return None;
    }
    let text = String::from_utf8(bytes).ok()?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let snap = Arc::new(Snapshot::from_disk(path, text)?);
    if let Ok(mut s) = session.lock() {
        s.disk.insert(
            path.to_path_buf(),
            DiskEntry {
                stamp: st,
                snapshot: snap.clone(),
            },
        );
    }
    Some(snap)
}

/// Draft files directly in `dir`, sorted.
pub fn draft_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_draft_file(p))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Draft files under the workspace roots (hidden folders, `target` and
/// `node_modules` skipped), at most [`MAX_WORKSPACE_FILES`].
pub fn scan_workspace(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = roots.to_vec();
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = rd.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name().to_string_lossy().into_owned();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if !name.starts_with('.') && name != "target" && name != "node_modules" {
                    stack.push(e.path());
                }
            } else if ft.is_file() && is_draft_file(&e.path()) {
                out.push(e.path());
                if out.len() >= MAX_WORKSPACE_FILES {
                    return out;
                }
            }
        }
    }
    out.sort();
    out
}
