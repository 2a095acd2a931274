use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{Article, DocumentKind, Span};

use super::slot::{
    article_body, article_name, article_name_cap, has_quotes, in_quotes, is_amending,
    is_checked_regulation, is_placeholder_article, iwt_sentences,
};
use crate::rule::{Category, I, Profile, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Finding, Findings, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// De opbouw van wijzigingsartikelen:
    ///
    /// - een regeling die alleen andere regelingen wijzigt of intrekt, nummert
    ///   haar artikelen met Romeinse cijfers (Ar 6.6, eerste lid); een nieuwe
    ///   regeling die daarnaast andere regelingen wijzigt, nummert ook die
    ///   wijzigingsartikelen Arabisch (tweede lid);
    /// - de Romeinse artikelen lopen door zonder gat of dubbel nummer (I, II,
    ///   III; een ingevoegd artikel IIa mag);
    /// - één artikel per te wijzigen regeling (Ar 6.15, eerste lid), tenzij de
    ///   inwerkingtreding de artikelen apart noemt (gefaseerde invoering);
    /// - de wijzigingen binnen een artikel heten A, B, C, … en na Z AA, BB, …
    ///   (of AA, AB, …), zonder gat, dubbel of verkeerde volgorde (Ar 6.15,
    ///   tweede lid);
    /// - elk onderdeel bevat een wijzigingsopdracht ("wordt vervangen door",
    ///   "komt te luiden", "vervalt", "wordt ingevoegd, luidende", "wordt
    ///   toegevoegd", "wordt als volgt gewijzigd", "wordt ingetrokken");
    /// - de te vervangen tekst staat tussen aanhalingstekens (aanwijzing 233
    ///   (2012));
    /// - bestaande artikelen worden niet vernummerd (Ar 6.18);
    /// - een artikel of onderdeel "vervalt", een hele regeling "wordt
    ///   ingetrokken"; "geschrapt", "verwijderd" en "komt te vervallen" zijn
    ///   geen modelwerkwoorden (aanwijzing 232 (2012); info);
    /// - de formule "laatstelijk gewijzigd bij" staat niet in het lichaam van
    ///   een wijzigingsregeling (aanwijzing 230 (2012)).
    ///
    /// De regel zwijgt over tekst die na "luidende:" of "komt te luiden:" als
    /// nieuwe tekst wordt ingevoegd, over vervanging van structuur ("het tweede
    /// lid wordt vervangen door twee leden, luidende:", "de punt aan het slot
    /// wordt vervangen door een puntkomma"), over het vernummeren van leden en
    /// onderdelen (dat mag), over een omvangrijke aanpassings- of
    /// invoeringsregeling met hoofdstukken (die mag anders nummeren, Ar 6.6,
    /// derde lid) en over plaatshouders van een geconsolideerde tekst
    /// ("Wijzigt de …"). Bij de auditcontrole van bestaande regelgeving
    /// (profiel batch) meldt zij geen gaten in de Romeinse nummering: een
    /// geconsolideerde tekst laat uitgewerkte artikelen weg.
    ///
    /// ## Waarom
    /// Een wijzigingsregeling is een reeks opdrachten aan de tekst van een
    /// andere regeling. Een vaste opbouw maakt elke opdracht eenduidig te
    /// vinden, toe te lichten ("Artikel I, onderdeel C") en te consolideren.
    /// Aanhalingstekens om de te vervangen tekst voorkomen twijfel over wat
    /// precies wordt vervangen; bestaande artikelnummers blijven staan omdat
    /// andere regelingen en rechtspraak ernaar verwijzen.
    ///
    /// ## Voorbeeld
    /// Artikel I met de onderdelen A, B en D (C ontbreekt), of: "In artikel 3
    /// wordt Omroepraad vervangen door Mediaraad."
    ///
    /// ## In plaats daarvan
    /// "Artikel I. De Wet … wordt als volgt gewijzigd: A. In artikel 3, tweede
    /// lid, wordt \"Omroepraad\" vervangen door: Mediaraad. B. Artikel 5
    /// vervalt." Voeg een nieuw artikel in met een letter ("artikel 12a") in
    /// plaats van bestaande artikelen te vernummeren.
    ///
    /// ## Bron
    /// Aanwijzingen 6.6, 6.15 en 6.18; aanwijzingen 230, 232 en 233 (2012).
    pub struct WijzigingsregelingStructuur {
        code: "LEG-014",
        name: "wijzigingsregeling-structuur",
        category: Category::Legistiek,
        summary: "De opbouw van een wijzigingsregeling wijkt af (Romeinse artikelen, onderdelen A, B, …)",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["6.6", "6.15", "6.18"],
        aliases: &[],
    }
}

