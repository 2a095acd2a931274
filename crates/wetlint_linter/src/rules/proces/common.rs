//! Helpers shared by the PROC rules: the sentences of the toelichting with
//! their normalised text, regular expressions matched on that text with
//! spans in the original, anchors, and two triggers in the regulation that
//! more than one PROC rule reads (processing of personal data, obligations
//! for businesses and institutions).
//!
//! Word lists that are not (yet) in `rules/*.toml` are literals of this
//! family; they are compiled by the tests at the bottom of this file.

use std::sync::LazyLock;

use wetlint_data::SectionKey;
use wetlint_data::normalize::NormalizedText;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Document, DocumentKind, Span};

use crate::context::{Context, Source};
use crate::finding::Which;
use crate::rules::uitvoering::plichten;
use crate::text::sentences;

/// Compiles a pattern of this family.
pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

/// One sentence of the toelichting, with its normalised text (lowercase,
/// single spaces, straight quotes; see `wetlint_data::normalize`).
#[derive(Debug, Clone)]
pub(crate) struct Zin {
    pub span: Span,
    pub norm: NormalizedText,
    pub kind: BlockKind,
    /// Index into `doc.blocks`.
    pub block: usize,
    /// Innermost section, if any.
    pub section: Option<usize>,
    /// True inside the artikelsgewijze toelichting.
    pub artikelsgewijs: bool,
}

impl Zin {
    /// The normalised text.
    pub fn tekst(&self) -> &str {
        self.norm.as_str()
    }

    /// The government's own text: not a quotation of an advice or a toets.
    pub fn eigen(&self) -> bool {
        self.kind != BlockKind::Quote
    }

    /// True when `re` matches the normalised text.
    pub fn heeft(&self, re: &Regex) -> bool {
        re.is_match(self.norm.as_str())
    }

    /// Original span of the first match of `re` on the normalised text.
    pub fn vind(&self, re: &Regex) -> Option<Span> {
        re.find(self.norm.as_str()).map(|m| {
            let r = self.norm.to_original(m.range());
            Span::new(self.span.start + r.start, self.span.start + r.end)
        })
    }

    /// True when `offset` lies in this sentence.
    pub fn bevat(&self, start: usize, end: usize) -> bool {
        self.span.start <= start && end <= self.span.end
    }
}

/// The sentences of the toelichting's text blocks (paragraphs, list items,
/// tables, headings and quotations), in document order.
pub(crate) fn zinnen(t: Source<'_>) -> Vec<Zin> {
    let doc = t.doc;
    let mut out = Vec::new();
    for (bi, b) in doc.blocks.iter().enumerate() {
        if !matches!(
            b.kind,
            BlockKind::Paragraph
                | BlockKind::ListItem
                | BlockKind::Table
                | BlockKind::Heading
                | BlockKind::Quote
        ) {
            continue;
        }
        let section = doc.section_at(b.span.start);
        let artikelsgewijs = section
            .and_then(|i| doc.sections.get(i))
            .is_some_and(|s| s.artikelsgewijs);
        let spans = if b.kind == BlockKind::Heading {
            vec![b.text]
        } else {
            sentences(t.text, b.text)
        };
        for s in spans {
            out.push(Zin {
                span: s,
                norm: NormalizedText::new(t.slice(s)),
                kind: b.kind,
                block: bi,
                section,
                artikelsgewijs,
            });
        }
    }
    out
}

/// "de memorie van toelichting", "de nota van toelichting", "de toelichting".
pub(crate) fn document_nl(doc: &Document) -> String {
    match doc.kind() {
        k @ (DocumentKind::MemorieVanToelichting | DocumentKind::NotaVanToelichting) => {
            format!("de {}", k.label_nl())
        }
        _ => "de toelichting".to_string(),
    }
}

/// The title of a document, or its start.
pub(crate) fn titel(doc: &Document) -> Span {
    doc.title.as_ref().map_or(Span::new(0, 0), |s| s.span)
}

/// The first section of the algemeen deel with heading key `key`.
pub(crate) fn eerste_sectie(ctx: &Context<'_>, key: SectionKey) -> Option<usize> {
    let t = ctx.toelichting?;
    ctx.sections_with(key)
        .into_iter()
        .find(|&i| t.doc.sections.get(i).is_some_and(|s| !s.artikelsgewijs))
}

