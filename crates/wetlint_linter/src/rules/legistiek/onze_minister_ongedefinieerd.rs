use std::collections::BTreeSet;
use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Container, DefinitionScope, Document, DocumentKind, Span};

use super::common::{effective_kind, in_bijlage, in_quotes, is_amending, this_regulation};
use crate::context::Source;
use crate::rule::{Category, E, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of een regeling die "Onze Minister" zonder nadere aanduiding gebruikt,
    /// dat begrip in haar begripsbepalingen definieert ("Onze Minister: Onze
    /// Minister van Sociale Zaken en Werkgelegenheid;"). En of een
    /// ministeriële regeling "de Minister" schrijft in plaats van "Onze
    /// Minister".
    ///
    /// Niet als gebruik telt: "Onze Minister-President", "Onze Ministers",
    /// "Onze Minister van …" en "Onze Minister voor …", "Onze Minister wie het
    /// aangaat", "Onze Minister, bedoeld in artikel 3", en tekst tussen
    /// aanhalingstekens. Als definitie telt ook de vorm uit geconsolideerde
    /// teksten ("*Onze Minister*:", "– Onze Minister:"), "onder Onze Minister
    /// wordt verstaan" en "(hierna: Onze Minister)". De definitie moet gelden
    /// waar het begrip wordt gebruikt (een begripsbepaling "in dit hoofdstuk"
    /// geldt niet daarbuiten).
    ///
    /// De regel zwijgt als de regeling de begrippen van de Algemene wet inzake
    /// rijksbelastingen overneemt, bij een algemene maatregel van bestuur die
    /// in de aanhef de wet noemt waarop zij berust (de definitie van die wet
    /// "en de daarop berustende bepalingen" werkt door, Ar 5.3), bij tekst in
    /// bijlagen, en bij documenten waarvan de soort niet te bepalen is (zoals
    /// circulaires). Het is een hint in plaats van een fout:
    ///
    /// - in een wijzigingsregeling, omdat de definitie dan in de gewijzigde
    ///   regeling staat;
    /// - in een algemene maatregel van bestuur zonder zo'n grondslag in de
    ///   aanhef;
    /// - als dezelfde minister eerder in het artikel voluit is genoemd, of als
    ///   de regeling maar één ministerie voluit noemt (ook onder opeenvolgende
    ///   namen, zoals "van Justitie" en "van Veiligheid en Justitie").
    ///
    /// ## Waarom
    /// "Onze Minister" zonder definitie laat open welke minister bevoegd is.
    /// Dat raakt de bevoegdheidsverdeling en de ministeriële
    /// verantwoordelijkheid. "Onze" past alleen in regelingen die de Koning
    /// vaststelt; een minister spreekt in zijn eigen regeling over "de
    /// Minister".
    ///
    /// ## Voorbeeld
    /// Een wet zegt in artikel 5.3 "Onze Minister zendt binnen vijf jaar … een
    /// verslag", maar artikel 1.1 definieert "Onze Minister" niet. Of een
    /// ministeriële regeling bepaalt: "Onze Minister stelt het formulier vast."
    ///
    /// ## In plaats daarvan
    /// Neem in de begripsbepalingen op: "Onze Minister: Onze Minister van
    /// Sociale Zaken en Werkgelegenheid;", of schrijf steeds "Onze Minister van
    /// Sociale Zaken en Werkgelegenheid". In een ministeriële regeling: "de
    /// Minister" (eventueel gedefinieerd als "Minister: Minister van …").
    ///
    /// ## Bron
    /// Aanwijzing 3.23 (aanduiding "Onze Minister") en de toelichting daarbij;
    /// Aanwijzing 5.3 (daarop berustende bepalingen).
    pub struct OnzeMinisterOngedefinieerd {
        code: "LEG-006",
        name: "onze-minister-ongedefinieerd",
        category: Category::Legistiek,
        summary: "\"Onze Minister\" wordt gebruikt zonder definitie",
        severity: [E, E, E, W],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["3.23", "5.3"],
    }
}

