use std::collections::BTreeMap;
use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Container, DocumentKind, Span};

use super::slot::{has_quotes, in_quotes, is_checked_regulation, own_blocks};
use crate::rule::{Category, I, OFF, Rule, RuleMeta, Scope, Status};
use crate::text::sentences;
use crate::{Context, Finding, Findings, Source, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Formuleringen die de Aanwijzingen afraden, in de eigen artikelen van de
    /// regeling:
    ///
    /// - een voorschrift met "moet", "moeten", "dient te" of "dienen te"
    ///   ("Het verzoek dient te worden gemotiveerd" wordt "Het verzoek wordt
    ///   gemotiveerd");
    /// - "indien en voor zover" (schrijf "voor zover");
    /// - "en/of" en "c.q.";
    /// - een volzin of zinsnede tussen haakjes ("(bijvoorbeeld …)", "(met
    ///   uitzondering van …)");
    /// - "Wij" of "Ons" voor de Koning in een wet of algemene maatregel van
    ///   bestuur, waar "koninklijk besluit" kan.
    ///
    /// En in de toelichting (was LEG-017): een zin die een burger, bedrijf of
    /// bestuursorgaan iets voorschrijft ("De aanvrager moet een kopie van zijn
    /// paspoort overleggen.") zonder te verwijzen naar de regeling ("op grond
    /// van artikel 3", "het eerste lid bepaalt"). Zo'n zin stelt een regel die
    /// in de regeling hoort.
    ///
    /// De regel zwijgt over tekst tussen aanhalingstekens (te vervangen of
    /// aangehaalde tekst), over begripsbepalingen die naar een andere regeling
    /// verwijzen ("als bedoeld in"), over "moet" in een bijzin ("de eisen
    /// waaraan de aanvraag moet voldoen", "waarvan hij redelijkerwijs moet
    /// vermoeden") en na "had" of "zou" ("had moeten waarschuwen"), over
    /// "dienen" als "indienen" of "bestemd zijn voor" ("dient een verzoek in",
    /// "dient tot woning"), en over haakjes met een vindplaats ("(Stb. 2026,
    /// 12)", "(PbEU 2016, L 119)"), een citeertitel ("(Wet op de …)"), "hierna:"
    /// of "zie". In de toelichting zwijgt zij bij zinnen over de regeling zelf
    /// ("regelt", "bepaalt", "voorgesteld"), bij verwijzingen naar artikelen en
    /// bij beschrijvingen van geldend recht ("thans", "al", "reeds").
    ///
    /// De regel meldt alleen info en draait niet in het profiel batch.
    ///
    /// ## Waarom
    /// Een voorschrift in de tegenwoordige tijd ("wordt", "verstrekt") is
    /// korter en even dwingend als een met "moet". "En/of", "c.q." en "indien en
    /// voor zover" zijn overbodig of dubbelzinnig. Haakjes maken onduidelijk
    /// of de zinsnede meetelt. Regels horen in de regeling: de toelichting legt
    /// uit, maar bindt niemand.
    ///
    /// ## Voorbeeld
    /// "De aanvraag dient te worden ingediend binnen zes weken (of, indien de
    /// aanvrager in het buitenland verblijft, binnen tien weken) en/of
    /// elektronisch."
    ///
    /// ## In plaats daarvan
    /// "De aanvraag wordt binnen zes weken ingediend. Verblijft de aanvrager in
    /// het buitenland, dan is de termijn tien weken." Neem een voorschrift dat
    /// nu alleen in de toelichting staat op in de regeling en verwijs daar in
    /// de toelichting naar.
    ///
    /// ## Bron
    /// Aanwijzingen 53, 62, 63, 64, 66 en 68 (2012; het huidige nummer is niet
    /// vastgesteld) en, voor de toelichting, aanwijzing 214 (2012).
    pub struct Formuleringsregels {
        code: "LEG-015",
        name: "formuleringsregels",
        category: Category::Legistiek,
        summary: "Formuleringen die de Aanwijzingen afraden (moet/dient, en/of, c.q., regels in de toelichting)",
        severity: [I, I, I, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &[],
        aliases: &["LEG-017"],
    }
}

static MOET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:moet|moeten|dient|dienen)\b").expect("valid regex"));
/// Modal "dienen" takes "te" + infinitive within its clause.
static DIENT_TE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[^.;:,]{0,90}?\bte\s+\w{3,}").expect("valid regex"));
/// A subordinate clause: "waaraan … moet", "die … moet", "indien … moet".
static BIJZIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:die|dat|welke|welk|wie|wat|waar\w*|indien|als|wanneer|zodra|voordat|nadat|omdat|zodat|tenzij|of|hoewel|doordat|totdat|voor\s*zover|mits|terwijl|opdat|zoals|aangezien|alvorens|ofschoon|naardien|dewelke|hetwelk|hoe|wiens|wier)\b")
        .expect("valid regex")
});
static NIET_NORMATIEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:had|hadden|heeft|hebben|zou|zouden)\s+(?:\w+\s+){0,3}$")
        .expect("valid regex")
});
static INDIEN_EN_VOOR_ZOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:indien|als)\s+en\s+voor\s*zover\b").expect("valid regex")
});
static EN_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\ben\s*/\s*of\b").expect("valid regex"));
static CQ: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bc\.\s?q\.").expect("valid regex"));
static HAAKJES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()\n]{25,})\)").expect("valid regex"));
static VINDPLAATS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:stb|stcrt|trb|pb|pbeg|pbeu|pbl|publicatieblad|kamerstukken|handelingen|bijvoegsel|staatsblad|staatscourant|tractatenblad|hierna|verder\s+te\s+noemen|advies\s+van|nr\.|no\.|eu|eg|eeg|euratom|bwbr|ecli|zie|vgl|art\.|artikel\s+\d|nen|iso|en\s+\d)\b|\b(?:stb|stcrt|trb)\.|\bpb\s*(?:eu|eg)\b|\bpublicatieblad\b|\bkamerstukken\b|readme\.md|https?:|\bhierna\s*:")
        .expect("valid regex")
});
static NAAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[A-Z][^,;:]*\b(?:[Ww]et|[Bb]esluit|[Rr]egeling|[Vv]erordening|[Rr]ichtlijn|[Rr]eglement|[Vv]erdrag|[Cc]ode|[Ww]etboek|[Bb]eschikking|[Ww]et\s+\d{4}|\w+wet|\w+besluit|\w+regeling)\b[^,;:]*$")
        .expect("valid regex")
});
/// A citation of a regulation just before a bracket.
static CITAAT_VOOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wet|besluit|regeling|beschikking)\s+van\s+\d{1,2}\s+\w+\s+\d{4}\b|\b(?:verordening|richtlijn|besluit|beschikking)\s+(?:\((?:eu|eg|eeg|euratom)\)\s+)?(?:nr\.\s*)?\d+/\d+|\bkamerstukken\b")
        .expect("valid regex")
});
/// Parts of citations inside the bracket ("uitvoering richtlijn nr. 2005/68/EG").
static CITAAT_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:richtlijn|verordening|reglement|verdrag|katern)\b|\d+/\d+/(?:eg|eu|eeg)")
        .expect("valid regex")
});
static WIJ_ONS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:Wij|Ons)\b").expect("valid regex"));

