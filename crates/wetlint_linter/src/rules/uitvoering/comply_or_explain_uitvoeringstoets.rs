use std::ops::Range;
use std::sync::LazyLock;

use wetlint_data::normalize::NormalizedText;
use wetlint_data::{SectionKey, UitkomstSoort, Vorm};
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use super::actoren::{
    UITVOERINGSTOETSEN, Vermelding, document_nl, is_decentraal, is_uitvoerder,
    is_vertegenwoordiger, lidwoord, toelichting_zinnen, uitleg_in, vermeldingen,
};
use crate::rule::{Category, E, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::text::{capitalize, sentences};
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting zegt wat er is gedaan met een negatieve of
    /// voorwaardelijke uitkomst van een uitvoeringstoets, U&H-toets, HUF-toets,
    /// UDO of impactanalyse: "niet uitvoerbaar", "uitvoerbaar onder
    /// voorwaarden", "Eindoordeel: niet uitvoerbaar", "Gevolgen: ingrijpend",
    /// "grote risico's", "onvoldoende uitvoeringskracht" (de uitkomsten in
    /// `toetsen.toml`). De uitkomst telt alleen als de zin, de alinea of de
    /// paragraaf een van die toetsen noemt, of als zij in de paragraaf over de
    /// uitvoering bij een uitvoeringsorganisatie staat. Adviezen van de Raad van
    /// State, het ATR of de AP vallen onder PROC-002.
    ///
    /// De regel zwijgt als de toelichting zegt wat er met de uitkomst is
    /// gedaan: een woord uit de lijst `opvolging` ("naar aanleiding van de
    /// uitvoeringstoets", "is het voorstel aangepast", "is overgenomen", "niet
    /// overgenomen, omdat", "fasering", "overgangstermijn"), een besluit ("daarom
    /// is gekozen voor …", "de datum is verschoven", "in overleg met de SVB is
    /// afgesproken"), een maatregel ("die worden ondervangen door …") of een
    /// uitleg van het kabinet ("Het kabinet kiest er niettemin voor …, omdat …"):
    /// - in dezelfde zin (een risico dat in één adem wordt ondervangen);
    /// - verderop in dezelfde paragraaf;
    /// - of elders in de toelichting, ook in het artikelsgewijze deel, in een
    ///   zin die dezelfde organisatie of toets noemt.
    ///
    /// De regel zwijgt ook als de uitkomst ontkend wordt ("De SVB ziet geen
    /// grote risico's"), als "niet haalbaar" over een beleidsalternatief gaat en
    /// niet over een toets, en als er geen toelichting is. Een uitleg in de
    /// uitkomstzin zelf ("niet uitvoerbaar, omdat de systemen niet gereed zijn")
    /// is de reden van de uitvoerder, geen opvolging. Eén melding per toets per
    /// paragraaf.
    ///
    /// ## Waarom
    /// Het kabinet maakt de opvolging van uitvoeringstoetsen en UDO's tot
    /// uitgangspunt: wie van een uitkomst afwijkt, legt uit waarom (comply or
    /// explain; kabinetsreactie "Naar een uitvoerende macht", 2025). De
    /// Schrijfwijzer vraagt per toets "wat is hiermee gedaan?" (§7), en
    /// Aanwijzing 4.44 vraagt te motiveren waarom op hoofdpunten van een advies
    /// wordt afgeweken. Een uitkomst zonder reactie laat de Kamer raden of het
    /// voorstel wel uitvoerbaar is.
    ///
    /// ## Voorbeeld
    /// "Het UWV heeft het voorstel getoetst. Het eindoordeel luidt: niet
    /// uitvoerbaar per 1 januari 2027, omdat de systemen dan niet gereed zijn."
    /// Daarna gaat de paragraaf verder met de kosten, zonder te zeggen wat het
    /// kabinet met dat oordeel doet.
    ///
    /// ## In plaats daarvan
    /// Schrijf direct na de uitkomst wat ermee is gedaan: "Naar aanleiding van
    /// de uitvoeringstoets is de inwerkingtreding verschoven naar 1 januari
    /// 2028." Of, als de uitkomst niet wordt gevolgd: "Het kabinet kiest er
    /// niettemin voor de datum te handhaven, omdat …; in overleg met het UWV is
    /// afgesproken dat …".
    ///
    /// ## Bron
    /// Kabinetsreactie op het ROB-advies "Naar een uitvoerende macht"
    /// (Kamerstukken 29362, nr. 385); Aanwijzing 4.44 van de Aanwijzingen voor de
    /// regelgeving; Schrijfwijzer memorie van toelichting §7.
    pub struct ComplyOrExplainUitvoeringstoets {
        code: "UITV-005",
        name: "comply-or-explain-uitvoeringstoets",
        category: Category::Uitvoering,
        summary: "Negatieve of voorwaardelijke uitkomst van een toets zonder vermelde opvolging",
        severity: [W, W, E, OFF],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &["4.44"],
    }
}

