use std::sync::LazyLock;

use wetlint_data::UitkomstSoort;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use super::common::{self, Zin, re};
use crate::rule::{Category, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of de toelichting zegt wat er is gedaan met een kritisch of
    /// voorwaardelijk advies van een (wettelijk) adviesorgaan: de Afdeling
    /// advisering van de Raad van State, de Autoriteit Persoonsgegevens, het
    /// Adviescollege toetsing regeldruk, het Adviescollege ICT-toetsing, de Raad
    /// voor de rechtspraak, de Algemene Rekenkamer, de Kiesraad, het College
    /// voor de Rechten van de Mens, de Raad voor het Openbaar Bestuur, de WRR,
    /// de NOvA, de VNG, het IPO, de Unie van Waterschappen of de
    /// bestuurscolleges van Bonaire, Sint Eustatius en Saba.
    ///
    /// Kritisch is een zin die zo'n adviseur noemt (of na een zin of kop die
    /// hem noemt met "zij" of "de Afdeling" verdergaat) met:
    /// - een dictum of uitkomst uit `toetsen.toml` ("niet indienen", "indienen
    ///   nadat met de adviespunten rekening is gehouden", "ernstige bezwaren",
    ///   "dragende motivering", "niet … in te dienen, tenzij");
    /// - een aanbeveling: "adviseert / adviseerde / raadt aan / beveelt aan /
    ///   vraagt … te …" ("adviseert artikel 3 te schrappen");
    /// - of een bezwaar: "heeft bezwaren", "acht … onvoldoende", "plaatst
    ///   kanttekeningen", "betwijfelt", "is niet overtuigd".
    ///
    /// Als opvolging telt een woord uit de lijst `opvolging` ("naar aanleiding
    /// van het advies", "is overgenomen", "niet overgenomen, omdat"), of
    /// "naar aanleiding daarvan", "dat advies is gevolgd", "is artikel 4
    /// aangepast", "zoals de AP heeft geadviseerd", "het kabinet deelt die
    /// opvatting niet, omdat …":
    /// - in dezelfde zin;
    /// - verderop in dezelfde paragraaf, in de eigen tekst van de regering (niet
    ///   in een citaat);
    /// - of elders in de toelichting, ook in het artikelsgewijze deel, in een
    ///   zin die dezelfde adviseur noemt of bij het artikel staat dat het advies
    ///   noemt.
    ///
    /// De regel zwijgt bij een positief dictum ("adviseert het voorstel in te
    /// dienen", "heeft geen bezwaren", "geen opmerkingen"), bij reacties uit
    /// de internetconsultatie (geen adviesorgaan), en bij uitkomsten van een
    /// uitvoeringstoets, U&H-toets, UDO of impactanalyse: die vallen onder
    /// UITV-005. Eén melding per adviseur per paragraaf.
    ///
    /// ## Waarom
    /// Wordt op hoofdpunten afgeweken van een wettelijk voorgeschreven advies,
    /// dan motiveert de toelichting dat (Aanwijzing 4.44). De Schrijfwijzer
    /// vraagt per advies wat ermee is gedaan. Een kritisch advies zonder
    /// reactie laat de Kamer en de Raad van State raden of het voorstel is
    /// aangepast of dat het kabinet het advies bewust naast zich neerlegt
    /// (comply or explain).
    ///
    /// ## Voorbeeld
    /// "De Autoriteit Persoonsgegevens adviseert de bewaartermijn in de wet zelf
    /// vast te leggen." Daarna gaat de paragraaf verder met het advies van het
    /// ATR, zonder te zeggen of de bewaartermijn nu in de wet staat.
    ///
    /// ## In plaats daarvan
    /// Schrijf direct na het advies wat ermee is gedaan: "Dat advies is
    /// overgenomen: artikel 12 bevat nu een bewaartermijn van vijf jaar." Of,
    /// als het advies niet wordt gevolgd: "Het kabinet volgt dit advies niet,
    /// omdat …".
    ///
    /// ## Bron
    /// Aanwijzing 4.44 van de Aanwijzingen voor de regelgeving; Schrijfwijzer
    /// memorie van toelichting §11; artikel 36, vierde lid, AVG (advies van de
    /// AP); Instellingswet Adviescollege toetsing regeldruk.
    pub struct AdviesAfwijkingGemotiveerd {
        code: "PROC-002",
        name: "advies-afwijking-gemotiveerd",
        category: Category::Proces,
        summary: "Kritisch advies zonder vermelde opvolging",
        severity: [W, W, W, OFF],
        status: Status::Stable,
        scope: Scope::Toelichting,
        aanwijzingen: &["4.44"],
        aliases: &[],
    }
}

