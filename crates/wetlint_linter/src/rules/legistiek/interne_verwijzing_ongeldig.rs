use std::collections::HashSet;
use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{
    Article, BlockKind, Container, Document, Reference, ReferenceKind, Resolution, Span, UnitKind,
};

use super::common::{
    article_name, block_at, cardinal_word, in_bijlage, in_quotes, is_amending, is_vervallen,
    link_targets, mostly_roman, ordinal_word, sentence_at, this_regulation,
};
use crate::context::Source;
use crate::rule::{Category, E, Profile, Rule, RuleMeta, Status};
use crate::text::capitalize;
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of elke interne verwijzing in de wetstekst ("artikel 3.2, vierde lid",
    /// "het derde lid", "artikel 5, onderdeel c, onder 2°") wijst naar een
    /// artikel, lid, onderdeel of subonderdeel dat in de regeling bestaat. Een
    /// verwijzing naar iets dat niet bestaat is een fout.
    ///
    /// Daarnaast controleert de regel de verwijzingsstijl (voorheen LEG-003):
    /// "lid 2", "sub a", "letter b", "art. 5", "jo." en "1°)". In de wetstekst
    /// is dat een waarschuwing, in de toelichting een hint.
    ///
    /// De regel zwijgt als er twijfel is of een verwijzing wel intern is:
    ///
    /// - bij verwijzingen naar een andere regeling, ook als "van de …", een
    ///   afkorting (Awb, BW) of een link pas verderop in de zin staat;
    /// - bij verwijzingen in wijzigingsartikelen en in geciteerde tekst: die
    ///   wijzen in de regeling die wordt gewijzigd;
    /// - bij verwijzingen naar een oude tekst ("zoals dat artikel luidde",
    ///   "vóór de inwerkingtreding van");
    /// - als het doel vervallen is ("Artikel 5 [Vervallen]"), of als een
    ///   geconsolideerde tekst gaten in de nummering heeft, zodat een ontbrekend
    ///   artikel of lid vermoedelijk is vervallen;
    /// - als de nummering van het doel niet past bij die van de regeling
    ///   ("artikel 6:162" in een regeling zonder zulke nummers, een Romeins
    ///   artikel in een regeling met Arabische nummers);
    /// - als de tekst van het doelartikel het lid of onderdeel wel bevat maar
    ///   de indeling niet te herkennen is (tabellen, "b.een" zonder spatie);
    /// - bij "het derde lid" in een zin die een ander artikel noemt ("de leden
    ///   2 tot en met 4 van het vorige artikel … bedoeld in het tweede lid");
    /// - in bijlagen, in een artikel dat de tekst van een andere bepaling
    ///   leest of vervangt ("wordt als volgt gelezen: …"), en in een
    ///   geconsolideerde tekst met bepalingen die nog niet in werking zijn
    ///   getreden ("Treedt in werking op een nader te bepalen tijdstip"): die
    ///   tekst mengt versies.
    ///
    /// De verwijzingsstijl controleert de regel niet in het batchprofiel
    /// (bestaande wetgeving: alleen bij het schrijven te herstellen), niet in
    /// documenten waarvan de soort niet vaststaat (circulaires, mededelingen),
    /// niet in bijlagen, tabellen, links en geciteerde tekst, niet in de titel
    /// van een EU-handeling ("… betreffende de toepassing van artikel 106, lid
    /// 2, VWEU …"), en niet bij de eigen "lid"-conventie van het Burgerlijk
    /// Wetboek.
    ///
    /// ## Waarom
    /// Een verwijzing naar een lid dat niet bestaat, maakt de bepaling
    /// onuitvoerbaar of laat de lezer raden wat bedoeld is. De Raad van State
    /// toetst de innerlijke consistentie van een voorstel; zulke fouten ontstaan
    /// vaak als leden worden toegevoegd of geschrapt. Een vaste verwijzingsstijl
    /// (Ar 3.29) maakt verwijzingen eenduidig en doorzoekbaar.
    ///
    /// ## Voorbeeld
    /// Artikel 3.2 heeft drie leden, maar artikel 6.1 zegt: "In afwijking van
    /// artikel 3.2, vierde lid, kan een aanvraag …". En in artikel 4.2: "de
    /// ondersteuning, bedoeld in artikel 3.5 lid 1".
    ///
    /// ## In plaats daarvan
    /// Verwijs naar het lid dat bedoeld is ("artikel 3.2, tweede lid"), of voeg
    /// het ontbrekende lid toe. Schrijf verwijzingen volgens Ar 3.29: "artikel
    /// 3.5, eerste lid", "artikel 8, onderdeel c" of "artikel 8, onder c",
    /// "artikel 10, onderdeel a, onder 2°".
    ///
    /// ## Bron
    /// Aanwijzing 3.29 (terminologie verwijzing); Raad van State,
    /// wetstechnische toets (innerlijke consistentie).
    pub struct InterneVerwijzingOngeldig {
        code: "LEG-002",
        name: "interne-verwijzing-ongeldig",
        category: Category::Legistiek,
        summary: "Een interne verwijzing wijst naar een artikel, lid of onderdeel dat niet bestaat, of volgt de verwijzingsstijl niet",
        severity: [E, E, E, E],
        status: Status::Stable,
        // scope: Scope::Paar (the default; leaving it out keeps the macro's
        // struct update meaningful).
        aanwijzingen: &["3.29"],
        aliases: &["LEG-003"],
    }
}

