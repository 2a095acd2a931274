use std::sync::LazyLock;

use wetlint_data::{OrgHit, OrgVia, Organisatie, SectionKey, Vorm};
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use super::plichten;
use crate::rule::{Category, I, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::text::{capitalize, insert_section_fix, join_nl, sentences};
use crate::{Context, Finding, Findings, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting beschrijft hoe signalen over onuitvoerbaarheid worden
    /// opgevangen en wie dan bijstuurt, wanneer de regeling een
    /// uitvoeringsorganisatie (een zbo, agentschap of dienst als de SVB, het
    /// UWV, DUO of de Belastingdienst) een taak geeft die veel burgers raakt:
    /// de regeling legt burgers verplichtingen op, of de taak gaat over
    /// aanvragen, ambtshalve toekenning, uitkeringen of toeslagen, of er zijn
    /// twee of meer uitvoeringsorganisaties bij betrokken.
    ///
    /// Voldoende is een passage over een noodrem, noodsignaal of rode kaart,
    /// een knelpuntenprocedure, monitoring, een invoeringstoets, terugkoppeling
    /// uit de uitvoering of bijsturen (de lijst `signalering` in
    /// `signalen.toml`), of een bepaling in de regeling zelf waarin de
    /// uitvoerder meldt dat hij een taak "niet of niet tijdig kan uitvoeren" of
    /// periodiek de knelpunten in de uitvoering rapporteert.
    ///
    /// Een evaluatie na enkele jaren is geen signaleringsmechanisme: die komt te
    /// laat om tijdens de invoering bij te sturen. Noemt de toelichting alleen
    /// een evaluatie, dan zegt de melding dat. De regel zwijgt als de toelichting
    /// uitlegt waarom een apart mechanisme niet nodig is ("Knelpunten worden
    /// gemeld via het bestaande periodieke overleg met de SVB, omdat …"), en
    /// zonder toelichting.
    ///
    /// Dit is een hint: er is nog geen vastgelegde norm. In de fase indiening
    /// is het een waarschuwing.
    ///
    /// ## Waarom
    /// Het kabinet wil dat uitvoeringsorganisaties tijdig kunnen aangeven dat een
    /// regeling in de praktijk niet werkt, en dat daarop wordt gehandeld
    /// (kabinetsreactie op het ROB-advies "Naar een uitvoerende macht", 2025:
    /// noodrem, noodsignaal, rode kaart). De invoeringstoets kijkt in de eerste
    /// jaren na de inwerkingtreding hoe nieuwe regelgeving uitpakt
    /// (Kamerstukken 35510, nr. 96 en 36600 VI, nr. 12).
    ///
    /// ## Voorbeeld
    /// Een wetsvoorstel laat DUO een nieuwe tegemoetkoming ambtshalve toekennen.
    /// De memorie van toelichting zegt alleen: "De wet wordt binnen vijf jaar na
    /// de inwerkingtreding geëvalueerd."
    ///
    /// ## In plaats daarvan
    /// Beschrijf in de paragraaf over de uitvoering hoe de uitvoering de
    /// knelpunten meldt en wat er dan gebeurt, bijvoorbeeld: "DUO rapporteert
    /// elk kwartaal over de doorlooptijden en de knelpunten. Verwacht DUO een
    /// taak niet tijdig te kunnen uitvoeren, dan meldt zij dat direct aan de
    /// minister (noodsignaal); de minister kan dan de invoering faseren. Na één
    /// jaar volgt een invoeringstoets."
    ///
    /// ## Bron
    /// Kabinetsreactie op het ROB-advies "Naar een uitvoerende macht"
    /// (Kamerstuk 29362, nr. 385, 2025); invoeringstoets (Kamerstukken 35510,
    /// nr. 96 en 36600 VI, nr. 12); Schrijfwijzer memorie van toelichting §7.
    pub struct Signaleringsmechanisme {
        code: "UITV-007",
        name: "signaleringsmechanisme",
        category: Category::Uitvoering,
        summary: "Geen beschrijving van hoe signalen over onuitvoerbaarheid worden opgepakt",
        severity: [I, I, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
    }
}

/// A task that reaches many citizens.
static MASSA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bambtshalve\b|\baanvra(?:ag|gen|ger|gers)\b|\buitkering(?:en)?\b|\btoeslag(?:en)?\b|\btegemoetkoming(?:en)?\b|\bkinderbijslag\b|\bstudiefinanciering\b|\bpensioen\w*\b")
        .expect("valid regex")
});
/// Separable task verbs over a longer distance than `taak-werkwoorden` allows
/// (60 characters), and "betaalt/keert … uit" (see the report on data changes).
static TAAK_AANVULLING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bkent\b[^.;]{1,160}?\btoe\b|\bstelt\b[^.;]{1,160}?\bvast\b|\b(?:voert|betaalt|keert)\b[^.;]{1,160}?\buit\b")
        .expect("valid regex")
});
/// Signalling in the regulation itself.
static SIGNAAL_IN_REGELING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bniet\s+of\s+niet\s+tijdig\s+(?:kan|kunnen|te\s+kunnen)\s+uitvoeren\b|\bknelpunten\b[^.;]{0,80}\buitvoering\b|\buitvoering\b[^.;]{0,80}\bknelpunten\b")
        .expect("valid regex")
});
/// Forms the `signalering` list misses (separable "bij te sturen", feedback).
static SIGNAAL_AANVULLING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbij\s+te\s+sturen\b|\bfeedback(?:loop|loops|lus)?\b|\bsignalen\b[^.;]{0,80}\b(?:uitvoering|uitvoerder|uitvoeringsorganisatie)|\b(?:uitvoering|uitvoerder|uitvoeringsorganisatie)\w*\b[^.;]{0,80}\bsignalen\b")
        .expect("valid regex")
});
/// The topic of an explanation why no separate mechanism is needed.
static SIGNAAL_ONDERWERP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsignal\w*|\bknelpunt\w*|\bnoodrem\b|\bbijsturen\b").expect("valid regex")
});
/// Evaluation wording (which does not count).
static EVALUATIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bevaluatie\w*|\bge[eë]valueerd\b|\bevalueren\b").expect("valid regex")
});