/// The advisory bodies this rule follows (ids in `organisaties.toml`), with
/// the name used in messages.
const ADVISEURS: [(&str, &str); 15] = [
    (
        "raad-van-state",
        "de Afdeling advisering van de Raad van State",
    ),
    ("ap", "de Autoriteit Persoonsgegevens"),
    ("atr", "het Adviescollege toetsing regeldruk"),
    ("acict", "het Adviescollege ICT-toetsing"),
    ("raad-voor-de-rechtspraak", "de Raad voor de rechtspraak"),
    ("algemene-rekenkamer", "de Algemene Rekenkamer"),
    ("kiesraad", "de Kiesraad"),
    (
        "college-rechten-mens",
        "het College voor de Rechten van de Mens",
    ),
    ("rob", "de Raad voor het Openbaar Bestuur"),
    ("wrr", "de Wetenschappelijke Raad voor het Regeringsbeleid"),
    ("nova", "de Nederlandse orde van advocaten"),
    ("vng", "de VNG"),
    ("ipo", "het IPO"),
    ("uvw", "de Unie van Waterschappen"),
    ("bestuurscollege", "de bestuurscolleges"),
];

/// Toetsen whose outcomes UITV-005 reads.
const UITVOERINGSTOETSEN: [&str; 6] = [
    "uitvoeringstoets",
    "u-en-h",
    "huf",
    "udo",
    "impactanalyse",
    "doenvermogentoets",
];

/// Advice toetsen and the body that gives them.
const ADVIES_TOETSEN: [(&str, &str); 5] = [
    ("rvs", "raad-van-state"),
    ("ap-advies", "ap"),
    ("regeldruk", "atr"),
    ("ict", "acict"),
    ("rechtspraak", "raad-voor-de-rechtspraak"),
];

/// Outcomes that belong to an advice.
const ADVIES_UITKOMSTEN: [&str; 4] = [
    "atr-indienen-nadat",
    "atr-niet-indienen",
    "rvs-bezwaren",
    "rvs-niet-indienen-tenzij",
];

/// "de Afdeling" (the Afdeling advisering), case-sensitive.
static AFDELING: LazyLock<Regex> = LazyLock::new(|| re(r"\b[Dd]e Afdeling\b"));

/// A sentence that continues about the body named before it.
static VERWIJZEND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:zij|ze|hij|het college|de afdeling|het adviescollege|de raad|de autoriteit|het atr|de ap)\b|^(?:daarnaast|verder|voorts|tevens|ook|ten slotte|tot slot|ten eerste|ten tweede|ten derde)\b[^.;]{0,20}\b(?:adviseer\w*|beveelt|raadt|vraagt|vroeg|acht|heeft)\s+(?:zij|ze|hij|de afdeling|het college)\b",
    )
});