/// A wijzigingsopdracht.
static OPDRACHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bvervangen\s+door\b|\b(?:komt|komen)\s+te\s+luiden\b|\bvervalt\b|\bvervallen\b|\bingevoegd\b|\btoegevoegd\b|\bals\s+volgt\s+gewijzigd\b|\bvernummerd\b|\b(?:ver)?letterd\b|\bingetrokken\b|\b(?:wordt|worden)\s+(?:\w+\s+){0,3}geplaatst\b|\bverplaatst\b|\bluidende\b")
        .expect("valid regex")
});
/// An unmistakable wijzigingsopdracht, for a Roman article without lettered
/// changes ("vervallen" alone also occurs in overgangsrecht).
static STERKE_OPDRACHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bvervangen\s+door\b|\b(?:komt|komen)\s+te\s+luiden\b|\b(?:wordt|worden)\s+(?:\w+\s+){0,4}?(?:ingevoegd|toegevoegd)\b|\bals\s+volgt\s+gewijzigd\b")
        .expect("valid regex")
});
/// The instruction introduces new text on the following lines.
static NIEUWE_TEKST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bluidende|\bte\s+luiden|\bvervangen\s+door)\s*:\s*$").expect("valid regex")
});
static ITEM_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d+[.)]|[a-z]{1,2}[.)])\s+(?:In|Het|De|Onderdeel|Artikel|Na|Aan|Voor|Onder|Er|Onderdelen|Artikelen)\b")
        .expect("valid regex")
});
static NIET_MODEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:wordt|worden)\s+(?:\w+\s+){0,3}?(?:geschrapt|verwijderd|doorgehaald)|(?:komt|komen)\s+te\s+vervallen|(?:wordt|worden)\s+gewijzigd\s+in)\b")
        .expect("valid regex")
});
static VERVANGEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bvervangen\s+door\b").expect("valid regex"));
/// Replacing structure rather than words needs no quotation marks.
static STRUCTUUR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:lid|leden|onderde(?:e)?l(?:en)?|artikel(?:en)?|zin|volzin|zinsdeel|aanhef|tabel|bijlage|hoofdstuk|paragraaf|afdeling|titel|punt|puntkomma|komma|dubbele|bedrag|bedragen|tekst|opsomming|formule|definitie|begripsbepaling|woorden|woord|aanduiding|cijfer|getal|jaartal|datum|percentage)\b")
        .expect("valid regex")
});
static ARTIKEL_VERNUMMERD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bartikel(?:en)?\s+[\w.:]+(?:\s*(?:,|en|tot\s+en\s+met)\s*[\w.:]+)*\s+(?:wordt|worden)\s+vernummerd\b|\bvernummering\s+van\s+(?:de\s+)?artikel(?:en)?\s+[\w.:]+(?:\s*(?:,|en|tot\s+en\s+met)\s*[\w.:]+)*\s+tot\b")
        .expect("valid regex")
});
/// "vernummering van artikel 5, tweede lid" renumbers a lid, which is fine.
static LID_NA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,\s*(?:\w+\s+)?(?:lid|leden|onderde(?:e)?l)").expect("valid regex")
});
static DEEL_INGETROKKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?:\d+[.)]\s+|[a-z][.)]\s+)?(?:Artikel|De\s+artikelen|Het\s+\w+\s+lid|Onderdeel|De\s+onderdelen|Hoofdstuk|Paragraaf|Afdeling|§)\b[^.;:]{0,80}?\b(?:wordt|worden)\s+ingetrokken\b")
        .expect("valid regex")
});
static LAATSTELIJK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\blaatstelijk\s+gewijzigd\s+bij\b").expect("valid regex"));
static DOEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?:\d+[.)]\s+)?(?:In\s+)?(?:[Dd]e|[Hh]et)\s+([A-Z][^.;:]{2,160}?)\s+(?:wordt|worden)\s+(?:als\s+volgt\s+)?gewijzigd\b|^\W*Wijzigt\s+(?:de|het)\s+([A-Z][^.;:]{2,160}?)\s*\.?\s*$")
        .expect("valid regex")
});
static GROOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:aanpassing|invoering|aanpassings|invoerings)").expect("valid regex")
});