/// A national executor with a task in the regulation.
struct Uitvoerder {
    org_id: String,
    /// As written, with its determiner ("de Sociale verzekeringsbank").
    name: String,
    article: usize,
    sentence: Span,
    massa: bool,
}

/// The organisation's name for a message, with its determiner: the official
/// name where the text uses it ("het Uitvoeringsinstituut werknemersverzekeringen"),
/// the official name for an implicit mention ("de inspecteur" → "de Belastingdienst"),
/// otherwise the form as written ("het Kadaster").
fn naam_in_tekst(from_hit: &str, before: &str, h: &OrgHit<'_>, org: &Organisatie) -> String {
    let lower = from_hit.to_lowercase();
    let (det, skip) = if before.eq_ignore_ascii_case("het") || before.eq_ignore_ascii_case("de") {
        (before.to_lowercase(), 0)
    } else if lower.starts_with("het ") {
        ("het".to_string(), 4)
    } else if lower.starts_with("de ") {
        ("de".to_string(), 3)
    } else {
        ("de".to_string(), 0)
    };
    let rest = from_hit.get(skip..).unwrap_or("");
    let naam = org.naam();
    if h.via == OrgVia::Impliciet {
        return format!("de {naam}");
    }
    if rest.to_lowercase().starts_with(&naam.to_lowercase())
        && let Some(written) = rest.get(..naam.len())
    {
        return format!("{det} {written}");
    }
    let len = (h.range.end - h.range.start).saturating_sub(skip);
    format!("{det} {}", rest.get(..len).unwrap_or(naam))
}

/// National executors (zbo, agentschap, dienst) that are the subject of a task verb.
fn uitvoerders(ctx: &Context<'_>, r: Source<'_>) -> Vec<Uitvoerder> {
    let taken = ctx.signals(Which::Regeling, "taak-werkwoorden");
    let orgs = ctx.orgs(Which::Regeling);
    let mut out: Vec<Uitvoerder> = Vec::new();
    for (article, s) in plichten::artikelzinnen(r, false) {
        let text = r.slice(s);
        for h in orgs
            .iter()
            .filter(|h| s.start <= h.range.start && h.range.end <= s.end)
        {
            let Some(org) = ctx.data.organisatie(h.org_id) else {
                continue;
            };
            if !matches!(org.vorm, Vorm::Zbo | Vorm::Agentschap | Vorm::Dienst) {
                continue;
            }
            // The organisation opens the sentence: it is the subject.
            let before = text.get(..h.range.start - s.start).unwrap_or("").trim();
            if !(before.is_empty()
                || before.eq_ignore_ascii_case("de")
                || before.eq_ignore_ascii_case("het"))
            {
                continue;
            }
            let after = text.get(h.range.end - s.start..).unwrap_or("");
            if !taken
                .iter()
                .any(|t| t.range.start >= h.range.end && t.range.end <= s.end)
                && !TAAK_AANVULLING.is_match(after)
            {
                continue;
            }
            let written = naam_in_tekst(
                text.get(h.range.start - s.start..).unwrap_or(""),
                before,
                h,
                org,
            );
            let article_text = r
                .doc
                .articles
                .get(article)
                .map(|a| r.slice(a.span))
                .unwrap_or("");
            let massa = MASSA.is_match(article_text) || plichten::noemt_burger(article_text);
            match out.iter_mut().find(|u| u.org_id == h.org_id) {
                Some(u) => u.massa |= massa,
                None => out.push(Uitvoerder {
                    org_id: h.org_id.to_string(),
                    name: written,
                    article,
                    sentence: s,
                    massa,
                }),
            }
        }
    }
    out
}

/// The toelichting's own text blocks (no headings, no quotes).
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