/// A recommendation: an advice verb with an infinitive ("adviseert … te schrappen").
static AANBEVELING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:adviseert|adviseerde|adviseren|adviseerden|geadviseerd|raadt|raadde|raden|aangeraden|beveelt|beval|bevelen|aanbevolen|vraagt|vroeg|vragen|vroegen|verzoekt|verzocht)\b[^.;]{0,220}?\bte [a-zë]{3,}",
    )
});
/// Asking for an advice is no advice: "vraagt de AP om advies te geven".
static ADVIES_GEVRAAGD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bom (?:een |haar |zijn )?(?:advies|voorlichting)\b|\bte adviseren\b|\badvies (?:uit )?te brengen\b|\badvies te (?:geven|vragen)\b",
    )
});
/// A sentence whose subject is the government, not the advisory body.
static REGERING_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:het kabinet|de regering|de minister|de staatssecretaris|ik|wij|het voorstel|dit voorstel|het wetsvoorstel)\b",
    )
});
/// The positive dictum: "adviseert het voorstel (bij de Tweede Kamer) in te dienen".
static POSITIEF_DICTUM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:adviseert|adviseerde|geadviseerd)\b[^.;]{0,60}?\b(?:het|dit) (?:voorstel|wetsvoorstel|ontwerp|ontwerpbesluit|besluit|regeling)\b(?: van wet)?(?: bij de tweede kamer(?: der staten-generaal)?)? (?:in te dienen|vast te stellen)\b",
    )
});
/// Words that make a positive dictum conditional.
static VOORWAARDE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:niet|tenzij|nadat|maar|mits|onder voorwaarde)\b"));
/// Objections.
static BEZWAAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bheeft (?:ernstige |enkele |een aantal |fundamentele )?bezwaren\b|\bmaakt bezwaar\b|\bacht\b[^.;]{0,100}?\b(?:onvoldoende|niet (?:noodzakelijk|proportioneel|gerechtvaardigd|voldoende|aangetoond|wenselijk))\b|\bplaatst (?:\w+ )?kanttekeningen\b|\bis kritisch\b|\bbetwijfelt\b|\bheeft (?:ernstige )?twijfels\b|\bis (?:niet|onvoldoende) overtuigd\b|\bvindt\b[^.;]{0,80}?\bonvoldoende\b|\bmist\b[^.;]{0,80}?\b(?:onderbouwing|motivering|analyse)\b|\bwijst op (?:het risico|risico's|de risico's)\b|\bdictum\b[^.;]{0,20}?\bniet\b",
    )
});

/// Follow-up beyond the `opvolging` list, one alternative per line.
const OPVOLGING_VORMEN: [&str; 16] = [
    r"\bnaar aanleiding (?:daarvan|hiervan|hierop|daarop|van (?:dit|dat|het|deze|die|zijn|haar) (?:advies|adviezen|opmerking\w*|aanbeveling\w*|punt\w*|adviespunt\w*))\b",
    r"\b(?:advies|adviezen|aanbeveling(?:en)?|opmerking(?:en)?|adviespunt(?:en)?|suggestie|punt)\b[^.;]{0,80}?\b(?:overgenomen|opgevolgd|gevolgd|verwerkt|ter harte genomen|niet gevolgd)\b",
    r"\b(?:volgt|volgen|neemt|nemen)\b[^.;]{0,60}?\b(?:advies|aanbeveling\w*)\b",
    r"\b(?:is|zijn)\b[^.;]{0,60}?\b(?:aangepast|aangevuld|gewijzigd|verduidelijkt|geschrapt|heroverwogen|toegevoegd)\b",
    r"\b(?:heeft|hebben)\b[^.;]{0,60}?\b(?:aangepast|aangevuld|gewijzigd|verduidelijkt|geschrapt|toegevoegd|overgenomen|verwerkt)\b",
    r"\b(?:heeft|hebben) geleid tot\b|\bleidde tot\b",
    r"\bzoals\b[^.;]{0,80}?\b(?:geadviseerd|aanbevolen|gevraagd|voorgesteld)\b",
    r"\bop (?:advies|aanraden|verzoek) van\b|\b(?:conform|overeenkomstig|in lijn met) (?:het|dit|dat) advies\b",
    r"\b(?:het kabinet|de regering|de minister|de staatssecretaris|ik|wij)\b[^.;]{0,60}?\b(?:deelt|deel|delen|volgt|volg|ziet|zie|acht|kiest|heeft gekozen|houdt|handhaaft|onderschrijft|onderschrijf|onderschrijven|erkent)\b",
    r"\b(?:is|wordt|blijft) gehandhaafd\b",
    r"\btegemoetgekomen\b",
    r"\b(?:hiermee|daarmee) (?:is|wordt) (?:aan|rekening|tegemoet)\b",
    r"\bin reactie (?:op|hierop|daarop)\b",
    r"\brekening (?:mee )?gehouden\b",
    r"\bgeeft\b[^.;]{0,40}?\bgevolg\b|\bgevolg gegeven\b",
    r"\buitvoering aan (?:dit|dat|het|deze) advies\b",
];
static OPVOLGING: LazyLock<Regex> = LazyLock::new(|| re(&OPVOLGING_VORMEN.join("|")));

