use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{Clause, DocumentKind, ReferenceKind, Resolution, Span};

use super::metrics::{
    article_blocks, definition_spans, in_any, label, label_cap, own_bwb, plain, regular,
};
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status, W};
use crate::text::join_nl;
use crate::{Context, Finding, Findings, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// De verwijzingen naar andere regelingen. De regel meldt:
    /// - een artikel dat naar zes of meer bepalingen in andere regelingen
    ///   verwijst, of naar drie of meer verschillende andere regelingen
    ///   (waarschuwing); verwijzingen in begripsbepalingen tellen niet mee,
    ///   want een verwijzende definitie is juist gewenst, en in een algemene
    ///   maatregel van bestuur of ministeriële regeling telt "de wet" waarop zij
    ///   berust niet als andere regeling overgangs-, intrekkings- en
    ///   inwerkingtredingsbepalingen en de artikelen van een wijzigingsregeling
    ///   verwijzen uit hun aard naar andere regelingen en tellen niet mee;
    /// - een **keten**: een bepaling verklaart een bepaling van deze regeling
    ///   van (overeenkomstige) toepassing die zelf weer een andere bepaling van
    ///   overeenkomstige toepassing verklaart (waarschuwing);
    /// - in een wet: een verwijzing naar een **met name genoemde lagere
    ///   regeling**, zoals "artikel 3 van het Besluit …" of "de
    ///   Uitvoeringsregeling …" (waarschuwing);
    /// - een regeling die naar 25 of meer andere regelingen verwijst (info,
    ///   één melding).
    ///
    /// Het aantal externe verwijzingen, het aantal verschillende regelingen
    /// (fan-out) en de verwijzingsdichtheid per artikel staan in de
    /// fragmentatiemetrieken van het batchrapport. Met een index
    /// (`wetlint check --index`) herkent de regel lagere regelingen aan hun
    /// soort in plaats van aan hun naam.
    ///
    /// De regel zwijgt bij wijzigingsartikelen (die verwijzen per definitie naar
    /// de gewijzigde regeling), bij artikelen die in een wijziging staan, bij
    /// verwijzingen naar de regeling zelf en bij verwijzingen naar EU-handelingen
    /// die toevallig "besluit" heten.
    ///
    /// ## Waarom
    /// Elke verwijzing dwingt de lezer een andere tekst te openen. Verwijzingen
    /// die de toegankelijkheid onnodig schaden, ketens van verwijzingen en
    /// verwijzingen naar met name genoemde lagere regelingen worden vermeden
    /// (Ar 2012, 78); een wet die een lagere regeling bij naam noemt, raakt
    /// bovendien verouderd zodra die regeling wordt vervangen. Een
    /// overeenkomstige toepassing vraagt de lezer de bepaling zelf om te zetten;
    /// een keten daarvan is voor een burger niet meer te volgen.
    ///
    /// ## Voorbeeld
    /// "Artikel 9 is van overeenkomstige toepassing", waarbij artikel 9 op zijn
    /// beurt artikel 4 van overeenkomstige toepassing verklaart; of in een wet:
    /// "de eisen, bedoeld in artikel 2 van het Besluit kwaliteit
    /// voorzieningen".
    ///
    /// ## In plaats daarvan
    /// Schrijf een korte regel uit in plaats van ernaar te verwijzen, verwijs
    /// rechtstreeks naar de bepaling die de inhoud geeft, en verwijs in een wet
    /// naar "de regels, gesteld krachtens artikel …" in plaats van naar de
    /// lagere regeling bij naam.
    ///
    /// ## Bron
    /// Aanwijzing 3.29 van de Aanwijzingen voor de regelgeving; Aanwijzingen
    /// (2012) 78.
    pub struct ExterneVerwijzingen {
        code: "FRAG-003",
        name: "externe-verwijzingen",
        category: Category::Fragmentatie,
        summary: "Veel of geketende verwijzingen naar andere regelingen",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["3.29"],
        aliases: &[],
    }
}

/// From this many distinct provisions of other regulations in one article, a warning.
pub(crate) const VEEL_BEPALINGEN: usize = 6;
/// From this many distinct other regulations in one article, a warning.
pub(crate) const VEEL_REGELINGEN: usize = 3;
/// From this fan-out, one info finding for the regulation.
pub(crate) const GROTE_FANOUT: usize = 25;

