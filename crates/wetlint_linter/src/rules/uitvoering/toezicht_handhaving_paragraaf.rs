use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use super::plichten::{self, Sanctiesoort};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::{capitalize, insert_section_fix, join_nl, sentences};
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting ingaat op toezicht en handhaving wanneer de regeling
    /// zelf toezicht of sancties regelt: toezichthouders aanwijst ("Met het
    /// toezicht op de naleving van deze wet zijn belast …"), een bestuurlijke
    /// boete, een last onder dwangsom of bestuursdwang mogelijk maakt, of een
    /// gedraging strafbaar stelt.
    ///
    /// Gevraagd is een paragraaf "Toezicht en handhaving" (een gecombineerde
    /// kop als "Uitvoering, toezicht en handhaving" telt ook) of een passage
    /// die het toezicht en de sancties bespreekt. Heeft de toelichting zo'n
    /// paragraaf, dan kijkt de regel of die drie dingen noemt: wie toezicht
    /// houdt, met welke capaciteit, en waarom voor dit sanctiestelsel is
    /// gekozen. Ontbreekt daarvan iets, dan volgt een hint (info).
    ///
    /// De regel zwijgt als de regeling alleen verwijst naar toezicht op grond
    /// van een andere wet ("gegevens aan ambtenaren die zijn belast met het
    /// toezicht op de naleving van de Wet arbeid vreemdelingen"), als zij alleen
    /// "gegevens over strafbare feiten" noemt, en als de toelichting uitlegt
    /// waarom over het toezicht niets nieuws te zeggen is ("Het toezicht blijft
    /// ongewijzigd bij de ILT, omdat …"). Zonder toelichting meldt de regel
    /// niets.
    ///
    /// ## Waarom
    /// De toelichting gaat in op de handhaafbaarheid en het handhavingsstelsel
    /// (Ar 4.43, onder c). Of een regeling te handhaven is, moet vóór de keuze
    /// voor de regeling zijn beoordeeld (Ar 2.7). Voor toezicht en sancties
    /// gelden eigen aanwijzingen (Ar 5.35 e.v.; voor de boetehoogte Ar 5.43) en
    /// de verplichte kwaliteitseis "Keuze van een sanctiestelsel". De Tweede
    /// Kamer en de Raad van State willen weten wie toezicht houdt, of die
    /// toezichthouder daarvoor is toegerust, en waarom voor bestuursrecht of
    /// strafrecht is gekozen.
    ///
    /// ## Voorbeeld
    /// Het wetsvoorstel bepaalt in artikel 7.2: "Onze Minister kan een
    /// bestuurlijke boete opleggen van ten hoogste € 4.500 wegens overtreding
    /// van artikel 3.1." De memorie van toelichting bespreekt de uitvoering en
    /// de financiële gevolgen, maar zegt niets over toezicht en handhaving.
    ///
    /// ## In plaats daarvan
    /// Neem een paragraaf "Toezicht en handhaving" op (Schrijfwijzer memorie van
    /// toelichting, §8), bijvoorbeeld: "Het toezicht ligt bij de Inspectie
    /// Leefomgeving en Transport, die daarvoor twee fte extra krijgt. Gekozen is
    /// voor een bestuurlijke boete en niet voor strafrechtelijke handhaving,
    /// omdat de overtredingen eenvoudig vast te stellen zijn en snel moeten
    /// worden beëindigd. De maximale boete sluit aan bij …"
    ///
    /// ## Bron
    /// Aanwijzing 4.43, onder c; Aanwijzing 2.7; Aanwijzingen 5.35 e.v. en
    /// 5.43; Schrijfwijzer memorie van toelichting §8; verplichte kwaliteitseis
    /// "Keuze van een sanctiestelsel" (Beleidskompas).
    pub struct ToezichtHandhavingParagraaf {
        code: "UITV-009",
        name: "toezicht-handhaving-paragraaf",
        category: Category::Uitvoering,
        summary: "Toezicht of sancties in de regeling zonder paragraaf over toezicht en handhaving",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.43", "2.7", "5.35", "5.43"],
    }
}