/// The bodies named in a sentence (ids), in text order.
fn adviseurs_in(ctx: &Context<'_>, t: crate::Source<'_>, z: &Zin) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for h in ctx.orgs(Which::Toelichting) {
        if !z.bevat(h.range.start, h.range.end) {
            continue;
        }
        if let Some((id, _)) = ADVISEURS.iter().find(|(id, _)| *id == h.org_id)
            && !ids.contains(id)
        {
            ids.push(id);
        }
    }
    for h in ctx.toetsen(Which::Toelichting) {
        if !z.bevat(h.range.start, h.range.end) {
            continue;
        }
        if let Some((_, body)) = ADVIES_TOETSEN.iter().find(|(id, _)| *id == h.toets_id)
            && !ids.contains(body)
        {
            ids.push(body);
        }
    }
    if AFDELING.is_match(t.slice(z.span)) && !ids.contains(&"raad-van-state") {
        ids.push("raad-van-state");
    }
    ids
}

/// The critical part of a sentence, if any (original span).
fn kritiek(z: &Zin, uitkomsten: &[(Span, &'static str)]) -> Option<Span> {
    let outcome = uitkomsten
        .iter()
        .find(|(s, _)| z.bevat(s.start, s.end))
        .map(|(s, _)| *s);
    if outcome.is_some() {
        return outcome;
    }
    let n = z.tekst();
    if let Some(m) = BEZWAAR.find(n)
        && !common::ontkend(n.get(..m.start()).unwrap_or(""))
    {
        return z.vind(&BEZWAAR);
    }
    if let Some(m) = AANBEVELING.find(n) {
        if ADVIES_GEVRAAGD.is_match(m.as_str()) || REGERING_SUBJECT.is_match(n) {
            return None;
        }
        let from = m.start();
        let tail = n.get(from..).unwrap_or("");
        if let Some(p) = POSITIEF_DICTUM.find(tail)
            && p.start() == 0
        {
            if !VOORWAARDE.is_match(tail) {
                return None;
            }
            // A conditional dictum: quote it up to the end of the sentence.
            let start = z.vind(&AANBEVELING).map_or(z.span.start, |s| s.start);
            let end = z.span.end - usize::from(z.span.end > start && n.ends_with('.'));
            return Some(Span::new(start, end.max(start)));
        }
        return z.vind(&AANBEVELING);
    }
    None
}

/// Advice outcomes (negative or conditional) in the toelichting.
fn outcomes(ctx: &Context<'_>) -> Vec<(Span, &'static str)> {
    let Some(p) = ctx.prepared(Which::Toelichting) else {
        return Vec::new();
    };
    ctx.data
        .toets_outcomes()
        .find_in_prepared(p)
        .into_iter()
        .filter(|o| o.kind != UitkomstSoort::Veld)
        .filter_map(|o| {
            ADVIES_UITKOMSTEN
                .iter()
                .find(|id| **id == o.outcome_id)
                .map(|id| (Span::new(o.range.start, o.range.end), *id))
        })
        .collect()
}

/// True when sentence `z` follows an advice up.
fn volgt_op(ctx: &Context<'_>, z: &Zin) -> bool {
    z.eigen() && (common::signaal_in(ctx, "opvolging", z.span) || z.heeft(&OPVOLGING))
}

impl Rule for AdviesAfwijkingGemotiveerd {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t) = ctx.toelichting else { return };
        let zinnen = common::zinnen(t);
        let doc_nl = common::document_nl(t.doc);
        let uitkomsten = outcomes(ctx);
        let mut gemeld: Vec<(Option<usize>, &'static str)> = Vec::new();
        // Bodies named by the heading of each section.
        let kop_adviseur = |section: Option<usize>| -> Option<&'static str> {
            let s = section?;
            let path = t.doc.section_path(s);
            path.iter().rev().find_map(|&p| {
                let sec = t.doc.sections.get(p)?;
                zinnen
                    .iter()
                    .find(|z| {
                        z.kind == BlockKind::Heading
                            && z.span.start >= sec.heading.start
                            && z.span.end <= sec.heading.end
                    })
                    .and_then(|z| adviseurs_in(ctx, t, z).first().copied())
            })
        };

        for (i, z) in zinnen.iter().enumerate() {
            if z.kind == BlockKind::Heading {
                continue;
            }
            // Outcomes of an uitvoeringstoets are UITV-005's.
            if common::toets_in(ctx, &UITVOERINGSTOETSEN, z.span) {
                continue;
            }
            let in_z = adviseurs_in(ctx, t, z);
            let adviseur = match in_z.first() {
                Some(a) => *a,
                None => {
                    if !z.heeft(&VERWIJZEND) {
                        continue;
                    }
                    let vorige = i
                        .checked_sub(1)
                        .and_then(|j| zinnen.get(j))
                        .filter(|p| p.block == z.block || p.section == z.section)
                        .and_then(|p| adviseurs_in(ctx, t, p).first().copied());
                    match vorige.or_else(|| kop_adviseur(z.section)) {
                        Some(a) => a,
                        None => continue,
                    }
                }
            };
            let Some(marker) = kritiek(z, &uitkomsten) else {
                continue;
            };
            if gemeld
                .iter()
                .any(|(s, a)| *s == z.section && *a == adviseur)
            {
                continue;
            }
            // Follow-up in the same sentence.
            if volgt_op(ctx, z) {
                continue;
            }
            // Later in the same section (or block, without sections).
            let mut gevolgd = zinnen[i + 1..]
                .iter()
                .take_while(|x| {
                    if z.section.is_some() {
                        x.section.is_some_and(|s| {
                            s == z.section.unwrap_or(usize::MAX)
                                || t.doc
                                    .section_path(s)
                                    .contains(&z.section.unwrap_or(usize::MAX))
                        })
                    } else {
                        x.block == z.block || x.section.is_none()
                    }
                })
                .any(|x| {
                    volgt_op(ctx, x)
                        || (x.eigen() && common::uitleg_in(ctx, x.span) && x.heeft(&KABINET))
                });
            // Elsewhere: the same body, or the article the advice names.
            if !gevolgd {
                let artikelen: Vec<String> = ARTIKEL
                    .captures_iter(z.tekst())
                    .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
                    .collect();
                gevolgd = zinnen.iter().enumerate().any(|(j, x)| {
                    if j == i || !volgt_op(ctx, x) {
                        return false;
                    }
                    if adviseurs_in(ctx, t, x).contains(&adviseur) {
                        return true;
                    }
                    x.artikelsgewijs
                        && !artikelen.is_empty()
                        && t.doc.toelichting_articles.iter().any(|ta| {
                            ta.span.start <= x.span.start
                                && x.span.end <= ta.span.end
                                && ta
                                    .keys
                                    .iter()
                                    .any(|k| artikelen.contains(&k.article.to_lowercase()))
                        })
                });
            }
            if gevolgd {
                continue;
            }
            gemeld.push((z.section, adviseur));
            let naam = ADVISEURS
                .iter()
                .find(|(id, _)| *id == adviseur)
                .map_or("het adviesorgaan", |(_, n)| n);
            let gezegd = kort(t.slice(marker));
            let citaat = if z.eigen() { "" } else { "aangehaalde " };
            let at = t
                .doc
                .blocks
                .get(z.block)
                .map_or(z.span.end, |b| b.span.end)
                .min(t.text.len());
            let fix = FixSpec {
                title: "Voeg een alinea over de opvolging van het advies toe".to_string(),
                safe: false,
                edits: vec![FixEdit {
                    which: Which::Toelichting,
                    span: Span::new(at, at),
                    content: format!(
                        "\n\n[Reactie op het advies van {naam}: is het overgenomen, en waar in het voorstel? Zo niet, \
                         waarom niet?]"
                    ),
                }],
            };
            let mut f = Finding::new(
                Which::Toelichting,
                marker,
                format!(
                    "Het {citaat}advies van {naam} ('{gezegd}') staat in {doc_nl} zonder te zeggen of het is \
                     overgenomen, en zo niet, waarom niet (Ar 4.44)."
                ),
            )
            .help(
                "Schrijf direct na het advies wat ermee is gedaan: welke aanpassing van het voorstel, of waarom het \
                 kabinet het advies niet volgt (comply or explain).",
            )
            .fix(fix);
            // The article of the regulation the advice is about.
            if let Some(r) = ctx.regeling {
                for c in ARTIKEL.captures_iter(z.tekst()).take(1) {
                    let Some(num) = c.get(1).map(|m| m.as_str()) else {
                        continue;
                    };
                    if let Some((_, a)) = r
                        .doc
                        .own_articles()
                        .find(|(_, a)| a.number.eq_ignore_ascii_case(num))
                    {
                        f = f.related(
                            Which::Regeling,
                            a.heading,
                            format!("Artikel {}, waarover het advies gaat", a.number),
                        );
                    }
                }
            }
            out.push(f);
        }
    }
}