/// One reference to another regulation.
#[derive(Debug, Clone)]
pub(crate) struct ExtRef {
    pub span: Span,
    pub article: Option<usize>,
    /// Identity of the other regulation (BWB id, else the lowercased name);
    /// `None` for "die wet", "dat besluit".
    pub key: Option<String>,
    /// The regulation's name as written, for messages.
    pub name: String,
    pub bwb: Option<String>,
    pub target: Option<String>,
    pub in_definition: bool,
}

static BW_BOEK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Boek\s+\d+[a-z]?|(?:Eerste|Tweede|Derde|Vierde|Vijfde|Zesde|Zevende|Achtste|Negende|Tiende)\s+Boek)\s+van\s+het\s+Burgerlijk\s+Wetboek(?:\s+BES)?")
        .expect("valid regex")
});

static WETBOEK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Wetboek\s+van\s+(?:Burgerlijke\s+Rechtsvordering|Strafrecht|Strafvordering|Koophandel)|Burgerlijk\s+Wetboek|Grondwet)(?:\s+BES)?\b")
        .expect("valid regex")
});
static AFKORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z0-9&]{1,9}(?:\s+(?:\d{4}|BES))*(?:\s|$)").expect("valid regex")
});
/// "van Boek 3" inside the Burgerlijk Wetboek.
static BOEK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Boek\s+\d+[a-z]?\b").expect("valid regex"));
static SAMENSTELLING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][\p{L}-]*\p{Ll}(?:wet|besluit|regeling|reglement|verordening|wetboek|richtlijn)(?:\s+(?:\d{4}|BES)\b)*")
        .expect("valid regex")
});

/// Words after which a regulation's name cannot continue: the parser reads up
/// to fourteen words after "van de", so "… van de Wet X is van toepassing"
/// yields "Wet X is van toepassing".
const EINDE_NAAM: [&str; 63] = [
    "is",
    "zijn",
    "wordt",
    "worden",
    "werd",
    "werden",
    "kan",
    "kunnen",
    "heeft",
    "hebben",
    "had",
    "moet",
    "moeten",
    "mag",
    "mogen",
    "zal",
    "zullen",
    "wenst",
    "blijft",
    "blijven",
    "gelezen",
    "luidde",
    "luidt",
    "luidden",
    "stelt",
    "geldt",
    "gelden",
    "bevat",
    "verstrekt",
    "vermelde",
    "vereiste",
    "aangewezen",
    "bedoelde",
    "genoemde",
    "gestelde",
    "vastgestelde",
    "voldoet",
    "die",
    "dat",
    "welke",
    "waaruit",
    "waarin",
    "waarbij",
    "waarvan",
    "waarop",
    "waarmee",
    "dan",
    "indien",
    "tenzij",
    "wanneer",
    "zodra",
    "alsmede",
    "alsook",
    "evenals",
    "zoals",
    "onderscheidenlijk",
    "respectievelijk",
    "behoudens",
    "onverminderd",
    "ingevolge",
    "bij",
    "te",
    "als",
];

