use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, DocumentKind, Span};

use super::slot::{article_name, in_quotes, is_checked_regulation, tail};
use crate::rule::{Category, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::text::{insert_section_fix, sentences};
use crate::{Context, Finding, Findings, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of een voorstel dat een substantiële beleidswijziging inhoudt, een
    /// evaluatie regelt: een evaluatiebepaling in de regeling ("Onze Minister
    /// zendt binnen vijf jaar na de inwerkingtreding van deze wet aan de
    /// Staten-Generaal een verslag over de doeltreffendheid en de effecten van
    /// deze wet in de praktijk") of ten minste een passage of paragraaf over
    /// evaluatie in de toelichting.
    ///
    /// Een substantiële beleidswijziging leidt de regel af uit de toelichting:
    /// woorden als "stelselwijziging", "nieuw stelsel", "structurele" of
    /// "ingrijpende wijziging", of financiële gevolgen van € 20 miljoen of meer
    /// in een begrotingsjaar (in de paragraaf over de financiële gevolgen, of
    /// elders met "per jaar" of "structureel").
    ///
    /// Daarnaast, als info:
    ///
    /// - een evaluatietermijn korter dan vijf jaar die de toelichting niet
    ///   motiveert;
    /// - bij een substantiële beleidswijziging met een evaluatie: een
    ///   toelichting die niet zegt hoe de evaluatie wordt voorbereid (een
    ///   nulmeting, monitoring, indicatoren of meetbare doelen).
    ///
    /// Bij een ministeriële regeling is het ontbreken van een evaluatie info.
    ///
    /// De regel zwijgt zonder toelichting (dan is niet te zien of de wijziging
    /// substantieel is), bij een ontkenning ("geen ingrijpende wijziging"), bij
    /// bedragen in aangehaalde tekst, en zodra de toelichting ergens over
    /// evaluatie spreekt, ook als zij uitlegt waarom er geen evaluatie komt.
    ///
    /// ## Waarom
    /// Bij een substantiële beleidswijziging, en in elk geval bij financiële
    /// gevolgen van € 20 miljoen of meer in een begrotingsjaar, beschrijft de
    /// toelichting hoe en wanneer de regeling wordt geëvalueerd (Schrijfwijzer
    /// §10). Het model van Ar 5.58 gaat uit van vijf jaar; een kortere termijn
    /// vraagt uitleg. Een evaluatie zonder nulmeting of meetbare doelen kan de
    /// vraag of de regeling werkt niet beantwoorden.
    ///
    /// ## Voorbeeld
    /// Een memorie van toelichting die een "stelselwijziging" aankondigt met
    /// structureel € 120 miljoen per jaar, zonder evaluatiebepaling in de wet
    /// en zonder paragraaf over evaluatie.
    ///
    /// ## In plaats daarvan
    /// Neem een evaluatiebepaling op volgens Ar 5.58 en een paragraaf
    /// "Evaluatie" in de toelichting die zegt wat wordt geëvalueerd, wanneer,
    /// en met welke nulmeting en monitoring. De Ar 5.58-toelichting noemt ook
    /// evenredigheid, uitvoerbaarheid, handhaafbaarheid en toegankelijkheid als
    /// onderwerpen. De snelle oplossing voegt een paragraafskelet toe.
    ///
    /// ## Bron
    /// Aanwijzing 5.58 (2012: 164); Schrijfwijzer memorie van toelichting §10.
    pub struct Evaluatie {
        code: "LEG-010",
        name: "evaluatie",
        category: Category::Legistiek,
        summary: "Substantiële beleidswijziging zonder evaluatiebepaling of evaluatieparagraaf",
        severity: [W, W, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["5.58"],
        aliases: &[],
    }
}

static SUBSTANTIEEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:structurele|substantiële|ingrijpende|fundamentele|omvangrijke)\s+(?:beleids|stelsel)?(?:wijziging|wijzigingen|herziening|hervorming)\b|\bstelselwijziging(?:en)?\b|\bstelselherziening\b|\bnieuw(?:e)?\s+stelsel\b")
        .expect("valid regex")
});
static ONTKENNING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:geen|niet|nauwelijks)\b").expect("valid regex"));
static BEDRAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:€|eur\b|euro\s)\s*(\d{1,3}(?:[.\s]\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*(mln|mln\.|miljoen|mld|mld\.|miljard)\b|\b(\d+(?:,\d+)?)\s*(miljoen|miljard)\s+euro\b")
        .expect("valid regex")
});
static PER_JAAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bper\s+(?:jaar|begrotingsjaar|kalenderjaar)\b|\bstructureel\b|\bjaarlijks\w*\b",
    )
    .expect("valid regex")
});
static EVALUATIE_T: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bevaluat\w*|\bgeëvalueerd\b|\bevalueren\b|\bevalueert\b")
        .expect("valid regex")
});
static EVALUATIE_W: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bverslag\b[^.]{0,160}\b(?:doeltreffendheid|effecten|werking)\b|\bevaluat\w*|\bgeëvalueerd\b")
        .expect("valid regex")
});
static TERMIJN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbinnen\s+(een|één|twee|drie|vier|\d+)\s+jaar\b").expect("valid regex")
});
static MOTIVERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:omdat|aangezien|gelet\s+op|vanwege|in\s+verband\s+met|zodat|om\s+die\s+reden|eerder|korter|sneller|vroeg(?:er|tijdig)?)\b")
        .expect("valid regex")
});
static VOORBEREIDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bnulmeting\w*|\bmonitor\w*|\bindicator\w*|\bmeetba\w*|\bstreefwaarde\w*|\bstreef\w*\s+(?:naar|ernaar)\b|\b\d+\s*(?:procent|%)")
        .expect("valid regex")
});