impl Rule for InterneVerwijzingOngeldig {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let mut seen: HashSet<(Span, String)> = HashSet::new();
        let mut push = |f: Finding, out: &mut Findings| {
            if seen.insert((f.span, f.message.clone())) {
                out.push(f);
            }
        };
        if let Some(r) = ctx.regeling {
            for f in validity(&r, ctx.profile == Profile::Batch) {
                push(f, out);
            }
            // Ar 3.29 binds regulations; circulaires and other documents of
            // unknown kind are not checked for style.
            if ctx.profile != Profile::Batch && r.doc.kind().is_regulation() {
                for f in style(&r, Which::Regeling) {
                    push(f, out);
                }
            }
        }
        if let Some(t) = ctx.toelichting
            && ctx.profile != Profile::Batch
        {
            for f in style(&t, Which::Toelichting) {
                push(f, out);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Validity
// ---------------------------------------------------------------------------

/// Findings for internal references that do not resolve.
fn validity(src: &Source<'_>, batch: bool) -> Vec<Finding> {
    let doc = src.doc;
    let mut out = Vec::new();
    // A consolidated text that already holds provisions not yet in force
    // mixes versions: a reference may anticipate a lid that an amendment
    // still has to add.
    if PENDING.is_match(src.text) {
        return out;
    }
    let consolidated = looks_consolidated(src);
    for r in &doc.references {
        if r.kind != ReferenceKind::Internal
            || matches!(
                r.resolution,
                Resolution::Resolved { .. } | Resolution::NotChecked
            )
        {
            continue;
        }
        let Some(block) = block_at(doc, r.span.start) else {
            continue;
        };
        let from = match block.container {
            Container::Article { index } => match doc.articles.get(index) {
                Some(a) if !a.quoted && a.kind == UnitKind::Artikel => Some(a),
                _ => continue,
            },
            Container::Unit { .. } => None,
            _ => continue,
        };
        if in_bijlage(doc, r.span.start)
            || matches!(
                block.kind,
                BlockKind::Heading | BlockKind::Title | BlockKind::Comment | BlockKind::Meta
            )
            || in_quotes(src.text, block.text, r.span.start)
        {
            continue;
        }
        // An article that reads or substitutes the text of another
        // provision ("wordt … als volgt gelezen: 3. In afwijking van het
        // tweede lid …") holds quoted text without quotation marks.
        if let Some(a) = from
            && SUBSTITUTION.is_match(src.text.get(a.span.start..a.span.end).unwrap_or(""))
        {
            continue;
        }
        let sentence = sentence_at(src, block.text, r.span.start);
        if external_context(src, sentence, r) || historical(src.slice(sentence)) {
            continue;
        }
        // In an onderdeel, the lead-in of the enumeration counts too ("… zijn
        // de bepalingen van titel 8 van Boek 3 van toepassing, met dien
        // verstande dat: a. … artikel 205 lid 4 …"; "vervalt: c. artikel 6.3 …").
        if matches!(block.kind, BlockKind::Onderdeel | BlockKind::SubOnderdeel)
            && let Some(intro) = lead_in(src, block)
        {
            let t = src.slice(intro);
            if EXTERNAL_TAIL.is_match(t) || historical(t) || SUBSTITUTION.is_match(t) {
                continue;
            }
        }
        if is_relative(r) && !relative_is_own(src, r, sentence) {
            continue;
        }
        // The number occurs more than once (Boeken that restart the numbering).
        if let Some(n) = r.target.article.as_deref()
            && doc.own_articles().filter(|(_, a)| a.number == n).count() > 1
        {
            continue;
        }
        // A target inside the bijlagen has its own numbering.
        let target = match r.resolution {
            Resolution::LidMissing { article, .. }
            | Resolution::OnderdeelMissing { article }
            | Resolution::SubMissing { article } => doc.articles.get(article),
            _ => None,
        };
        if target.is_some_and(|a| in_bijlage(doc, a.heading.start)) {
            continue;
        }
        // "artikel 12, vierde lid" where artikel 12 has no leden at all, in an
        // article that also cites another regulation: most likely that
        // regulation's artikel 12.
        if let Resolution::LidMissing { lid_count: 0, .. } = r.resolution
            && from.is_some_and(|a| {
                EXTERNAL_TAIL.is_match(src.text.get(a.heading.end..a.span.end).unwrap_or(""))
            })
        {
            continue;
        }
        // In a batch over consolidated law a missing article is mostly a
        // repealed article or a citation of another regulation in a list
        // (measured on the full 2017 corpus); only leden, onderdelen and
        // sub-onderdelen of existing articles are checked there.
        if batch && r.resolution == Resolution::ArticleMissing {
            continue;
        }
        let finding = match r.resolution {
            Resolution::ArticleMissing => article_missing(src, r, consolidated),
            Resolution::LidMissing { article, lid_count } => {
                lid_missing(src, r, article, lid_count)
            }
            Resolution::OnderdeelMissing { article } => onderdeel_missing(src, r, article),
            Resolution::SubMissing { article } => sub_missing(src, r, article),
            _ => None,
        };
        out.extend(finding);
    }
    out
}

static PENDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\btreedt\s+in\s+werking\s+op\s+een\s+nader\s+te\s+bepalen\s+tijdstip\b|\bnog\s+niet\s+in\s+werking\s+getreden")
        .expect("valid regex")
});
static SUBSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bals\s+volgt\s+(?:wordt\s+)?gelezen\b|\bwordt\s+gelezen\s+als\b|\bkomt\s+te\s+luiden\b|\bluidende\s*:|\bluidt\s+als\s+volgt\b|\bwordt\s+vervangen\s+door\b|\bworden\s+vervangen\s+door\b|\bwordt\s+(?:een\s+\w+\s+)?(?:ingevoegd|toegevoegd)\b")
        .expect("valid regex")
});