/// "artikel 7:1 van de Algemene wet bestuursrecht" → "Algemene wet bestuursrecht";
/// "Wet X is van toepassing" → "Wet X".
pub(crate) fn regulation_name(raw: &str) -> String {
    let p = plain(raw);
    let lower = p.to_lowercase();
    // "… artikel 8:81 van de Algemene wet bestuursrecht": the name follows
    // the last "van de" after the provision.
    let provision = [
        "artikel",
        "hoofdstuk",
        "titel",
        "afdeling",
        "paragraaf",
        "onderdeel",
    ]
    .iter()
    .filter_map(|w| lower.find(w))
    .min();
    let cut = provision.and_then(|pos| {
        [" van de ", " van het "]
            .iter()
            .filter_map(|sep| lower.rfind(sep).filter(|i| *i > pos).map(|i| i + sep.len()))
            .max()
    });
    let name = match cut {
        Some(i) => p.get(i..).unwrap_or(&p),
        None => p.as_str(),
    };
    let name = name.trim().trim_end_matches(['.', ',', ';']);
    let name = name
        .strip_prefix("de ")
        .or_else(|| name.strip_prefix("het "))
        .unwrap_or(name)
        .trim();
    if let Some(m) = BW_BOEK.find(name).or_else(|| WETBOEK.find(name)) {
        return m.as_str().to_string();
    }
    if let Some(m) = BOEK.find(name) {
        return format!("{} van het Burgerlijk Wetboek", m.as_str());
    }
    // "BBRA 1984 toegekend": an abbreviation, with an optional year.
    if let Some(m) = AFKORTING.find(name) {
        return m.as_str().trim().to_string();
    }
    // "Kernenergiewet gevangenisstraf", "Bouwbesluit 2012 is": a compound
    // name is one word, with an optional year or "BES".
    if let Some(m) = SAMENSTELLING.find(name) {
        return m.as_str().to_string();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if w.contains(['«', '»', '(', ')']) && i > 0 {
            break;
        }
        if i > 0 && EINDE_NAAM.contains(&lw.as_str()) {
            break;
        }
        let next = words
            .get(i + 1)
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        let next_function = matches!(
            next.as_str(),
            "de" | "het"
                | "een"
                | "artikel"
                | "artikelen"
                | "in"
                | "op"
                | "van"
                | "te"
                | "aan"
                | "bij"
                | "die"
                | "dat"
                | "verband"
                | "afwijking"
                | "welke"
                | "zijn"
                | "haar"
        );
        if i > 0 && matches!(lw.as_str(), "en" | "of" | "in" | "aan" | "met") && next_function {
            break;
        }
        out.push(w);
    }
    while out.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "en" | "of" | "in" | "op" | "van" | "de" | "het" | "aan" | "met" | "voor" | "tot"
        )
    }) {
        out.pop();
    }
    out.join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// True for a name that looks like a regulation's name, not a provision or
/// a piece of sentence ("artikelen 179 tot en met 182", "verzoeken om …").
fn looks_like_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    name.chars().next().is_some_and(char::is_uppercase) && !lower.starts_with("artikel")
        || matches!(
            lower.as_str(),
            "wet" | "besluit" | "regeling" | "verordening" | "richtlijn"
        )
}

/// The citeertitel in the index that starts the name ("Wet X is van
/// toepassing" → "Wet X"), if any.
fn indexed_name<'i>(
    idx: &'i wetlint_index::Index,
    name: &str,
) -> Option<&'i wetlint_index::Regulation> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=words.len().min(14))
        .rev()
        .find_map(|k| idx.by_citeertitel(&words[..k].join(" ")))
}

/// Every reference to another regulation in the regulation's own articles
/// (definitions included), without references to itself.
pub(crate) fn external_refs(ctx: &Context<'_>) -> Vec<ExtRef> {
    let Some(r) = ctx.regeling else {
        return Vec::new();
    };
    let doc = r.doc;
    let own = own_bwb(r.path);
    let own_title = doc
        .citeertitel
        .as_ref()
        .map(|c| c.text.to_lowercase())
        .unwrap_or_default();
    let defs = definition_spans(doc);
    let mut out = Vec::new();
    for x in &doc.references {
        let ReferenceKind::External { regulation, bwb_id } = &x.kind else {
            continue;
        };
        if let Some(ai) = x.from_article
            && doc.articles.get(ai).is_some_and(|a| !regular(a))
        {
            continue;
        }
        if bwb_id.is_some() && bwb_id.as_deref() == own {
            continue;
        }
        let indexed = ctx.index.and_then(|i| {
            let raw = plain(regulation);
            let raw = raw.trim_start_matches("de ").trim_start_matches("het ");
            indexed_name(i, raw).or_else(|| indexed_name(i, &regulation_name(regulation)))
        });
        let mut name = match indexed.and_then(|r| r.citeertitel.clone()) {
            Some(c) => c,
            None => regulation_name(regulation),
        };
        // A link labelled with the provision only: name it from the index, or by its BWB id.
        if !looks_like_name(&name)
            && let Some(b) = bwb_id
        {
            name = ctx
                .index
                .and_then(|i| {
                    let pos = *super::metrics::bwb_index(i).get(b)?;
                    i.regulations.get(pos as usize)?.citeertitel.clone()
                })
                .unwrap_or_else(|| b.clone());
        }
        let lower = name.to_lowercase();
        if lower.is_empty() || (!own_title.is_empty() && lower == own_title) {
            continue;
        }
        // "die wet", "dat besluit", or no name at all ("op 10 oktober … gesloten verdrag").
        let unnamed = ["die ", "dat ", "deze ", "dit ", "diens "]
            .iter()
            .any(|p| lower.starts_with(p))
            || !looks_like_name(&name);
        let key = match (bwb_id, indexed.and_then(|r| r.bwb_id.clone()), unnamed) {
            (Some(b), _, _) => Some(b.clone()),
            (None, Some(b), _) => Some(b),
            (None, None, true) => None,
            (None, None, false) => Some(lower),
        };
        out.push(ExtRef {
            span: x.span,
            article: x.from_article,
            key,
            name,
            bwb: bwb_id.clone(),
            target: x.target.article.clone(),
            in_definition: in_any(&defs, x.span.start),
        });
    }
    out.sort_by_key(|e| e.span.start);
    out
}