/// The heading of the first section with one of `keys` (in that order of
/// preference), else the title.
pub(crate) fn anker(ctx: &Context<'_>, keys: &[SectionKey]) -> Span {
    let Some(t) = ctx.toelichting else {
        return Span::new(0, 0);
    };
    keys.iter()
        .find_map(|&k| eerste_sectie(ctx, k))
        .and_then(|i| t.doc.sections.get(i))
        .map_or_else(|| titel(t.doc), |s| s.heading)
}

/// True when a non-weak marker of the `uitleg` list (comply or explain:
/// "omdat", "aangezien", "gelet op", "om die reden", …) lies in `span`.
pub(crate) fn uitleg_in(ctx: &Context<'_>, span: Span) -> bool {
    ctx.signals(Which::Toelichting, "uitleg")
        .iter()
        .any(|h| !h.weak && span.start <= h.range.start && h.range.end <= span.end)
}

/// True when a non-weak hit of signal list `list` lies in `span` of the toelichting.
pub(crate) fn signaal_in(ctx: &Context<'_>, list: &str, span: Span) -> bool {
    ctx.signals(Which::Toelichting, list)
        .iter()
        .any(|h| !h.weak && span.start <= h.range.start && h.range.end <= span.end)
}

/// True when a toets of `ids` is mentioned in `span` of the toelichting.
pub(crate) fn toets_in(ctx: &Context<'_>, ids: &[&str], span: Span) -> bool {
    ctx.toetsen(Which::Toelichting).iter().any(|h| {
        ids.contains(&h.toets_id) && span.start <= h.range.start && h.range.end <= span.end
    })
}

/// The instrument the pair is about: the regulation's kind, or, without a
/// regulation, the kind the toelichting belongs to. A wijzigingsregeling is
/// classified by its opschrift ("Wet …", "Besluit …", "Regeling …").
pub(crate) fn instrument(ctx: &Context<'_>) -> DocumentKind {
    if let Some(r) = ctx.regeling {
        let kind = r.doc.kind();
        if kind != DocumentKind::Wijzigingsregeling && kind != DocumentKind::Unknown {
            return kind;
        }
        let title = r
            .doc
            .title
            .as_ref()
            .map(|s| s.text.trim_start_matches(['#', ' ']).to_lowercase())
            .unwrap_or_default();
        let title = title.strip_prefix("voorstel van ").unwrap_or(&title);
        if title.starts_with("wet") || title.starts_with("rijkswet") {
            return DocumentKind::Wet;
        }
        if title.starts_with("besluit") || title.starts_with("wijzigingsbesluit") {
            return DocumentKind::Amvb;
        }
        if title.starts_with("regeling") || title.starts_with("wijzigingsregeling") {
            return DocumentKind::MinisterieleRegeling;
        }
        if kind != DocumentKind::Unknown {
            return kind;
        }
    }
    match ctx.toelichting.map(|t| t.doc.kind()) {
        Some(DocumentKind::MemorieVanToelichting) => DocumentKind::Wet,
        Some(DocumentKind::NotaVanToelichting) => DocumentKind::Amvb,
        Some(DocumentKind::Toelichting) => DocumentKind::MinisterieleRegeling,
        _ => DocumentKind::Unknown,
    }
}

/// An implementing regulation: "… houdende regels ter uitvoering van de Wet …",
/// or a toelichting that opens with "Dit besluit werkt … van de wet uit".
static UITVOERING_VAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:ter|tot) uitvoering van\b|\bwerkt\b[^.;]{0,160}\buit\b|\bop grond van (?:de )?artikel(?:en)? [^.;]{0,80}\bvan de wet\b",
    )
});

/// True for an AMvB or ministeriële regeling that implements a law: by its
/// opschrift or by the first paragraph of its toelichting.
pub(crate) fn is_uitvoeringsregeling(ctx: &Context<'_>) -> bool {
    if !matches!(
        instrument(ctx),
        DocumentKind::Amvb | DocumentKind::MinisterieleRegeling
    ) {
        return false;
    }
    let in_title = ctx.regeling.is_some_and(|r| {
        r.doc
            .title
            .as_ref()
            .is_some_and(|s| UITVOERING_VAN.is_match(NormalizedText::new(&s.text).as_str()))
    });
    if in_title {
        return true;
    }
    let Some(t) = ctx.toelichting else {
        return false;
    };
    t.doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(2)
        .any(|b| UITVOERING_VAN.is_match(NormalizedText::new(t.slice(b.text)).as_str()))
}