/// A risk or outcome said to be absent: "geen grote risico's".
static ONTKEND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:geen|zonder)\s+(?:\S+\s+)?$").expect("valid regex"));

/// A risk mitigated in the same breath: "dat wordt ondervangen door …".
static MITIGATIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bondervangen\b|\bgemitigeerd\b|\bmitiger\w*|\bwordt beperkt (?:door|doordat)\b|\b(?:wordt|worden) opgevangen\b|\b(?:is|zijn|wordt|worden) opgelost\b|\bmaatregelen (?:getroffen|genomen)\b|\btegemoetgekomen\b")
        .expect("valid regex")
});

/// A decision taken on the outcome: "daarom is gekozen voor", "de datum is
/// verschoven", "in overleg met … afgesproken" (beyond the `opvolging` list).
static BESLUIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:daarom|om die reden|daarop|vandaar)\b[^.;]{0,60}?\b(?:gekozen|besloten|aangepast|verschoven|uitgesteld|opgenomen)\b|\b(?:is|zijn) (?:daarom )?(?:aangepast|verschoven|uitgesteld|geschrapt|vereenvoudigd)\b|\b(?:wordt|worden) daarom (?:aangepast|verschoven|uitgesteld)\b|\b(?:is|zijn) (?:daarom )?(?:opgenomen|toegevoegd) (?:in|aan)\b|\bafgesproken\b")
        .expect("valid regex")
});

/// Mitigation or a decision in the text of a sentence.
fn reactie(text: &str) -> bool {
    MITIGATIE.is_match(text) || BESLUIT.is_match(text)
}

/// The government as the subject of an explanation.
static KABINET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:het kabinet|de regering|de minister|de staatssecretaris|ik|wij)\b")
        .expect("valid regex")
});

/// The organisation nearest to `at` among `ms`.
fn nearest<'v, 'a: 'v>(
    ms: impl IntoIterator<Item = &'v Vermelding<'a>>,
    at: usize,
) -> Option<&'v Vermelding<'a>> {
    ms.into_iter().min_by_key(|m| {
        if m.range.end <= at {
            at - m.range.end
        } else {
            m.range.start.saturating_sub(at)
        }
    })
}