/// "artikel 5 is van overeenkomstige toepassing": the reference at `span` is
/// what the sentence declares applicable (not a condition "indien artikel 5
/// van toepassing is").
fn declares_ovt(text: &str, sents: &[Span], span: Span) -> bool {
    static NA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[^.;]{0,200}?\b(?:is|zijn|blijft|blijven|wordt|worden)\s+(?:\S+\s+){0,4}?van\s+overeenkomstige\s+toepassing|^[^.;]{0,200}?\bvan\s+overeenkomstige\s+toepassing\s+(?:verklaard|is|zijn)")
            .expect("valid regex")
    });
    static VOORWAARDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:indien|tenzij|voor\s+zover|voorzover|wanneer|ingeval|zolang|als)\b[^,;]*$",
        )
        .expect("valid regex")
    });
    let Some(s) = sents.iter().find(|s| s.contains(span.start)) else {
        return false;
    };
    let after = text.get(span.end..s.end).unwrap_or("");
    let before = text.get(s.start..span.start).unwrap_or("");
    NA.is_match(after) && !VOORWAARDE.is_match(before)
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

static LAGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Besluit|Regeling|Uitvoeringsbesluit|Uitvoeringsregeling|Tijdelijk besluit|Tijdelijke regeling)\s+[a-zà-ÿ]|[A-Z][a-zà-ÿ-]+(?:besluit|regeling)(?:\s+\d{4})?$)",
    )
    .expect("valid regex")
});
static NIET_LAGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?:eu|eg|eeg|euratom)\)|\d+/\d+|\b(?:raad|commissie|europe\w*|koninklijk|besluit\s+van\s+\d|nr\.)")
        .expect("valid regex")
});

/// True when `e` names a lower regulation (an AMvB or a ministeriële regeling).
fn lagere_regeling(ctx: &Context<'_>, e: &ExtRef) -> bool {
    if let Some(idx) = ctx.index {
        let reg = match &e.bwb {
            Some(b) => super::metrics::bwb_index(idx)
                .get(b)
                .and_then(|&i| idx.regulations.get(i as usize)),
            None => idx.by_citeertitel(&e.name),
        };
        if let Some(reg) = reg {
            return matches!(reg.kind.as_str(), "amvb" | "ministeriele-regeling");
        }
    }
    LAGER.is_match(&e.name) && !NIET_LAGER.is_match(&e.name)
}

impl Rule for ExterneVerwijzingen {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        let ext = external_refs(ctx);

