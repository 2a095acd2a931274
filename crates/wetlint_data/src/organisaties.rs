//! `rules/organisaties.toml`: uitvoeringsorganisaties, toezichthouders,
//! adviesorganen, decentrale actoren and their representative bodies, and
//! the [`OrgLexicon`] that finds them in a text.
//!
//! Matching: `naam`, `aliassen` and `impliciet` are case-insensitive (on the
//! normalised text); `afkortingen` are case-sensitive and matched on the
//! original text, so `AP` does not match `ap`. A case-sensitive hit inside a
//! run of capitalised words (`OM DEZE REDEN`) is ignored. Lowercase
//! abbreviations in prose (`uwv`) are found only if the entry lists them as
//! an alias, as `uwv` and `svb` do.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;

use crate::common::{
    PreparedText, Text, canonical_form, canonical_order, check_forms, check_unique_ids, s,
};
use crate::error::{DataProblem, ProblemKind, Problems, Source};
use crate::lexicon::{Lexicon, LexiconBuilder};
use crate::normalize::normalize;

/// The file `organisaties.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisatiesFile {
    #[serde(default)]
    pub organisatie: Vec<Organisatie>,
}

/// Legal or organisational form of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Vorm {
    Zbo,
    Agentschap,
    Dienst,
    Inspectie,
    Toezichthouder,
    Adviescollege,
    Decentraal,
    PrivaatMetPubliekeTaak,
    Overig,
}

/// One organisation or actor.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisatie {
    pub id: Text,
    /// Official name, as written; also matched (case-insensitively).
    pub naam: Text,
    #[serde(default)]
    pub aliassen: Vec<Text>,
    /// Case-sensitive abbreviations.
    #[serde(default)]
    pub afkortingen: Vec<Text>,
    pub vorm: Vorm,
    #[serde(default)]
    pub ministerie: Option<String>,
    /// Phrases that imply this organisation when it is not named
    /// (e.g. `de inspecteur` → Belastingdienst). Kept conservative.
    #[serde(default)]
    pub impliciet: Vec<Text>,
    /// Ids from `toetsen.toml` of the toetsen this organisation performs.
    #[serde(default)]
    pub toetsen: Vec<Text>,
    /// For decentral actors: ids of the representative bodies (VNG, IPO, UvW).
    #[serde(default)]
    pub vertegenwoordigd_door: Vec<Text>,
    /// Acts or contexts in which the organisation executes tasks without
    /// being named (informational; not matched).
    #[serde(default)]
    pub domein: Vec<String>,
    #[serde(default)]
    pub opmerking: Option<String>,
    pub bron: String,
}

impl Organisatie {
    pub fn id(&self) -> &str {
        s(&self.id)
    }
    pub fn naam(&self) -> &str {
        s(&self.naam)
    }
    pub fn aliassen(&self) -> impl Iterator<Item = &str> {
        self.aliassen.iter().map(s)
    }
    pub fn afkortingen(&self) -> impl Iterator<Item = &str> {
        self.afkortingen.iter().map(s)
    }
    pub fn impliciet(&self) -> impl Iterator<Item = &str> {
        self.impliciet.iter().map(s)
    }
    pub fn toetsen(&self) -> impl Iterator<Item = &str> {
        self.toetsen.iter().map(s)
    }
    pub fn vertegenwoordigd_door(&self) -> impl Iterator<Item = &str> {
        self.vertegenwoordigd_door.iter().map(s)
    }
}

/// How an organisation was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgVia {
    Naam,
    Alias,
    Afkorting,
    Impliciet,
}

impl OrgVia {
    fn priority(self) -> u8 {
        match self {
            OrgVia::Naam => 0,
            OrgVia::Afkorting => 1,
            OrgVia::Alias => 2,
            OrgVia::Impliciet => 3,
        }
    }
}

