//! `rules/toetsen.toml`: toets names and forms, the outcome vocabulary of
//! toetsen and advices (negative, conditional, template fields) and the
//! follow-up markers (UITV-005), with their lexicons.

use std::ops::Range;

use serde::Deserialize;

use crate::common::{
    Patroon, PreparedText, Text, canonical_form, canonical_order, check_forms, check_regex,
    check_unique_ids, s,
};
use crate::error::{DataProblem, ProblemKind, Problems, Source};
use crate::lexicon::{Lexicon, LexiconBuilder, compile_regex};
use crate::signalen::{SignaalLijst, SignalLexicon};

/// The file `toetsen.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToetsenFile {
    #[serde(default)]
    pub toets: Vec<Toets>,
    #[serde(default)]
    pub uitkomst: Vec<Uitkomst>,
    /// Follow-up markers; its id is `opvolging`.
    pub opvolging: SignaalLijst,
}

/// When a toets takes place relative to the regulation's entry into force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Moment {
    ExAnte,
    ExPost,
    Doorlopend,
}

/// One toets (impact assessment, advice or check).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Toets {
    pub id: Text,
    pub naam: String,
    #[serde(default)]
    pub vormen: Vec<Text>,
    /// Case-sensitive abbreviations (e.g. `DPIA`, `BIT`).
    #[serde(default)]
    pub afkortingen: Vec<Text>,
    #[serde(default)]
    pub patronen: Vec<Patroon>,
    /// Kind, in words (e.g. "verplichte kwaliteitseis", "wettelijk advies").
    pub soort: String,
    pub moment: Moment,
    /// Stage in the legislative process, in words.
    pub fase: String,
    #[serde(default)]
    pub opmerking: Option<String>,
    pub bron: String,
}

impl Toets {
    pub fn id(&self) -> &str {
        s(&self.id)
    }
}

/// Kind of outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UitkomstSoort {
    /// The toets or advice is negative (e.g. `niet uitvoerbaar`).
    Negatief,
    /// Positive under conditions (e.g. `uitvoerbaar mits`).
    Voorwaardelijk,
    /// A template field whose value must be read (e.g. `Eindoordeel: …`).
    Veld,
}

/// One outcome pattern.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uitkomst {
    pub id: Text,
    pub soort: UitkomstSoort,
    #[serde(default)]
    pub vormen: Vec<Text>,
    #[serde(default)]
    pub patronen: Vec<Patroon>,
    #[serde(default)]
    pub opmerking: Option<String>,
    pub bron: String,
}

impl Uitkomst {
    pub fn id(&self) -> &str {
        s(&self.id)
    }
}

/// One toets mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToetsHit<'d> {
    pub toets_id: &'d str,
    pub form: &'d str,
    pub range: Range<usize>,
}

/// One outcome mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeHit<'d> {
    pub outcome_id: &'d str,
    pub kind: UitkomstSoort,
    pub form: &'d str,
    pub range: Range<usize>,
}

#[derive(Debug)]
struct Payload<K> {
    id: String,
    form: String,
    kind: K,
}

/// Finds toets mentions.
pub struct ToetsLexicon {
    lexicon: Lexicon<Payload<()>>,
}

impl ToetsLexicon {
    pub fn find_in<'d>(&'d self, text: &str) -> Vec<ToetsHit<'d>> {
        self.find_in_prepared(&PreparedText::new(text))
    }

    pub fn find_in_prepared<'d>(&'d self, text: &PreparedText<'_>) -> Vec<ToetsHit<'d>> {
        let mut out = Vec::new();
        for hit in self.lexicon.find(text.original(), text.normalized()) {
            for p in hit.payloads {
                out.push(ToetsHit {
                    toets_id: &p.id,
                    form: &p.form,
                    range: hit.range.clone(),
                });
            }
        }
        out
    }
}

/// Finds outcome phrases of toetsen and advices.
pub struct OutcomeLexicon {
    lexicon: Lexicon<Payload<UitkomstSoort>>,
}

impl OutcomeLexicon {
    pub fn find_in<'d>(&'d self, text: &str) -> Vec<OutcomeHit<'d>> {
        self.find_in_prepared(&PreparedText::new(text))
    }

    pub fn find_in_prepared<'d>(&'d self, text: &PreparedText<'_>) -> Vec<OutcomeHit<'d>> {
        let mut out = Vec::new();
        for hit in self.lexicon.find(text.original(), text.normalized()) {
            for p in hit.payloads {
                out.push(OutcomeHit {
                    outcome_id: &p.id,
                    kind: p.kind,
                    form: &p.form,
                    range: hit.range.clone(),
                });
            }
        }
        out
    }
}