        // Many external references in one article (definitions excluded).
        // Transitional, repealing and final provisions, and the articles of a
        // wijzigingsregeling, refer to other regulations by their nature.
        let verwijst_van_nature = |ai: usize| {
            doc.kind() == DocumentKind::Wijzigingsregeling
                || doc.articles.get(ai).is_none_or(|a| {
                    a.is_roman()
                        || a.clauses.iter().any(|c| {
                            matches!(
                                c,
                                Clause::Overgangsrecht
                                    | Clause::Intrekking
                                    | Clause::Inwerkingtreding
                            )
                        })
                })
        };
        let mut i = 0;
        while i < ext.len() {
            let Some(ai) = ext[i].article else {
                i += 1;
                continue;
            };
            let j = i + ext[i..]
                .iter()
                .take_while(|e| e.article == Some(ai))
                .count();
            if verwijst_van_nature(ai) {
                i = j;
                continue;
            }
            // Definitions refer by design; "de wet" of an AMvB is its own basis.
            let group: Vec<&ExtRef> = ext[i..j]
                .iter()
                .filter(|e| !e.in_definition && e.key.as_deref() != Some("wet"))
                .collect();
            i = j;
            let mut targets: Vec<(&str, &str)> = group
                .iter()
                .filter_map(|e| Some((e.key.as_deref()?, e.target.as_deref().unwrap_or(""))))
                .collect();
            targets.sort_unstable();
            targets.dedup();
            // Distinct other regulations, in order of first reference.
            let mut regs: Vec<(&str, &str)> = Vec::new();
            for e in &group {
                if let Some(k) = e.key.as_deref()
                    && !regs.iter().any(|(x, _)| *x == k)
                {
                    regs.push((k, e.name.as_str()));
                }
            }
            if targets.len() < VEEL_BEPALINGEN && regs.len() < VEEL_REGELINGEN {
                continue;
            }
            let Some(first) = group.first() else { continue };
            let shown: Vec<String> = regs.iter().take(4).map(|(_, n)| n.to_string()).collect();
            let more = if regs.len() > 4 {
                format!(" en {} andere", regs.len() - 4)
            } else {
                String::new()
            };
            out.push(
                Finding::new(
                    Which::Regeling,
                    first.span,
                    format!(
                        "{} verwijst naar {} bepalingen in {} andere regeling{} ({}{more}).",
                        label_cap(doc, ai),
                        targets.len(),
                        regs.len(),
                        if regs.len() == 1 { "" } else { "en" },
                        join_nl(&shown)
                    ),
                )
                .help(
                    "Beperk verwijzingen die de lezer dwingen andere regelingen te openen: schrijf korte regels \
                     uit, of verwijs naar één bepaling die de inhoud geeft (Ar 2012, 78; Ar 3.29).",
                ),
            );
        }

