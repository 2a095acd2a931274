use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{Clause, Container, DocumentKind, Span};

use super::common::is_amending;
use crate::context::Source;
use crate::rule::{Category, I, Profile, Rule, RuleMeta, Scope, Status, W};
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of een nieuwe wet, algemene maatregel van bestuur, ministeriële regeling
    /// of beleidsregel een citeertitel heeft ("Deze wet wordt aangehaald als:
    /// …"), en of die de vorm van het model volgt:
    ///
    /// - het onderwerp past bij de soort regeling ("Dit besluit wordt
    ///   aangehaald als", niet "Deze wet …" in een besluit);
    /// - alleen het eerste woord heeft een hoofdletter, tenzij een eigennaam
    ///   volgt ("Wet gegevensgestuurde tegemoetkoming energiekosten", niet "Wet
    ///   Gegevensgestuurde Tegemoetkoming Energiekosten");
    /// - de citeertitel staat aan het slot van het opschrift tussen haakjes;
    /// - een regeling die alleen voor Bonaire, Sint Eustatius en Saba geldt,
    ///   heeft "BES" in de citeertitel.
    ///
    /// Een ontbrekende citeertitel is een waarschuwing; de vormpunten zijn
    /// hints. De regel zwijgt bij wijzigingsregelingen (die krijgen alleen een
    /// citeertitel als daaraan behoefte is), bij documenten waarvan de soort
    /// niet vaststaat, en in het batchprofiel over het ontbreken van een
    /// citeertitel en over het opschrift: oudere regelingen hebben vaak geen
    /// citeertitel, en het opschrift van een geconsolideerde tekst is niet het
    /// oorspronkelijke.
    ///
    /// ## Waarom
    /// Met de citeertitel wordt een regeling in andere regelingen, in
    /// toelichtingen en in de praktijk aangehaald. Een vaste vorm voorkomt
    /// varianten die het zoeken en verwijzen bemoeilijken.
    ///
    /// ## Voorbeeld
    /// Een wetsvoorstel waarvan het laatste artikel de inwerkingtreding regelt,
    /// zonder artikel "Deze wet wordt aangehaald als: …". Of "Dit besluit wordt
    /// aangehaald als: Besluit Uitvoering Tegemoetkoming Energiekosten."
    ///
    /// ## In plaats daarvan
    /// Neem als laatste artikel op: "Deze wet wordt aangehaald als: Wet
    /// gegevensgestuurde tegemoetkoming energiekosten.", en vermeld de
    /// citeertitel tussen haakjes aan het slot van het opschrift.
    ///
    /// ## Bron
    /// Aanwijzing 4.24 (noodzaak citeertitel), 4.25 (formulering citeertitel)
    /// en 4.4 (vermelding in het opschrift).
    pub struct Citeertitel {
        code: "LEG-008",
        name: "citeertitel",
        category: Category::Legistiek,
        summary: "Een nieuwe regeling heeft geen (juiste) citeertitel",
        severity: [W, W, W, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["4.24", "4.25", "4.4"],
    }
}

impl Rule for Citeertitel {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        let kind = doc.kind();
        if !matches!(
            kind,
            DocumentKind::Wet
                | DocumentKind::Amvb
                | DocumentKind::MinisterieleRegeling
                | DocumentKind::Beleidsregel
        ) || is_amending(doc)
        {
            return;
        }
        let batch = ctx.profile == Profile::Batch;
        let has_clause = doc
            .own_articles()
            .any(|(_, a)| a.clauses.contains(&Clause::Citeertitel));
        let Some(cite) = doc.citeertitel.as_ref().filter(|_| has_clause) else {
            // The older form "kan worden aangehaald onder de titel: …", which
            // the model does not read as a citeertitel.
            if let Some(m) = OLD_FORM.find(r.text) {
                if !batch {
                    out.push(
                        Finding::new(
                            Which::Regeling,
                            Span::new(m.start(), m.end()),
                            "Gebruik voor de citeertitel het model \"… wordt aangehaald als: …\".",
                        )
                        .help("Ar 4.25, tweede lid: \"Deze wet / dit besluit / deze regeling wordt aangehaald als: …\".")
                        .at_most(Severity::Info),
                    );
                }
                return;
            }
            if !batch && !has_clause && doc.own_articles().next().is_some() {
                missing(&r, kind, out);
            }
            return;
        };
        // "… wordt aangehaald als het Salarisbesluit …": the article is not part of the title.
        let lower = cite.text.to_lowercase();
        let text = ["het ", "de "]
            .iter()
            .find(|a| lower.starts_with(*a))
            .map_or(cite.text.as_str(), |a| &cite.text[a.len()..]);
        subject(&r, kind, cite.span, out);
        capitals(cite.span, text, out);
        bes(&r, cite.span, text, out);
        if !batch {
            opschrift(&r, text, out);
        }
    }
}

