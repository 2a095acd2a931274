//! The typed document model: what a regulation or toelichting consists of.
//!
//! Every node keeps its byte [`Span`]; rows and columns come from the
//! document's [`LineIndex`](crate::LineIndex). Nodes refer to each other by
//! index into the flat vectors of [`Document`], so the model is plain data
//! that can be built from any source format (Markdown, plain text, XML).

use serde::Serialize;

use crate::LineIndex;

/// A byte range `start..end` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// What kind of instrument a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    Wet,
    Amvb,
    MinisterieleRegeling,
    Wijzigingsregeling,
    Beleidsregel,
    MemorieVanToelichting,
    NotaVanToelichting,
    Toelichting,
    #[default]
    Unknown,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 9] = [
        DocumentKind::Wet,
        DocumentKind::Amvb,
        DocumentKind::MinisterieleRegeling,
        DocumentKind::Wijzigingsregeling,
        DocumentKind::Beleidsregel,
        DocumentKind::MemorieVanToelichting,
        DocumentKind::NotaVanToelichting,
        DocumentKind::Toelichting,
        DocumentKind::Unknown,
    ];

    /// Stable id used in JSON output and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Wet => "wet",
            DocumentKind::Amvb => "amvb",
            DocumentKind::MinisterieleRegeling => "ministeriele-regeling",
            DocumentKind::Wijzigingsregeling => "wijzigingsregeling",
            DocumentKind::Beleidsregel => "beleidsregel",
            DocumentKind::MemorieVanToelichting => "memorie-van-toelichting",
            DocumentKind::NotaVanToelichting => "nota-van-toelichting",
            DocumentKind::Toelichting => "toelichting",
            DocumentKind::Unknown => "onbekend",
        }
    }

    /// Dutch name for messages.
    pub fn label_nl(self) -> &'static str {
        match self {
            DocumentKind::Wet => "wet",
            DocumentKind::Amvb => "algemene maatregel van bestuur",
            DocumentKind::MinisterieleRegeling => "ministeriële regeling",
            DocumentKind::Wijzigingsregeling => "wijzigingsregeling",
            DocumentKind::Beleidsregel => "beleidsregel",
            DocumentKind::MemorieVanToelichting => "memorie van toelichting",
            DocumentKind::NotaVanToelichting => "nota van toelichting",
            DocumentKind::Toelichting => "toelichting",
            DocumentKind::Unknown => "onbekend document",
        }
    }

    pub fn is_toelichting(self) -> bool {
        matches!(
            self,
            DocumentKind::MemorieVanToelichting
                | DocumentKind::NotaVanToelichting
                | DocumentKind::Toelichting
        )
    }

    pub fn is_regulation(self) -> bool {
        matches!(
            self,
            DocumentKind::Wet
                | DocumentKind::Amvb
                | DocumentKind::MinisterieleRegeling
                | DocumentKind::Wijzigingsregeling
                | DocumentKind::Beleidsregel
        )
    }
}

/// Structural division kinds, ordered from the widest to the narrowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Deel,
    Boek,
    Hoofdstuk,
    Titel,
    Afdeling,
    Paragraaf,
    Subparagraaf,
    /// An Aanwijzing in the Aanwijzingen voor de regelgeving: article-like.
    Aanwijzing,
    Artikel,
    Bijlage,
}

impl UnitKind {
    /// Parses a label word ("Hoofdstuk", "§", "Enig artikel", …).
    pub fn from_label(label: &str) -> Option<UnitKind> {
        let l = label.trim().trim_end_matches(['.', ':']);
        let lower = l.to_lowercase();
        Some(match lower.as_str() {
            "deel" => UnitKind::Deel,
            "boek" => UnitKind::Boek,
            "hoofdstuk" => UnitKind::Hoofdstuk,
            "titel" => UnitKind::Titel,
            "afdeling" => UnitKind::Afdeling,
            "paragraaf" | "§" => UnitKind::Paragraaf,
            "subparagraaf" | "§§" => UnitKind::Subparagraaf,
            "aanwijzing" => UnitKind::Aanwijzing,
            "artikel" | "artikelen" => UnitKind::Artikel,
            "bijlage" => UnitKind::Bijlage,
            _ if lower.starts_with("enig") && lower.ends_with("artikel") => UnitKind::Artikel,
            _ => return None,
        })
    }