/// The topic words of a passage on toezicht en handhaving.
static ONDERWERP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btoezicht\w*|\btoezichthouder\w*|\bhandhav\w*|\bhandhaafbaar\w*")
        .expect("valid regex")
});
/// Who supervises.
static TOEZICHTHOUDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btoezichthouders?\b|\binspectie\b|\binspecteurs?\b|\baangewezen\s+(?:ambtenaren|medewerkers|personen)\b|\b(?:ligt|liggen|berust|berusten)\s+bij\b|\b(?:is|zijn)\s+belast\b|\b(?:houdt|houden)\s+toezicht\b|\bhet\s+toezicht\s+(?:wordt\s+uitgeoefend|ligt)\b")
        .expect("valid regex")
});
/// With what capacity.
static CAPACITEIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcapaciteit\b|\b(?:handhavings|toezichts?)capaciteit\b|\bfte\b|\bformatie\b|\bmenskracht\b|\bhandhavingsteam\b|\bhandhavingskosten\b|\bkosten\s+van\s+(?:het\s+)?(?:toezicht|de\s+handhaving)\b|\bpersonele\b|\bextra\s+(?:middelen|medewerkers|inspecteurs)\b|\bbestaande\s+(?:middelen|capaciteit|formatie)\b")
        .expect("valid regex")
});
/// Which sanction system, and why.
static SANCTIESTELSEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsanctiestelsel\b|\bsanctie(?:s|middel|middelen|instrument|instrumenten)?\b|\bbestuursrechtelijk\w*|\bstrafrechtelijk\w*|\bbestuurlijke\s+boetes?\b|\blast\s+onder\b|\bdwangsom\b|\bbestuursdwang\b|\bstrafba\w+|\bhandhavingsinstrument\w*")
        .expect("valid regex")
});

/// The government's own text blocks of the toelichting (no headings, no quotes).
fn eigen_blokken<'a>(ctx: &'a Context<'_>) -> impl Iterator<Item = &'a wetlint_syntax::Block> {
    ctx.toelichting
        .into_iter()
        .flat_map(|t| t.doc.blocks.iter())
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
            )
        })
}

/// "paragraaf 7 (Toezicht en handhaving)".
fn section_label(ctx: &Context<'_>, index: usize) -> String {
    let Some(s) = ctx.toelichting.and_then(|t| t.doc.sections.get(index)) else {
        return "de paragraaf".to_string();
    };
    match &s.number {
        Some(n) => format!("paragraaf {n} ({})", s.title),
        None => format!("de paragraaf '{}'", s.title),
    }
}

impl Rule for ToezichtHandhavingParagraaf {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some(r), Some(t)) = (ctx.regeling, ctx.toelichting) else {
            return;
        };
        let sancties = plichten::sanctiebepalingen(ctx);
        if sancties.is_empty() {
            return;
        }
        let keys = ctx.section_keys();
        // Sections of the general part whose own heading is about toezicht (not their subsections).
        let secties: Vec<usize> = (0..t.doc.sections.len())
            .filter(|&i| {
                keys.get(i)
                    .is_some_and(|k| k.contains(&SectionKey::Toezicht))
                    && t.doc.sections.get(i).is_some_and(|s| !s.artikelsgewijs)
                    && t.doc
                        .sections
                        .get(i)
                        .and_then(|s| s.parent)
                        .is_none_or(|p| {
                            !keys
                                .get(p)
                                .is_some_and(|k| k.contains(&SectionKey::Toezicht))
                        })
            })
            .collect();

        if !secties.is_empty() {
            self.check_contents(ctx, &secties, out);
            return;
        }
        if has_passage(ctx) || explains(ctx) {
            return;
        }

        // One finding: what the regulation arranges, and that the toelichting is silent on it.
        let mut soorten: Vec<(Sanctiesoort, Vec<usize>)> = Vec::new();
        for s in &sancties {
            match soorten.iter_mut().find(|(k, _)| *k == s.soort) {
                Some((_, arts)) => {
                    if !arts.contains(&s.article) {
                        arts.push(s.article)
                    }
                }
                None => soorten.push((s.soort, vec![s.article])),
            }
        }
        let parts: Vec<String> = soorten
            .iter()
            .map(|(k, arts)| {
                format!(
                    "{} ({})",
                    k.label_nl(),
                    plichten::articles_phrase(r.doc, arts)
                )
            })
            .collect();
        let anchor = t.doc.title.as_ref().map_or(Span::new(0, 0), |s| s.span);
        let mut f = Finding::new(
            Which::Toelichting,
            anchor,
            format!(
                "De regeling bevat {}, maar de {} heeft geen paragraaf over toezicht en handhaving.",
                join_nl(&parts),
                t.doc.kind().label_nl()
            ),
        )
        .help(
            "Beschrijf wie toezicht houdt en met welke capaciteit, waarom voor dit sanctiestelsel is gekozen \
             (bestuurlijke boete, last onder dwangsom, strafrecht) en, bij een boete, hoe de boetehoogte is bepaald \
             (Ar 5.35 e.v., 5.43; Schrijfwijzer §8).",
        );
        let mut seen: Vec<usize> = Vec::new();
        for s in &sancties {
            if seen.contains(&s.article) || seen.len() >= 5 {
                continue;
            }
            seen.push(s.article);
            f = f.related(
                Which::Regeling,
                s.span,
                format!(
                    "{}: {}",
                    capitalize(&plichten::article_label(r.doc, s.article)),
                    s.soort.label_nl()
                ),
            );
        }
        if let Some(fix) = insert_section_fix(
            ctx,
            "Toezicht en handhaving",
            "[Wie houdt toezicht op de naleving, en met welke capaciteit (fte, kosten)? Welk sanctiestelsel is \
             gekozen (bestuurlijke boete, last onder dwangsom, strafrecht) en waarom? Hoe is de boetehoogte bepaald?]",
        ) {
            f = f.fix(fix);
        }
        out.push(f);
    }
}