static OLD_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wordt|kan\s+worden)\s+aangehaald\s+onder\s+de\s+(?:titel|naam)\b")
        .expect("valid regex")
});

fn model_subject(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Wet => "Deze wet",
        DocumentKind::Amvb => "Dit besluit",
        DocumentKind::MinisterieleRegeling => "Deze regeling",
        DocumentKind::Beleidsregel => "Deze beleidsregel",
        _ => "Deze regeling",
    }
}

/// No citeertitel clause at all.
fn missing(r: &Source<'_>, kind: DocumentKind, out: &mut Findings) {
    let doc = r.doc;
    let anchor = doc
        .title
        .as_ref()
        .map(|t| t.span)
        .or_else(|| doc.own_articles().next().map(|(_, a)| a.heading))
        .unwrap_or_default();
    let subject = model_subject(kind);
    let mut f = Finding::new(
        Which::Regeling,
        anchor,
        format!("{subject} heeft geen citeertitel."),
    )
    .help(format!(
        "Neem als laatste artikel op: \"{subject} wordt aangehaald als: …\" (Ar 4.25), tenzij aan aanhaling in de praktijk geen behoefte zal bestaan (Ar 4.24)."
    ))
    .at_most(Severity::Warning);
    if let Some(fix) = add_article_fix(r, subject) {
        f = f.fix(fix);
    }
    out.push(f);
}

/// Inserts a citeertitel article after the last own article, numbered next.
fn add_article_fix(r: &Source<'_>, subject: &str) -> Option<FixSpec> {
    let doc = r.doc;
    let (_, last) = doc
        .own_articles()
        .filter(|(_, a)| !a.number.is_empty())
        .last()?;
    let next = next_number(&last.number)?;
    let heading_line = r.slice(last.heading);
    let hashes: String = heading_line.chars().take_while(|c| *c == '#').collect();
    let heading = if hashes.is_empty() {
        format!("Artikel {next} Citeertitel")
    } else {
        format!("{hashes} Artikel {next} Citeertitel")
    };
    let at = last.span.end.min(r.text.len());
    let before = r.text.get(..at).unwrap_or("");
    let lead = if before.ends_with("\n\n") {
        ""
    } else if before.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    Some(FixSpec {
        title: format!("Voeg artikel {next} (citeertitel) toe"),
        safe: false,
        edits: vec![FixEdit {
            which: Which::Regeling,
            span: Span::new(at, at),
            content: format!("{lead}{heading}\n\n{subject} wordt aangehaald als: [citeertitel].\n"),
        }],
    })
}

/// "6.3" → "6.4", "12" → "13"; other forms give `None`.
fn next_number(n: &str) -> Option<String> {
    let (head, last) = match n.rfind(['.', ':']) {
        Some(i) => (&n[..=i], &n[i + 1..]),
        None => ("", n),
    };
    let v: u32 = last.parse().ok()?;
    Some(format!("{head}{}", v + 1))
}

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(deze|dit)\s+(rijkswet|wet|besluit|regeling|beleidsregel|verordening|reglement)\s+(?:wordt|kan\s+worden)\s+aangehaald\s+als\s*:?\s*$")
        .expect("valid regex")
});

/// "Deze wet wordt aangehaald als" in a besluit, and similar mismatches.
fn subject(r: &Source<'_>, kind: DocumentKind, cite: Span, out: &mut Findings) {
    let doc = r.doc;
    let Some(block) = doc
        .blocks
        .iter()
        .find(|b| b.text.start <= cite.start && cite.start <= b.text.end)
    else {
        return;
    };
    if !matches!(block.container, Container::Article { .. }) {
        return;
    }
    let lead = r.text.get(block.text.start..cite.start).unwrap_or("");
    let Some(c) = SUBJECT.captures(lead) else {
        return;
    };
    let (Some(whole), Some(noun)) = (c.get(0), c.get(2)) else {
        return;
    };
    let noun = noun.as_str().to_lowercase();
    // A ministerial "Besluit …" (Ar 3.18, toelichting) rightly says "dit
    // besluit": the opschrift's own noun counts too.
    let title_noun = doc
        .title
        .as_ref()
        .and_then(|t| t.text.split_whitespace().next().map(str::to_lowercase))
        .unwrap_or_default();
    if title_noun.ends_with(noun.as_str()) {
        return;
    }
    let fits = match kind {
        DocumentKind::Wet => noun == "wet" || noun == "rijkswet",
        DocumentKind::Amvb => noun == "besluit",
        DocumentKind::MinisterieleRegeling => noun == "regeling",
        DocumentKind::Beleidsregel => noun == "beleidsregel",
        _ => true,
    };
    if fits {
        return;
    }
    let span = Span::new(
        block.text.start + whole.start(),
        block.text.start + whole.end(),
    );
    out.push(
        Finding::new(
            Which::Regeling,
            span,
            format!(
                "De citeertitelbepaling spreekt van \"{} {noun}\", maar dit is een {}.",
                c.get(1).map_or("", |m| m.as_str()).to_lowercase(),
                kind.label_nl()
            ),
        )
        .help(format!(
            "Model (Ar 4.25): \"{} wordt aangehaald als: …\".",
            model_subject(kind)
        ))
        .at_most(Severity::Info),
    );
}

