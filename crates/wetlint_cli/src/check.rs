//! `wetlint check`: discover files, read and parse them in parallel, pair
//! regulations with their toelichting, run the rules, apply configuration
//! and baseline, render, and compute the exit code.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use wetlint_config::config::{self, Loaded};
use wetlint_config::pairing::{self, FileInfo};
use wetlint_diagnostics::{Diagnostic, FileError, OutputFormat, Report, RuleInfo, Severity};
use wetlint_linter::{Input, Profile, Settings, Source, registry};

use crate::{baseline, cache};

/// Options of `wetlint check`, after argument parsing.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub profile: Option<Profile>,
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub preview: bool,
    pub output_format: OutputFormat,
    pub fail_on: Option<Severity>,
    pub exit_zero: bool,
    pub statistics: bool,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    pub toelichting: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub color: bool,
    pub no_cache: bool,
    pub index: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    pub clear_cache: bool,
}

/// Extensions picked up when walking folders.
const EXTENSIONS: [&str; 5] = ["md", "markdown", "txt", "xml", "docx"];

/// One read and parsed input file.
pub struct Parsed {
    pub display: String,
    pub path: PathBuf,
    pub text: String,
    pub doc: wetlint_syntax::Document,
    /// Set for parts read from XML or .docx: how to map positions back.
    pub mapped: Option<crate::formats::Mapped>,
}

