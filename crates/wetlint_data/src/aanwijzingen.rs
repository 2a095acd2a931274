//! `rules/aanwijzingen.toml`: the Aanwijzingen voor de regelgeving that
//! diagnostics cite, with the current number, the 2012 number(s), a title
//! and a one-sentence gist.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::Deserialize;

use crate::common::{Text, s};
use crate::error::{DataProblem, ProblemKind, Problems, Source};

/// The file `aanwijzingen.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AanwijzingenFile {
    #[serde(default)]
    pub aanwijzing: Vec<Aanwijzing>,
}

/// How certain the current number is (catalog §0.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum NummerStatus {
    /// Seen on kcbr.nl / kcwj.nl.
    #[serde(rename = "V")]
    Geverifieerd,
    /// Inferred from cross-references.
    #[serde(rename = "I")]
    Afgeleid,
    /// Current number not established; `huidig` is then absent.
    #[serde(rename = "?")]
    Onbekend,
}

/// One Aanwijzing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aanwijzing {
    /// Current number (since 2018), e.g. `4.43`.
    #[serde(default)]
    pub huidig: Option<Text>,
    /// Number(s) in the 2012 text, e.g. `["212"]`.
    #[serde(default)]
    pub oud: Vec<Text>,
    pub titel: String,
    /// The gist in one Dutch sentence.
    pub kern: String,
    pub nummer_status: NummerStatus,
    #[serde(default)]
    pub url: Option<String>,
    /// Whether `url` was checked to lead to this Aanwijzing.
    #[serde(default)]
    pub geverifieerd: bool,
    /// Rule ids citing this Aanwijzing (informational).
    #[serde(default)]
    pub regels: Vec<String>,
    #[serde(default)]
    pub opmerking: Option<String>,
    pub bron: String,
}

impl Aanwijzing {
    pub fn huidig(&self) -> Option<&str> {
        self.huidig.as_ref().map(s)
    }
    pub fn oud(&self) -> impl Iterator<Item = &str> {
        self.oud.iter().map(s)
    }
    /// "Ar 4.43" or, without a current number, "Ar (2012) 49".
    pub fn citation(&self) -> String {
        match (self.huidig(), self.oud().next()) {
            (Some(h), _) => format!("Ar {h}"),
            (None, Some(o)) => format!("Ar (2012) {o}"),
            (None, None) => "Ar".to_string(),
        }
    }
}

/// Strips "Ar", "aanwijzing" and spaces from a number as a user may type it.
pub(crate) fn clean_number(num: &str) -> String {
    let t = num.trim().to_lowercase();
    let t = t.strip_prefix("aanwijzing").unwrap_or(&t).trim();
    let t = t.strip_prefix("ar").unwrap_or(t).trim();
    t.to_string()
}

fn is_current_number(n: &str) -> bool {
    let mut parts = n.splitn(2, '.');
    let (Some(h), Some(rest)) = (parts.next(), parts.next()) else {
        return false;
    };
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_lowercase());
    !h.is_empty()
        && h.chars().all(|c| c.is_ascii_digit())
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
}

fn is_old_number(n: &str) -> bool {
    let digits = n.trim_end_matches(|c: char| c.is_ascii_lowercase());
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Sort key: (chapter, number, suffix) for current numbers.
fn current_key(n: &str) -> (u32, u32, String) {
    let mut parts = n.splitn(2, '.');
    let h = parts
        .next()
        .and_then(|x| x.parse().ok())
        .unwrap_or(u32::MAX);
    let rest = parts.next().unwrap_or("");
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let suffix: String = rest.chars().skip_while(char::is_ascii_digit).collect();
    (h, digits.parse().unwrap_or(u32::MAX), suffix)
}

fn old_key(n: &str) -> (u32, String) {
    let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
    let suffix: String = n.chars().skip_while(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u32::MAX), suffix)
}

/// The documented order: entries with a current number first, by that
/// number; then the others by their first 2012 number.
pub(crate) fn order(a: &Aanwijzing, b: &Aanwijzing) -> Ordering {
    match (a.huidig(), b.huidig()) {
        (Some(x), Some(y)) => current_key(x).cmp(&current_key(y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => {
            old_key(a.oud().next().unwrap_or("")).cmp(&old_key(b.oud().next().unwrap_or("")))
        }
    }
}

pub(crate) fn validate(src: &Source<'_>, file: &AanwijzingenFile, problems: &mut Problems) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for a in &file.aanwijzing {
        if a.huidig.is_none() && a.oud.is_empty() {
            problems.push(src.problem(
                None,
                ProblemKind::Empty,
                format!(
                    "aanwijzing `{}` heeft geen `huidig` en geen `oud` nummer",
                    a.titel
                ),
            ));
        }
        if let Some(h) = &a.huidig {
            if !is_current_number(s(h)) {
                problems.push(src.problem(
                    Some(h.span()),
                    ProblemKind::Invalid,
                    format!("`huidig = \"{}\"` is geen nummer van de vorm 4.43", s(h)),
                ));
            }
            let (line, _) = src.line_col(h.span().start);
            if let Some(first) = seen.insert(s(h), line) {
                problems.push(src.problem(
                    Some(h.span()),
                    ProblemKind::Duplicate,
                    format!("aanwijzing {} komt al voor op regel {first}", s(h)),
                ));
            }
            if a.nummer_status == NummerStatus::Onbekend {
                problems.push(src.problem(
                    Some(h.span()),
                    ProblemKind::Invalid,
                    "`nummer_status = \"?\"` maar er is wel een `huidig` nummer",
                ));
            }
        } else if a.nummer_status != NummerStatus::Onbekend
            && let Some(o) = a.oud.first()
        {
            problems.push(src.problem(
                Some(o.span()),
                ProblemKind::Invalid,
                "zonder `huidig` nummer hoort `nummer_status = \"?\"`",
            ));
        }
        for o in &a.oud {
            if !is_old_number(s(o)) {
                problems.push(src.problem(
                    Some(o.span()),
                    ProblemKind::Invalid,
                    format!(
                        "`oud = \"{}\"` is geen nummer van de vorm 131 of 131a",
                        s(o)
                    ),
                ));
            }
        }
        if a.titel.trim().is_empty() || a.kern.trim().is_empty() || a.bron.trim().is_empty() {
            let span = a.huidig.as_ref().or(a.oud.first()).map(|t| t.span());
            problems.push(src.problem(span, ProblemKind::Empty, "lege `titel`, `kern` of `bron`"));
        }
        if let Some(u) = &a.url
            && !u.starts_with("https://")
        {
            let span = a.huidig.as_ref().or(a.oud.first()).map(|t| t.span());
            problems.push(src.problem(
                span,
                ProblemKind::Invalid,
                format!("url `{u}` begint niet met https://"),
            ));
        }
    }
}

pub(crate) fn canonical(src: &Source<'_>, file: &AanwijzingenFile, out: &mut Vec<DataProblem>) {
    for pair in file.aanwijzing.windows(2) {
        if order(&pair[0], &pair[1]) == Ordering::Greater {
            let span = pair[1]
                .huidig
                .as_ref()
                .or(pair[1].oud.first())
                .map(|t| t.span());
            out.push(src.problem(
                span,
                ProblemKind::NotCanonical,
                format!(
                    "{} staat niet op volgorde (hoort vóór {})",
                    pair[1].citation(),
                    pair[0].citation()
                ),
            ));
        }
    }
}