/// The government as the subject of an explanation.
static KABINET: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:het kabinet|de regering|de minister|de staatssecretaris|ik|wij)\b"));

/// Article numbers named in a sentence ("artikel 3", "artikel 4.1").
static ARTIKEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"\bartikel (\d+(?:\.\d+)?[a-z]?|[ivxlc]+)\b"));

/// A marker shortened for a message: at most eight words.
fn kort(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!(
            "{} … {}",
            words[..4].join(" "),
            words[words.len() - 3..].join(" ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        let n = |s: &str| wetlint_data::normalize::normalize(s);
        assert!(AANBEVELING.is_match(&n(
            "De AP adviseert de bewaartermijn in de wet vast te leggen."
        )));
        let d = n("Het ATR heeft op 20 juni 2025 geadviseerd het voorstel in te dienen.");
        let m = AANBEVELING.find(&d).expect("aanbeveling");
        assert!(
            POSITIEF_DICTUM
                .find(&d[m.start()..])
                .is_some_and(|p| p.start() == 0)
        );
        assert!(BEZWAAR.is_match(&n(
            "De Afdeling heeft ernstige bezwaren tegen het voorstel."
        )));
        assert!(!BEZWAAR.is_match(&n("De AP heeft geen bezwaren.")));
        assert!(OPVOLGING.is_match(&n("Naar aanleiding daarvan is paragraaf 2.2 aangevuld.")));
        assert!(OPVOLGING.is_match(&n("Het kabinet heeft het voorstel op dit punt aangepast.")));
        assert!(OPVOLGING.is_match(&n(
            "Het vierde lid beperkt het gebruik, zoals de AP heeft geadviseerd."
        )));
        let v = n("Het kabinet vraagt de AP om advies te geven over de bewaartermijn.");
        let m = AANBEVELING.find(&v).expect("match");
        assert!(ADVIES_GEVRAAGD.is_match(m.as_str()) || REGERING_SUBJECT.is_match(&v));
        assert!(VERWIJZEND.is_match(&n("Zij adviseert verder om de termijn te verkorten.")));
        assert_eq!(kort("a b c d e f g h i j"), "a b c d … h i j");
    }
}