/// A negation in the few words before a match ("geen", "niet", "zonder").
static ONTKEND_VOOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:geen|niet|zonder)\s+(?:\S+\s+){0,4}$"));

/// True when the normalised `before` (the clause up to a match) ends in a negation.
pub(crate) fn ontkend(before: &str) -> bool {
    let clause = before.rsplit(',').next().unwrap_or(before);
    ONTKEND_VOOR.is_match(clause)
}

// --- persoonsgegevens in de regeling (PROC-005, PROC-009) -------------------

/// Words that always mean personal data.
static PERSOONSGEGEVENS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bbijzondere categorieën van persoonsgegevens\b|\bpersoonsgegevens\b|\bburgerservicenummers?\b|\bgezondheidsgegevens\b|\bgegevens over (?:de |zijn |haar )?gezondheid\b|\bstrafrechtelijke gegevens\b|\bpersoonsgegevens van strafrechtelijke aard\b|\bbiometrische gegevens\b|\bgeautomatiseerde (?:individuele )?besluitvorming\b|\bprofilering\b|\brisicoprofiel\w*|\brisicomodel\w*|\balgoritm\w*",
    )
});
/// "BSN" (case-sensitive).
static BSN: LazyLock<Regex> = LazyLock::new(|| re(r"\bBSN\b"));
/// Data passed on or processed.
static GEGEVENS_VERWERKING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bgegevens\b[^.;]{0,120}?\b(?:verstrekt|verstrekken|verwerkt|verwerken|ontvangt|ontvangen|uitgewisseld|uitwisselen|gekoppeld|koppelt|koppelen|raadpleegt|raadplegen|geregistreerd|registreert|bewaart|bewaard|vastgelegd|doorgegeven|geleverd|levert)\b|\b(?:verstrekt|verstrekken|verwerkt|verwerken|ontvangt|koppelt|raadpleegt|registreert|bewaart|levert)\b[^.;]{0,120}?\bgegevens\b",
    )
});
/// Words that make the data those of natural persons.
static PERSOON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bnatuurlijke perso(?:on|nen)\b|\bingezetenen?\b|\bbetrokkenen?\b|\binwoners?\b|\bverzekerden?\b|\bwerknemers?\b|\bpatiënt(?:en)?\b|\bcliënt(?:en)?\b|\bleerling(?:en)?\b|\bstudent(?:en)?\b|\bouders?\b|\bkinderen\b|\bbasisregistratie personen\b|\bnaam, (?:het )?adres\b",
    )
});

/// One place where the regulation processes personal data.
#[derive(Debug, Clone)]
pub(crate) struct Verwerking {
    pub article: usize,
    pub span: Span,
    /// The words that matched, as written.
    pub woorden: String,
}

/// Where the regulation processes personal data: the words
/// "persoonsgegevens", "burgerservicenummer", "BSN", health or criminal
/// data, profiling, automated decisions, algorithms; or data passed on or
/// processed in a sentence that names natural persons. Negated mentions
/// ("geen persoonsgegevens") do not count. At most one per sentence.
pub(crate) fn verwerkingen(ctx: &Context<'_>) -> Vec<Verwerking> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (article, s) in plichten::artikelzinnen(r, true) {
        let text = r.slice(s);
        let norm = NormalizedText::new(text);
        let n = norm.as_str();
        let map = |m: regex::Match<'_>| {
            let o = norm.to_original(m.range());
            Span::new(s.start + o.start, s.start + o.end)
        };
        let strong = PERSOONSGEGEVENS
            .find_iter(n)
            .find(|m| !ontkend(n.get(..m.start()).unwrap_or("")))
            .map(map)
            .or_else(|| {
                BSN.find(text)
                    .map(|m| Span::new(s.start + m.start(), s.start + m.end()))
            });
        let found = strong.or_else(|| {
            if !PERSOON.is_match(n) && !plichten::noemt_burger(text) {
                return None;
            }
            GEGEVENS_VERWERKING
                .find_iter(n)
                .find(|m| !ontkend(n.get(..m.start()).unwrap_or("")))
                .map(map)
        });
        if let Some(span) = found {
            let woorden = r
                .slice(span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Verwerking {
                article,
                span,
                woorden,
            });
        }
    }
    out
}