impl Rule for Evaluatie {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let reg = ctx.regeling.filter(|r| is_checked_regulation(r.doc));
        let bepaling = reg.and_then(|r| evaluatiebepaling(&r));
        let t_evaluatie = !ctx.sections_with(SectionKey::Evaluatie).is_empty()
            || own_sentences(&t).any(|(_, s)| EVALUATIE_T.is_match(t.slice(s)));
        let trigger = trigger(ctx, &t);
        let mr = reg.is_some_and(|r| r.doc.kind() == DocumentKind::MinisterieleRegeling)
            || reg.is_none() && t.doc.kind() == DocumentKind::Toelichting;
        if let Some((span, why)) = &trigger
            && bepaling.is_none()
            && !t_evaluatie
        {
            let anchor = t.doc.title.as_ref().map_or(Span::new(0, 0), |s| s.span);
            let mut f = Finding::new(
                Which::Toelichting,
                anchor,
                format!(
                    "{why}, maar er is geen evaluatiebepaling en de toelichting zegt niets over evaluatie."
                ),
            )
            .help(
                "Neem een evaluatiebepaling op (Ar 5.58: \"Onze Minister zendt binnen vijf jaar na de inwerkingtreding van \
                 deze wet aan de Staten-Generaal een verslag over de doeltreffendheid en de effecten van deze wet in de \
                 praktijk.\") en beschrijf in de toelichting wanneer en hoe wordt geëvalueerd (Schrijfwijzer §10).",
            )
            .related(Which::Toelichting, *span, "Hier blijkt dat het om een substantiële beleidswijziging gaat.");
            if let Some(fix) = insert_section_fix(
                ctx,
                "Evaluatie",
                "[Wat wordt geëvalueerd en wanneer (in de regel binnen vijf jaar)? Welke doelen en indicatoren, welke \
                 nulmeting en welke monitoring gaan aan de evaluatie vooraf?]",
            ) {
                f = f.fix(fix);
            }
            if mr {
                f = f.at_most(Severity::Info);
            }
            out.push(f);
            return;
        }
        // A term shorter than five years without motivation.
        if let (Some(r), Some(span)) = (reg, bepaling)
            && let Some(c) = TERMIJN.captures(r.slice(span))
            && let Some(written) = c.get(1).map(|m| m.as_str().to_lowercase())
            && let Some(n) = jaren(&written)
            && n < 5
            && !termijn_gemotiveerd(&t)
        {
            let a = r
                .doc
                .article_at(span.start)
                .map(|i| article_name(&r.doc.articles[i]))
                .unwrap_or_else(|| "de evaluatiebepaling".to_string());
            out.push(
                Finding::new(
                    Which::Regeling,
                    span,
                    format!(
                        "De evaluatietermijn in {a} is {written} jaar; de toelichting legt niet uit waarom die korter is dan vijf jaar."
                    ),
                )
                .help("Het model van Ar 5.58 gaat uit van vijf jaar; motiveer een kortere termijn in de toelichting (Schrijfwijzer §10).")
                .at_most(Severity::Info),
            );
        }
        // An evaluation of a substantial change without any preparation.
        if let Some((span, _)) = trigger
            && (bepaling.is_some() || t_evaluatie)
            && !own_sentences(&t).any(|(_, s)| VOORBEREIDING.is_match(t.slice(s)))
        {
            let anchor = ctx
                .sections_with(SectionKey::Evaluatie)
                .first()
                .map(|&i| t.doc.sections[i].heading)
                .unwrap_or(span);
            out.push(
                Finding::new(
                    Which::Toelichting,
                    anchor,
                    "De toelichting zegt niet hoe de evaluatie wordt voorbereid: geen nulmeting, monitoring, indicatoren of meetbare doelen.",
                )
                .help(
                    "Beschrijf de doelen zo dat ze te meten zijn, en welke nulmeting en monitoring aan de evaluatie \
                     voorafgaan (Schrijfwijzer §10).",
                )
                .at_most(Severity::Info),
            );
        }
    }
}