/// "het derde lid", "dit tweede lid": a lid of the article the reference stands in.
fn is_relative(r: &Reference) -> bool {
    let t = r.text.trim_start().to_lowercase();
    t.starts_with("het ") || t.starts_with("dit ") || t.starts_with("dat ")
}

/// False when a relative reference ("het eerste lid, onderdeel d") probably
/// belongs to another article named in the same sentence ("1:79, met
/// uitzondering van het eerste lid, onderdeel d"; "de leden 2-4 van het
/// vorige artikel … bedoeld in het tweede lid"), or to a following "van …".
fn relative_is_own(src: &Source<'_>, r: &Reference, sentence: Span) -> bool {
    let tail = src.text.get(r.span.end..sentence.end).unwrap_or("");
    static VAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[\s,]*(?:(?:aanhef\s+en\s+)?(?:onderdeel|onder)\s+[a-z0-9°]+[\s,]*)*(?:van|uit)\s",
        )
        .expect("valid regex")
    });
    if VAN.is_match(tail) {
        return false;
    }
    static OTHER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bartikel|\bart\.|\b\d+[.:]\d+[a-z]?\b|\bdat\s+lid\b")
            .expect("valid regex")
    });
    let s_text = src
        .slice(sentence)
        .to_lowercase()
        .replace("dit artikel", "");
    !OTHER.is_match(&s_text)
}

/// The lead-in of the enumeration an onderdeel belongs to: the closest
/// preceding lid, or paragraph ending in a colon, in the same container.
fn lead_in(src: &Source<'_>, block: &wetlint_syntax::Block) -> Option<Span> {
    let doc = src.doc;
    let i = doc.blocks.iter().position(|b| std::ptr::eq(b, block))?;
    doc.blocks[..i]
        .iter()
        .rev()
        .take_while(|b| b.container == block.container)
        .find(|b| {
            b.kind == BlockKind::Lid
                || b.kind == BlockKind::Paragraph && src.slice(b.text).trim_end().ends_with(':')
        })
        .map(|b| b.text)
}

/// A consolidated text: repealed articles, inserted "12a" articles, gaps in
/// the numbering or editorial markers of the Basiswettenbestand.
fn looks_consolidated(src: &Source<'_>) -> bool {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\[\s*(?:vervallen|red\s*:|wordt|gereserveerd)|\bvervallen\s+per\b|\bvervalt\s+per\b")
            .expect("valid regex")
    });
    let doc = src.doc;
    if MARKER.is_match(src.text) {
        return true;
    }
    let own: Vec<&Article> = doc.own_articles().map(|(_, a)| a).collect();
    if own.iter().any(|a| is_vervallen(src, a)) {
        return true;
    }
    if own
        .iter()
        .any(|a| !a.is_roman() && a.number.ends_with(|c: char| c.is_ascii_lowercase()))
    {
        return true;
    }
    // A gap inside a series ("1, 2, 4").
    let mut series: std::collections::HashMap<String, Vec<u32>> = Default::default();
    for a in &own {
        if let Some((prefix, n, suffix)) = split_number(&a.number)
            && suffix.is_empty()
        {
            series.entry(prefix).or_default().push(n);
        }
    }
    series.values().any(|v| {
        let mut v = v.clone();
        v.sort_unstable();
        v.dedup();
        v.windows(2).any(|w| w[1] > w[0] + 1)
    })
}

/// True for an article marked as not yet in force ("Treedt in werking op een
/// nader te bepalen tijdstip") in a consolidated text.
fn pending(src: &Source<'_>, a: &Article) -> bool {
    let head_end = (a.heading.end + 300).min(a.span.end);
    let mut e = head_end;
    while !src.text.is_char_boundary(e) {
        e -= 1;
    }
    PENDING.is_match(src.text.get(a.heading.start..e).unwrap_or(""))
}

/// True when the model's view of an article's structure can be trusted:
/// leden numbered 1, 2, 3 … without gaps or repeats, no tables, and no more
/// lid-like lines in the raw text than leden found.
fn clean_structure(src: &Source<'_>, a: &Article) -> bool {
    let consecutive = a
        .leden
        .iter()
        .enumerate()
        .all(|(i, l)| l.number.parse::<u32>().ok() == Some(i as u32 + 1));
    let body = src.text.get(a.heading.end..a.span.end).unwrap_or("");
    let table = body.lines().any(|l| l.trim_start().starts_with('|'));
    let raw = LID_LINE
        .captures_iter(body)
        .filter_map(|c| c.get(1)?.as_str().parse::<u32>().ok())
        .filter(|n| *n <= 30)
        .count();
    consecutive && !table && raw <= a.leden.len()
}