/// Addressees of a rule, for normative sentences in the toelichting.
static T_NORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:(?:de|het|een|elke|iedere|alle)\s+)?(?:\w+\s+){0,2}?(?:aanvragers?|belanghebbenden?|werkgevers?|werknemers?|ondernemers?|ondernemingen|bedrijven|burgers?|inwoners?|ingezetenen?|rechthebbenden?|uitkeringsgerechtigden?|betrokkenen?|verzekerden?|verzekeraars?|zorgverzekeraars?|zorgaanbieders?|aanbieders?|exploitanten?|vergunninghouders?|houders?|eigenaars?|eigenaren|bestuurders?|mantelzorgers?|ouders|leerlingen?|studenten?|scholen|instellingen?|college|colleges|gemeenten?)\s+(?:moet|moeten|dient|dienen|is\s+verplicht|zijn\s+verplicht|mag\s+(?:\w+\s+){0,3}?(?:niet|geen)|mogen\s+(?:\w+\s+){0,3}?(?:niet|geen))\b",
    )
    .expect("valid regex")
});
/// The sentence describes the regulation or the law as it stands.
static T_BESCHRIJFT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:op\s+grond\s+van|ingevolge|krachtens|volgens|bedoeld\s+in|artikel\s+[\dIVXLC]|artikelen\s+\d|(?:eerste|tweede|derde|vierde|vijfde|zesde)\s+lid|(?:wets)?voorstel|deze\s+wet|dit\s+besluit|deze\s+regeling|de\s+wet\b|de\s+regeling\b|het\s+besluit\b|bepaling\w*|voorgesteld\w*|regelt|geregeld|bepaalt|bepaald|vastgelegd|verplichting|verplicht\s+gesteld|zal|zullen|zou|zouden|kunnen|kan|thans|reeds|al\b|nu\s+al|op\s+dit\s+moment|huidige|bestaande|voortaan|straks|in\s+de\s+praktijk|awb|algemene\s+wet\s+bestuursrecht)")
        .expect("valid regex")
});