impl Rule for OnzeMinisterOngedefinieerd {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        let kind = effective_kind(&r);
        if !kind.is_regulation() {
            return;
        }
        if AWR.is_match(r.text) {
            return;
        }
        let uses = uses(&r);
        if uses.is_empty() {
            return;
        }
        if matches!(
            kind,
            DocumentKind::MinisterieleRegeling | DocumentKind::Beleidsregel
        ) {
            ministeriele_regeling(kind, &uses, out);
            return;
        }
        let defs = definitions(&r);
        let undefined: Vec<&Use> = uses
            .iter()
            .filter(|u| u.bare && !defs.iter().any(|d| d.covers(doc, u.span.start)))
            .collect();
        if undefined.is_empty() {
            return;
        }
        // Which ministers the regulation names in full.
        let full: BTreeSet<String> = uses.iter().filter_map(|u| u.full.clone()).collect();
        // One minister named in full, or one ministry under successive names
        // ("van Justitie", "van Veiligheid en Justitie").
        let lineage: BTreeSet<&str> = full
            .iter()
            .filter_map(|n| n.split_whitespace().next_back())
            .collect();
        let weak = |u: &Use| {
            u.full_before_in_article
                || lineage.len() == 1
                    && uses
                        .iter()
                        .any(|f| f.full.is_some() && f.span.start < u.span.start)
        };
        let strong: Vec<&&Use> = undefined.iter().filter(|u| !weak(u)).collect();
        let count = undefined.len();
        let times = if count == 1 {
            String::new()
        } else {
            format!(" ({count} keer)")
        };
        let amending = is_amending(doc);
        let (first, soft) = match strong.first() {
            Some(u) => (**u, false),
            None => (undefined[0], true),
        };
        let mut f = Finding::new(
            Which::Regeling,
            first.span,
            format!(
                "\"Onze Minister\" wordt gebruikt{times}, maar {} definieert het begrip niet.",
                this_regulation(kind)
            ),
        )
        .help(
            "Neem in de begripsbepalingen op: \"Onze Minister: Onze Minister van …;\", of schrijf de volledige aanduiding \"Onze Minister van …\" (Ar 3.23).",
        );
        if amending {
            f.message = format!(
                "\"Onze Minister\" wordt gebruikt{times} zonder definitie in deze wijzigingsregeling; controleer dat de gewijzigde regeling het begrip definieert."
            );
            f = f.at_most(Severity::Info);
        } else if kind == DocumentKind::Amvb {
            // An AMvB that rests on a wet ("Gelet op … van de Wet …") takes the
            // wet's definition for "de daarop berustende bepalingen".
            if rests_on_wet(&r) {
                return;
            }
            f.message = format!(
                "\"Onze Minister\" wordt gebruikt{times}, maar dit besluit definieert het begrip niet; dat is alleen juist als de wet waarop het berust \"Onze Minister\" definieert voor \"de daarop berustende bepalingen\"."
            );
            f = f.at_most(Severity::Info);
        } else if soft {
            let who = full.iter().next().cloned().unwrap_or_default();
            f.message = format!(
                "\"Onze Minister\" wordt gebruikt{times} zonder definitie; uit de tekst is af te leiden dat {who} is bedoeld, maar definieer het begrip of schrijf het voluit."
            );
            f = f.at_most(Severity::Info);
        }
        for u in undefined.iter().skip(1).take(3) {
            f = f.related(Which::Regeling, u.span, "Ook hier.");
        }
        out.push(f);
    }
}

/// The aanhef of an AMvB names the wet it rests on ("Gelet op artikel 4 van de Wet …").
fn rests_on_wet(r: &Source<'_>) -> bool {
    static GELET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?is)\bgelet\s+op\b.*?(?:wet|wetboek)\b").expect("valid regex")
    });
    r.doc.aanhef.is_some_and(|a| GELET.is_match(r.slice(a)))
}

static AWR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\balgemene\s+wet\s+inzake\s+rijksbelastingen\b").expect("valid regex")
});
static USE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Oo]nze\s+Minister(s)?\b").expect("valid regex"));
static SPECIFIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-[Pp]resident|\s*,?\s*(?:van|voor|wie|wien|die|welke|wiens|tot\s+wie|onder\s+wie|aan\s+wie|met\s+wie|bij\s+wie|tot\s+wiens|als\s+bedoeld|bedoeld\s+in|genoemd\s+in)\b)")
        .expect("valid regex")
});
static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(van|voor)\s+([A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|en|van|voor|de|het|der))*)")
        .expect("valid regex")
});

struct Use {
    span: Span,
    /// Bare "Onze Minister" (not "van …", not "-President", not plural).
    bare: bool,
    /// "Onze Minister van Financiën": the named minister.
    full: Option<String>,
    /// A full title stands earlier in the same article.
    full_before_in_article: bool,
}