/// "3.12a" → ("3.", 12, "a"); "7:610" → ("7:", 610, ""); Roman numbers give `None`.
fn split_number(number: &str) -> Option<(String, u32, String)> {
    let suffix_start = number.rfind(|c: char| c.is_ascii_digit()).map(|i| i + 1)?;
    let (head, suffix) = number.split_at(suffix_start);
    let digits_start = head
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let (prefix, digits) = head.split_at(digits_start);
    if !suffix.chars().all(|c| c.is_ascii_lowercase()) || digits.is_empty() {
        return None;
    }
    Some((prefix.to_string(), digits.parse().ok()?, suffix.to_string()))
}

/// The shape of a number: "1", "1.1", "1:1", "1.1.1" → separators in order.
fn number_shape(number: &str) -> String {
    number.chars().filter(|c| matches!(c, '.' | ':')).collect()
}

static EXTERNAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \]\(                                             # a Markdown link
        | \(\s*[*_]?(?:Stb|Stcrt|Trb|PbEG|PbEU|Pb|Ned\.\s*Stcrt)[*_]?\.   # (Stb. 1994, 123)
        | \b(?:van|der|uit|in|bij|op|volgens|krachtens|ingevolge)\s+(?:de\s+|het\s+|die\s+|dat\s+|der\s+)?
          (?:[A-Z][\w-]*                                 # a capitalised regulation name
            |(?:wet|besluit|regeling|verordening|richtlijn|verdrag|overeenkomst|code|reglement|statuut|wetboek|boek|protocol|beschikking|kaderbesluit|uitvoeringsbesluit|uitvoeringsregeling|invoeringswet)\b)
        | \b(?:die|dat|genoemde|laatstgenoemde|eerstgenoemde|bedoelde)\s+(?:wet|besluit|regeling|verordening|richtlijn|verdrag|wetboek|boek)\b
        | \b(?:Wet|Verdrag|Verordening|Richtlijn|Besluit|Regeling|Wetboek|Protocol|Overeenkomst|Statuut|Reglement|Grondwet|Kaderbesluit|Handvest|Beschikking|Boek)\b
        | \b\p{Lu}\p{L}*(?:wet|besluit|wetboek|regeling|verordening|verdrag|code|reglement)\b   # Kadasterwet, Auteurswet 1912
        | \b(?:Awb|BW|Sr|Sv|Rv|WvS|WvSr|WvSv|AVG|EVRM|IVBPR|Wft|Wabo|Wmo|Bw|BES|EG|EU|EEG)\b
        | \bvan\s+(?:de|het|die|dat|der)\b[^,;]{0,120}?\b(?:wet|verdrag|verordening|richtlijn|besluit|overeenkomst|protocol)\b
        ",
    )
    .expect("valid regex")
});
static INTERNAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*(?:(?:aanhef\s+en\s+)?(?:onderdeel|onder)\s+[a-z0-9°]+[\s,]*)*(?:van\s+)?(?:deze|dit|dezer)\s+(?:wet|besluit|regeling|beleidsregel|verordening)\b")
        .expect("valid regex")
});

/// True when the sentence suggests the reference points into another
/// regulation: a regulation name, link, publication or abbreviation in the
/// rest of the clause, or just before the reference.
fn external_context(src: &Source<'_>, sentence: Span, r: &Reference) -> bool {
    let tail_start = r.span.end.min(sentence.end);
    let tail = src.text.get(tail_start..sentence.end).unwrap_or("");
    // Up to the end of the clause, at most 220 bytes.
    let mut end = tail.find(';').unwrap_or(tail.len()).min(220);
    while !tail.is_char_boundary(end) {
        end -= 1;
    }
    let tail = &tail[..end];
    // "artikel 5 van deze wet" is explicitly internal.
    if INTERNAL_TAIL.is_match(tail) {
        return false;
    }
    if EXTERNAL_TAIL.is_match(tail) {
        return true;
    }
    // Just before the reference: "… van de Wet X, artikel 5" or a link.
    let head_start = r.span.start.saturating_sub(90).max(sentence.start);
    let mut hs = head_start;
    while !src.text.is_char_boundary(hs) {
        hs += 1;
    }
    let head = src.text.get(hs..r.span.start).unwrap_or("");
    static HEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\]\([^)]*\)|\b(?:Wet|Besluit|Regeling|Verordening|Richtlijn|Verdrag|Wetboek|Boek\s+\d+)\b[^,;]{0,60}),?\s*(?:in\s+)?$")
            .expect("valid regex")
    });
    HEAD.is_match(head)
}

/// References to an earlier text: "zoals dat artikel luidde", "vóór de
/// inwerkingtreding van", "(oud)".
fn historical(sentence: &str) -> bool {
    static OLD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bluidde\b|\bluidden\b|\bzoals\s+(?:dat|die|het)\b[^.;]{0,60}\b(?:gold|golden|van\s+kracht\s+was)|\b(?:voor|vóór|tot)\s+(?:de|het)\s+(?:inwerkingtreding|tijdstip\s+van\s+inwerkingtreding)|\bonmiddellijk\s+voorafgaand|\blaatstelijk\b|\boud\s*\)|\(\s*oud\b|\bvoormalige?\b|\boude\s+artikel|\bingetrokken\b|\bvervalt\b|\bvervallen\b")
            .expect("valid regex")
    });
    OLD.is_match(sentence)
}

