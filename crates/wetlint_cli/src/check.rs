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

/// Everything a check run produced before rendering: the files, the units
/// (regulation/toelichting pairs) and their diagnostics.
pub struct Collected {
    pub parsed: Vec<Parsed>,
    pub parsed_config: Vec<Option<Loaded>>,
    pub units: Vec<pairing::Unit>,
    pub diagnostics: Vec<Diagnostic>,
    pub errors: Vec<FileError>,
    pub skipped: usize,
    pub index: Option<wetlint_linter::IndexRef>,
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

/// Discovers, reads, parses, pairs and checks; `Err` carries the exit code
/// of a fatal error (configuration, index) that was already reported.
pub fn collect(opts: &Options) -> Result<Collected, u8> {
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
    let mut cache = BTreeMap::new();
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
                match config::discover(&dir, &mut cache) {
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

    // Read and parse in parallel.
    // Text files as they are; XML and .docx through the readers.
    let results: Vec<Result<Vec<Parsed>, FileError>> = files
        .par_iter()
        .map(|p| crate::formats::load(p, display_path(p)))
        .collect();
    let mut parsed: Vec<Parsed> = Vec::new();
    let mut parsed_config: Vec<Option<Loaded>> = Vec::new();
    let mut skipped = 0usize;
    for (r, c) in results.into_iter().zip(configs) {
        match r {
            Ok(ps) => {
                for p in ps {
                    if is_draft(&p.doc) || opts.paths.iter().any(|x| x == &p.path) {
                        parsed.push(p);
                        parsed_config.push(c.clone());
                    } else {
                        skipped += 1;
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }

    // Pairing.
    let mut explicit_pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
    if let Some(t) = &opts.toelichting
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

    // Check every unit in parallel (or take its result from the cache).
    let diagnostics: Vec<Diagnostic> = units
        .par_iter()
        .flat_map_iter(|u| -> Vec<Diagnostic> {
            let cfg = u
                .regeling
                .or(u.toelichting)
                .and_then(|i| parsed_config[i].as_ref());
            let settings = settings_for(opts, cfg.map(|c| &c.config), index.as_ref());
            let src = |i: usize| Source {
                path: &parsed[i].display,
                text: &parsed[i].text,
                doc: &parsed[i].doc,
            };
            let input = Input {
                regeling: u.regeling.map(src),
                toelichting: u.toelichting.map(src),
            };
            let files: Vec<(&str, &str)> = [u.regeling, u.toelichting]
                .into_iter()
                .flatten()
                .map(|i| (parsed[i].display.as_str(), parsed[i].text.as_str()))
                .collect();
            let key = cache.as_ref().map(|c| c.key(&files, &settings));
            if let (Some(c), Some(k)) = (&cache, key)
                && let Some(hit) = c.get(k)
            {
                return hit;
            }
            let diags = apply_per_file_ignores(
                cfg,
                u,
                &parsed,
                wetlint_linter::check(&input, &settings, data),
            );
            if let (Some(c), Some(k)) = (&cache, key) {
                c.put(k, &diags);
            }
            diags
        })
        .collect();

    let mut diagnostics = diagnostics;
    crate::formats::map_back(&mut diagnostics, &parsed);
    diagnostics.sort_by(|a, b| a.canonical_cmp(b));
    Ok(Collected {
        parsed,
        parsed_config,
        units,
        diagnostics,
        errors,
        skipped,
        index,
    })
}

/// Runs the check; returns the exit code (0 clean, 1 findings, 2 errors).
pub fn run(opts: &Options) -> u8 {
    let Collected {
        parsed,
        parsed_config,
        mut diagnostics,
        errors,
        skipped,
        ..
    } = match collect(opts) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let sources: HashMap<String, String> = crate::formats::sources(&parsed);
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
        files_checked: parsed.len(),
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
    let fail_on = opts
        .fail_on
        .or_else(|| {
            parsed_config
                .iter()
                .flatten()
                .find_map(|c| c.config.fail_on.and_then(|l| l.severity()))
        })
        .unwrap_or(Severity::Error);
    if report.diagnostics.iter().any(|d| d.severity >= fail_on) {
        1
    } else {
        0
    }
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
