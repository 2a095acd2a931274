//! Project configuration shared by the CLI and the language server:
//! `wetlint.toml` discovery and parsing ([`config`]), the rule [`Settings`]
//! that follow from a config and command-line overrides ([`settings`]), and
//! the pairing of regulations with their toelichting ([`pairing`]).

pub mod config;
pub mod pairing;

use wetlint_linter::{Profile, Selection, Settings};

/// Command-line (or editor) overrides on top of a `wetlint.toml`.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub profile: Option<Profile>,
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub preview: bool,
}

/// The rule settings for files governed by `cfg`, with `overrides` applied:
/// an explicit `select` replaces the config's, `ignore`/`extend_select` add up.
pub fn settings(overrides: &Overrides, cfg: Option<&config::Config>) -> Settings {
    let mut selection = Selection {
        select: if overrides.select.is_empty() {
            cfg.map(|c| c.select.clone()).unwrap_or_default()
        } else {
            overrides.select.clone()
        },
        extend_select: cfg.map(|c| c.extend_select.clone()).unwrap_or_default(),
        ignore: cfg.map(|c| c.ignore.clone()).unwrap_or_default(),
        preview: overrides.preview || cfg.and_then(|c| c.preview).unwrap_or(false),
    };
    selection
        .extend_select
        .extend(overrides.extend_select.iter().cloned());
    selection.ignore.extend(overrides.ignore.iter().cloned());
    Settings {
        profile: overrides
            .profile
            .or(cfg.and_then(|c| c.profile))
            .unwrap_or_default(),
        selection,
        severity: cfg
            .map(|c| {
                c.severity
                    .iter()
                    .map(|(k, v)| (k.clone(), v.severity()))
                    .collect()
            })
            .unwrap_or_default(),
        index: None,
    }
}

/// True when `path` (relative to the config's folder) matches a
/// `[per-file-ignores]` glob that selects `code`.
pub fn per_file_ignored(cfg: &config::Config, relative_path: &std::path::Path, code: &str) -> bool {
    cfg.per_file_ignores.iter().any(|(pattern, sels)| {
        globset::Glob::new(pattern).is_ok_and(|g| g.compile_matcher().is_match(relative_path))
            && wetlint_linter::registry::find(code)
                .is_some_and(|m| sels.iter().any(|s| wetlint_linter::select::matches(s, m)))
    })
}