fn article_missing(src: &Source<'_>, r: &Reference, consolidated: bool) -> Option<Finding> {
    let doc = src.doc;
    let number = r.target.article.as_deref()?;
    if number.is_empty() {
        return None;
    }
    let roman = wetlint_syntax::numbers::is_roman_number(number)
        && number
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase());
    let roman_doc = mostly_roman(doc);
    // A Roman number in a regulation with Arabic articles, or an Arabic one in
    // a wijzigingsregeling, points elsewhere (the amended regulation).
    if roman != roman_doc || is_amending(doc) && !roman {
        return None;
    }
    // The shape must match the regulation's own numbering ("6:162" in a
    // regulation without Boek numbers is the Burgerlijk Wetboek).
    let shape = number_shape(number);
    if !roman
        && !doc
            .own_articles()
            .any(|(_, a)| number_shape(&a.number) == shape)
    {
        return None;
    }
    if consolidated {
        // A repealed article: it lies within (or just after) its series.
        return None;
    }
    let f = Finding::new(
        Which::Regeling,
        r.span,
        format!(
            "{} bestaat niet in {}.",
            capitalize(&article_name(number)),
            this_regulation(doc.kind())
        ),
    )
    .help(match neighbours(doc, number) {
        Some(range) => format!(
            "Controleer het artikelnummer; {range}. Verwijs naar het artikel dat bedoeld is."
        ),
        None => {
            "Controleer het artikelnummer en verwijs naar het artikel dat bedoeld is.".to_string()
        }
    });
    Some(f)
}

/// "de artikelen in deze reeks lopen van 3.1 tot en met 3.5" for the series of `number`.
fn neighbours(doc: &Document, number: &str) -> Option<String> {
    let (prefix, _, _) = split_number(number)?;
    let nums: Vec<&str> = doc
        .own_articles()
        .map(|(_, a)| a.number.as_str())
        .filter(|n| split_number(n).is_some_and(|(p, _, _)| p == prefix))
        .collect();
    let (first, last) = (nums.first()?, nums.last()?);
    if prefix.is_empty() {
        Some(format!(
            "de regeling heeft de artikelen {first} tot en met {last}"
        ))
    } else {
        Some(format!(
            "de artikelen {prefix}x lopen van {first} tot en met {last}"
        ))
    }
}

static LID_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t>*|]*(\d+)[a-z]?\s*[.)](?:\s|\p{L})").expect("valid regex")
});

fn lid_missing(src: &Source<'_>, r: &Reference, ai: usize, lid_count: usize) -> Option<Finding> {
    let doc = src.doc;
    let a = doc.articles.get(ai)?;
    let lid = r.target.lid?;
    if a.quoted || is_vervallen(src, a) {
        return None;
    }
    // Lid numbering with gaps, suffixes or duplicates, tables, or lid-like
    // lines the model did not read as leden: the structure is not reliable.
    if !clean_structure(src, a) || pending(src, a) {
        return None;
    }
    let body = src.text.get(a.heading.end..a.span.end).unwrap_or("");
    let raw: Vec<u32> = LID_LINE
        .captures_iter(body)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect();
    if raw.contains(&lid) || raw.iter().filter(|n| **n <= 30).count() > lid_count {
        return None;
    }
    if body.to_lowercase().contains("vervallen") {
        return None;
    }
    if lid == 0 {
        // "het vorige lid" in the first lid.
        return Some(
            Finding::new(
                Which::Regeling,
                r.span,
                "In het eerste lid bestaat geen vorig lid.".to_string(),
            )
            .help("Verwijs naar het lid dat bedoeld is, met zijn nummer (Ar 3.29, tweede lid)."),
        );
    }
    let ordinal = ordinal_word(lid).map_or_else(|| format!("{lid}e"), str::to_string);
    let name = capitalize(&article_name(&a.number));
    let message = if lid_count == 0 {
        format!("{name} is niet in leden verdeeld; een {ordinal} lid bestaat niet.")
    } else if lid_count == 1 {
        format!("{name} heeft één lid; een {ordinal} lid bestaat niet.")
    } else {
        format!(
            "{name} heeft {} leden; een {ordinal} lid bestaat niet.",
            cardinal_word(lid_count)
        )
    };
    let help = if lid_count >= 2 {
        format!(
            "Verwijs naar een bestaand lid (het eerste tot en met het {} lid van {}), of voeg het ontbrekende lid toe.",
            ordinal_word(lid_count as u32).unwrap_or("laatste"),
            article_name(&a.number)
        )
    } else {
        format!(
            "Verwijs naar {} zonder lid, of deel het artikel in leden in.",
            article_name(&a.number)
        )
    };
    Some(
        Finding::new(Which::Regeling, r.span, message)
            .help(help)
            .related(Which::Regeling, a.heading, format!("{name} staat hier.")),
    )
}

