//! `rules/signalen.toml`: named marker lists shared by several rules
//! (task verbs, citizen obligations, discretion markers, argument markers,
//! placeholders, …) and the delegation formulas with their meaning.
//!
//! Each list compiles to its own [`SignalLexicon`]. Forms are phrases matched
//! case-insensitively on whole words; `zwak` forms match too but their hits
//! are flagged `weak`; `patronen` cover separable verbs and other cases a
//! phrase cannot express.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;

use crate::common::{
    Patroon, PreparedText, Text, Uitsluiting, canonical_form, canonical_order, check_forms,
    check_regex, check_unique_ids, s,
};
use crate::error::{DataProblem, ProblemKind, Problems, Source};
use crate::lexicon::{Lexicon, LexiconBuilder, compile_regex};

/// The file `signalen.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalenFile {
    #[serde(default)]
    pub lijst: Vec<SignaalLijst>,
    #[serde(default)]
    pub delegatieformule: Vec<Delegatieformule>,
}

/// A named marker list. Also used for the doenvermogen list in
/// `waarden.toml` and the follow-up markers in `toetsen.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignaalLijst {
    pub id: Text,
    pub omschrijving: String,
    /// Rule ids that use this list (informational).
    #[serde(default)]
    pub regels: Vec<String>,
    #[serde(default)]
    pub vormen: Vec<Text>,
    /// Forms whose hits count only weakly (`weak = true`).
    #[serde(default)]
    pub zwak: Vec<Text>,
    #[serde(default)]
    pub patronen: Vec<Patroon>,
    #[serde(default)]
    pub uitsluitingen: Vec<Uitsluiting>,
    #[serde(default)]
    pub opmerking: Option<String>,
    pub bron: String,
}

impl SignaalLijst {
    pub fn id(&self) -> &str {
        s(&self.id)
    }
}

/// Which kind of regulation a delegation formula delegates to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Niveau {
    Wet,
    Amvb,
    MinisterieleRegeling,
    Beleidsregel,
    Besluit,
    Verordening,
}

/// A delegation formula (catalog §1.4) and what it means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delegatieformule {
    pub vorm: Text,
    pub betekenis: String,
    pub niveau: Niveau,
    /// Whether the formula allows further delegation ("bij of krachtens").
    pub subdelegatie: bool,
    /// Current Aanwijzing number (must exist in `aanwijzingen.toml`).
    #[serde(default)]
    pub aanwijzing: Option<Text>,
    pub bron: String,
}

impl Delegatieformule {
    pub fn vorm(&self) -> &str {
        s(&self.vorm)
    }
}

/// One marker found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalHit<'d> {
    /// Id of the list.
    pub list: &'d str,
    /// The form, or the source of the pattern, that matched.
    pub form: &'d str,
    /// The form is listed under `zwak`.
    pub weak: bool,
    /// Byte range in the original text.
    pub range: Range<usize>,
}

#[derive(Debug)]
struct SignalPayload {
    form: String,
    weak: bool,
    exclusion: bool,
}

/// Finds the markers of one list.
pub struct SignalLexicon {
    id: String,
    lexicon: Lexicon<SignalPayload>,
}

impl SignalLexicon {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// All markers in `text`, in text order, non-overlapping.
    pub fn find_in<'d>(&'d self, text: &str) -> Vec<SignalHit<'d>> {
        self.find_in_prepared(&PreparedText::new(text))
    }

    /// As [`Self::find_in`], on a text prepared once for several lexicons.
    pub fn find_in_prepared<'d>(&'d self, text: &PreparedText<'_>) -> Vec<SignalHit<'d>> {
        let mut out = Vec::new();
        for hit in self.lexicon.find(text.original(), text.normalized()) {
            for p in hit.payloads {
                if p.exclusion {
                    continue;
                }
                out.push(SignalHit {
                    list: &self.id,
                    form: &p.form,
                    weak: p.weak,
                    range: hit.range.clone(),
                });
            }
        }
        out
    }

    /// Whether `text` contains at least one marker.
    pub fn is_in(&self, text: &str) -> bool {
        !self.find_in(text).is_empty()
    }
}

/// One delegation formula found in a text.
#[derive(Debug, Clone)]
pub struct DelegationHit<'d> {
    pub formula: &'d Delegatieformule,
    pub range: Range<usize>,
}

/// Finds delegation formulas.
pub struct DelegationLexicon {
    formulas: Vec<Delegatieformule>,
    lexicon: Lexicon<usize>,
}

impl DelegationLexicon {
    pub fn formulas(&self) -> &[Delegatieformule] {
        &self.formulas
    }