fn jaren(w: &str) -> Option<u32> {
    match w.to_lowercase().as_str() {
        "een" | "één" => Some(1),
        "twee" => Some(2),
        "drie" => Some(3),
        "vier" => Some(4),
        other => other.parse().ok(),
    }
}

/// Sentences of the toelichting's own text (not quotes, tables or headings).
fn own_sentences<'a>(t: &'a Source<'a>) -> impl Iterator<Item = (Span, Span)> + 'a {
    t.doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem))
        .flat_map(move |b| {
            sentences(t.text, b.text)
                .into_iter()
                .map(move |s| (b.text, s))
        })
}

/// The sentence of the regulation's evaluatiebepaling, if any.
fn evaluatiebepaling(r: &Source<'_>) -> Option<Span> {
    let doc = r.doc;
    for b in &doc.blocks {
        let wetlint_syntax::Container::Article { index } = b.container else {
            continue;
        };
        if doc.articles[index].quoted || matches!(b.kind, BlockKind::Heading | BlockKind::Comment) {
            continue;
        }
        for s in sentences(r.text, b.text) {
            if let Some(m) = EVALUATIE_W.find(r.slice(s))
                && !in_quotes(r.text, b.text, s.start + m.start())
            {
                return Some(s);
            }
        }
    }
    None
}

/// Where and why the toelichting shows a substantial policy change.
fn trigger(ctx: &Context<'_>, t: &Source<'_>) -> Option<(Span, String)> {
    for (block, s) in own_sentences(t) {
        let st = t.slice(s);
        if let Some(m) = SUBSTANTIEEL.find(st)
            && !in_quotes(t.text, block, s.start + m.start())
            && !ONTKENNING.is_match(tail(&st[..m.start()], 40))
        {
            return Some((
                s,
                format!(
                    "De toelichting spreekt van een {}",
                    m.as_str().to_lowercase()
                ),
            ));
        }
    }
    let financieel = ctx.sections_with(SectionKey::Financieel);
    let in_financieel = |at: usize| {
        financieel
            .iter()
            .any(|&i| t.doc.sections[i].span.contains(at))
    };
    for b in t.doc.blocks.iter().filter(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
        )
    }) {
        for s in sentences(t.text, b.text) {
            let st = t.slice(s);
            for c in BEDRAG.captures_iter(st) {
                let (Some(n), Some(unit)) = (c.get(1).or(c.get(3)), c.get(2).or(c.get(4))) else {
                    continue;
                };
                let Some(v) = miljoen(n.as_str(), unit.as_str()) else {
                    continue;
                };
                let at = s.start + n.start();
                if v >= 20.0
                    && !in_quotes(t.text, b.text, at)
                    && (in_financieel(at) || PER_JAAR.is_match(st))
                {
                    let shown = c.get(0).map_or("", |m| m.as_str()).trim();
                    return Some((
                        s,
                        format!(
                            "Het voorstel heeft financiële gevolgen van {shown} (€ 20 miljoen of meer in een begrotingsjaar \
                             geldt als substantiële beleidswijziging)"
                        ),
                    ));
                }
            }
        }
    }
    None
}

/// An amount in millions of euros.
fn miljoen(n: &str, unit: &str) -> Option<f64> {
    let digits: String = n
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let v: f64 = digits.parse().ok()?;
    let u = unit.to_lowercase();
    Some(if u.starts_with("mld") || u.starts_with("miljard") {
        v * 1000.0
    } else {
        v
    })
}

/// True when the toelichting explains the evaluation term.
fn termijn_gemotiveerd(t: &Source<'_>) -> bool {
    own_sentences(t).any(|(_, s)| {
        let st = t.slice(s).to_lowercase();
        (st.contains("evaluat") || st.contains("verslag") || st.contains("termijn"))
            && st.contains("jaar")
            && MOTIVERING.is_match(&st)
    })
}