/// A plausible onderdeel label: "a", "z", "aa", "bbb" (not "de", "het").
fn plausible_label(label: &str) -> bool {
    let mut chars = label.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_ascii_lowercase() && label.chars().all(|c| c == first)
}

fn onderdeel_missing(src: &Source<'_>, r: &Reference, ai: usize) -> Option<Finding> {
    let doc = src.doc;
    let a = doc.articles.get(ai)?;
    let label = r.target.onderdeel.as_deref()?;
    if !plausible_label(label) || a.quoted || is_vervallen(src, a) {
        return None;
    }
    if !clean_structure(src, a) || pending(src, a) {
        return None;
    }
    // Where to look: the lid, if the reference names one.
    let lid = r
        .target
        .lid
        .and_then(|n| a.leden.iter().find(|l| l.number == n.to_string()));
    // The raw text of the article has the label (as a line marker, or inline
    // "; c. …", "b.een"): the model missed it, or put it under another lid.
    let body = src.text.get(a.heading.end..a.span.end).unwrap_or("");
    let esc = regex::escape(label);
    let raw = Regex::new(&format!(
        r"(?mi)(?:^|[\s;:(>|])[*_]*{esc}[*_]*\s*[.)°](?:\s|[*_]|\p{{L}}|$)"
    ))
    .ok()?;
    if raw.is_match(body) || body.to_lowercase().contains("vervallen") {
        return None;
    }
    let labels: Vec<&str> = match lid {
        Some(l) => l.onderdelen.iter().map(|o| o.label.as_str()).collect(),
        None => a
            .onderdelen
            .iter()
            .chain(a.leden.iter().flat_map(|l| l.onderdelen.iter()))
            .map(|o| o.label.as_str())
            .collect(),
    };
    let mut place = capitalize(&article_name(&a.number));
    if let Some(l) = lid
        && let Some(w) = l.number.parse().ok().and_then(ordinal_word)
    {
        place = format!("{place}, {w} lid,");
    }
    let mut labels = labels;
    labels.dedup();
    let message = match labels.as_slice() {
        [] => format!("{place} heeft geen onderdelen; onderdeel {label} bestaat niet."),
        [one] => format!("{place} heeft geen onderdeel {label} (alleen onderdeel {one})."),
        [first, .., last] => {
            format!("{place} heeft geen onderdeel {label} (wel {first} tot en met {last}).")
        }
    };
    Some(
        Finding::new(Which::Regeling, r.span, message.replace(",, ", ", "))
            .help(
                "Verwijs naar het onderdeel dat bedoeld is, of voeg het ontbrekende onderdeel toe.",
            )
            .related(
                Which::Regeling,
                a.heading,
                format!("{} staat hier.", capitalize(&article_name(&a.number))),
            ),
    )
}

fn sub_missing(src: &Source<'_>, r: &Reference, ai: usize) -> Option<Finding> {
    let doc = src.doc;
    let a = doc.articles.get(ai)?;
    let sub = r.target.sub.as_deref()?;
    let label = r.target.onderdeel.as_deref()?;
    if a.quoted || is_vervallen(src, a) || !clean_structure(src, a) || pending(src, a) {
        return None;
    }
    let body = src.text.get(a.heading.end..a.span.end).unwrap_or("");
    let esc = regex::escape(sub);
    let raw = Regex::new(&format!(r"(?:^|\s){esc}\s*[°º]")).ok()?;
    if raw.is_match(body) {
        return None;
    }
    Some(
        Finding::new(
            Which::Regeling,
            r.span,
            format!(
                "{}, onderdeel {label}, heeft geen subonderdeel {sub}°.",
                capitalize(&article_name(&a.number))
            ),
        )
        .help("Verwijs naar het subonderdeel dat bedoeld is, of voeg het toe.")
        .related(
            Which::Regeling,
            a.heading,
            format!("{} staat hier.", capitalize(&article_name(&a.number))),
        ),
    )
}

// ---------------------------------------------------------------------------
// Style (Ar 3.29; formerly LEG-003)
// ---------------------------------------------------------------------------

const NUM: &str = r"\d+[a-z]{0,3}(?:[.:]\d+[a-z]{0,3})*";

static ART_LID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b([Aa]rtikel|[Aa]rt\.)\s*({NUM})\s*,?\s*lid\s+(\d+)\b(?:\s*,?\s*(?:sub|onder|letter)\s+([a-z])\b)?"
    ))
    .expect("valid regex")
});
static LID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([Ll])id\s+(\d+)\b").expect("valid regex"));
/// "de artikelen 519 en 525 lid 4": an article number in a list, then "lid N".
static NUM_LID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b({NUM})\s*,?\s*lid\s+(\d+)\b")).expect("valid regex"));
/// The number and date of an EU act, whose title follows and is cited verbatim.
static EU_ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b\d{2,4}/\d{1,4}/(?:EU|EG|EEG|EGKS|Euratom)\b|\((?:EU|EG|EEG|Euratom)\)\s*(?:nr\.\s*)?\d+/\d+)[^;]{0,160}?\b(?:betreffende|inzake|houdende|tot\s+(?:wijziging|vaststelling|uitvoering)|ter\s+(?:uitvoering|bevordering))\b")
        .expect("valid regex")
});
static SUB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bsub\s+([a-z]{1,2}|\d+\s*[°º]?)(?:[\s,;.:)]|$)").expect("valid regex")
});
static LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:,|\blid\s+\d+|\bonderdeel)\s*(letter\s+([a-z]))\b").expect("valid regex")
});
static ART_ABBR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b([Aa]rtt?\.)\s*({NUM})")).expect("valid regex"));
static JO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bjo\.").expect("valid regex"));
static SUB_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:onder|sub)\s+(\d+)\s*[°º]\)").expect("valid regex"));