/// One organisation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgHit<'d> {
    pub org_id: &'d str,
    /// The form that matched, as written in the data.
    pub form: &'d str,
    pub via: OrgVia,
    /// Byte range in the original text.
    pub range: Range<usize>,
}

#[derive(Debug)]
struct OrgPayload {
    org_id: String,
    form: String,
    via: OrgVia,
}

/// Finds organisations in a text.
pub struct OrgLexicon {
    lexicon: Lexicon<OrgPayload>,
}

impl OrgLexicon {
    /// All organisation mentions in `text`, in text order, non-overlapping.
    pub fn find_in<'d>(&'d self, text: &str) -> Vec<OrgHit<'d>> {
        self.find_in_prepared(&PreparedText::new(text))
    }

    /// As [`Self::find_in`], on a text prepared once for several lexicons.
    pub fn find_in_prepared<'d>(&'d self, text: &PreparedText<'_>) -> Vec<OrgHit<'d>> {
        let mut out = Vec::new();
        for hit in self.lexicon.find(text.original(), text.normalized()) {
            for p in hit.payloads {
                out.push(OrgHit {
                    org_id: &p.org_id,
                    form: &p.form,
                    via: p.via,
                    range: hit.range.clone(),
                });
            }
        }
        out
    }
}

pub(crate) fn validate(
    src: &Source<'_>,
    file: &OrganisatiesFile,
    toets_ids: &HashSet<String>,
    problems: &mut Problems,
) {
    check_unique_ids(
        src,
        "organisatie-id",
        file.organisatie.iter().map(|o| &o.id),
        problems,
    );
    let ids: HashMap<&str, &Organisatie> = file.organisatie.iter().map(|o| (o.id(), o)).collect();
    // Case-insensitive forms and abbreviations must each point to one organisation.
    let mut ci_owner: HashMap<String, &str> = HashMap::new();
    let mut cs_owner: HashMap<String, &str> = HashMap::new();
    for o in &file.organisatie {
        if o.naam().trim().is_empty() {
            problems.push(src.problem(Some(o.naam.span()), ProblemKind::Empty, "lege `naam`"));
        }
        if o.bron.trim().is_empty() {
            problems.push(src.problem(
                Some(o.id.span()),
                ProblemKind::Empty,
                format!("`{}` heeft een lege `bron`", o.id()),
            ));
        }
        check_forms(src, "aliassen", &o.aliassen, problems);
        check_forms(src, "impliciet", &o.impliciet, problems);
        let ci_forms = std::iter::once(&o.naam)
            .chain(&o.aliassen)
            .chain(&o.impliciet);
        let mut own: HashSet<String> = HashSet::new();
        for f in ci_forms {
            let n = normalize(s(f).trim());
            if n.is_empty() || !own.insert(n.clone()) {
                continue;
            }
            if let Some(other) = ci_owner.insert(n.clone(), o.id())
                && other != o.id()
            {
                problems.push(src.problem(
                    Some(f.span()),
                    ProblemKind::Duplicate,
                    format!("vorm `{n}` hoort al bij organisatie `{other}`"),
                ));
            }
        }
        for a in &o.afkortingen {
            let t = s(a).trim();
            if t.is_empty() {
                problems.push(src.problem(Some(a.span()), ProblemKind::Empty, "lege afkorting"));
                continue;
            }
            if let Some(other) = cs_owner.insert(t.to_string(), o.id()) {
                let msg = if other == o.id() {
                    format!("afkorting `{t}` staat twee keer in `{}`", o.id())
                } else {
                    format!("afkorting `{t}` hoort al bij organisatie `{other}`")
                };
                problems.push(src.problem(Some(a.span()), ProblemKind::Duplicate, msg));
            }
        }
        for t in &o.toetsen {
            if !toets_ids.contains(s(t)) {
                problems.push(src.problem(
                    Some(t.span()),
                    ProblemKind::UnknownReference,
                    format!("toets `{}` bestaat niet in toetsen.toml", s(t)),
                ));
            }
        }
        for v in &o.vertegenwoordigd_door {
            match ids.get(s(v)) {
                None => problems.push(src.problem(
                    Some(v.span()),
                    ProblemKind::UnknownReference,
                    format!(
                        "organisatie `{}` in `vertegenwoordigd_door` bestaat niet",
                        s(v)
                    ),
                )),
                Some(rep) if rep.id() == o.id() => problems.push(src.problem(
                    Some(v.span()),
                    ProblemKind::Invalid,
                    format!(
                        "`{}` kan niet door zichzelf vertegenwoordigd worden",
                        o.id()
                    ),
                )),
                Some(_) => {}
            }
        }
    }
}