impl Rule for Formuleringsregels {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        if let Some(r) = ctx.regeling
            && is_checked_regulation(r.doc)
        {
            regeling(&r, out);
        }
        if let Some(t) = ctx.toelichting {
            toelichting(&t, out);
        }
    }
}

fn moet_findings(
    doc: &wetlint_syntax::Document,
    moet: BTreeMap<usize, Vec<(Span, String)>>,
    out: &mut Findings,
) {
    for (index, hits) in moet {
        let Some((span, word)) = hits.first() else {
            continue;
        };
        let more = hits.len() - 1;
        let msg = if more == 0 {
            format!("Voorschrift met \"{word}\".")
        } else {
            format!(
                "Voorschrift met \"{word}\"; {} gebruikt \"moeten\" of \"dienen te\" nog {more} keer.",
                super::slot::article_name(&doc.articles[index]),
            )
        };
        push(
            out,
            *span,
            msg,
            "Formuleer het voorschrift in de tegenwoordige tijd, zonder \"moeten\" of \"dienen\": niet \"Het \
             verzoek dient te worden gemotiveerd\" maar \"Het verzoek wordt gemotiveerd\" (aanwijzing 53 (2012)).",
        );
    }
}

fn push(out: &mut Findings, span: Span, msg: impl Into<String>, help: &str) {
    out.push(
        Finding::new(Which::Regeling, span, msg)
            .help(help)
            .at_most(Severity::Info),
    );
}