impl Rule for WijzigingsregelingStructuur {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        if !is_checked_regulation(doc) {
            return;
        }
        let own: Vec<(usize, &Article)> = doc
            .own_articles()
            .filter(|(_, a)| !a.number.is_empty() && !a.number.eq_ignore_ascii_case("enig"))
            .collect();
        if own.is_empty() {
            return;
        }
        numbering(ctx, &r, &own, out);
        one_per_regulation(&r, &own, out);
        for (i, a) in &own {
            if !(is_amending(a) || a.is_roman() && STERKE_OPDRACHT.is_match(&article_body(&r, *i)))
            {
                continue;
            }
            labels(a, out);
            instructions(&r, *i, a, out);
        }
    }
}

/// Ar 6.6: Roman numbers for a pure wijzigingsregeling, Arabic for a new one.
fn numbering(ctx: &Context<'_>, r: &Source<'_>, own: &[(usize, &Article)], out: &mut Findings) {
    let doc = r.doc;
    let roman: Vec<&(usize, &Article)> = own.iter().filter(|(_, a)| a.is_roman()).collect();
    let with_text: Vec<&(usize, &Article)> = own
        .iter()
        .filter(|(i, _)| !is_placeholder_article(r, *i) || placeholder_amends(r, *i))
        .collect();
    let amending = with_text
        .iter()
        .filter(|(i, a)| is_amending(a) || placeholder_amends(r, *i) || intrekking(r, *i))
        .count();
    let large =
        doc.title.as_ref().is_some_and(|t| GROOT.is_match(&t.text)) || !doc.units.is_empty();
    if doc.kind() == DocumentKind::Wijzigingsregeling {
        if roman.is_empty() && !large && amending * 2 >= with_text.len().max(1) && amending > 0 {
            let (_, first) = own[0];
            out.push(Finding::new(
                Which::Regeling,
                first.heading,
                "Een regeling die alleen andere regelingen wijzigt, nummert haar artikelen met Romeinse cijfers (Artikel I, II, …).",
            )
            .help("Ar 6.6, eerste lid. Alleen een omvangrijke aanpassings- of invoeringsregeling mag anders nummeren."));
        }
    } else if !roman.is_empty() && roman.len() < own.len() {
        // A new regulation whose amending articles are Roman.
        if let Some((_, a)) = roman
            .iter()
            .find(|(i, a)| is_amending(a) || placeholder_amends(r, *i))
        {
            out.push(
                Finding::new(
                    Which::Regeling,
                    a.heading,
                    format!(
                        "{} is Romeins genummerd, maar in een nieuwe regeling krijgen ook de wijzigingsartikelen een Arabisch nummer.",
                        article_name_cap(a)
                    ),
                )
                .help("Ar 6.6, tweede lid: een nieuwe regeling die ook andere regelingen wijzigt, nummert alle artikelen Arabisch."),
            );
        }
    }
    // Gaps and duplicates in the Roman sequence.
    if roman.len() < 2 || roman.len() * 2 < own.len() {
        return;
    }
    let mut prev: Option<(u32, &Article)> = None;
    for (_, a) in roman {
        // Inserted articles ("IIa", "IIIA") keep the sequence.
        let Some(v) = wetlint_syntax::numbers::roman_value(&a.number) else {
            continue;
        };
        if let Some((p, pa)) = prev {
            if v == p {
                out.push(
                    Finding::new(
                        Which::Regeling,
                        a.heading,
                        format!("Artikel {} komt twee keer voor.", a.number),
                    )
                    .related(Which::Regeling, pa.heading, "Het eerste artikel met dit nummer.")
                    .help("Nummer de artikelen van een wijzigingsregeling doorlopend: I, II, III, … (Ar 6.6)."),
                );
            } else if v < p {
                out.push(
                    Finding::new(
                        Which::Regeling,
                        a.heading,
                        format!("Artikel {} staat na artikel {}; de nummering loopt terug.", a.number, pa.number),
                    )
                    .help("Nummer de artikelen van een wijzigingsregeling doorlopend: I, II, III, … (Ar 6.6)."),
                );
            } else if v > p + 1 && ctx.profile != Profile::Batch {
                let missing = super::slot::to_roman(p + 1);
                out.push(
                    Finding::new(
                        Which::Regeling,
                        a.heading,
                        format!(
                            "Na artikel {} volgt artikel {}; artikel {missing} ontbreekt.",
                            pa.number, a.number
                        ),
                    )
                    .help("Nummer de artikelen van een wijzigingsregeling doorlopend: I, II, III, … (Ar 6.6)."),
                );
            }
        }
        prev = Some((v, a));
    }
}