// --- verplichtingen voor bedrijven en instellingen (PROC-003) ---------------

/// Nouns for businesses, institutions and professionals, with a determiner.
static BEDRIJF_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:de|een|iedere|elke|ieder|elk)\s+(?:(?:houder van een (?:vergunning|erkenning|ontheffing))|ondernemingen|onderneming|ondernemers?|werkgevers?|zorgaanbieders?|zorgverleners?|jeugdhulpaanbieders?|aanbieders?|exploitant(?:en)?|vergunninghouders?|fabrikant(?:en)?|importeurs?|distributeurs?|producent(?:en)?|leveranciers?|handelaren|handelaars?|verhuurders?|netbeheerders?|beheerders?|instellingen|instelling|onderwijsinstelling(?:en)?|kinderopvangorganisaties?|houders?|pensioenuitvoerders?|verzekeraars?|accountants?|notarissen|notaris|advocaten|advocaat|apothekers?|verwerkers?|vervoerders?|inrichtinghouders?|bouwers?|opdrachtgevers?)\b",
    )
});

/// "Jaarlijks verstrekt de werkgever …": an opening, an information verb, then the subject.
static BEDRIJF_INVERSIE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:jaarlijks|ieder jaar|elk jaar|maandelijks|per kwartaal|tevens|voorts|daarbij|daartoe|hiertoe|onverwijld|desgevraagd|bij (?:de|het|een) [^,;]{1,60}?|binnen [^,;]{1,60}?|uiterlijk [^,;]{1,60}?|na afloop van [^,;]{1,60}?|voor (?:de|het) [^,;]{1,60}?)\s+(?:verstrekt|verstrekken|meldt|melden|registreert|registreren|administreert|bewaart|bewaren|rapporteert|rapporteren|legt|leggen|houdt|houden|doet|doen|zendt|zenden|levert|leveren|overlegt|publiceert|informeert|dient|stelt)\s+(?:de|een|iedere|elke|ieder|elk)\s+",
    )
});

/// Information obligations: registration, administration, reporting,
/// notification, keeping records, handing over documents.
static INFORMATIEPLICHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:registreert|registreren|administreert|administreren|bewaart|bewaren|rapporteert|rapporteren|meldt|melden|verstrekt|verstrekken|overlegt|overleggen|publiceert|publiceren|informeert|informeren)\b|\b(?:legt|leggen)\b[^.;]{1,80}?\bover\b|\b(?:houdt|houden)\b[^.;]{1,80}?\bbij\b|\b(?:doet|doen)\b[^.;]{1,80}?\b(?:mededeling|opgave|melding|aangifte)\b|\b(?:zendt|zenden|levert|leveren)\b[^.;]{1,80}?\b(?:toe|aan)\b|\b(?:dient|dienen)\b[^.;]{1,80}?\bin\b|\b(?:stelt|stellen)\b[^.;]{1,80}?\b(?:verslag|jaarverslag|rapportage|rapport|plan|overzicht|register|administratie)\b[^.;]{0,40}?\bop\b|\b(?:is|zijn) verplicht\b|\b(?:is|zijn) gehouden\b|\bdraagt er zorg voor dat\b[^.;]{0,120}?\b(?:geregistreerd|vastgelegd|bewaard|gemeld|verstrekt|bijgehouden)\b",
    )
});
/// A right, a permission, a passive or a relative clause between subject and verb.
static GEEN_PLICHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:kan|kunnen|mag|mogen|wordt|worden|werd|werden|heeft recht|hebben recht|die|dat|wie|welke|waarvan|waaraan|waarop|waarin|waarmee|waarbij|waardoor)\b",
    )
});