/// True when the toelichting or the regulation describes a signalling mechanism, or explains why none is needed.
fn has_mechanism(ctx: &Context<'_>, r: Source<'_>) -> bool {
    let Some(t) = ctx.toelichting else {
        return false;
    };
    let in_own_text = |offset: usize| {
        ctx.block_at(Which::Toelichting, offset).is_some_and(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
            )
        })
    };
    if ctx
        .signals(Which::Toelichting, "signalering")
        .iter()
        .any(|h| !h.weak && in_own_text(h.range.start))
    {
        return true;
    }
    if eigen_blokken(ctx).any(|b| SIGNAAL_AANVULLING.is_match(t.slice(b.text))) {
        return true;
    }
    // In the regulation: a signalling article.
    let zinnen = plichten::artikelzinnen(r, false);
    let in_articles = |offset: usize| zinnen.iter().any(|(_, s)| s.contains(offset));
    if ctx
        .signals(Which::Regeling, "signalering")
        .iter()
        .any(|h| in_articles(h.range.start))
        || zinnen
            .iter()
            .any(|(_, s)| SIGNAAL_IN_REGELING.is_match(r.slice(*s)))
    {
        return true;
    }
    // Comply or explain.
    let uitleg: Vec<Span> = ctx
        .signals(Which::Toelichting, "uitleg")
        .iter()
        .filter(|h| !h.weak)
        .map(|h| Span::new(h.range.start, h.range.end))
        .collect();
    eigen_blokken(ctx).any(|b| {
        sentences(t.text, b.text).iter().any(|s| {
            SIGNAAL_ONDERWERP.is_match(t.slice(*s))
                && uitleg.iter().any(|u| s.start <= u.start && u.end <= s.end)
        })
    })
}

impl Rule for Signaleringsmechanisme {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some(r), Some(t)) = (ctx.regeling, ctx.toelichting) else {
            return;
        };
        let uitvoerders = uitvoerders(ctx, r);
        if uitvoerders.is_empty() {
            return;
        }
        let massa =
            uitvoerders.iter().any(|u| u.massa) || !plichten::burgerplichten(ctx).is_empty();
        if !(massa || uitvoerders.len() >= 2) {
            return;
        }
        if has_mechanism(ctx, r) {
            return;
        }

        let keys = ctx.section_keys();
        let first_with =
            |key: SectionKey| {
                t.doc.sections.iter().enumerate().find(|(i, s)| {
                    !s.artikelsgewijs && keys.get(*i).is_some_and(|k| k.contains(&key))
                })
            };
        let anchor = first_with(SectionKey::Uitvoering)
            .map(|(_, s)| s.heading)
            .or_else(|| t.doc.title.as_ref().map(|s| s.span))
            .unwrap_or(Span::new(0, 0));
        let names: Vec<String> = uitvoerders.iter().map(|u| u.name.clone()).collect();
        let doc = t.doc.kind().label_nl();
        // Evaluation-only commitments are reported, but they do not count.
        let evaluatie = first_with(SectionKey::Evaluatie)
            .map(|(_, s)| s.heading)
            .or_else(|| {
                eigen_blokken(ctx)
                    .filter(|b| {
                        !t.doc
                            .section_at(b.text.start)
                            .and_then(|i| t.doc.sections.get(i))
                            .is_some_and(|s| s.artikelsgewijs)
                    })
                    .find_map(|b| {
                        EVALUATIE
                            .find(t.slice(b.text))
                            .map(|m| Span::new(b.text.start + m.start(), b.text.start + m.end()))
                    })
            });
        let message = match &evaluatie {
            Some(_) => format!(
                "De regeling geeft {} nieuwe taken, maar de {doc} noemt alleen een evaluatie achteraf; die komt te laat \
                 om knelpunten tijdens de invoering te signaleren en bij te sturen.",
                join_nl(&names)
            ),
            None => format!(
                "De regeling geeft {} nieuwe taken, maar de {doc} beschrijft niet hoe signalen over onuitvoerbaarheid \
                 worden opgevangen en wie dan bijstuurt.",
                join_nl(&names)
            ),
        };
        let mut f = Finding::new(Which::Toelichting, anchor, message).help(
            "Beschrijf hoe de uitvoering knelpunten meldt (noodsignaal, periodieke rapportage, knelpuntenprocedure), \
             wie dan beslist over bijsturing, en wanneer een invoeringstoets volgt.",
        );
        for u in uitvoerders.iter().take(5) {
            f = f.related(
                Which::Regeling,
                u.sentence,
                format!(
                    "{}: taak voor {}",
                    capitalize(&plichten::article_label(r.doc, u.article)),
                    u.name
                ),
            );
        }
        if let Some(span) = evaluatie {
            f = f.related(
                Which::Toelichting,
                span,
                "Een evaluatie achteraf telt niet als signalering tijdens de uitvoering",
            );
        }
        if let Some(fix) = insert_section_fix(
            ctx,
            "Signalering en bijsturing",
            "[Hoe merkt de uitvoerder dat de regeling in de praktijk niet werkt? Hoe en aan wie meldt zij dat \
             (noodsignaal, periodieke rapportage)? Wie beslist dan over bijsturing? Wanneer volgt een invoeringstoets?]",
        ) {
            f = f.fix(fix);
        }
        out.push(f);
    }
}