impl ToezichtHandhavingParagraaf {
    /// A toezicht section exists: does it name the supervisor, the capacity and the sanction system?
    fn check_contents(&self, ctx: &Context<'_>, secties: &[usize], out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let spans: Vec<Span> = secties
            .iter()
            .filter_map(|&i| t.doc.sections.get(i))
            .map(|s| s.span)
            .collect();
        let text: String = eigen_blokken(ctx)
            .filter(|b| spans.iter().any(|s| s.contains(b.text.start)))
            .map(|b| t.slice(b.text))
            .collect::<Vec<_>>()
            .join("\n");
        let org_named = ctx
            .orgs(Which::Toelichting)
            .iter()
            .any(|h| spans.iter().any(|s| s.contains(h.range.start)));
        let mut missing = Vec::new();
        if !(org_named || TOEZICHTHOUDER.is_match(&text)) {
            missing.push("wie toezicht houdt");
        }
        if !CAPACITEIT.is_match(&text) {
            missing.push("met welke capaciteit het toezicht wordt gehouden");
        }
        if !SANCTIESTELSEL.is_match(&text) {
            missing.push("waarom voor dit sanctiestelsel is gekozen");
        }
        if missing.is_empty() {
            return;
        }
        let Some(&first) = secties.first() else {
            return;
        };
        let Some(sec) = t.doc.sections.get(first) else {
            return;
        };
        let items: Vec<String> = missing.iter().map(|m| m.to_string()).collect();
        out.push(
            Finding::new(
                Which::Toelichting,
                sec.heading,
                format!("{} zegt niet {}.", capitalize(&section_label(ctx, first)), join_nl(&items)),
            )
            .help(
                "Noem de toezichthouder, de capaciteit die het toezicht vraagt en de reden voor de keuze van het \
                 sanctiestelsel (Schrijfwijzer §8; Ar 5.35 e.v., 5.43).",
            )
            .at_most(Severity::Info),
        );
    }
}

/// A passage of at least two sentences on toezicht that names at least two of
/// the three elements (supervisor, capacity, sanction system).
fn has_passage(ctx: &Context<'_>) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    eigen_blokken(ctx).any(|b| {
        let text = t.slice(b.text);
        if sentences(t.text, b.text).len() < 2 || !ONDERWERP.is_match(text) {
            return false;
        }
        let elements = [&TOEZICHTHOUDER, &CAPACITEIT, &SANCTIESTELSEL]
            .iter()
            .filter(|r| r.is_match(text))
            .count();
        elements >= 2
    })
}

/// Comply or explain: a sentence on toezicht or handhaving with an explanation marker.
fn explains(ctx: &Context<'_>) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    let uitleg: Vec<Span> = ctx
        .signals(Which::Toelichting, "uitleg")
        .iter()
        .filter(|h| !h.weak)
        .map(|h| Span::new(h.range.start, h.range.end))
        .collect();
    eigen_blokken(ctx).any(|b| {
        sentences(t.text, b.text).iter().any(|s| {
            ONDERWERP.is_match(t.slice(*s))
                && uitleg.iter().any(|u| s.start <= u.start && u.end <= s.end)
        })
    })
}