fn regeling(r: &Source<'_>, out: &mut Findings) {
    let doc = r.doc;
    // Definitions that refer to another regulation ("als bedoeld in").
    let reference_defs: Vec<Span> = doc
        .definitions
        .iter()
        .filter(|d| d.reference_definition || d.definition.contains("bedoeld in"))
        .map(|d| d.span)
        .collect();
    let koning = matches!(doc.kind(), DocumentKind::Wet | DocumentKind::Amvb);
    // "moet"/"dient" per article: one finding at the first, with a count.
    let mut moet: BTreeMap<usize, Vec<(Span, String)>> = BTreeMap::new();
    for (index, b) in own_blocks(doc) {
        if matches!(b.kind, BlockKind::Change | BlockKind::Table)
            || super::slot::is_placeholder_article(r, index)
        {
            continue;
        }
        let text = r.slice(b.text);
        let quoted = |at: usize| in_quotes(r.text, b.text, at);
        let in_ref_def = |at: usize| reference_defs.iter().any(|s| s.start <= at && at < s.end);
        for s in sentences(r.text, b.text) {
            let st = r.slice(s);
            for m in MOET.find_iter(st) {
                let at = s.start + m.start();
                if quoted(at) || in_ref_def(at) || !normative(st, m.start(), m.end(), m.as_str()) {
                    continue;
                }
                if let Container::Article { index } = b.container {
                    moet.entry(index)
                        .or_default()
                        .push((Span::new(at, s.start + m.end()), m.as_str().to_lowercase()));
                }
            }
        }
        for m in INDIEN_EN_VOOR_ZOVER.find_iter(text) {
            let at = b.text.start + m.start();
            if !quoted(at) {
                push(
                    out,
                    Span::new(at, b.text.start + m.end()),
                    format!("\"{}\"; schrijf \"voor zover\".", m.as_str()),
                    "In plaats van \"indien en voor zover\" wordt \"voor zover\" geschreven (aanwijzing 62 (2012)).",
                );
            }
        }
        for m in EN_OF.find_iter(text) {
            let at = b.text.start + m.start();
            if !quoted(at) {
                push(
                    out,
                    Span::new(at, b.text.start + m.end()),
                    "\"en/of\" in de regeling.",
                    "Gebruik \"of\": daaronder valt ook het geval dat meer dan een van de genoemde gevallen zich tegelijk \
                     voordoet (aanwijzing 63 (2012)).",
                );
            }
        }
        for m in CQ.find_iter(text) {
            let at = b.text.start + m.start();
            if !quoted(at) {
                push(
                    out,
                    Span::new(at, b.text.start + m.end()),
                    "\"c.q.\" in de regeling.",
                    "Gebruik \"onderscheidenlijk\" of \"respectievelijk\", of herformuleer (aanwijzing 66 (2012)).",
                );
            }
        }
        for c in HAAKJES.captures_iter(text) {
            let (Some(all), Some(inner)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let at = b.text.start + all.start();
            let inner_s = inner.as_str();
            let before = &text[..all.start()];
            let after = &text[all.end()..];
            let after_link = before.ends_with(']');
            // Part of a citation: "Wet van 1 juli 1994 tot wijziging van …
            // (wijziging voorwaarden …) (Stb. 1994, 507)", "Richtlijn … (herschikking)".
            let window = super::slot::tail(before, 220);
            let citation = CITAAT_VOOR.is_match(window)
                || before.trim_end().ends_with(')')
                || after.trim_start().starts_with('(');
            if after_link || citation || quoted(at) || !bracket_phrase(inner_s) {
                continue;
            }
            push(
                out,
                Span::new(at, b.text.start + all.end()),
                "Zinsnede tussen haakjes.",
                "Zet geen volzinnen of zinsneden tussen haakjes; neem de tekst op in de zin of maak er een eigen zin \
                 van (aanwijzing 64 (2012)).",
            );
        }
        if koning {
            for m in WIJ_ONS.find_iter(text) {
                let at = b.text.start + m.start();
                if !quoted(at) {
                    push(
                        out,
                        Span::new(at, b.text.start + m.end()),
                        format!("\"{}\" voor de Koning in de regeling.", m.as_str()),
                        "Gebruik \"koninklijk besluit\" (\"op een bij koninklijk besluit te bepalen tijdstip\"); \"Wij\" of \
                         \"Ons\" alleen als dat niet kan (aanwijzing 68 (2012)).",
                    );
                }
            }
        }
    }
    moet_findings(doc, moet, out);
}

/// True when "moet"/"dient" at `start..end` of sentence `st` formulates a
/// rule: a main clause that starts the sentence, or the verb right after a
/// leading subordinate clause ("Indien …, moet …").
fn normative(st: &str, start: usize, end: usize, word: &str) -> bool {
    let lower = word.to_lowercase();
    // Modal "dienen" has "te" + infinitive; otherwise "indienen" or "serve".
    if (lower == "dient" || lower == "dienen") && !DIENT_TE.is_match(&st[end..]) {
        return false;
    }
    let before = &st[..start];
    let clause_start = before.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
    let clause = before[clause_start..].trim();
    if NIET_NORMATIEF.is_match(&format!("{clause} ")) {
        return false;
    }
    if clause_start == 0 {
        // The sentence's first clause: a main clause unless it opens with
        // (or contains) a subordinator or relative pronoun.
        return !BIJZIN.is_match(clause);
    }
    // Inversion after a leading clause: ", moet …" or ", dan moet …".
    clause.is_empty() || clause.eq_ignore_ascii_case("dan")
}

/// True for bracketed text that is a phrase, not a citation or a name.
fn bracket_phrase(inner: &str) -> bool {
    let t = inner.trim();
    if VINDPLAATS.is_match(t) || NAAM.is_match(t) || has_quotes(t) || t.contains('«') {
        return false;
    }
    // Formulas and tables of figures.
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    if digits * 3 > t.len()
        || t.contains('=')
        || t.contains(" x ")
        || t.contains('×')
        || t.contains('|')
        || t.contains("<sub>")
        || t.contains(" per ")
    {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    // A name ("certificaat niveau II Warme massa's", "Society of Automotive Engineers").
    let capitals = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    if capitals * 2 >= words.len() || CITAAT_IN.is_match(t) {
        return false;
    }
    words.len() >= 4
}

fn toelichting(t: &Source<'_>, out: &mut Findings) {
    for b in &t.doc.blocks {
        if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        for s in sentences(t.text, b.text) {
            let st = t.slice(s);
            let Some(m) = T_NORM.find(st) else { continue };
            if in_quotes(t.text, b.text, s.start + m.start())
                || T_BESCHRIJFT.is_match(st)
                || st.trim_end().ends_with('?')
            {
                continue;
            }
            let verb = m.as_str().to_lowercase();
            if (verb.ends_with("dient") || verb.ends_with("dienen"))
                && !DIENT_TE.is_match(&st[m.end()..])
            {
                continue;
            }
            out.push(
                Finding::new(
                    Which::Toelichting,
                    s,
                    "De toelichting schrijft hier iets voor zonder naar de regeling te verwijzen; een regel hoort in de regeling.",
                )
                .help(
                    "De toelichting stelt geen regels (aanwijzing 214 (2012)). Neem het voorschrift op in de regeling en \
                     verwijs ernaar (\"Op grond van artikel 3 …\"), of formuleer de zin als uitleg.",
                )
                .at_most(Severity::Info),
            );
        }
    }
}