impl Rule for ComplyOrExplainUitvoeringstoets {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let Some(prepared) = ctx.prepared(Which::Toelichting) else {
            return;
        };
        let outcomes: Vec<_> = ctx
            .data
            .toets_outcomes()
            .find_in_prepared(prepared)
            .into_iter()
            .filter(|o| o.kind != UitkomstSoort::Veld)
            .collect();
        if outcomes.is_empty() {
            return;
        }
        let toets_hits = ctx.toetsen(Which::Toelichting);
        let ms = vermeldingen(ctx, Which::Toelichting);
        let relevant = |m: &&Vermelding<'_>| {
            is_uitvoerder(ctx.data, m.org)
                || is_decentraal(m.org)
                || is_vertegenwoordiger(ctx.data, m.org)
        };
        let opvolging = ctx.signals(Which::Toelichting, "opvolging");
        let quote = |offset: usize| {
            ctx.block_at(Which::Toelichting, offset)
                .is_some_and(|b| b.kind == BlockKind::Quote)
        };
        let own_sentences: Vec<Span> = toelichting_zinnen(ctx, true)
            .into_iter()
            .flat_map(|(_, s)| s)
            .collect();
        let uitvoering = ctx.sections_with(SectionKey::Uitvoering);
        let decentraal = ctx.sections_with(SectionKey::Decentraal);
        let doc_nl = document_nl(t.doc);
        let mut gemeld: Vec<(Option<usize>, String)> = Vec::new();

        for o in &outcomes {
            let Some(block) = ctx.block_at(Which::Toelichting, o.range.start) else {
                continue;
            };
            let sents = sentences(t.text, block.text);
            let Some(s) = sents
                .iter()
                .copied()
                .find(|s| s.start <= o.range.start && o.range.start < s.end)
            else {
                continue;
            };
            let before = NormalizedText::new(t.text.get(s.start..o.range.start).unwrap_or(""));
            if ONTKEND.is_match(before.as_str()) {
                continue;
            }
            let sec = t.doc.section_at(o.range.start);
            let sec_span = sec
                .and_then(|i| t.doc.sections.get(i))
                .map_or(block.text, |x| x.span);
            let inside = |span: Span, r: &Range<usize>| span.start <= r.start && r.end <= span.end;
            let dist = |r: &Range<usize>| {
                if r.end <= o.range.start {
                    o.range.start - r.end
                } else {
                    r.start.saturating_sub(o.range.start)
                }
            };
            // The toets the outcome belongs to: in the sentence, the paragraph, or
            // earlier in the section.
            let toets = toets_hits
                .iter()
                .filter(|h| inside(s, &h.range))
                .min_by_key(|h| dist(&h.range))
                .or_else(|| {
                    toets_hits
                        .iter()
                        .filter(|h| inside(block.text, &h.range))
                        .min_by_key(|h| dist(&h.range))
                })
                .or_else(|| {
                    toets_hits
                        .iter()
                        .rfind(|h| inside(sec_span, &h.range) && h.range.end <= o.range.start)
                });
            let in_s: Vec<&Vermelding<'_>> = ms.iter().filter(|m| inside(s, &m.range)).collect();
            let in_block: Vec<&Vermelding<'_>> =
                ms.iter().filter(|m| inside(block.text, &m.range)).collect();
            // An advice (Raad van State, ATR, AP) is PROC-002's business.
            if toets.is_some_and(|h| !UITVOERINGSTOETSEN.contains(&h.toets_id)) {
                continue;
            }
            if nearest(in_s.iter().copied(), o.range.start)
                .is_some_and(|m| m.org.vorm == Vorm::Adviescollege)
                && toets.is_none()
            {
                continue;
            }
            let owner = nearest(in_s.iter().copied().filter(relevant), o.range.start)
                .or_else(|| nearest(in_block.iter().copied().filter(relevant), o.range.start));
            if toets.is_none() {
                let in_uitv =
                    sec.is_some_and(|i| uitvoering.contains(&i) || decentraal.contains(&i));
                if !(in_uitv && owner.is_some()) {
                    continue;
                }
            }
            // Follow-up in the same sentence.
            let norm_s = NormalizedText::new(t.slice(s));
            if opvolging.iter().any(|h| inside(s, &h.range))
                || reactie(norm_s.as_str())
                || BESLUIT.is_match(norm_s.as_str())
            {
                continue;
            }
            // Later in the same section, in the government's own text.
            let later = own_sentences
                .iter()
                .filter(|x| x.start >= s.end && x.end <= sec_span.end);
            let mut followed = opvolging.iter().any(|h| {
                h.range.start >= s.end && h.range.end <= sec_span.end && !quote(h.range.start)
            });
            if !followed {
                followed = later.clone().any(|x| {
                    let n = NormalizedText::new(t.slice(*x));
                    reactie(n.as_str())
                        || (uitleg_in(ctx, Which::Toelichting, *x) && KABINET.is_match(n.as_str()))
                });
            }
            // Anywhere else (also the artikelsgewijze toelichting): a follow-up
            // sentence about the same organisation or toets.
            if !followed {
                let nummer = sec
                    .and_then(|i| t.doc.sections.get(i))
                    .and_then(|x| x.number.clone());
                followed = own_sentences.iter().any(|x| {
                    let marker = opvolging.iter().any(|h| inside(*x, &h.range))
                        || reactie(NormalizedText::new(t.slice(*x)).as_str());
                    if !marker {
                        return false;
                    }
                    let same = match owner {
                        Some(w) => ms
                            .iter()
                            .any(|m| m.org.id() == w.org.id() && inside(*x, &m.range)),
                        None => toets_hits.iter().any(|h| {
                            inside(*x, &h.range)
                                && toets.is_some_and(|tt| tt.toets_id == h.toets_id)
                        }),
                    };
                    let verwijzing = nummer
                        .as_deref()
                        .is_some_and(|n| t.slice(*x).contains(&format!("paragraaf {n}")));
                    same || verwijzing
                });
            }
            if followed {
                continue;
            }
            let key = owner
                .map(|w| w.org.id().to_string())
                .or_else(|| toets.map(|h| h.toets_id.to_string()))
                .unwrap_or_default();
            if gemeld.iter().any(|(s2, k)| *s2 == sec && *k == key) {
                continue;
            }
            gemeld.push((sec, key));

            let uitkomst = t.text.get(o.range.clone()).unwrap_or("").trim().to_string();
            // The organisation as written in the toelichting ("het UWV").
            let owner_name = owner.map(|w| {
                let written = t.text.get(w.range.clone()).unwrap_or("").trim();
                match lidwoord(t.text, &w.range) {
                    "" => written.to_string(),
                    l => format!("{l} {written}"),
                }
            });
            let wie = match (toets, &owner_name) {
                (Some(h), owner_name) => {
                    // The toets as written ("uitvoeringstoets", "UDO"), or its
                    // name from the data when the text uses a verb ("getoetst op
                    // uitvoerbaarheid").
                    let written = t.text.get(h.range.clone()).unwrap_or("").trim();
                    let lw = written.to_lowercase();
                    let noun = lw.contains("toets")
                        || lw.contains("analyse")
                        || lw.contains("reactie")
                        || written.chars().filter(|c| c.is_uppercase()).count() >= 2;
                    let mut naam = if noun && !lw.starts_with("getoetst") {
                        written.to_string()
                    } else {
                        ctx.data
                            .toets(h.toets_id)
                            .map_or("toets", |d| d.naam.as_str())
                            .to_string()
                    };
                    let mut cs = naam.chars();
                    if let (Some(c0), Some(c1)) = (cs.next(), cs.next())
                        && c1.is_lowercase()
                    {
                        naam = c0.to_lowercase().collect::<String>()
                            + naam.get(c0.len_utf8()..).unwrap_or("");
                    }
                    let owner_inside = owner
                        .is_some_and(|w| inside(Span::new(h.range.start, h.range.end), &w.range));
                    match owner_name {
                        Some(n) if !owner_inside => format!("De {naam} van {n}"),
                        _ => format!("De {naam}"),
                    }
                }
                (None, Some(n)) => capitalize(n),
                (None, None) => "De toets".to_string(),
            };
            let message =
                format!("{wie} meldt '{uitkomst}', maar {doc_nl} zegt niet wat daarmee is gedaan.");
            let help = "Schrijf direct na de uitkomst wat ermee is gedaan: welke aanpassing van het voorstel of welke \
                        afspraak met de uitvoerder, of waarom het kabinet de uitkomst niet volgt (comply or explain).";
            let met = owner_name
                .as_deref()
                .map(|n| format!(" met {n}"))
                .unwrap_or_default();
            let at = block.span.end.min(t.text.len());
            let fix = FixSpec {
                title: "Voeg een alinea over de opvolging toe".to_string(),
                safe: false,
                edits: vec![FixEdit {
                    which: Which::Toelichting,
                    span: Span::new(at, at),
                    content: format!(
                        "\n\n[Opvolging: wat is met deze uitkomst gedaan? Is het voorstel aangepast, is iets afgesproken{met}, \
                         of waarom volgt het kabinet de uitkomst niet?]"
                    ),
                }],
            };
            out.push(
                Finding::new(
                    Which::Toelichting,
                    Span::new(o.range.start, o.range.end),
                    message,
                )
                .help(help)
                .fix(fix),
            );
        }
    }
}