        // Chains of overeenkomstige toepassing.
        let blocks = article_blocks(doc);
        let mut refs: Vec<&wetlint_syntax::Reference> = doc.references.iter().collect();
        refs.sort_by_key(|x| x.span.start);
        let refs_in = |span: Span| {
            let lo = refs.partition_point(|x| x.span.start < span.start);
            let hi = refs.partition_point(|x| x.span.start < span.end);
            refs.get(lo..hi).unwrap_or(&[]).to_vec()
        };
        for (ai, a) in doc.own_articles() {
            if !regular(a) {
                continue;
            }
            let Some(bs) = blocks.get(ai) else { continue };
            'blocks: for b in bs {
                let t = r.text.get(b.text.start..b.text.end).unwrap_or("");
                if !t.contains("overeenkomstige toepassing") {
                    continue;
                }
                let sents = crate::text::sentences(r.text, b.text);
                for x in refs_in(b.text) {
                    if !declares_ovt(r.text, &sents, x.span) {
                        continue;
                    }
                    let Resolution::Resolved { article: tb, lid } = x.resolution else {
                        continue;
                    };
                    let Some(ta) = doc.articles.get(tb) else {
                        continue;
                    };
                    let target_span = match lid.and_then(|l| ta.leden.get(l)) {
                        Some(l) => l.span,
                        None => {
                            // "artikel 13, vijfde en zesde lid": leden the parser did not read.
                            let after = r
                                .text
                                .get(x.span.end..(x.span.end + 40).min(b.text.end))
                                .unwrap_or("");
                            if !ta.leden.is_empty() && after.contains(" lid") {
                                continue;
                            }
                            ta.span
                        }
                    };
                    if target_span.contains(x.span.start) {
                        continue;
                    }
                    let tt = r.text.get(target_span.start..target_span.end).unwrap_or("");
                    if !tt.contains("overeenkomstige toepassing") {
                        continue;
                    }
                    // The target itself declares another provision applicable.
                    let tsents = crate::text::sentences(r.text, target_span);
                    let onward = refs_in(target_span).into_iter().find(|y| {
                        let back = matches!(y.resolution, Resolution::Resolved { article, .. } if article == ai);
                        !back
                            && matches!(y.kind, ReferenceKind::Internal | ReferenceKind::External { .. })
                            && declares_ovt(r.text, &tsents, y.span)
                    });
                    let Some(onward) = onward else { continue };
                    out.push(
                        Finding::new(
                            Which::Regeling,
                            x.span,
                            format!(
                                "Keten van verwijzingen in {}: '{}' wordt van overeenkomstige toepassing verklaard, en \
                                 die bepaling verklaart op haar beurt '{}' van overeenkomstige toepassing.",
                                label(doc, ai),
                                lower_first(&plain(&x.text)),
                                lower_first(&plain(&onward.text))
                            ),
                        )
                        .help(
                            "Verwijs rechtstreeks naar de bepaling die de inhoud geeft, of schrijf de regel uit \
                             (Ar 2012, 78).",
                        )
                        .related(Which::Regeling, onward.span, "de verwijzing waarop de keten doorloopt"),
                    );
                    break 'blocks;
                }
            }
        }

        // A wet that names a lower regulation.
        if doc.kind() == DocumentKind::Wet {
            let mut seen: Vec<(usize, String)> = Vec::new();
            for e in &ext {
                let (Some(ai), Some(key)) = (e.article, e.key.as_ref()) else {
                    continue;
                };
                if seen.iter().any(|(a, k)| *a == ai && k == key) || !lagere_regeling(ctx, e) {
                    continue;
                }
                seen.push((ai, key.clone()));
                out.push(
                    Finding::new(
                        Which::Regeling,
                        e.span,
                        format!(
                            "{} van de wet verwijst bij naam naar een lagere regeling: {}.",
                            label_cap(doc, ai),
                            e.name
                        ),
                    )
                    .help(
                        "Verwijs in een wet niet naar een lagere regeling bij naam, maar naar de grondslag: \"de \
                         regels, gesteld krachtens artikel …\" (Ar 2012, 78, derde lid).",
                    ),
                );
            }
        }

        // Fan-out of the whole regulation.
        let mut keys: Vec<&str> = ext.iter().filter_map(|e| e.key.as_deref()).collect();
        keys.sort_unstable();
        keys.dedup();
        if keys.len() >= GROTE_FANOUT {
            let anchor = doc.title.as_ref().map_or_else(
                || ext.first().map_or(Span::new(0, 0), |e| e.span),
                |t| t.span,
            );
            out.push(
                Finding::new(
                    Which::Regeling,
                    anchor,
                    format!(
                        "De regeling verwijst naar {} andere regelingen ({} verwijzingen).",
                        keys.len(),
                        ext.len()
                    ),
                )
                .help(
                    "Een grote fan-out maakt de regeling moeilijk zelfstandig te lezen. Ga na welke verwijzingen \
                     kunnen vervallen of door de regel zelf kunnen worden vervangen (Ar 2012, 78).",
                )
                .at_most(Severity::Info),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_link_labels() {
        assert_eq!(
            regulation_name("[artikel 7:1 van de Algemene wet bestuursrecht](../x.md)"),
            "Algemene wet bestuursrecht"
        );
        assert_eq!(
            regulation_name("het Besluit kwaliteit"),
            "Besluit kwaliteit"
        );
        assert!(LAGER.is_match("Besluit kwaliteit voorzieningen"));
        assert!(LAGER.is_match("Vreemdelingenbesluit 2000"));
        assert!(!LAGER.is_match("Wet op de zorgtoeslag"));
        assert!(NIET_LAGER.is_match("Besluit 2010/12/EU van de Raad"));
        assert_eq!(
            regulation_name("Wet op de zorgtoeslag is van toepassing"),
            "Wet op de zorgtoeslag"
        );
        assert_eq!(
            regulation_name("Boek 8 van het Burgerlijk Wetboek in verband met de artikelen 192"),
            "Boek 8 van het Burgerlijk Wetboek"
        );
        assert_eq!(
            regulation_name("Wet werk en bijstand en de artikelen 3"),
            "Wet werk en bijstand"
        );
        assert_eq!(
            regulation_name("Kernenergiewet gevangenisstraf"),
            "Kernenergiewet"
        );
        assert_eq!(
            regulation_name("Wegenverkeerswet 1994 is"),
            "Wegenverkeerswet 1994"
        );
        assert_eq!(
            regulation_name("Wetboek van Strafrecht gedaan"),
            "Wetboek van Strafrecht"
        );
        assert_eq!(
            regulation_name("Boek 3 vervatte uitsluiting"),
            "Boek 3 van het Burgerlijk Wetboek"
        );
        assert_eq!(
            regulation_name("paragraaf 4.1.3.3 van de Algemene wet bestuursrecht"),
            "Algemene wet bestuursrecht"
        );
        assert_eq!(regulation_name("Dienstenrichtlijn en"), "Dienstenrichtlijn");
        assert_eq!(regulation_name("BBRA 1984 toegekend op grond"), "BBRA 1984");
        assert_eq!(
            regulation_name("EG-verordening 1234"),
            "EG-verordening 1234"
        );
    }
}