fn placeholder_amends(r: &Source<'_>, i: usize) -> bool {
    let body = article_body(r, i);
    let b = body.trim_start().to_lowercase();
    b.starts_with("wijzigt ") || b.starts_with("[wijzigt") || b.starts_with("bevat wijzigingen")
}

fn intrekking(r: &Source<'_>, i: usize) -> bool {
    let body = article_body(r, i).to_lowercase();
    body.contains("wordt ingetrokken") || body.contains("worden ingetrokken")
}

/// Ar 6.15, first lid: one article per amended regulation.
fn one_per_regulation(r: &Source<'_>, own: &[(usize, &Article)], out: &mut Findings) {
    let doc = r.doc;
    let mut targets: Vec<(String, &Article)> = Vec::new();
    // The text of the inwerkingtredingsartikelen, to see staged entry into force.
    let mut iwt_articles: Vec<usize> = iwt_sentences(r).iter().map(|s| s.article).collect();
    iwt_articles.dedup();
    let iwt: Vec<String> = iwt_articles.iter().map(|&i| article_body(r, i)).collect();
    // A large aanpassingsregeling may amend one law from several chapters;
    // placeholders of a consolidated text hide whether the entry into force
    // is staged.
    if doc.title.as_ref().is_some_and(|t| GROOT.is_match(&t.text)) || !doc.units.is_empty() {
        return;
    }
    for (index, a) in own {
        if !is_amending(a) {
            continue;
        }
        let Some(first) = super::slot::article_blocks(doc, *index).next() else {
            continue;
        };
        let t = r.slice(first.text);
        let Some(c) = DOEL.captures(t) else { continue };
        let Some(name) = c.get(1).or_else(|| c.get(2)) else {
            continue;
        };
        let key = normalize_name(name.as_str());
        if key.is_empty() || key.starts_with("artikel") {
            continue;
        }
        if let Some((_, earlier)) = targets.iter().find(|(k, _)| *k == key) {
            // Staged entry into force: the articles are named apart.
            let staged = iwt
                .iter()
                .any(|s| mentions_article(s, &earlier.number) || mentions_article(s, &a.number));
            if !staged {
                out.push(
                    Finding::new(
                        Which::Regeling,
                        a.heading,
                        format!(
                            "{} wijzigt opnieuw de {}, die ook in {} wordt gewijzigd; gebruik één artikel per te wijzigen regeling.",
                            article_name_cap(a),
                            name.as_str().trim(),
                            article_name(earlier)
                        ),
                    )
                    .related(Which::Regeling, earlier.heading, "Hier wordt dezelfde regeling gewijzigd.")
                    .help("Ar 6.15, eerste lid. Aparte artikelen zijn alleen zinvol als de wijzigingen op verschillende tijdstippen in werking treden."),
                );
            }
        } else {
            targets.push((key, a));
        }
    }
}

fn normalize_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn mentions_article(s: &str, number: &str) -> bool {
    let l = s.to_lowercase();
    let n = number.to_lowercase();
    l.match_indices("artikel").any(|(i, _)| {
        let rest = l[i..].trim_start_matches(|c: char| c.is_alphabetic());
        rest.trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w == n)
    }) || l.contains(&format!(" {n},")) && l.contains("artikelen")
}

/// True when `next` follows `prev` under the doubling scheme (Z, AA, BB) or
/// the running one (Z, AA, AB).
fn label_ok_after(prev: &str, next: &str) -> bool {
    successor_doubling(prev).as_deref() == Some(next)
        || successor_running(prev).as_deref() == Some(next)
}

