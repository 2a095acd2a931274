//! Result cache for repeated batch runs: the diagnostics of a unit (a
//! regulation, a toelichting or a pair) are stored under a key that hashes
//! the files' paths and contents, the effective settings, the wetlint
//! version and the embedded rule data, so an unchanged repository is checked
//! without parsing or linting. Entries are written atomically.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use wetlint_diagnostics::Diagnostic;
use wetlint_linter::Settings;

/// Default cache folder, relative to the working directory.
pub const DEFAULT_DIR: &str = ".wetlint-cache";

/// A cached result for one unit.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum Entry {
    /// The file is no regulation or toelichting.
    Skipped,
    /// The unit's diagnostics.
    Checked(Vec<Diagnostic>),
}

pub struct Cache {
    dir: PathBuf,
    salt: u64,
}

impl Cache {
    pub fn new(dir: PathBuf) -> Self {
        let mut h = DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut h);
        for (name, text) in wetlint_data::BUILTIN_SOURCES {
            name.hash(&mut h);
            text.hash(&mut h);
        }
        for m in wetlint_linter::registry::metas() {
            m.code.hash(&mut h);
            m.doc.len().hash(&mut h);
        }
        Cache {
            dir,
            salt: h.finish(),
        }
    }

    /// Removes every cached entry.
    pub fn clear(&self) -> std::io::Result<()> {
        match std::fs::remove_dir_all(&self.dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// The key of a unit: display paths and texts of its files, and the settings.
    pub fn key(&self, files: &[(&str, &str)], settings: &Settings) -> u64 {
        let mut h = DefaultHasher::new();
        self.salt.hash(&mut h);
        for (path, text) in files {
            path.hash(&mut h);
            text.hash(&mut h);
        }
        format!("{settings:?}").hash(&mut h);
        h.finish()
    }

    fn path(&self, key: u64) -> PathBuf {
        let hex = format!("{key:016x}");
        self.dir.join(&hex[..2]).join(format!("{hex}.json"))
    }

    pub fn get(&self, key: u64) -> Option<Entry> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores an entry; failures are ignored (the cache is an optimisation).
    pub fn put(&self, key: u64, entry: &Entry) {
        let path = self.path(key);
        let Some(parent) = path.parent() else { return };
        if std::fs::create_dir_all(parent).is_err() {
            return;
        }
        let Ok(json) = serde_json::to_vec(entry) else {
            return;
        };
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, json).is_ok() && std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// The cache folder for a run: `--cache-dir`, else `.wetlint-cache` in the working directory.
pub fn dir_for(explicit: Option<&Path>) -> PathBuf {
    explicit
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DIR))
}