pub(crate) fn validate(src: &Source<'_>, file: &ToetsenFile, problems: &mut Problems) {
    check_unique_ids(src, "toets-id", file.toets.iter().map(|t| &t.id), problems);
    for t in &file.toets {
        if t.vormen.is_empty() && t.afkortingen.is_empty() && t.patronen.is_empty() {
            problems.push(src.problem(
                Some(t.id.span()),
                ProblemKind::Empty,
                format!("toets `{}` heeft geen vormen", t.id()),
            ));
        }
        if t.bron.trim().is_empty() {
            problems.push(src.problem(
                Some(t.id.span()),
                ProblemKind::Empty,
                format!("toets `{}` heeft een lege `bron`", t.id()),
            ));
        }
        check_forms(src, "vormen", &t.vormen, problems);
        for a in &t.afkortingen {
            if s(a).trim().is_empty() {
                problems.push(src.problem(Some(a.span()), ProblemKind::Empty, "lege afkorting"));
            }
        }
        for p in &t.patronen {
            check_regex(src, p, problems);
        }
    }
    check_unique_ids(
        src,
        "uitkomst-id",
        file.uitkomst.iter().map(|u| &u.id),
        problems,
    );
    for u in &file.uitkomst {
        if u.vormen.is_empty() && u.patronen.is_empty() {
            problems.push(src.problem(
                Some(u.id.span()),
                ProblemKind::Empty,
                format!("uitkomst `{}` heeft geen vormen", u.id()),
            ));
        }
        check_forms(src, "vormen", &u.vormen, problems);
        for p in &u.patronen {
            check_regex(src, p, problems);
        }
    }
    crate::signalen::validate_list(src, &file.opvolging, problems);
    if file.opvolging.id() != "opvolging" {
        problems.push(src.problem(
            Some(file.opvolging.id.span()),
            ProblemKind::Invalid,
            "de tabel [opvolging] hoort `id = \"opvolging\"` te hebben",
        ));
    }
}

pub(crate) fn compile(
    file: &ToetsenFile,
) -> Result<(ToetsLexicon, OutcomeLexicon, SignalLexicon), String> {
    let mut b = LexiconBuilder::new().caps_guard(true);
    for t in &file.toets {
        let p = |form: &str| Payload {
            id: t.id().to_string(),
            form: form.to_string(),
            kind: (),
        };
        for f in &t.vormen {
            b.literal(s(f), false, 0, p(s(f)));
        }
        for f in &t.afkortingen {
            b.literal(s(f), true, 0, p(s(f)));
        }
        for pat in &t.patronen {
            let re =
                compile_regex(pat.pattern(), pat.hoofdlettergevoelig).map_err(|e| e.to_string())?;
            b.regex(re, pat.hoofdlettergevoelig, 0, p(pat.pattern()));
        }
    }
    let toetsen = ToetsLexicon {
        lexicon: b.build()?,
    };
    let mut b = LexiconBuilder::new();
    for u in &file.uitkomst {
        let p = |form: &str| Payload {
            id: u.id().to_string(),
            form: form.to_string(),
            kind: u.soort,
        };
        for f in &u.vormen {
            b.literal(s(f), false, 0, p(s(f)));
        }
        for pat in &u.patronen {
            let re =
                compile_regex(pat.pattern(), pat.hoofdlettergevoelig).map_err(|e| e.to_string())?;
            b.regex(re, pat.hoofdlettergevoelig, 0, p(pat.pattern()));
        }
    }
    let outcomes = OutcomeLexicon {
        lexicon: b.build()?,
    };
    let followups = crate::signalen::compile_list(&file.opvolging)?;
    Ok((toetsen, outcomes, followups))
}

pub(crate) fn canonical(src: &Source<'_>, file: &ToetsenFile, out: &mut Vec<DataProblem>) {
    canonical_order(
        src,
        "toets-id",
        file.toets.iter().map(|t| (t.id(), t.id.span())),
        out,
    );
    canonical_order(
        src,
        "uitkomst-id",
        file.uitkomst.iter().map(|u| (u.id(), u.id.span())),
        out,
    );
    for f in file
        .toets
        .iter()
        .flat_map(|t| &t.vormen)
        .chain(file.uitkomst.iter().flat_map(|u| &u.vormen))
    {
        canonical_form(src, "vormen", f, out);
    }
    crate::signalen::canonical_list(src, &file.opvolging, out);
}