/// Words that keep their capital inside a citeertitel.
const PROPER: [&str; 24] = [
    "Nederland",
    "Nederlandse",
    "Europese",
    "Unie",
    "Koninkrijk",
    "Staten-Generaal",
    "Raad",
    "State",
    "Caribisch",
    "Bonaire",
    "Sint",
    "Eustatius",
    "Saba",
    "Aruba",
    "Curaçao",
    "Maarten",
    "Nationale",
    "Rijk",
    "Kamer",
    "Kamers",
    "Gods",
    "Boek",
    "BES",
    "Amsterdam",
];

/// Title Case ("Wet Tegemoetkoming Energiekosten Huishoudens").
fn capitals(cite: Span, text: &str, out: &mut Findings) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let content: Vec<&str> = words
        .iter()
        .skip(1)
        .copied()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .filter(|w| {
            !matches!(
                *w,
                "van"
                    | "de"
                    | "het"
                    | "en"
                    | "op"
                    | "voor"
                    | "der"
                    | "in"
                    | "tot"
                    | "met"
                    | "of"
                    | "aan"
                    | "bij"
                    | "inzake"
            )
        })
        .filter(|w| !w.chars().all(|c| !c.is_lowercase()))
        .collect();
    let capitalised: Vec<&str> = content
        .iter()
        .copied()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| !PROPER.contains(&w.trim_end_matches([',', '.'])))
        .collect();
    // Title Case starts right after the first word ("Wet Tegemoetkoming
    // Energiekosten …"); capitals after "voor de" belong to a name ("… voor
    // de Kamers van Koophandel en Nijverheid").
    let second_capital = words.get(1).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !PROPER.contains(&w.trim_end_matches([',', '.']))
    });
    if second_capital && content.len() >= 3 && capitalised.len() * 2 > content.len() {
        out.push(
            Finding::new(
                Which::Regeling,
                cite,
                format!("In de citeertitel \"{text}\" heeft alleen het eerste woord een hoofdletter, tenzij een eigennaam volgt."),
            )
            .help("Ar 4.25, derde lid: in beginsel wordt slechts het eerste woord van een citeertitel met een hoofdletter geschreven.")
            .at_most(Severity::Info),
        );
    }
}

static ONLY_BES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:is|zijn)\s+(?:uitsluitend|alleen)\s+van\s+toepassing\s+in\s+de\s+openbare\s+lichamen\s+Bonaire|\bgeldt\s+(?:uitsluitend|alleen)\s+(?:voor|in)\s+(?:de\s+openbare\s+lichamen\s+)?Bonaire")
        .expect("valid regex")
});

/// A regulation only for Bonaire, Sint Eustatius and Saba without "BES".
fn bes(r: &Source<'_>, cite: Span, text: &str, out: &mut Findings) {
    let title_bes = r.doc.title.as_ref().is_some_and(|t| {
        t.text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "BES")
    });
    if !(title_bes || ONLY_BES.is_match(r.text)) {
        return;
    }
    if text.contains("BES") || text.contains("Bonaire") {
        return;
    }
    out.push(
        Finding::new(
            Which::Regeling,
            cite,
            format!("De citeertitel \"{text}\" mist de toevoeging \"BES\", terwijl de regeling alleen voor Bonaire, Sint Eustatius en Saba geldt."),
        )
        .help("Ar 4.25, zesde lid: voeg \"BES\" toe aan de citeertitel, tenzij de eilanden voluit in de citeertitel staan.")
        .at_most(Severity::Info),
    );
}

/// The opschrift ends with the citeertitel in brackets (Ar 4.4).
fn opschrift(r: &Source<'_>, cite: &str, out: &mut Findings) {
    let Some(title) = &r.doc.title else { return };
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let t = norm(&title.text);
    let c = norm(cite.trim_end_matches('.'));
    if t.contains(&format!("({c})")) {
        return;
    }
    // Only for an opschrift in the model form ("Wet van …, houdende …").
    if !(t.starts_with("wet van")
        || t.starts_with("besluit van")
        || t.starts_with("regeling van")
        || t.starts_with("beleidsregel van")
        || t.starts_with("rijkswet van"))
    {
        return;
    }
    out.push(
        Finding::new(
            Which::Regeling,
            title.span,
            format!(
                "Het opschrift eindigt niet met de citeertitel tussen haakjes (\"({})\").",
                cite.trim_end_matches('.')
            ),
        )
        .help("Ar 4.4: vermeld de citeertitel aan het slot van het opschrift tussen haakjes.")
        .at_most(Severity::Info),
    );
}