fn display_path(p: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let rel = cwd
        .as_deref()
        .and_then(|c| p.strip_prefix(c).ok())
        .unwrap_or(p);
    let s = rel.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Lists the files to check. Explicit files are always taken; folders are
/// walked honouring `.gitignore`, `.ignore` and `.wetlintignore`.
fn discover(paths: &[PathBuf], errors: &mut Vec<FileError>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
            continue;
        }
        if !p.exists() {
            errors.push(FileError {
                filename: display_path(p),
                location: None,
                message: "bestand of map bestaat niet".into(),
            });
            continue;
        }
        if !p.is_dir() {
            errors.push(FileError {
                filename: display_path(p),
                location: None,
                message: "geen gewoon bestand of map (bijvoorbeeld een pipe of apparaat)".into(),
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(p)
            .add_custom_ignore_filename(".wetlintignore")
            .require_git(false)
            .follow_links(false)
            .build();
        for entry in walker {
            match entry {
                Ok(e) => {
                    let path = e.path();
                    if e.file_type().is_some_and(|t| t.is_file())
                        && path
                            .extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
                    {
                        out.push(path.to_path_buf());
                    }
                }
                Err(err) => errors.push(FileError {
                    filename: display_path(p),
                    location: None,
                    message: format!("kan de map niet doorlopen: {err}"),
                }),
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A document wetlint has something to say about: a regulation, a
/// toelichting, or an unknown text that still has articles.
fn is_draft(doc: &wetlint_syntax::Document) -> bool {
    doc.kind().is_regulation() || doc.kind().is_toelichting() || !doc.articles.is_empty()
}

/// One checked unit (a regulation, a toelichting or a pair) as handed to
/// the caller of [`run_units`]: its files and its diagnostics, already
/// through the cache, `[per-file-ignores]` and the mapping back to XML or
/// .docx positions.
pub struct UnitRun<'a> {
    /// The files the unit's indices point into. When the result came from
    /// the cache and the caller said it does not need documents, they hold
    /// their text but an empty document.
    pub files: &'a [Parsed],
    pub unit: pairing::Unit,
    pub diagnostics: Vec<Diagnostic>,
    /// The index the run loaded (`--index`), for callers that analyse more.
    pub index: Option<&'a wetlint_index::Index>,
}

/// The outcome of [`run_units`]: one result per unit, in no fixed order.
pub struct Outcome<T> {
    pub results: Vec<T>,
    pub errors: Vec<FileError>,
    /// Files (or parts of files) that were checked.
    pub files_checked: usize,
    /// Files that are no regulation or toelichting.
    pub skipped: usize,
    /// `fail-on` from the first configuration that sets it.
    pub fail_on: Option<Severity>,
}

/// A set of files that is paired and checked together: the files of one
/// folder, joined with other folders by `[[paar]]` entries.
struct Group {
    files: Vec<usize>,
    /// Checked file by file, without keeping documents: no file in the group
    /// can be a toelichting, so every file is a unit of its own.
    streaming: bool,
}

/// Whether the file could be a toelichting (so it may pair with another):
/// its name says so, or the word occurs in its first 64 KiB. A superset of
/// what kind detection accepts (which looks at the name and the first text
/// lines); a miss is caught after parsing and the folder is redone.
fn maybe_toelichting(path: &Path) -> bool {
    use std::io::Read;
    if crate::formats::is_converted(path) {
        return true;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.contains("toelichting") || name.starts_with("mvt") || name.starts_with("nvt") {
        return true;
    }
    let mut head = Vec::with_capacity(64 * 1024);
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    if read.is_err() {
        // Unreadable: reading it again reports the error.
        return false;
    }
    head.to_ascii_lowercase()
        .windows(b"toelichting".len())
        .any(|w| w == b"toelichting")
}

/// Whether the file (or a part of it) parses as a toelichting.
fn is_toelichting_file(path: &Path) -> bool {
    crate::formats::load(path, display_path(path))
        .is_ok_and(|parts| parts.iter().any(|p| p.doc.kind().is_toelichting()))
}

/// The outcome of checking one file on its own (streaming).
enum Streamed<T> {
    /// Results, and the number of parts skipped (no regulation).
    Done(Vec<T>, usize),
    Error(FileError),
    Skipped,
    /// Parsed as a toelichting after all: its folder must be paired.
    Toelichting,
}

/// Shared state of one run.
struct Run<'o> {
    opts: &'o Options,
    data: &'o wetlint_data::Data,
    index: Option<wetlint_linter::IndexRef>,
    cache: Option<cache::Cache>,
    /// Whether the caller needs parsed documents even for cached results.
    needs_docs: bool,
}

impl Run<'_> {
    fn settings(&self, cfg: Option<&Loaded>) -> Settings {
        settings_for(self.opts, cfg.map(|c| &c.config), self.index.as_ref())
    }

    fn index(&self) -> Option<&wetlint_index::Index> {
        self.index.as_ref().map(|i| &*i.0)
    }

    /// Whether `path` was named on the command line (checked even when it
    /// is no regulation or toelichting).
    fn explicit(&self, path: &Path) -> bool {
        self.opts.paths.iter().any(|x| x == path)
    }

    /// The cache key of a unit's files, when the cache is on.
    fn key(&self, files: &[(&str, &str)], settings: &Settings) -> Option<u64> {
        self.cache.as_ref().map(|c| c.key(files, settings))
    }

    /// Lints one unit of `parsed` (through the cache).
    fn lint(&self, parsed: &[Parsed], u: &pairing::Unit, cfg: Option<&Loaded>) -> Vec<Diagnostic> {
        let settings = self.settings(cfg);
        let files: Vec<(&str, &str)> = [u.regeling, u.toelichting]
            .into_iter()
            .flatten()
            .map(|i| (parsed[i].display.as_str(), parsed[i].text.as_str()))
            .collect();
        let key = self.key(&files, &settings);
        if let (Some(c), Some(k)) = (&self.cache, key)
            && let Some(cache::Entry::Checked(hit)) = c.get(k)
        {
            return hit;
        }
        self.lint_uncached(parsed, u, cfg, &settings, key)
    }

    /// Lints one unit and stores the result under `key`.
    fn lint_uncached(
        &self,
        parsed: &[Parsed],
        u: &pairing::Unit,
        cfg: Option<&Loaded>,
        settings: &Settings,
        key: Option<u64>,
    ) -> Vec<Diagnostic> {
        let src = |i: usize| Source {
            path: &parsed[i].display,
            text: &parsed[i].text,
            doc: &parsed[i].doc,
        };
        let input = Input {
            regeling: u.regeling.map(src),
            toelichting: u.toelichting.map(src),
        };
        let mut diags = apply_per_file_ignores(
            cfg,
            u,
            parsed,
            wetlint_linter::check(&input, settings, self.data),
        );
        crate::formats::map_back(&mut diags, parsed);
        if let (Some(c), Some(k)) = (&self.cache, key) {
            c.put(k, &cache::Entry::Checked(diags.clone()));
        }
        diags
    }

    /// Checks one file of a streaming group on its own.
    fn stream<T>(
        &self,
        path: &Path,
        cfg: Option<&Loaded>,
        f: &(impl Fn(UnitRun<'_>) -> T + Sync),
    ) -> Streamed<T> {
        let display = display_path(path);
        if crate::formats::is_converted(path) {
            return self.stream_converted(path, display, cfg, f);
        }
        let explicit = self.explicit(path);
        let unit = pairing::Unit {
            regeling: Some(0),
            toelichting: None,
        };
        // Text files: look in the cache before parsing.
        let text = match crate::formats::read_text(path, &display) {
            Ok(t) => t,
            Err(e) => return Streamed::Error(e),
        };
        let settings = self.settings(cfg);
        let key = self.key(&[(display.as_str(), text.as_str())], &settings);
        let hit = match (&self.cache, key) {
            (Some(c), Some(k)) => c.get(k),
            _ => None,
        };
        if let Some(cache::Entry::Skipped) = hit
            && !explicit
        {
            return Streamed::Skipped;
        }
        if let Some(cache::Entry::Checked(diags)) = &hit
            && !self.needs_docs
        {
            let files = [Parsed {
                display,
                path: path.to_path_buf(),
                text,
                doc: wetlint_syntax::Document::default(),
                mapped: None,
            }];
            return Streamed::Done(
                vec![f(UnitRun {
                    files: &files,
                    unit,
                    diagnostics: diags.clone(),
                    index: self.index(),
                })],
                0,
            );
        }
        let name = path.file_name().and_then(|n| n.to_str());
        let doc = wetlint_syntax::parse(&text, name);
        if doc.kind().is_toelichting() {
            return Streamed::Toelichting;
        }
        let files = [Parsed {
            display,
            path: path.to_path_buf(),
            text,
            doc,
            mapped: None,
        }];
        if !is_draft(&files[0].doc) && !explicit {
            if let (Some(c), Some(k)) = (&self.cache, key) {
                c.put(k, &cache::Entry::Skipped);
            }
            return Streamed::Skipped;
        }
        let diagnostics = match hit {
            Some(cache::Entry::Checked(d)) => d,
            _ => self.lint_uncached(&files, &unit, cfg, &settings, key),
        };
        Streamed::Done(
            vec![f(UnitRun {
                files: &files,
                unit,
                diagnostics,
                index: self.index(),
            })],
            0,
        )
    }

    /// Checks the parts of one XML or .docx file, each on its own.
    fn stream_converted<T>(
        &self,
        path: &Path,
        display: String,
        cfg: Option<&Loaded>,
        f: &(impl Fn(UnitRun<'_>) -> T + Sync),
    ) -> Streamed<T> {
        let parts = match crate::formats::load(path, display) {
            Ok(p) => p,
            Err(e) => return Streamed::Error(e),
        };
        if parts.iter().any(|p| p.doc.kind().is_toelichting()) {
            return Streamed::Toelichting;
        }
        let explicit = self.explicit(path);
        let mut done = Vec::new();
        let mut skipped = 0;
        for (i, p) in parts.iter().enumerate() {
            if !is_draft(&p.doc) && !explicit {
                skipped += 1;
                continue;
            }
            let unit = pairing::Unit {
                regeling: Some(i),
                toelichting: None,
            };
            done.push(f(UnitRun {
                files: &parts,
                unit,
                diagnostics: self.lint(&parts, &unit, cfg),
                index: self.index(),
            }));
        }
        Streamed::Done(done, skipped)
    }

    /// Reads, parses, pairs and checks one group with all its documents in
    /// memory.
    fn whole<T: Send>(
        &self,
        files: &[PathBuf],
        configs: &[Option<Loaded>],
        members: &[usize],
        f: &(impl Fn(UnitRun<'_>) -> T + Sync),
        out: &mut Outcome<T>,
    ) {
        let loaded: Vec<(usize, Result<Vec<Parsed>, FileError>)> = members
            .par_iter()
            .map(|&i| (i, crate::formats::load(&files[i], display_path(&files[i]))))
            .collect();
        let mut parsed: Vec<Parsed> = Vec::new();
        let mut parsed_config: Vec<Option<&Loaded>> = Vec::new();
        for (i, r) in loaded {
            match r {
                Ok(ps) => {
                    for p in ps {
                        if is_draft(&p.doc) || self.explicit(&p.path) {
                            parsed.push(p);
                            parsed_config.push(configs[i].as_ref());
                        } else {
                            out.skipped += 1;
                        }
                    }
                }
                Err(e) => out.errors.push(e),
            }
        }
        let mut explicit_pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
        if let Some(t) = &self.opts.toelichting
            && let Some(r) = parsed.iter().find(|p| {
                p.doc.kind().is_regulation() || (!p.doc.kind().is_toelichting() && p.path != *t)
            })
        {
            explicit_pairs.push((r.path.clone(), t.clone()));
        }
        for c in parsed_config.iter().flatten() {
            for pr in &c.config.pairs {
                explicit_pairs.push((c.dir.join(&pr.regeling), c.dir.join(&pr.toelichting)));
            }
        }
        explicit_pairs.extend(crate::formats::pairs(&parsed));
        explicit_pairs.sort();
        explicit_pairs.dedup();
        let infos: Vec<FileInfo<'_>> = parsed
            .iter()
            .map(|p| FileInfo {
                path: &p.path,
                is_toelichting: p.doc.kind().is_toelichting(),
                is_regulation: !p.doc.kind().is_toelichting(),
            })
            .collect();
        let units = pairing::pair(&infos, &explicit_pairs);
        out.files_checked += parsed.len();
        let results: Vec<T> = units
            .par_iter()
            .map(|u| {
                let cfg = u.regeling.or(u.toelichting).and_then(|i| parsed_config[i]);
                f(UnitRun {
                    files: &parsed,
                    unit: *u,
                    diagnostics: self.lint(&parsed, u, cfg),
                    index: self.index(),
                })
            })
            .collect();
        out.results.extend(results);
    }
}

/// Discovers, reads, parses, pairs and checks, handing every unit to `f`;
/// `Err` carries the exit code of a fatal error (configuration, index) that
/// was already reported.
///
/// Memory stays bounded on large batches: a folder in which no file can be
/// a toelichting is checked file by file (each document is dropped when its
/// unit is done), and only folders that need pairing are held whole. With
/// `needs_docs` false, a cached result skips parsing altogether.
pub fn run_units<T: Send>(
    opts: &Options,
    needs_docs: bool,
    f: impl Fn(UnitRun<'_>) -> T + Sync,
) -> Result<Outcome<T>, u8> {
    let mut errors: Vec<FileError> = Vec::new();
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        opts.paths.clone()
    };
    let mut files = discover(&paths, &mut errors);
    if let Some(t) = &opts.toelichting
        && !files.contains(t)
    {
        files.push(t.clone());
    }

    // Configuration, per folder.
    let mut cfg_cache = BTreeMap::new();
    let explicit_config = match &opts.config {
        Some(p) => match std::fs::read_to_string(p)
            .map_err(|e| format!("{}: kan niet lezen: {e}", p.display()))
            .and_then(|t| config::parse(p, &t))
        {
            Ok(c) => Some(Loaded {
                path: p.clone(),
                dir: p.parent().map(Path::to_path_buf).unwrap_or_default(),
                config: c,
            }),
            Err(e) => {
                eprintln!("wetlint: {e}");
                return Err(2);
            }
        },
        None => None,
    };
    let mut configs: Vec<Option<Loaded>> = Vec::with_capacity(files.len());
    for f in &files {
        let loaded = match &explicit_config {
            Some(c) => Some(c.clone()),
            None => {
                let dir = f
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| PathBuf::from("."));
                let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
                match config::discover(&dir, &mut cfg_cache) {
                    Ok(c) => c,
                    Err(e) => {
                        eprintln!("wetlint: {e}");
                        return Err(2);
                    }
                }
            }
        };
        configs.push(loaded);
    }

    let data = match wetlint_data::Data::builtin() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("wetlint: interne fout in de ingebouwde gegevens: {e}");
            return Err(2);
        }
    };
    let index = match &opts.index {
        Some(p) => match wetlint_index::Index::load(p) {
            Ok(i) => Some(wetlint_linter::IndexRef(std::sync::Arc::new(i))),
            Err(e) => {
                eprintln!("wetlint: {e}");
                return Err(2);
            }
        },
        None => None,
    };
    let cache =
        (!opts.no_cache).then(|| cache::Cache::new(cache::dir_for(opts.cache_dir.as_deref())));
    if opts.clear_cache
        && let Some(c) = &cache
        && let Err(e) = c.clear()
    {
        eprintln!("wetlint: kan de cache niet leegmaken: {e}");
    }

    let groups = group(&files, &configs, opts);
    let run = Run {
        opts,
        data,
        index,
        cache,
        needs_docs,
    };
    let mut out = Outcome {
        results: Vec::new(),
        errors,
        files_checked: 0,
        skipped: 0,
        fail_on: configs
            .iter()
            .flatten()
            .find_map(|c| c.config.fail_on.and_then(|l| l.severity())),
    };

    // All streaming groups at once, file by file.
    let streamed: Vec<(usize, Streamed<T>)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.streaming)
        .flat_map(|(gi, g)| g.files.iter().map(move |&i| (gi, i)))
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(gi, i)| (gi, run.stream(&files[i], configs[i].as_ref(), &f)))
        .collect();
    let redo: std::collections::BTreeSet<usize> = streamed
        .iter()
        .filter(|(_, s)| matches!(s, Streamed::Toelichting))
        .map(|(gi, _)| *gi)
        .collect();
    for (gi, s) in streamed {
        if redo.contains(&gi) {
            continue;
        }
        match s {
            Streamed::Done(r, skipped) => {
                out.files_checked += r.len();
                out.skipped += skipped;
                out.results.extend(r);
            }
            Streamed::Error(e) => out.errors.push(e),
            Streamed::Skipped => out.skipped += 1,
            Streamed::Toelichting => {}
        }
    }
    // Groups that need pairing, one at a time.
    for (gi, g) in groups.iter().enumerate() {
        if !g.streaming || redo.contains(&gi) {
            run.whole(&files, &configs, &g.files, &f, &mut out);
        }
    }
    Ok(out)
}

/// Splits the files into groups (see [`Group`]).
fn group(files: &[PathBuf], configs: &[Option<Loaded>], opts: &Options) -> Vec<Group> {
    // With --toelichting everything is one group: the pair is chosen among all.
    if opts.toelichting.is_some() {
        return vec![Group {
            files: (0..files.len()).collect(),
            streaming: false,
        }];
    }
    let dir_of = |p: &Path| p.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut dirs: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for f in files {
        let n = dirs.len();
        dirs.entry(dir_of(f)).or_insert(n);
    }
    // Folders joined by [[paar]] entries (union-find over folder ids).
    let mut parent: Vec<usize> = (0..dirs.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Every file carries its folder's configuration: visit each once, and
    // find a pair's folders by canonical path (not file by file).
    let mut distinct: BTreeMap<&Path, &Loaded> = BTreeMap::new();
    for c in configs.iter().flatten() {
        distinct.entry(c.path.as_path()).or_insert(c);
    }
    let canonical_dirs: BTreeMap<PathBuf, usize> =
        if distinct.values().all(|c| c.config.pairs.is_empty()) {
            BTreeMap::new()
        } else {
            dirs.iter()
                .filter_map(|(d, &id)| {
                    let d = if d.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        d.as_path()
                    };
                    Some((std::fs::canonicalize(d).ok()?, id))
                })
                .collect()
        };
    let mut paired_dirs: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    for c in distinct.values() {
        for pr in &c.config.pairs {
            let ids: Vec<usize> = [c.dir.join(&pr.regeling), c.dir.join(&pr.toelichting)]
                .iter()
                .filter_map(|p| {
                    let p = std::fs::canonicalize(p).ok()?;
                    canonical_dirs.get(p.parent()?).copied()
                })
                .collect();
            paired_dirs.extend(ids.iter().copied());
            if let [a, b] = ids[..] {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        let d = dirs[&dir_of(f)];
        let r = root(&mut parent, d);
        by_root.entry(r).or_default().push(i);
    }
    by_root
        .into_iter()
        .map(|(r, members)| {
            let joined = paired_dirs.iter().any(|&d| root(&mut parent, d) == r);
            // Files that might be toelichtingen are parsed to be sure; a
            // folder of regulations that merely mention a toelichting
            // still streams.
            let streaming = !joined
                && !members
                    .par_iter()
                    .any(|&i| maybe_toelichting(&files[i]) && is_toelichting_file(&files[i]));
            Group {
                files: members,
                streaming,
            }
        })
        .collect()
}

/// Runs the check; returns the exit code (0 clean, 1 findings, 2 errors).
pub fn run(opts: &Options) -> u8 {
    // Source texts are kept only where a renderer or the baseline reads
    // them, and only for files with findings.
    let keep_sources = matches!(opts.output_format, OutputFormat::Human)
        || opts.baseline.is_some()
        || opts.write_baseline.is_some();
    let outcome = match run_units(opts, false, |u| {
        let sources = if keep_sources && !u.diagnostics.is_empty() {
            unit_sources(u.files, &u.unit)
        } else {
            Vec::new()
        };
        (u.diagnostics, sources)
    }) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut sources: HashMap<String, String> = HashMap::new();
    for (d, s) in outcome.results {
        diagnostics.extend(d);
        sources.extend(s);
    }
    diagnostics.sort_by(|a, b| a.canonical_cmp(b));
    let errors = outcome.errors;
    let skipped = outcome.skipped;
    let source_of = |f: &str| sources.get(f).cloned();

    if let Some(path) = &opts.write_baseline {
        let prints = baseline::fingerprints(&diagnostics, &source_of);
        if let Err(e) = baseline::write(path, &diagnostics, &prints) {
            eprintln!("wetlint: {e}");
            return 2;
        }
        eprintln!(
            "wetlint: baseline met {} bevindingen geschreven naar {}",
            diagnostics.len(),
            path.display()
        );
        return if errors.is_empty() { 0 } else { 2 };
    }
    if let Some(path) = &opts.baseline {
        let known = match baseline::read(path) {
            Ok(k) => k,
            Err(e) => {
                eprintln!("wetlint: {e}");
                return 2;
            }
        };
        let prints = baseline::fingerprints(&diagnostics, &source_of);
        let before = diagnostics.len();
        diagnostics = diagnostics
            .into_iter()
            .zip(prints)
            .filter(|(d, f)| !known.contains(&(d.code.clone(), d.filename.clone(), f.clone())))
            .map(|(d, _)| d)
            .collect();
        if matches!(opts.output_format, OutputFormat::Human) {
            eprintln!(
                "wetlint: {} bevindingen uit de baseline overgeslagen",
                before - diagnostics.len()
            );
        }
    }

    let rules: Vec<RuleInfo> = registry::metas()
        .into_iter()
        .map(|m| RuleInfo {
            code: m.code.into(),
            name: m.name.into(),
            summary: m.summary.into(),
            url: Some(m.url()),
            default_severity: m.severity_for(Profile::Concept).unwrap_or(Severity::Info),
        })
        .collect();
    let report = Report {
        diagnostics,
        errors,
        files_checked: outcome.files_checked,
        rules,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let human = wetlint_diagnostics::HumanOptions {
        color: opts.color,
        ..wetlint_diagnostics::HumanOptions::for_stdout()
    };
    let written = if opts.statistics {
        if matches!(
            opts.output_format,
            OutputFormat::Json | OutputFormat::JsonLines
        ) {
            wetlint_diagnostics::write_statistics_json(&report, &mut out)
        } else {
            wetlint_diagnostics::write_statistics(&report, &mut out)
        }
    } else {
        wetlint_diagnostics::write_report(opts.output_format, &report, &sources, &human, &mut out)
    };
    let flushed = written.and_then(|_| out.flush());
    if let Err(e) = flushed
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("wetlint: kan de uitvoer niet schrijven: {e}");
        return 2;
    }
    if skipped > 0 && matches!(opts.output_format, OutputFormat::Human) {
        eprintln!(
            "wetlint: {skipped} bestand(en) overgeslagen: geen regeling of toelichting herkend"
        );
    }
    for e in &report.errors {
        if !matches!(
            opts.output_format,
            OutputFormat::Human | OutputFormat::Concise
        ) {
            let pos = e
                .location
                .map(|p| format!(":{}:{}", p.row, p.column))
                .unwrap_or_default();
            eprintln!("wetlint: {}{pos}: {}", e.filename, e.message);
        }
    }

    if !report.errors.is_empty() {
        return 2;
    }
    if opts.exit_zero {
        return 0;
    }
    let fail_on = opts.fail_on.or(outcome.fail_on).unwrap_or(Severity::Error);
    if report.diagnostics.iter().any(|d| d.severity >= fail_on) {
        1
    } else {
        0
    }
}

/// The source texts of a unit's files, by display name.
fn unit_sources(files: &[Parsed], u: &pairing::Unit) -> Vec<(String, String)> {
    let members: Vec<&Parsed> = [u.regeling, u.toelichting]
        .into_iter()
        .flatten()
        .filter_map(|i| files.get(i))
        .collect();
    crate::formats::sources(&members).into_iter().collect()
}

fn settings_for(
    opts: &Options,
    cfg: Option<&config::Config>,
    index: Option<&wetlint_linter::IndexRef>,
) -> Settings {
    let mut settings = wetlint_config::settings(
        &wetlint_config::Overrides {
            profile: opts.profile,
            select: opts.select.clone(),
            extend_select: opts.extend_select.clone(),
            ignore: opts.ignore.clone(),
            preview: opts.preview,
        },
        cfg,
    );
    settings.index = index.cloned();
    settings
}

/// Drops diagnostics of files that a `[per-file-ignores]` glob excludes for that rule.
fn apply_per_file_ignores(
    cfg: Option<&Loaded>,
    unit: &pairing::Unit,
    parsed: &[Parsed],
    diags: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let Some(cfg) = cfg else { return diags };
    if cfg.config.per_file_ignores.is_empty() {
        return diags;
    }
    let dir = std::fs::canonicalize(&cfg.dir).unwrap_or_else(|_| cfg.dir.clone());
    let rel: Vec<(String, PathBuf)> = [unit.regeling, unit.toelichting]
        .into_iter()
        .flatten()
        .map(|i| {
            let p = &parsed[i];
            let abs = std::fs::canonicalize(&p.path).unwrap_or_else(|_| p.path.clone());
            (
                p.display.clone(),
                abs.strip_prefix(&dir).map(Path::to_path_buf).unwrap_or(abs),
            )
        })
        .collect();
    diags
        .into_iter()
        .filter(|d| {
            !rel.iter().any(|(display, path)| {
                *display == d.filename
                    && wetlint_config::per_file_ignored(&cfg.config, path, &d.code)
            })
        })
        .collect()
}
