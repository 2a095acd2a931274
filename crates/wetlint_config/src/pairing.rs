//! Links a regulation to its toelichting: explicitly (`--toelichting`,
//! `[[paar]]` in `wetlint.toml`) or automatically, by kind, within a folder.
//! With several of each in one folder, file names decide ("besluit.md" goes
//! with "nota-van-toelichting-besluit.md"); without a clear match the files
//! stay single and get the rules that apply to one document.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A unit of checking: a regulation, a toelichting, or both (indices into the file list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub regeling: Option<usize>,
    pub toelichting: Option<usize>,
}

/// What pairing needs to know about a file.
pub struct FileInfo<'a> {
    pub path: &'a Path,
    pub is_regulation: bool,
    pub is_toelichting: bool,
}

const NOISE: [&str; 10] = [
    "memorie",
    "van",
    "toelichting",
    "nota",
    "mvt",
    "nvt",
    "md",
    "txt",
    "de",
    "bij",
];

fn tokens(path: &Path) -> Vec<String> {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && !NOISE.contains(t))
        .map(str::to_string)
        .collect()
}

/// Builds units from files and explicit pairs (by path).
pub fn pair(files: &[FileInfo<'_>], explicit: &[(PathBuf, PathBuf)]) -> Vec<Unit> {
    let mut taken = vec![false; files.len()];
    let mut units = Vec::new();
    let find = |p: &Path| files.iter().position(|f| same_file(f.path, p));
    for (r, t) in explicit {
        if let (Some(ri), Some(ti)) = (find(r), find(t))
            && !taken[ri]
            && !taken[ti]
        {
            taken[ri] = true;
            taken[ti] = true;
            units.push(Unit {
                regeling: Some(ri),
                toelichting: Some(ti),
            });
        }
    }
    let mut by_dir: BTreeMap<PathBuf, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        if taken[i] {
            continue;
        }
        let dir = f.path.parent().map(Path::to_path_buf).unwrap_or_default();
        let e = by_dir.entry(dir).or_default();
        if f.is_toelichting {
            e.1.push(i);
        } else if f.is_regulation {
            e.0.push(i);
        }
    }
    for (_, (regs, toels)) in by_dir {
        let mut reg_used = vec![false; regs.len()];
        let mut toel_used = vec![false; toels.len()];
        if regs.len() == 1 && toels.len() == 1 {
            units.push(Unit {
                regeling: Some(regs[0]),
                toelichting: Some(toels[0]),
            });
            taken[regs[0]] = true;
            taken[toels[0]] = true;
            continue;
        }
        // Several: match by shared name tokens, only when the best match is unique.
        for (ti, &t) in toels.iter().enumerate() {
            let tt = tokens(files[t].path);
            let scores: Vec<usize> = regs
                .iter()
                .map(|&r| {
                    let rt = tokens(files[r].path);
                    tt.iter().filter(|x| rt.contains(x)).count()
                })
                .collect();
            let best = scores.iter().copied().max().unwrap_or(0);
            if best > 0
                && scores.iter().filter(|&&s| s == best).count() == 1
                && let Some(ri) = scores.iter().position(|&s| s == best)
                && !reg_used[ri]
            {
                reg_used[ri] = true;
                toel_used[ti] = true;
                taken[regs[ri]] = true;
                taken[t] = true;
                units.push(Unit {
                    regeling: Some(regs[ri]),
                    toelichting: Some(t),
                });
            }
        }
    }
    for (i, f) in files.iter().enumerate() {
        if taken[i] {
            continue;
        }
        if f.is_toelichting {
            units.push(Unit {
                regeling: None,
                toelichting: Some(i),
            });
        } else if f.is_regulation {
            units.push(Unit {
                regeling: Some(i),
                toelichting: None,
            });
        }
    }
    units.sort_by_key(|u| u.regeling.or(u.toelichting));
    units
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || std::fs::canonicalize(a)
            .ok()
            .zip(std::fs::canonicalize(b).ok())
            .is_some_and(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(p: &str, reg: bool) -> FileInfo<'_> {
        FileInfo {
            path: Path::new(p),
            is_regulation: reg,
            is_toelichting: !reg,
        }
    }

    #[test]
    fn pairs_by_folder_and_name() {
        let files = [
            info("a/wet.md", true),
            info("a/mvt.md", false),
            info("b/besluit-x.md", true),
            info("b/besluit-y.md", true),
            info("b/nota-van-toelichting-y.md", false),
        ];
        let units = pair(&files, &[]);
        assert!(units.contains(&Unit {
            regeling: Some(0),
            toelichting: Some(1)
        }));
        assert!(units.contains(&Unit {
            regeling: Some(3),
            toelichting: Some(4)
        }));
        assert!(units.contains(&Unit {
            regeling: Some(2),
            toelichting: None
        }));
    }
}