fn successor_doubling(l: &str) -> Option<String> {
    let first = l.chars().next()?;
    if !l.chars().all(|c| c == first) || !first.is_ascii_uppercase() {
        return None;
    }
    if first == 'Z' {
        return Some("A".repeat(l.len() + 1));
    }
    let next = char::from(first as u8 + 1);
    Some(next.to_string().repeat(l.len()))
}

fn successor_running(l: &str) -> Option<String> {
    if l.is_empty() || !l.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut bytes: Vec<u8> = l.bytes().collect();
    let mut i = bytes.len();
    loop {
        if i == 0 {
            bytes.insert(0, b'A');
            break;
        }
        i -= 1;
        if bytes[i] == b'Z' {
            bytes[i] = b'A';
        } else {
            bytes[i] += 1;
            break;
        }
    }
    String::from_utf8(bytes).ok()
}

/// Ordering key of a main label: length first, then the first letter.
fn label_rank(l: &str) -> Option<(usize, u8)> {
    let first = l.chars().next()?;
    l.chars()
        .all(|c| c.is_ascii_uppercase())
        .then_some((l.len(), first as u8))
}

/// Ar 6.15, second lid: A, B, C, … without gaps, duplicates or disorder.
fn labels(a: &Article, out: &mut Findings) {
    let changes: Vec<_> = a
        .changes
        .iter()
        .filter(|c| c.label.chars().all(|ch| ch.is_ascii_uppercase()) && !c.label.is_empty())
        .collect();
    let help = "Ar 6.15, tweede lid: de wijzigingen binnen een artikel heten A, B, C, …; na Z volgen AA, BB, … (of AA, AB, …).";
    if let Some(first) = changes.first()
        && first.label != "A"
    {
        out.push(
            Finding::new(
                Which::Regeling,
                first.marker,
                format!(
                    "De wijzigingen in {} beginnen bij onderdeel {} in plaats van bij A.",
                    article_name(a),
                    first.label
                ),
            )
            .help(help),
        );
    }
    for w in changes.windows(2) {
        let (p, n) = (&w[0].label, &w[1].label);
        if label_ok_after(p, n) {
            continue;
        }
        let msg = if p == n {
            format!("Onderdeel {n} van {} komt twee keer voor.", article_name(a))
        } else if label_rank(n) <= label_rank(p) {
            format!(
                "Onderdeel {n} van {} staat na onderdeel {p}; de volgorde klopt niet.",
                article_name(a)
            )
        } else {
            let expected = successor_doubling(p)
                .or_else(|| successor_running(p))
                .unwrap_or_default();
            format!(
                "Na onderdeel {p} van {} volgt onderdeel {n}; onderdeel {expected} ontbreekt.",
                article_name(a)
            )
        };
        out.push(Finding::new(Which::Regeling, w[1].marker, msg).help(help));
    }
}

/// The instructions of an amending article, per change (or the whole article).
fn instructions(r: &Source<'_>, index: usize, a: &Article, out: &mut Findings) {
    let start = a.heading.end.min(a.span.end);
    // The intro ("De Wet … wordt als volgt gewijzigd:"), or the whole text
    // when there are no lettered changes.
    let intro_end = a
        .changes
        .first()
        .map_or(a.span.end, |c| c.span.start.max(start));
    let mut parts: Vec<(Option<&str>, Span)> = vec![(None, Span::new(start, intro_end))];
    parts.extend(a.changes.iter().map(|c| (Some(c.label.as_str()), c.span)));
    for (label, span) in parts {
        let text = r.text.get(span.start..span.end).unwrap_or("");
        let what = match label {
            Some(l) => format!("Onderdeel {l} van {}", article_name(a)),
            None => article_name_cap(a),
        };
        let mut has_opdracht = false;
        let mut new_text = false;
        let mut offset = span.start;
        let mut first_line = true;
        for line in text.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            let l = line.trim_end();
            if first_line && label.is_some() {
                // The label line ("A", "B.").
                first_line = false;
                continue;
            }
            first_line = false;
            if l.trim().is_empty() {
                continue;
            }
            if new_text {
                if ITEM_START.is_match(l) && OPDRACHT.is_match(l) {
                    new_text = false;
                } else {
                    continue;
                }
            }
            if OPDRACHT.is_match(l) || NIET_MODEL.is_match(l) {
                has_opdracht = true;
            }
            let lspan = Span::new(line_start, line_start + l.len());
            check_line(r, &what, l, lspan, out);
            if NIEUWE_TEKST.is_match(l) {
                new_text = true;
            }
        }
        if !has_opdracht && label.is_some() && !is_placeholder_article(r, index) {
            out.push(
                Finding::new(
                    Which::Regeling,
                    Span::new(span.start, (span.start + 1).min(span.end)),
                    format!("{what} bevat geen wijzigingsopdracht."),
                )
                .help(
                    "Elke wijziging zegt wat er met de tekst gebeurt: \"wordt vervangen door\", \"komt te luiden:\", \
                     \"vervalt\", \"wordt ingevoegd, luidende:\", \"wordt toegevoegd, luidende:\" of \"wordt als volgt gewijzigd:\".",
                ),
            );
        }
    }
}

