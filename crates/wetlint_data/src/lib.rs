//! Reads, validates and compiles the declarative data in `rules/`:
//! organisations, public values, toetsen, signal lists, heading synonyms and
//! Aanwijzingen. Rule code never reads these files by path; it calls the
//! typed accessors and lexicons of [`Data`].
//!
//! The six files are embedded in the binary at compile time
//! ([`Data::builtin`]); [`Data::load_dir`] loads a user-supplied folder with
//! the same loader. Every problem is reported with file, line and column
//! ([`DataError`]).
//!
//! All lexicons match on a normalised copy of the text (lowercase, NFC,
//! single spaces; see [`normalize`]) with Unicode-aware whole-word
//! boundaries, and report byte ranges in the original text. To run several
//! lexicons over one document, prepare it once with [`PreparedText`].
//!
//! ```
//! let data = wetlint_data::Data::builtin().expect("builtin data is valid");
//! let hits = data.organisations().find_in("De Autoriteit Persoonsgegevens (AP) adviseert.");
//! assert_eq!(hits[0].org_id, "ap");
//! ```

mod aanwijzingen;
mod common;
mod error;
mod koppen;
mod lexicon;
pub mod normalize;
mod organisaties;
mod signalen;
mod toetsen;
mod waarden;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

pub use aanwijzingen::{Aanwijzing, AanwijzingenFile, NummerStatus};
pub use common::{Patroon, PreparedText, Text, Uitsluiting};
pub use error::{DataError, DataProblem, ProblemKind};
pub use koppen::{Headings, KoppenFile, Sectie, SectionKey, normalize_heading};
pub use normalize::NormalizedText;
pub use organisaties::{OrgHit, OrgLexicon, OrgVia, Organisatie, OrganisatiesFile, Vorm};
pub use signalen::{
    Delegatieformule, DelegationHit, DelegationLexicon, Niveau, SignaalLijst, SignalHit,
    SignalLexicon, SignalenFile,
};
pub use toetsen::{
    Moment, OutcomeHit, OutcomeLexicon, Toets, ToetsHit, ToetsLexicon, ToetsenFile, Uitkomst,
    UitkomstSoort,
};
pub use waarden::{
    AndereBetekenis, ValueCategory, ValueGroup, ValueHit, ValueLexicon, Waarde, WaardenFile,
};

use error::{Problems, Source};

/// File names of the data files, in load order.
pub const FILES: [&str; 6] = [
    "aanwijzingen.toml",
    "toetsen.toml",
    "organisaties.toml",
    "waarden.toml",
    "signalen.toml",
    "koppen.toml",
];

/// The embedded copies of the files in `rules/`, as (file name, text).
pub const BUILTIN_SOURCES: [(&str, &str); 6] = [
    (
        "aanwijzingen.toml",
        include_str!("../../../rules/aanwijzingen.toml"),
    ),
    ("toetsen.toml", include_str!("../../../rules/toetsen.toml")),
    (
        "organisaties.toml",
        include_str!("../../../rules/organisaties.toml"),
    ),
    ("waarden.toml", include_str!("../../../rules/waarden.toml")),
    (
        "signalen.toml",
        include_str!("../../../rules/signalen.toml"),
    ),
    ("koppen.toml", include_str!("../../../rules/koppen.toml")),
];

/// All data, validated and compiled.
pub struct Data {
    sources: Vec<(String, String)>,
    aanwijzingen: AanwijzingenFile,
    toetsen: ToetsenFile,
    organisaties: OrganisatiesFile,
    waarden: WaardenFile,
    signalen: SignalenFile,
    koppen: KoppenFile,
    org_lexicon: OrgLexicon,
    value_lexicon: ValueLexicon,
    doen_lexicon: SignalLexicon,
    toets_lexicon: ToetsLexicon,
    outcome_lexicon: OutcomeLexicon,
    followup_lexicon: SignalLexicon,
    signal_lexicons: Vec<SignalLexicon>,
    delegation_lexicon: DelegationLexicon,
    headings: Headings,
}

