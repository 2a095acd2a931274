//! Rule metadata, the [`Rule`] trait and the `declare_rule!` macro that turns a
//! rule's doc comment into its documentation.

use wetlint_diagnostics::Severity;

use crate::context::Context;
use crate::finding::Findings;

/// The stage a check runs for; sets each rule's severity (catalog D/C/R/B).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// D: while drafting (the language server's default).
    #[default]
    Concept,
    /// C: the gate before internetconsultatie.
    Consultatie,
    /// R: the gate before the Raad van State / indiening.
    Indiening,
    /// B: batch audit of existing legislation (often without toelichting).
    Batch,
}

impl Profile {
    pub const ALL: [Profile; 4] = [
        Profile::Concept,
        Profile::Consultatie,
        Profile::Indiening,
        Profile::Batch,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Concept => "concept",
            Profile::Consultatie => "consultatie",
            Profile::Indiening => "indiening",
            Profile::Batch => "batch",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::str::FromStr for Profile {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Profile::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| {
                format!("onbekend profiel '{s}' (kies uit concept, consultatie, indiening, batch)")
            })
    }
}

/// Rule families of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Uitvoering,
    Waarden,
    Fragmentatie,
    Legistiek,
    Proces,
    /// wetlint's own checks (suppression hygiene).
    Wetlint,
}

impl Category {
    pub fn label_nl(self) -> &'static str {
        match self {
            Category::Uitvoering => "uitvoerbaarheid",
            Category::Waarden => "publieke waarden",
            Category::Fragmentatie => "fragmentatie",
            Category::Legistiek => "legistiek",
            Category::Proces => "proces",
            Category::Wetlint => "wetlint",
        }
    }
}

/// Whether a rule is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Preview,
    Stable,
}

/// Which documents a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// The regulation only (W).
    Regeling,
    /// The toelichting only (T).
    Toelichting,
    /// Both, reading the regulation for triggers and the toelichting for requirements (W+T).
    Paar,
}

/// Everything the CLI, the language server and the generated docs know about a rule.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct RuleMeta {
    /// Stable id from the catalog ("UITV-001").
    pub code: &'static str,
    /// Kebab-case Dutch name naming the flagged pattern ("uitvoeringstoets-ontbreekt").
    pub name: &'static str,
    pub category: Category,
    /// One Dutch line.
    pub summary: &'static str,
    /// Severity per profile (concept, consultatie, indiening, batch); `None` = off.
    pub severity: [Option<Severity>; 4],
    pub status: Status,
    pub scope: Scope,
    /// Current numbers of the Aanwijzingen voor de regelgeving the rule rests on.
    pub aanwijzingen: &'static [&'static str],
    /// Catalog ids merged into this rule (catalog §2.F); selecting one selects this rule.
    pub aliases: &'static [&'static str],
    /// The rule's documentation (its doc comment), Markdown in Dutch.
    pub doc: &'static str,
}

impl RuleMeta {
    /// Defaults for fields a declaration leaves out (`aliases`).
    pub const EMPTY: RuleMeta = RuleMeta {
        code: "",
        name: "",
        category: Category::Wetlint,
        summary: "",
        severity: [None; 4],
        status: Status::Preview,
        scope: Scope::Paar,
        aanwijzingen: &[],
        aliases: &[],
        doc: "",
    };

    pub fn severity_for(&self, profile: Profile) -> Option<Severity> {
        self.severity[profile.index()]
    }

    /// The documentation with the one leading space of each doc line removed.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }

    /// The rule's documentation page (Markdown, Dutch): title, summary, a
    /// table of severities per profile, then the doc comment. Used by
    /// `wetlint rule` and for `docs/rules/<name>.md`.
    pub fn page(&self) -> String {
        let sev = |p: Profile| self.severity_for(p).map_or("uit", |s| s.label_nl());
        let aw = if self.aanwijzingen.is_empty() {
            String::new()
        } else {
            format!(
                "Aanwijzingen voor de regelgeving: {}.\n\n",
                self.aanwijzingen
                    .iter()
                    .map(|a| format!("Ar {a}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        format!(
            "# {} `{}`\n\n{}.\n\n| categorie | status | concept | consultatie | indiening | batch |\n|---|---|---|---|---|---|\n| {} | {} | {} | {} | {} | {} |\n\n{aw}{}\n",
            self.code,
            self.name,
            self.summary,
            self.category.label_nl(),
            match self.status {
                Status::Preview => "preview",
                Status::Stable => "stabiel",
            },
            sev(Profile::Concept),
            sev(Profile::Consultatie),
            sev(Profile::Indiening),
            sev(Profile::Batch),
            self.documentation()
        )
    }

    /// URL of the rule's documentation page.
    pub fn url(&self) -> String {
        format!("{}/{}.md", crate::DOCS_BASE_URL, self.name)
    }
}

/// A check over one regulation, one toelichting or a pair of them.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, ctx: &Context<'_>, out: &mut Findings);
}

/// Shorthands for severities in rule declarations.
pub const E: Option<Severity> = Some(Severity::Error);
pub const W: Option<Severity> = Some(Severity::Warning);
pub const I: Option<Severity> = Some(Severity::Info);
pub const OFF: Option<Severity> = None;

/// Declares a rule type with its metadata; the doc comment becomes [`RuleMeta::doc`].
///
/// ```ignore
/// declare_rule! {
///     /// ## Wat het controleert
///     /// …
///     pub struct UitvoeringstoetsOntbreekt {
///         code: "UITV-001",
///         name: "uitvoeringstoets-ontbreekt",
///         category: Category::Uitvoering,
///         summary: "…",
///         severity: [W, W, E, I],
///         status: Status::Stable,
///         scope: Scope::Paar,
///         aanwijzingen: &["4.43"],
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        pub struct $name:ident {
            $($field:ident : $value:expr),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        pub struct $name;

        impl $name {
            // Declarations that give every field leave nothing for the defaults.
            #[allow(clippy::needless_update)]
            pub const META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                doc: concat!($($doc, "\n"),*),
                $($field: $value,)*
                ..$crate::rule::RuleMeta::EMPTY
            };
        }
    };
}
