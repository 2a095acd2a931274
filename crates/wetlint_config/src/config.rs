//! `wetlint.toml`: discovered upwards from each checked file; the nearest
//! file wins. Errors name the file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use wetlint_diagnostics::Severity;
use wetlint_linter::Profile;

pub const FILE_NAME: &str = "wetlint.toml";

/// Severity in configuration: a level or "off".
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LevelOrOff {
    Error,
    Warning,
    Info,
    Off,
}

impl LevelOrOff {
    pub fn severity(self) -> Option<Severity> {
        match self {
            LevelOrOff::Error => Some(Severity::Error),
            LevelOrOff::Warning => Some(Severity::Warning),
            LevelOrOff::Info => Some(Severity::Info),
            LevelOrOff::Off => None,
        }
    }
}

/// An explicit regulation/toelichting pair, paths relative to the config file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub regeling: PathBuf,
    pub toelichting: PathBuf,
}

/// The contents of a `wetlint.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub profile: Option<Profile>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub extend_select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    pub preview: Option<bool>,
    pub fail_on: Option<LevelOrOff>,
    /// Rule selector → severity or "off".
    #[serde(default)]
    pub severity: BTreeMap<String, LevelOrOff>,
    /// Glob (relative to the config file) → rule selectors to ignore there.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    #[serde(default, rename = "paar")]
    pub pairs: Vec<Pair>,
    /// Extra patterns to exclude, like `.wetlintignore` lines.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// A loaded config with its location.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub dir: PathBuf,
    pub config: Config,
}

/// Parses a config text; errors carry `file:line:column`.
pub fn parse(path: &Path, text: &str) -> Result<Config, String> {
    toml::from_str::<Config>(text).map_err(|e| {
        let (line, col) = e
            .span()
            .map(|s| {
                let before = &text[..s.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, col)
            })
            .unwrap_or((1, 1));
        format!(
            "{}:{line}:{col}: ongeldige configuratie: {}",
            path.display(),
            e.message()
        )
    })
}

/// Finds and loads the nearest `wetlint.toml` at or above `dir`.
pub fn discover(
    dir: &Path,
    cache: &mut BTreeMap<PathBuf, Option<Loaded>>,
) -> Result<Option<Loaded>, String> {
    let mut cur = Some(dir.to_path_buf());
    let mut visited = Vec::new();
    while let Some(d) = cur {
        if let Some(hit) = cache.get(&d) {
            let hit = hit.clone();
            for v in visited {
                cache.insert(v, hit.clone());
            }
            return Ok(hit);
        }
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            let text = std::fs::read_to_string(&candidate)
                .map_err(|e| format!("{}: kan niet lezen: {e}", candidate.display()))?;
            let config = parse(&candidate, &text)?;
            let loaded = Some(Loaded {
                path: candidate,
                dir: d.clone(),
                config,
            });
            cache.insert(d, loaded.clone());
            for v in visited {
                cache.insert(v, loaded.clone());
            }
            return Ok(loaded);
        }
        visited.push(d.clone());
        cur = d
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty());
    }
    for v in visited {
        cache.insert(v, None);
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_reports_positions() {
        let c = parse(
            Path::new("wetlint.toml"),
            "profile = \"indiening\"\nignore = [\"LEG-003\"]\n[severity]\n\"UITV-007\" = \"warning\"\n[per-file-ignores]\n\"oud/*.md\" = [\"LEG\"]\n",
        )
        .unwrap_or_default();
        assert_eq!(c.profile, Some(Profile::Indiening));
        assert_eq!(c.severity.get("UITV-007"), Some(&LevelOrOff::Warning));
        let err = parse(
            Path::new("wetlint.toml"),
            "profile = \"concept\"\nprofiel = 1\n",
        )
        .err()
        .unwrap_or_default();
        assert!(err.starts_with("wetlint.toml:2:1:"), "{err}");
    }
}