struct StyleHit {
    span: Span,
    message: String,
    help: String,
    fix: Option<(String, String, bool)>,
}

fn ordinal_lid(n: &str) -> Option<String> {
    let n: u32 = n.parse().ok()?;
    ordinal_word(n).map(|w| format!("{w} lid"))
}

/// Style findings in the running text of a regulation or toelichting.
fn style(src: &Source<'_>, which: Which) -> Vec<Finding> {
    let doc = src.doc;
    let mut out = Vec::new();
    // The Burgerlijk Wetboek writes "artikel 6:162 lid 2" by its own
    // convention; only its other deviations are reported.
    let bw = which == Which::Regeling
        && doc
            .title
            .as_ref()
            .is_some_and(|t| t.text.to_lowercase().starts_with("burgerlijk wetboek"));
    for b in &doc.blocks {
        if matches!(
            b.kind,
            BlockKind::Comment | BlockKind::Meta | BlockKind::Table
        ) {
            continue;
        }
        // Bijlagen often reproduce tables, standards or EU annexes verbatim.
        if which == Which::Regeling && in_bijlage(doc, b.span.start) {
            continue;
        }
        // The title of a toelichting, and toelichting headings, are not references.
        if which == Which::Toelichting && matches!(b.kind, BlockKind::Title | BlockKind::Heading) {
            continue;
        }
        let text = src.slice(b.text);
        // Table rows that the grammar did not recognise as a table.
        if text.trim_start().starts_with('|') || src.slice(b.span).trim_start().starts_with('|') {
            continue;
        }
        if !(text.contains("lid ")
            || text.contains("sub ")
            || text.contains("letter ")
            || text.contains("rt.")
            || text.contains("jo.")
            || text.contains(')'))
        {
            continue;
        }
        let links = link_targets(src.text, b.text);
        let mut taken: Vec<Span> = Vec::new();
        let mut hits: Vec<StyleHit> = Vec::new();
        let at = |m: &regex::Match<'_>| Span::new(b.text.start + m.start(), b.text.start + m.end());
        for c in ART_LID.captures_iter(text) {
            let (Some(m), Some(num), Some(lid)) = (c.get(0), c.get(2), c.get(3)) else {
                continue;
            };
            let Some(lid_words) = ordinal_lid(lid.as_str()) else {
                continue;
            };
            let word = if c.get(1).is_some_and(|w| w.as_str().starts_with('A')) {
                "Artikel"
            } else {
                "artikel"
            };
            let mut proper = format!("{word} {}, {lid_words}", num.as_str());
            if let Some(o) = c.get(4) {
                proper.push_str(&format!(", onderdeel {}", o.as_str()));
            }
            hits.push(StyleHit {
                span: at(&m),
                message: format!(
                    "Verwijs als \"{proper}\", niet als \"{}\" (Ar 3.29).",
                    m.as_str()
                ),
                help: "Ar 3.29: verwijs naar een lid met een rangtelwoord (\"tweede lid\") en naar een onderdeel met \"onder\" of \"onderdeel\"; vermeldingen als \"lid 2\", \"sub a\" of \"letter b\" worden vermeden.".into(),
                fix: Some((format!("Vervang door \"{proper}\""), proper, false)),
            });
        }
        for c in NUM_LID.captures_iter(text) {
            let (Some(m), Some(num), Some(n)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let Some(lid_words) = ordinal_lid(n.as_str()) else {
                continue;
            };
            let proper = format!("{}, {lid_words}", num.as_str());
            hits.push(StyleHit {
                span: at(&m),
                message: format!("Verwijs als \"{proper}\", niet als \"{}\" (Ar 3.29).", m.as_str()),
                help: "Ar 3.29: verwijs naar een lid met een rangtelwoord (\"de artikelen 5 en 7, tweede lid\").".into(),
                fix: Some((format!("Vervang door \"{proper}\""), proper, false)),
            });
        }
        for c in LID.captures_iter(text) {
            let (Some(m), Some(n)) = (c.get(0), c.get(2)) else {
                continue;
            };
            let Some(lid_words) = ordinal_lid(n.as_str()) else {
                continue;
            };
            // A label at the start of a line ("Lid 1. …") is structure, not a reference.
            if text[..m.start()].trim().is_empty() {
                continue;
            }
            let before = text[..m.start()].trim_end().to_lowercase();
            let proper =
                if before.ends_with(" het") || before.ends_with(" dit") || before.ends_with(" dat")
                {
                    lid_words.clone()
                } else {
                    format!("het {lid_words}")
                };
            hits.push(StyleHit {
                span: at(&m),
                message: format!("Schrijf \"{proper}\", niet \"{}\" (Ar 3.29).", m.as_str()),
                help: "Ar 3.29: verwijs naar een lid met een rangtelwoord, bijvoorbeeld \"artikel 5, tweede lid\" of \"het tweede lid\".".into(),
                fix: Some((format!("Vervang door \"{proper}\""), proper, false)),
            });
        }
        for c in SUB.captures_iter(text) {
            let (Some(m), Some(l)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let label = l.as_str().trim();
            let span = Span::new(b.text.start + m.start(), b.text.start + l.end());
            hits.push(StyleHit {
                span,
                message: format!("Schrijf \"onder {label}\", niet \"sub {label}\" (Ar 3.29)."),
                help: "Ar 3.29: verwijs naar een onderdeel met \"onder\" of \"onderdeel\" (\"artikel 8, onder c\").".into(),
                fix: Some(("Vervang \"sub\" door \"onder\"".into(), format!("onder {label}"), true)),
            });
        }
        for c in LETTER.captures_iter(text) {
            let (Some(w), Some(l)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let label = l.as_str();
            hits.push(StyleHit {
                span: at(&w),
                message: format!(
                    "Schrijf \"onderdeel {label}\", niet \"letter {label}\" (Ar 3.29)."
                ),
                help: "Ar 3.29: verwijs naar een onderdeel met \"onder\" of \"onderdeel\".".into(),
                fix: Some((
                    "Vervang \"letter\" door \"onderdeel\"".into(),
                    format!("onderdeel {label}"),
                    true,
                )),
            });
        }
        for c in ART_ABBR.captures_iter(text) {
            let (Some(m), Some(w), Some(num)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            let plural = w.as_str().to_lowercase().starts_with("artt");
            let word = match (plural, w.as_str().starts_with('A')) {
                (true, true) => "Artikelen",
                (true, false) => "artikelen",
                (false, true) => "Artikel",
                (false, false) => "artikel",
            };
            let proper = format!("{word} {}", num.as_str());
            hits.push(StyleHit {
                span: at(&m),
                message: format!(
                    "Schrijf \"{proper}\" voluit, niet \"{}\" (Ar 3.29).",
                    m.as_str()
                ),
                help: "Schrijf \"artikel\" voluit in verwijzingen.".into(),
                fix: Some((format!("Vervang door \"{proper}\""), proper, true)),
            });
        }
        for m in JO.find_iter(text) {
            hits.push(StyleHit {
                span: at(&m),
                message: "Vermijd \"jo.\" (juncto) in een verwijzing (Ar 3.29).".into(),
                help: "Verwijs naar elk artikel afzonderlijk, of schrijf uit hoe de bepalingen samenhangen (\"in samenhang met\").".into(),
                fix: None,
            });
        }
        for c in SUB_PAREN.captures_iter(text) {
            let (Some(m), Some(n)) = (c.get(0), c.get(1)) else {
                continue;
            };
            // "(artikel 10, onderdeel a, onder 3°)": the bracket closes a parenthesis.
            let before = &text[..m.start()];
            if before.matches('(').count() > before.matches(')').count() {
                continue;
            }
            let proper = format!("{}°", n.as_str());
            let span = Span::new(b.text.start + n.start(), b.text.start + m.end());
            hits.push(StyleHit {
                span,
                message: format!(
                    "Schrijf \"{proper}\", niet \"{}\" (Ar 3.29).",
                    &text[n.start()..m.end()]
                ),
                help: "Verwijs naar een subonderdeel als \"onder 2°\", zonder haakje.".into(),
                fix: Some((format!("Vervang door \"{proper}\""), proper, true)),
            });
        }
        for h in hits {
            if bw && h.message.contains(" lid") {
                continue;
            }
            // The title of an EU act is cited verbatim ("… op de grondslag van
            // artikel 54, lid 3, sub g, van het Verdrag …").
            let lead = src
                .text
                .get(b.text.start..h.span.start)
                .unwrap_or("")
                .to_lowercase();
            let last = |n: usize| -> String {
                let v: Vec<char> = lead.chars().rev().take(n).collect();
                v.into_iter().rev().collect()
            };
            // Inside the title of an EU act ("Besluit 2012/21/EU … betreffende de
            // toepassing van artikel 106, lid 2, VWEU …").
            let near = last(250);
            if EU_ACT
                .find_iter(&near)
                .any(|m| !near[m.end()..].contains(';'))
            {
                continue;
            }
            let recent = last(60);
            if recent.contains("grondslag van") {
                continue;
            }
            if taken
                .iter()
                .any(|t| t.start < h.span.end && h.span.start < t.end)
                || links
                    .iter()
                    .any(|l| l.start <= h.span.start && h.span.start < l.end)
                || in_quotes(src.text, b.text, h.span.start)
            {
                continue;
            }
            taken.push(h.span);
            let cap = match which {
                Which::Regeling => Severity::Warning,
                Which::Toelichting => Severity::Info,
            };
            let mut f = Finding::new(which, h.span, h.message)
                .help(h.help)
                .at_most(cap);
            if let Some((title, content, safe)) = h.fix {
                f = f.fix(FixSpec {
                    title,
                    safe,
                    edits: vec![FixEdit {
                        which,
                        span: h.span,
                        content,
                    }],
                });
            }
            out.push(f);
        }
    }
    out
}