pub(crate) fn compile(file: &OrganisatiesFile) -> Result<OrgLexicon, String> {
    let mut b = LexiconBuilder::new().caps_guard(true);
    for o in &file.organisatie {
        let mut add = |form: &str, via: OrgVia, cs: bool| {
            b.literal(
                form,
                cs,
                via.priority(),
                OrgPayload {
                    org_id: o.id().to_string(),
                    form: form.to_string(),
                    via,
                },
            );
        };
        add(o.naam(), OrgVia::Naam, false);
        for a in o.aliassen() {
            add(a, OrgVia::Alias, false);
        }
        for a in o.afkortingen() {
            add(a, OrgVia::Afkorting, true);
        }
        for a in o.impliciet() {
            add(a, OrgVia::Impliciet, false);
        }
    }
    Ok(OrgLexicon {
        lexicon: b.build()?,
    })
}

pub(crate) fn canonical(src: &Source<'_>, file: &OrganisatiesFile, out: &mut Vec<DataProblem>) {
    canonical_order(
        src,
        "organisatie-id",
        file.organisatie.iter().map(|o| (o.id(), o.id.span())),
        out,
    );
    for o in &file.organisatie {
        for f in o.aliassen.iter().chain(&o.impliciet) {
            canonical_form(src, "aliassen/impliciet", f, out);
        }
        if o.naam() != o.naam().trim() {
            out.push(src.problem(
                Some(o.naam.span()),
                ProblemKind::NotCanonical,
                "`naam` heeft spaties aan begin of eind",
            ));
        }
        // "de X" next to "X" is redundant, and the leftmost article would win
        // over a longer form that starts at X ("de Belastingdienst/Toeslagen").
        let ci: Vec<(&Text, String)> = std::iter::once(&o.naam)
            .chain(&o.aliassen)
            .chain(&o.impliciet)
            .map(|t| (t, normalize(s(t).trim())))
            .collect();
        for (t, n) in &ci {
            for article in ["de ", "het ", "een "] {
                if let Some(rest) = n.strip_prefix(article)
                    && ci.iter().any(|(_, other)| other == rest)
                {
                    out.push(src.problem(
                        Some(t.span()),
                        ProblemKind::NotCanonical,
                        format!("`{n}` is overbodig naast `{rest}` (een lidwoord vooraan kan een langere vorm verdringen)"),
                    ));
                }
            }
        }
        let naam = normalize(o.naam().trim());
        for a in &o.aliassen {
            if normalize(s(a).trim()) == naam {
                out.push(src.problem(
                    Some(a.span()),
                    ProblemKind::NotCanonical,
                    format!("alias `{}` herhaalt de naam", s(a)),
                ));
            }
        }
        for a in &o.afkortingen {
            if s(a) != s(a).trim() || s(a).contains(char::is_whitespace) {
                out.push(src.problem(
                    Some(a.span()),
                    ProblemKind::NotCanonical,
                    format!("afkorting `{}` bevat spaties", s(a)),
                ));
            }
        }
        if o.id() != o.id().to_lowercase() || o.id().contains(' ') {
            out.push(src.problem(
                Some(o.id.span()),
                ProblemKind::NotCanonical,
                format!(
                    "id `{}` hoort kleine letters zonder spaties te zijn",
                    o.id()
                ),
            ));
        }
    }
}