    pub fn label_nl(self) -> &'static str {
        match self {
            UnitKind::Deel => "deel",
            UnitKind::Boek => "boek",
            UnitKind::Hoofdstuk => "hoofdstuk",
            UnitKind::Titel => "titel",
            UnitKind::Afdeling => "afdeling",
            UnitKind::Paragraaf => "paragraaf",
            UnitKind::Subparagraaf => "subparagraaf",
            UnitKind::Aanwijzing => "aanwijzing",
            UnitKind::Artikel => "artikel",
            UnitKind::Bijlage => "bijlage",
        }
    }

    /// True for kinds that hold text directly (articles and aanwijzingen).
    pub fn is_article_like(self) -> bool {
        matches!(self, UnitKind::Artikel | UnitKind::Aanwijzing)
    }
}

/// A structural division above the article (Hoofdstuk, Afdeling, §, …) or a Bijlage.
#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    pub kind: UnitKind,
    pub number: Option<String>,
    pub title: Option<String>,
    /// The heading line.
    pub heading: Span,
    /// From the heading to the start of the next unit of the same or a wider kind.
    pub span: Span,
    pub parent: Option<usize>,
}

/// Template clauses recognised in an article (Aanwijzingen §1.4 models).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Clause {
    Begripsbepalingen,
    Inwerkingtreding,
    Citeertitel,
    Hardheidsclausule,
    Evaluatiebepaling,
    Overgangsrecht,
    Intrekking,
    Horizonbepaling,
    Wijziging,
}

/// An article (or an Aanwijzing, which the Aanwijzingen voor de regelgeving use like one).
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub kind: UnitKind,
    /// Normalised number: "1", "1.1", "12a", "1:1", "I"; "enig" for "Enig artikel".
    pub number: String,
    pub title: Option<String>,
    pub heading: Span,
    /// From the heading to the next unit heading (or the slotformulier).
    pub span: Span,
    /// The enclosing division, if any.
    pub unit: Option<usize>,
    pub leden: Vec<Lid>,
    /// Onderdelen directly under the article (an article without leden).
    pub onderdelen: Vec<Onderdeel>,
    /// Amendment items (A, B, …, AA) of a wijzigingsartikel.
    pub changes: Vec<Change>,
    /// True when the heading stands inside an amendment ("wordt een artikel
    /// ingevoegd, luidende: Artikel 12a"): quoted text, not part of this regulation.
    pub quoted: bool,
    pub clauses: Vec<Clause>,
}

impl Article {
    /// Number of leden; an article without numbered leden counts as zero.
    pub fn lid_count(&self) -> usize {
        self.leden.len()
    }
    /// Roman-numbered article, as in a wijzigingsregeling.
    pub fn is_roman(&self) -> bool {
        crate::numbers::is_roman_number(&self.number)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Lid {
    /// The number as written ("1", "2a").
    pub number: String,
    pub marker: Span,
    pub span: Span,
    pub onderdelen: Vec<Onderdeel>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Onderdeel {
    /// The label without its dot ("a", "aa").
    pub label: String,
    pub marker: Span,
    pub span: Span,
    pub subs: Vec<SubOnderdeel>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubOnderdeel {
    /// The number without the ordinal sign ("1", "2").
    pub label: String,
    pub marker: Span,
    pub span: Span,
}

/// An amendment item of a wijzigingsartikel ("A", "B", "AA").
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub label: String,
    pub marker: Span,
    pub span: Span,
}

/// The scope a begripsbepaling applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum DefinitionScope {
    /// The whole regulation; `berustende` when it says "en de daarop berustende bepalingen".
    Regeling { berustende: bool },
    /// One division of the given kind (the one that contains the definition).
    Unit { kind: UnitKind },
    /// Only the article that contains the definition.
    Artikel,
}

/// One begripsbepaling: "a. aanvrager: degene die …;".
#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    pub term: String,
    pub definition: String,
    pub term_span: Span,
    pub span: Span,
    pub article: Option<usize>,
    pub scope: DefinitionScope,
    /// "accountant: een accountant als bedoeld in artikel 393 … van Boek 2 …".
    pub reference_definition: bool,
    /// "wordt mede verstaan onder": extends rather than defines.
    pub extension: bool,
}

/// What a reference points at, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct RefTarget {
    /// Article number, normalised; `None` for "het eerste lid" (the current article).
    pub article: Option<String>,
    /// Lid number (1-based) from the ordinal ("derde lid" → 3).
    pub lid: Option<u32>,
    /// Onderdeel label ("b").
    pub onderdeel: Option<String>,
    /// Sub-onderdeel number ("2" for "onder 2°").
    pub sub: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum ReferenceKind {
    /// Within this regulation.
    Internal,
    /// To another regulation, by name ("van de Algemene wet bestuursrecht") or link.
    External {
        regulation: String,
        bwb_id: Option<String>,
    },
    /// Inside an amendment instruction: points into the amended regulation.
    Amended,
    /// In a toelichting: points into the paired regulation.
    Toelichting,
}

/// Outcome of resolving an internal reference against the parsed tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum Resolution {
    Resolved { article: usize, lid: Option<usize> },
    ArticleMissing,
    LidMissing { article: usize, lid_count: usize },
    OnderdeelMissing { article: usize },
    SubMissing { article: usize },
    NotChecked,
}

