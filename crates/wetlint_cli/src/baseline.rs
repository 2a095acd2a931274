//! Baseline files: the findings a legacy repository already has, so a gate
//! only fails on new ones. A fingerprint survives line shifts: it hashes the
//! rule, the file and the trimmed text of the finding's line, plus the
//! occurrence number of that combination.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use wetlint_diagnostics::Diagnostic;

#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct Entry {
    pub code: String,
    pub file: String,
    pub fingerprint: String,
    #[serde(default)]
    pub message: String,
}

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Fingerprints of `diags`, in the same order.
pub fn fingerprints(
    diags: &[Diagnostic],
    source_of: &dyn Fn(&str) -> Option<String>,
) -> Vec<String> {
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    diags
        .iter()
        .map(|d| {
            let text = texts
                .entry(d.filename.clone())
                .or_insert_with(|| source_of(&d.filename));
            let line = text
                .as_deref()
                .and_then(|t| t.lines().nth(d.location.row.saturating_sub(1) as usize))
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let key = (d.code.clone(), d.filename.clone(), line.clone());
            let n = seen.entry(key).or_insert(0);
            *n += 1;
            format!(
                "{:016x}",
                fnv1a(format!("{}\u{0}{}\u{0}{}\u{0}{}", d.code, d.filename, line, n).as_bytes())
            )
        })
        .collect()
}

pub fn write(path: &Path, diags: &[Diagnostic], prints: &[String]) -> Result<(), String> {
    let entries = diags
        .iter()
        .zip(prints)
        .map(|(d, f)| Entry {
            code: d.code.clone(),
            file: d.filename.clone(),
            fingerprint: f.clone(),
            message: d.message.clone(),
        })
        .collect();
    let json = serde_json::to_string_pretty(&Baseline {
        version: 1,
        entries,
    })
    .map_err(|e| e.to_string())?;
    // Write atomically: a crash must not leave half a baseline.
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, json + "\n")
        .map_err(|e| format!("{}: kan niet schrijven: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: kan niet schrijven: {e}", path.display()))
}

pub fn read(path: &Path) -> Result<HashSet<(String, String, String)>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: kan de baseline niet lezen: {e}", path.display()))?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: ongeldige baseline: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    if b.version != 1 {
        return Err(format!(
            "{}: baselineversie {} wordt niet ondersteund (verwacht 1)",
            path.display(),
            b.version
        ));
    }
    Ok(b.entries
        .into_iter()
        .map(|e| (e.code, e.file, e.fingerprint))
        .collect())
}