impl std::fmt::Debug for Data {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Data")
            .field("organisaties", &self.organisaties.organisatie.len())
            .field("waarden", &self.waarden.waarde.len())
            .field("toetsen", &self.toetsen.toets.len())
            .field("signaallijsten", &self.signalen.lijst.len())
            .field("secties", &self.koppen.sectie.len())
            .field("aanwijzingen", &self.aanwijzingen.aanwijzing.len())
            .finish_non_exhaustive()
    }
}

impl Data {
    /// The embedded data, parsed and compiled once per process.
    ///
    /// The tests guarantee that the embedded data is valid; should it not
    /// be, every call returns the same error.
    pub fn builtin() -> Result<&'static Data, DataError> {
        static BUILTIN: OnceLock<Result<Data, DataError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Data::from_sources(&BUILTIN_SOURCES))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Loads the six files from a folder (for instance a copy of `rules/`
    /// edited by a user). All files must be present.
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Data, DataError> {
        let dir = dir.as_ref();
        let mut texts = Vec::new();
        let mut problems = Vec::new();
        for name in FILES {
            match std::fs::read_to_string(dir.join(name)) {
                Ok(t) => texts.push((name, t)),
                Err(e) => problems.push(DataProblem {
                    file: name.to_string(),
                    line: 0,
                    column: 0,
                    kind: ProblemKind::Io,
                    message: format!("kan {} niet lezen: {e}", dir.join(name).display()),
                }),
            }
        }
        if !problems.is_empty() {
            return Err(DataError::new(problems));
        }
        let refs: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
        Data::from_sources(&refs)
    }

    /// Loads the data from (file name, text) pairs; every name in [`FILES`]
    /// must be present exactly once.
    pub fn from_sources(files: &[(&str, &str)]) -> Result<Data, DataError> {
        let mut problems = Problems::default();
        let map: HashMap<&str, &str> = files.iter().copied().collect();
        for name in FILES {
            if !map.contains_key(name) {
                problems.push(DataProblem {
                    file: name.to_string(),
                    line: 0,
                    column: 0,
                    kind: ProblemKind::Io,
                    message: "bestand ontbreekt".to_string(),
                });
            }
        }
        for (name, _) in files {
            if !FILES.contains(name) {
                problems.push(DataProblem {
                    file: name.to_string(),
                    line: 0,
                    column: 0,
                    kind: ProblemKind::Io,
                    message: "onbekend databestand".to_string(),
                });
            }
        }
        if !problems.list.is_empty() {
            return Err(DataError::new(problems.list));
        }
        let src = |name: &'static str| Source {
            name,
            text: map.get(name).copied().unwrap_or_default(),
        };
        let (s_aw, s_to, s_or, s_wa, s_si, s_ko) = (
            src("aanwijzingen.toml"),
            src("toetsen.toml"),
            src("organisaties.toml"),
            src("waarden.toml"),
            src("signalen.toml"),
            src("koppen.toml"),
        );
        let aanwijzingen = common::parse::<AanwijzingenFile>(&s_aw, &mut problems);
        let toetsen = common::parse::<ToetsenFile>(&s_to, &mut problems);
        let organisaties = common::parse::<OrganisatiesFile>(&s_or, &mut problems);
        let waarden = common::parse::<WaardenFile>(&s_wa, &mut problems);
        let signalen = common::parse::<SignalenFile>(&s_si, &mut problems);
        let koppen = common::parse::<KoppenFile>(&s_ko, &mut problems);

        let ar_numbers: HashSet<String> = aanwijzingen
            .iter()
            .flat_map(|f| &f.aanwijzing)
            .filter_map(|a| a.huidig().map(str::to_string))
            .collect();
        let toets_ids: HashSet<String> = toetsen
            .iter()
            .flat_map(|f| &f.toets)
            .map(|t| t.id().to_string())
            .collect();
        if let Some(f) = &aanwijzingen {
            aanwijzingen::validate(&s_aw, f, &mut problems);
        }
        if let Some(f) = &toetsen {
            toetsen::validate(&s_to, f, &mut problems);
        }
        if let Some(f) = &organisaties {
            // Without a parsed toetsen.toml, references cannot be checked.
            if toetsen.is_some() {
                organisaties::validate(&s_or, f, &toets_ids, &mut problems);
            }
        }
        if let Some(f) = &waarden {
            waarden::validate(&s_wa, f, &mut problems);
        }
        if let Some(f) = &signalen
            && aanwijzingen.is_some()
        {
            signalen::validate(&s_si, f, &ar_numbers, &mut problems);
        }
        if let Some(f) = &koppen {
            koppen::validate(&s_ko, f, &mut problems);
        }
        let (
            Some(aanwijzingen),
            Some(toetsen),
            Some(organisaties),
            Some(waarden),
            Some(signalen),
            Some(koppen),
        ) = (
            aanwijzingen,
            toetsen,
            organisaties,
            waarden,
            signalen,
            koppen,
        )
        else {
            return Err(DataError::new(problems.list));
        };
        if !problems.list.is_empty() {
            return Err(DataError::new(problems.list));
        }
        let build_err = |file: &str, e: String| {
            DataError::new(vec![DataProblem {
                file: file.to_string(),
                line: 0,
                column: 0,
                kind: ProblemKind::Invalid,
                message: format!("kan de zoekautomaat niet bouwen: {e}"),
            }])
        };
        let org_lexicon =
            organisaties::compile(&organisaties).map_err(|e| build_err("organisaties.toml", e))?;
        let (value_lexicon, doen_lexicon) =
            waarden::compile(&waarden).map_err(|e| build_err("waarden.toml", e))?;
        let (toets_lexicon, outcome_lexicon, followup_lexicon) =
            toetsen::compile(&toetsen).map_err(|e| build_err("toetsen.toml", e))?;
        let (signal_lexicons, delegation_lexicon) =
            signalen::compile(&signalen).map_err(|e| build_err("signalen.toml", e))?;
        let headings = koppen::compile(&koppen).map_err(|e| build_err("koppen.toml", e))?;
        Ok(Data {
            sources: files
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
            aanwijzingen,
            toetsen,
            organisaties,
            waarden,
            signalen,
            koppen,
            org_lexicon,
            value_lexicon,
            doen_lexicon,
            toets_lexicon,
            outcome_lexicon,
            followup_lexicon,
            signal_lexicons,
            delegation_lexicon,
            headings,
        })
    }

    /// Problems that do not prevent loading but violate the canonical form
    /// of the files: entries out of order, forms that are not trimmed,
    /// lowercase NFC with single spaces. The builtin data has none (tested).
    pub fn canonical_problems(&self) -> Vec<DataProblem> {
        let mut out = Vec::new();
        let src = |name: &str| {
            self.sources
                .iter()
                .find(|(n, _)| n == name)
                .map(|(n, t)| Source {
                    name: n.as_str(),
                    text: t.as_str(),
                })
        };
        if let Some(s) = src("aanwijzingen.toml") {
            aanwijzingen::canonical(&s, &self.aanwijzingen, &mut out);
        }
        if let Some(s) = src("toetsen.toml") {
            toetsen::canonical(&s, &self.toetsen, &mut out);
        }
        if let Some(s) = src("organisaties.toml") {
            organisaties::canonical(&s, &self.organisaties, &mut out);
        }
        if let Some(s) = src("waarden.toml") {
            waarden::canonical(&s, &self.waarden, &mut out);
        }
        if let Some(s) = src("signalen.toml") {
            signalen::canonical(&s, &self.signalen, &mut out);
        }
        if let Some(s) = src("koppen.toml") {
            koppen::canonical(&s, &self.koppen, &mut out);
        }
        out
    }

    // --- typed records -----------------------------------------------------

    pub fn organisaties(&self) -> &[Organisatie] {
        &self.organisaties.organisatie
    }

    pub fn organisatie(&self, id: &str) -> Option<&Organisatie> {
        self.organisaties().iter().find(|o| o.id() == id)
    }

    pub fn waarden(&self) -> &[Waarde] {
        &self.waarden.waarde
    }

    pub fn waarde(&self, id: &str) -> Option<&Waarde> {
        self.waarden().iter().find(|w| w.id() == id)
    }

    /// The doenvermogen term list (from `waarden.toml`).
    pub fn doenvermogen_lijst(&self) -> &SignaalLijst {
        &self.waarden.doenvermogen
    }

    pub fn toets_lijst(&self) -> &[Toets] {
        &self.toetsen.toets
    }

    pub fn toets(&self, id: &str) -> Option<&Toets> {
        self.toets_lijst().iter().find(|t| t.id() == id)
    }

    pub fn uitkomsten(&self) -> &[Uitkomst] {
        &self.toetsen.uitkomst
    }

    pub fn signaallijsten(&self) -> &[SignaalLijst] {
        &self.signalen.lijst
    }

    pub fn delegatieformules(&self) -> &[Delegatieformule] {
        &self.signalen.delegatieformule
    }

    pub fn secties(&self) -> &[Sectie] {
        &self.koppen.sectie
    }

    pub fn aanwijzingen(&self) -> &[Aanwijzing] {
        &self.aanwijzingen.aanwijzing
    }

    /// The Aanwijzing with this current number ("4.43"; "Ar 4.43" works too).
    pub fn aanwijzing(&self, num: &str) -> Option<&Aanwijzing> {
        let n = aanwijzingen::clean_number(num);
        self.aanwijzingen()
            .iter()
            .find(|a| a.huidig() == Some(n.as_str()))
    }

    /// The Aanwijzingen that carried this number in the 2012 text ("131"
    /// maps to both 5.25 and 5.26).
    pub fn aanwijzingen_2012(&self, num: &str) -> Vec<&Aanwijzing> {
        let n = aanwijzingen::clean_number(num);
        self.aanwijzingen()
            .iter()
            .filter(|a| a.oud().any(|o| o == n))
            .collect()
    }

    // --- lexicons ----------------------------------------------------------

    /// Public values (`waarden.toml`).
    pub fn values(&self) -> &ValueLexicon {
        &self.value_lexicon
    }

    /// Doenvermogen terms (`waarden.toml`, table `[doenvermogen]`).
    pub fn doenvermogen(&self) -> &SignalLexicon {
        &self.doen_lexicon
    }

    /// Organisations (`organisaties.toml`).
    pub fn organisations(&self) -> &OrgLexicon {
        &self.org_lexicon
    }

    /// Toets mentions (`toetsen.toml`).
    pub fn toetsen(&self) -> &ToetsLexicon {
        &self.toets_lexicon
    }

    /// Outcome phrases of toetsen and advices (`toetsen.toml`).
    pub fn toets_outcomes(&self) -> &OutcomeLexicon {
        &self.outcome_lexicon
    }

    /// Follow-up markers (`toetsen.toml`, table `[opvolging]`).
    pub fn toets_followups(&self) -> &SignalLexicon {
        &self.followup_lexicon
    }

    /// A named marker list from `signalen.toml`, e.g. `argumentatie`.
    pub fn signals(&self, list_id: &str) -> Option<&SignalLexicon> {
        self.signal_lexicons.iter().find(|l| l.id() == list_id)
    }

    /// Delegation formulas (`signalen.toml`).
    pub fn delegations(&self) -> &DelegationLexicon {
        &self.delegation_lexicon
    }

    /// The heading classifier (`koppen.toml`).
    pub fn headings(&self) -> &Headings {
        &self.headings
    }
}