fn check_line(r: &Source<'_>, what: &str, l: &str, span: Span, out: &mut Findings) {
    // The replaced text in quotation marks.
    if let Some(m) = VERVANGEN.find(l)
        && !in_quotes(r.text, span, span.start + m.start())
    {
        let before = &l[..m.start()];
        let seg_start = before
            .rfind(" wordt ")
            .or_else(|| before.rfind(" worden "))
            .map(|i| i + 7)
            .unwrap_or(0);
        let seg = &before[seg_start.min(before.len())..];
        if !seg.trim().is_empty()
            && !has_quotes(seg)
            && !STRUCTUUR.is_match(seg)
            && !l.to_lowercase().contains("luidende")
        {
            out.push(
                Finding::new(
                    Which::Regeling,
                    span,
                    format!("{what}: de te vervangen tekst staat niet tussen aanhalingstekens."),
                )
                .help(
                    "Zet de tekst die wordt vervangen tussen aanhalingstekens: In artikel 3 wordt \"Omroepraad\" vervangen \
                     door: Mediaraad (aanwijzing 233 (2012)).",
                ),
            );
        }
    }
    if let Some(m) = ARTIKEL_VERNUMMERD.find(l)
        && !LID_NA.is_match(&l[m.end()..])
        && !in_quotes(r.text, span, span.start + m.start())
        && !lid_renumbering(m.as_str())
    {
        out.push(
            Finding::new(
                Which::Regeling,
                span,
                format!("{what} vernummert bestaande artikelen."),
            )
            .help(
                "Bestaande artikelen worden niet vernummerd, tenzij het echt niet anders kan (Ar 6.18); voeg een nieuw \
                 artikel in met een letter (artikel 12a).",
            ),
        );
    }
    if let Some(m) = NIET_MODEL.find(l)
        && !in_quotes(r.text, span, span.start + m.start())
    {
        out.push(
            Finding::new(
                Which::Regeling,
                span,
                format!("{what} gebruikt \"{}\" in plaats van een modelwerkwoord.", m.as_str()),
            )
            .help("Een artikel of onderdeel \"vervalt\"; tekst \"wordt vervangen door\" (aanwijzingen 232 en 233 (2012)).")
            .at_most(Severity::Info),
        );
    }
    if DEEL_INGETROKKEN.is_match(l) {
        out.push(
            Finding::new(
                Which::Regeling,
                span,
                format!("{what} laat een artikel of onderdeel \"intrekken\"; dat \"vervalt\"."),
            )
            .help("Een hele regeling wordt ingetrokken, een artikel of onderdeel vervalt (aanwijzing 232 (2012)).")
            .at_most(Severity::Info),
        );
    }
    if let Some(m) = LAATSTELIJK.find(l)
        && !in_quotes(r.text, span, span.start + m.start())
    {
        out.push(
            Finding::new(
                Which::Regeling,
                span,
                format!("{what} noemt \"laatstelijk gewijzigd bij\"; die formule hoort niet in het lichaam van een wijzigingsregeling."),
            )
            .help("Laat \"laatstelijk gewijzigd bij …\" weg (aanwijzing 230 (2012)); de toelichting kan de wijzigingsgeschiedenis noemen."),
        );
    }
}

/// "artikel 5, tweede lid, wordt vernummerd" is caught by [`LID_NA`]; this
/// catches "artikelleden" spelled out in the match itself.
fn lid_renumbering(m: &str) -> bool {
    let l = m.to_lowercase();
    l.contains(" lid") || l.contains("leden") || l.contains("onderde")
}