/// A reference such as "artikel 12, derde lid, onder b".
#[derive(Debug, Clone, Serialize)]
pub struct Reference {
    pub text: String,
    pub span: Span,
    pub kind: ReferenceKind,
    pub target: RefTarget,
    /// The article the reference stands in.
    pub from_article: Option<usize>,
    pub resolution: Resolution,
    /// Written in a discouraged style ("lid 2", "sub a", "art. 5").
    pub nonstandard_style: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DelegationFormula {
    /// "bij algemene maatregel van bestuur"
    Amvb,
    /// "bij of krachtens algemene maatregel van bestuur"
    BijOfKrachtensAmvb,
    /// "bij ministeriële regeling"
    MinisterieleRegeling,
    /// "bij regeling van Onze Minister"
    RegelingVanOnzeMinister,
    /// "bij of krachtens de wet"
    BijOfKrachtensWet,
    /// "bij beleidsregel"
    Beleidsregel,
    /// "bij verordening"
    Verordening,
    /// "Onze Minister kan regels stellen"
    MinisterKanRegelsStellen,
}

/// A delegation clause: "Bij algemene maatregel van bestuur worden regels gesteld over …".
#[derive(Debug, Clone, Serialize)]
pub struct Delegation {
    pub formula: DelegationFormula,
    /// The formula itself.
    pub span: Span,
    /// The sentence it stands in.
    pub sentence: Span,
    pub article: Option<usize>,
    /// "nadere regels".
    pub nadere: bool,
    /// "kunnen … regels worden gesteld" (optional) versus "worden … gesteld".
    pub facultatief: bool,
    /// Subject after "over", "omtrent", "met betrekking tot", if given.
    pub onderwerp: Option<String>,
}

/// A key of an artikelsgewijze toelichting entry: an article, optionally one of its amendment items.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ArticleKey {
    pub article: String,
    pub onderdeel: Option<String>,
}

impl std::fmt::Display for ArticleKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.onderdeel {
            Some(o) => write!(f, "{}, onderdeel {}", self.article, o),
            None => f.write_str(&self.article),
        }
    }
}

/// A heading of a toelichting.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// 1 for a deel (I. Algemeen), 2 for "1.", 3 for "1.1", …
    pub level: u8,
    pub number: Option<String>,
    pub title: String,
    pub heading: Span,
    /// The heading plus its body, up to the next heading of the same or a higher level.
    pub span: Span,
    pub parent: Option<usize>,
    /// True inside the artikelsgewijze part.
    pub artikelsgewijs: bool,
}

/// An artikelsgewijze toelichting entry ("Artikel 3", "Artikel I, onderdeel A", "Artikelen 2 tot en met 4").
#[derive(Debug, Clone, Serialize)]
pub struct ToelichtingArticle {
    pub keys: Vec<ArticleKey>,
    /// "Artikelen 2.1 tot en met 2.4": the bounds, to be expanded against the regulation.
    pub range: Option<(ArticleKey, ArticleKey)>,
    pub heading: Span,
    pub span: Span,
    pub section: Option<usize>,
}