/// An information obligation of a business, an institution or a professional.
#[derive(Debug, Clone)]
pub(crate) struct Bedrijfsplicht {
    pub article: usize,
    pub sentence: Span,
    /// The subject as written, lowercase ("de werkgever").
    pub subject: String,
    /// The obligation verb as written.
    pub marker: String,
}

/// Information obligations in the regulation for businesses, institutions
/// and professionals ("De werkgever registreert …", "Jaarlijks verstrekt de
/// exploitant …"), at most one per sentence. The subject must open the
/// sentence (or follow an inverted verb after an opening adverbial); a
/// right, a permission or a passive ("De werkgever kan …", "… wordt
/// verstrekt") does not count.
pub(crate) fn bedrijfsplichten(ctx: &Context<'_>) -> Vec<Bedrijfsplicht> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (article, s) in plichten::artikelzinnen(r, false) {
        let text = r.slice(s);
        let norm = NormalizedText::new(text.trim());
        let n = norm.as_str();
        // Subject at the start, or after an inverted verb.
        let (subject_at, inverted) = match BEDRIJF_INVERSIE.find(n) {
            Some(m) => (m.end(), true),
            None => (0, false),
        };
        let lead = if inverted {
            // Re-read the determiner that the inversion pattern consumed.
            n.get(..subject_at)
                .and_then(|p| p.trim_end().rfind(' '))
                .map_or(subject_at, |i| i + 1)
        } else {
            0
        };
        let rest = n.get(lead..).unwrap_or("");
        let Some(subj) = BEDRIJF_SUBJECT.find(rest) else {
            continue;
        };
        let subject = subj.as_str().to_string();
        let marker = if inverted {
            // The inverted verb itself is the marker.
            n.get(..lead)
                .and_then(|p| p.split_whitespace().last())
                .map(str::to_string)
        } else {
            let after = rest.get(subj.end()..).unwrap_or("");
            INFORMATIEPLICHT.find(after).and_then(|m| {
                let between = after.get(..m.start()).unwrap_or("");
                (!GEEN_PLICHT.is_match(between)).then(|| m.as_str().to_string())
            })
        };
        let Some(marker) = marker else { continue };
        let short = marker
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Bedrijfsplicht {
            article,
            sentence: s,
            subject,
            marker: short,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        for r in [
            &*UITVOERING_VAN,
            &*ONTKEND_VOOR,
            &*PERSOONSGEGEVENS,
            &*BSN,
            &*GEGEVENS_VERWERKING,
            &*PERSOON,
            &*BEDRIJF_SUBJECT,
            &*BEDRIJF_INVERSIE,
            &*INFORMATIEPLICHT,
            &*GEEN_PLICHT,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn negation_before_match() {
        assert!(ontkend("er worden geen "));
        assert!(ontkend("de verwerking heeft geen betrekking op "));
        assert!(!ontkend("de svb verwerkt "));
    }

    fn data() -> &'static wetlint_data::Data {
        wetlint_data::Data::builtin().expect("builtin data")
    }

    #[test]
    fn finds_business_obligations_and_processing() {
        let t = "# Wet van 3 maart 2027, houdende regels over de registratie van zonnepanelen (Wet registratie zonnepanelen)\n\n### Artikel 1\n\n1. De exploitant registreert jaarlijks het vermogen van de installatie.\n\n2. Jaarlijks verstrekt de netbeheerder Onze Minister een overzicht.\n\n3. De exploitant kan een ontheffing aanvragen.\n\n### Artikel 2\n\nOnze Minister verwerkt persoonsgegevens, waaronder het burgerservicenummer, voor de uitvoering van deze wet.\n\n### Artikel 3\n\nBij de registratie worden geen persoonsgegevens verwerkt.\n";
        let doc = wetlint_syntax::parse(t, Some("regeling.md"));
        let ctx = Context::new(
            Some(Source {
                path: "regeling.md",
                text: t,
                doc: &doc,
            }),
            None,
            data(),
            crate::Profile::Concept,
        );
        let p = bedrijfsplichten(&ctx);
        let subjects: Vec<&str> = p.iter().map(|p| p.subject.as_str()).collect();
        assert_eq!(subjects, ["de exploitant", "de netbeheerder"]);
        assert_eq!(p[1].marker, "verstrekt");
        let v = verwerkingen(&ctx);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].woorden, "persoonsgegevens");
    }
}