/// The uses of "Onze Minister" in the text of articles (and bijlagen).
fn uses(r: &Source<'_>) -> Vec<Use> {
    let doc = r.doc;
    let mut out: Vec<Use> = Vec::new();
    let mut article_full: Option<(usize, usize)> = None; // (article, offset of a full title)
    for b in &doc.blocks {
        if matches!(
            b.kind,
            BlockKind::Heading | BlockKind::Title | BlockKind::Comment | BlockKind::Meta
        ) {
            continue;
        }
        let article = match b.container {
            Container::Article { index } => Some(index),
            Container::Unit { .. } => None,
            _ => continue,
        };
        if in_bijlage(doc, b.span.start) {
            continue;
        }
        let text = r.slice(b.text);
        if !text.contains("nze Minister") {
            continue;
        }
        for m in USE.find_iter(text) {
            let start = b.text.start + m.start();
            if in_quotes(r.text, b.text, start) || in_definition_term(doc, start) {
                continue;
            }
            let plural = m.as_str().ends_with('s');
            let rest = &text[m.end()..];
            let full = FULL.captures(rest).filter(|_| !plural).and_then(|c| {
                let words: Vec<&str> = c.get(2)?.as_str().split_whitespace().collect();
                // Drop trailing function words ("… Werkgelegenheid en").
                let keep = words
                    .iter()
                    .rposition(|w| w.chars().next().is_some_and(char::is_uppercase))?;
                Some(format!(
                    "Onze Minister {} {}",
                    c.get(1)?.as_str(),
                    words[..=keep].join(" ")
                ))
            });
            let bare = !plural && !SPECIFIED.is_match(rest);
            if full.is_some()
                && let Some(a) = article
            {
                article_full = Some((a, start));
            }
            let full_before_in_article = article.is_some()
                && article_full.is_some_and(|(a, at)| Some(a) == article && at < start);
            out.push(Use {
                span: Span::new(start, b.text.start + m.end()),
                bare,
                full,
                full_before_in_article,
            });
        }
    }
    out
}

/// True when `offset` is the term of a definition ("d. Onze Minister: …").
fn in_definition_term(doc: &Document, offset: usize) -> bool {
    doc.definitions
        .iter()
        .any(|d| d.term_span.start <= offset && offset < d.term_span.end.max(d.term_span.start + 1))
}

/// A definition of "Onze Minister" and where it applies.
struct Def {
    scope: DefinitionScope,
    /// The article holding the definition.
    article: Option<usize>,
}

impl Def {
    fn covers(&self, doc: &Document, offset: usize) -> bool {
        match self.scope {
            DefinitionScope::Regeling { .. } => true,
            DefinitionScope::Artikel => {
                self.article.is_some() && doc.article_at(offset) == self.article
            }
            DefinitionScope::Unit { kind } => {
                // The division of that kind around the definition's article.
                let Some(a) = self.article.and_then(|a| doc.articles.get(a)) else {
                    return true;
                };
                let mut u = a.unit;
                while let Some(i) = u {
                    let Some(unit) = doc.units.get(i) else { break };
                    if unit.kind == kind {
                        return unit.span.contains(offset);
                    }
                    u = unit.parent;
                }
                true
            }
        }
    }
}

static RAW_DEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?mi)(?:^|[;:–—•]|\bonder\s*:)\s*(?:[a-z]{1,2}\.\s*)?[-–—•]?\s*[*_"„“'‘]*\s*Onze\s+Minister\s*(?:[*_"”'’]*\s*:|:\s*[*_"”'’]+)|\bonder\s+[*_"„“]*Onze\s+Minister[*_"”]*\s+(?:wordt\s+)?(?:mede\s+)?verstaan|\bhierna\s*(?:te\s+noemen)?\s*:?\s*[*_"„“]*Onze\s+Minister\b"#)
        .expect("valid regex")
});

fn definitions(r: &Source<'_>) -> Vec<Def> {
    let doc = r.doc;
    let mut out: Vec<Def> = doc
        .definitions
        .iter()
        .filter(|d| {
            let t = d
                .term
                .trim_matches(|c: char| "*_\"'„“”‘’:".contains(c) || c.is_whitespace())
                .to_lowercase();
            t == "onze minister"
        })
        .map(|d| Def {
            scope: d.scope,
            article: d.article,
        })
        .collect();
    if out.is_empty() && RAW_DEF.is_match(r.text) {
        out.push(Def {
            scope: DefinitionScope::Regeling { berustende: false },
            article: None,
        });
    }
    out
}

/// A ministeriële regeling (or beleidsregel) says "de Minister".
fn ministeriele_regeling(kind: DocumentKind, uses: &[Use], out: &mut Findings) {
    let relevant: Vec<&Use> = uses.iter().filter(|u| u.bare || u.full.is_some()).collect();
    let Some(first) = relevant.first() else {
        return;
    };
    let count = relevant.len();
    let times = if count == 1 {
        String::new()
    } else {
        format!(" ({count} keer)")
    };
    let mut f = Finding::new(
        Which::Regeling,
        first.span,
        format!(
            "Een {} spreekt van \"de Minister\", niet van \"Onze Minister\"{times}.",
            kind.label_nl()
        ),
    )
    .help("\"Onze Minister\" past alleen in regelingen die de Koning vaststelt (Ar 3.23, toelichting). Schrijf \"de Minister\" of \"de Minister van …\".")
    .at_most(Severity::Warning);
    for u in relevant.iter().skip(1).take(3) {
        f = f.related(Which::Regeling, u.span, "Ook hier.");
    }
    out.push(f);
}