    pub fn find_in<'d>(&'d self, text: &str) -> Vec<DelegationHit<'d>> {
        self.find_in_prepared(&PreparedText::new(text))
    }

    pub fn find_in_prepared<'d>(&'d self, text: &PreparedText<'_>) -> Vec<DelegationHit<'d>> {
        let mut out = Vec::new();
        for hit in self.lexicon.find(text.original(), text.normalized()) {
            for &i in hit.payloads {
                out.push(DelegationHit {
                    formula: &self.formulas[i],
                    range: hit.range.clone(),
                });
            }
        }
        out
    }
}

pub(crate) fn validate_list(src: &Source<'_>, l: &SignaalLijst, problems: &mut Problems) {
    if l.vormen.is_empty() && l.zwak.is_empty() && l.patronen.is_empty() {
        problems.push(src.problem(
            Some(l.id.span()),
            ProblemKind::Empty,
            format!(
                "lijst `{}` heeft geen `vormen`, `zwak` of `patronen`",
                l.id()
            ),
        ));
    }
    if l.bron.trim().is_empty() {
        problems.push(src.problem(
            Some(l.id.span()),
            ProblemKind::Empty,
            format!("lijst `{}` heeft een lege `bron`", l.id()),
        ));
    }
    let mut all: Vec<Text> = l.vormen.clone();
    all.extend(l.zwak.iter().cloned());
    all.extend(
        l.uitsluitingen
            .iter()
            .flat_map(|u| u.vormen.iter().cloned()),
    );
    check_forms(src, l.id(), &all, problems);
    for p in &l.patronen {
        check_regex(src, p, problems);
    }
}

pub(crate) fn validate(
    src: &Source<'_>,
    file: &SignalenFile,
    aanwijzingen: &HashSet<String>,
    problems: &mut Problems,
) {
    check_unique_ids(src, "lijst-id", file.lijst.iter().map(|l| &l.id), problems);
    for l in &file.lijst {
        validate_list(src, l, problems);
    }
    check_unique_ids(
        src,
        "delegatieformule",
        file.delegatieformule.iter().map(|d| &d.vorm),
        problems,
    );
    for d in &file.delegatieformule {
        if let Some(a) = &d.aanwijzing
            && !aanwijzingen.contains(s(a))
        {
            problems.push(src.problem(
                Some(a.span()),
                ProblemKind::UnknownReference,
                format!("aanwijzing `{}` bestaat niet in aanwijzingen.toml", s(a)),
            ));
        }
    }
}

pub(crate) fn compile_list(l: &SignaalLijst) -> Result<SignalLexicon, String> {
    let mut b = LexiconBuilder::new();
    let payload = |form: &str, weak: bool, exclusion: bool| SignalPayload {
        form: form.to_string(),
        weak,
        exclusion,
    };
    for f in &l.vormen {
        b.literal(s(f), false, 0, payload(s(f), false, false));
    }
    for f in &l.zwak {
        b.literal(s(f), false, 0, payload(s(f), true, false));
    }
    for f in l.uitsluitingen.iter().flat_map(|u| &u.vormen) {
        b.literal(s(f), false, 1, payload(s(f), false, true));
    }
    for p in &l.patronen {
        let re = compile_regex(p.pattern(), p.hoofdlettergevoelig).map_err(|e| e.to_string())?;
        b.regex(
            re,
            p.hoofdlettergevoelig,
            0,
            payload(p.pattern(), false, false),
        );
    }
    Ok(SignalLexicon {
        id: l.id().to_string(),
        lexicon: b.build()?,
    })
}

pub(crate) fn compile(
    file: &SignalenFile,
) -> Result<(Vec<SignalLexicon>, DelegationLexicon), String> {
    let lists = file
        .lijst
        .iter()
        .map(compile_list)
        .collect::<Result<Vec<_>, _>>()?;
    let mut b = LexiconBuilder::new();
    for (i, d) in file.delegatieformule.iter().enumerate() {
        b.literal(d.vorm(), false, 0, i);
    }
    let delegations = DelegationLexicon {
        formulas: file.delegatieformule.clone(),
        lexicon: b.build()?,
    };
    Ok((lists, delegations))
}

pub(crate) fn canonical_list(src: &Source<'_>, l: &SignaalLijst, out: &mut Vec<DataProblem>) {
    for f in l
        .vormen
        .iter()
        .chain(&l.zwak)
        .chain(l.uitsluitingen.iter().flat_map(|u| &u.vormen))
    {
        canonical_form(src, l.id(), f, out);
    }
}

pub(crate) fn canonical(src: &Source<'_>, file: &SignalenFile, out: &mut Vec<DataProblem>) {
    canonical_order(
        src,
        "lijst-id",
        file.lijst.iter().map(|l| (l.id(), l.id.span())),
        out,
    );
    for l in &file.lijst {
        canonical_list(src, l, out);
    }
    canonical_order(
        src,
        "delegatieformule",
        file.delegatieformule
            .iter()
            .map(|d| (d.vorm(), d.vorm.span())),
        out,
    );
    for d in &file.delegatieformule {
        canonical_form(src, "delegatieformule", &d.vorm, out);
    }
}