/// Kinds of text block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Title,
    Heading,
    Lid,
    Onderdeel,
    SubOnderdeel,
    Change,
    Paragraph,
    ListItem,
    Quote,
    Table,
    Comment,
    Meta,
}

/// Where a block stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "in")]
pub enum Container {
    /// Opschrift, aanhef, considerans, afkondiging.
    Preamble,
    Article {
        index: usize,
    },
    /// A division heading or text between a division heading and its first article.
    Unit {
        index: usize,
    },
    Section {
        index: usize,
    },
    /// Slotformulier, ondertekening, or text after the body.
    Closing,
    /// Text before the first heading of a toelichting.
    Front,
}

/// One line-level text block with its text span (marker excluded).
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    /// The whole line.
    pub span: Span,
    /// The text content, without the marker ("1. ", "### ").
    pub text: Span,
    pub container: Container,
}

/// A wetlint comment directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuppressionKind {
    /// `wetlint-disable-next-line CODE: reden`
    NextLine,
    /// `wetlint-disable CODE: reden` … `wetlint-enable CODE`
    Disable,
    Enable,
    /// `wetlint-disable-file CODE: reden`
    File,
}

#[derive(Debug, Clone, Serialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub span: Span,
    /// Rule codes, prefixes or names as written; empty means "all" (rejected by the linter).
    pub codes: Vec<String>,
    pub reason: Option<String>,
    /// For `NextLine`: the span of the line the directive applies to.
    pub target: Option<Span>,
}

/// A problem met while building the model. Parsing never fails; these are values.
#[derive(Debug, Clone, Serialize)]
pub struct SyntaxError {
    pub span: Span,
    /// Dutch message.
    pub message: String,
}

/// The text with a span: opschrift, citeertitel, …
#[derive(Debug, Clone, Serialize)]
pub struct Spanned {
    pub text: String,
    pub span: Span,
}

/// A parsed document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    pub kind: DocumentKind,
    pub title: Option<Spanned>,
    pub citeertitel: Option<Spanned>,
    pub aanhef: Option<Span>,
    pub considerans: Option<Span>,
    pub units: Vec<Unit>,
    pub articles: Vec<Article>,
    pub definitions: Vec<Definition>,
    pub references: Vec<Reference>,
    pub delegations: Vec<Delegation>,
    pub sections: Vec<Section>,
    pub toelichting_articles: Vec<ToelichtingArticle>,
    pub blocks: Vec<Block>,
    pub suppressions: Vec<Suppression>,
    pub errors: Vec<SyntaxError>,
    #[serde(skip)]
    pub line_index: LineIndex,
    pub len: usize,
}

impl Document {
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// Articles that belong to this regulation (not quoted inside an amendment).
    pub fn own_articles(&self) -> impl Iterator<Item = (usize, &Article)> {
        self.articles.iter().enumerate().filter(|(_, a)| !a.quoted)
    }

    /// Finds an own article by normalised number.
    pub fn article(&self, number: &str) -> Option<(usize, &Article)> {
        self.own_articles().find(|(_, a)| a.number == number)
    }

    /// Index of the article whose span contains `offset`.
    pub fn article_at(&self, offset: usize) -> Option<usize> {
        // Articles are in document order and do not overlap.
        let i = self
            .articles
            .partition_point(|a| a.span.start <= offset)
            .checked_sub(1)?;
        self.articles[i].span.contains(offset).then_some(i)
    }

    /// Index of the innermost section whose span contains `offset`.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.span.contains(offset))
            .max_by_key(|(_, s)| s.level)
            .map(|(i, _)| i)
    }

    /// The section path ("7. Uitvoering > 7.1 Uitvoeringstoetsen") of a section.
    pub fn section_path(&self, index: usize) -> Vec<usize> {
        let mut path = vec![index];
        let mut cur = self.sections.get(index).and_then(|s| s.parent);
        while let Some(p) = cur {
            if path.contains(&p) {
                break;
            }
            path.push(p);
            cur = self.sections.get(p).and_then(|s| s.parent);
        }
        path.reverse();
        path
    }
}
