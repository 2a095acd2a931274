use std::sync::LazyLock;

use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Clause, Container, Definition, Span, UnitKind};

use super::common::{in_bijlage, sort_key};
use crate::context::Source;
use crate::rule::{Category, I, Rule, RuleMeta, Scope, Status};
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// De vorm van de begripsbepalingen:
    ///
    /// - de aanhef gebruikt "wordt verstaan onder" (of "wordt mede verstaan
    ///   onder"), niet "wordt begrepen onder";
    /// - de begrippen staan niet tussen aanhalingstekens;
    /// - de begrippen van een opsomming staan in alfabetische volgorde;
    /// - een begripsbepaling omschrijft een begrip en bevat geen norm
    ///   ("moet", "dient", "is verplicht", "is verboden", "mag niet").
    ///
    /// De regel zwijgt over begripsbepalingen in geciteerde artikelen en
    /// bijlagen, over de volgorde van opsommingen van minder dan drie
    /// begrippen en van een zin die begrippen uit een andere regeling
    /// overneemt ("hetgeen daaronder wordt verstaan in …"), en over
    /// beschrijvende werkwoorden in een omschrijving ("de termijn waarbinnen
    /// hij moet betalen", "dient ter voorkoming van"): als norm telt alleen een
    /// verplichting of verbod, of een aparte zin met "moet" of "dient". Een
    /// begripsbepaling in doorlopende tekst ("Onder X wordt verstaan …")
    /// wordt niet op normen gecontroleerd. Het zijn hints.
    ///
    /// ## Waarom
    /// Een vaste vorm maakt begripsbepalingen herkenbaar en vindbaar. Normen
    /// horen in een eigen artikel, waar ze te vinden zijn en waarnaar kan
    /// worden verwezen; in een begripsbepaling verschuilen ze zich in de
    /// omschrijving van een woord.
    ///
    /// ## Voorbeeld
    /// "In deze wet wordt begrepen onder: b. „college”: college van
    /// burgemeester en wethouders; a. aanvrager: degene die een aanvraag doet
    /// en die daarbij zijn burgerservicenummer moet vermelden;".
    ///
    /// ## In plaats daarvan
    /// "In deze wet wordt verstaan onder: a. aanvrager: degene die een
    /// aanvraag doet; b. college: college van burgemeester en wethouders;", en
    /// de verplichting om het burgerservicenummer te vermelden in het artikel
    /// over de aanvraag.
    ///
    /// ## Bron
    /// Aanwijzing 5.3 (formulering begripsbepalingen; geen aanhalingstekens);
    /// Aanwijzing 5.1, derde lid (geen inhoudelijke normering in
    /// begripsbepalingen); Aanwijzing 3.59 (opsommingen).
    pub struct BegripsbepalingVorm {
        code: "LEG-007",
        name: "begripsbepaling-vorm",
        category: Category::Legistiek,
        summary: "Een begripsbepaling wijkt af van het model of bevat normen",
        severity: [I, I, I, I],
        status: Status::Stable,
        scope: Scope::Regeling,
        aanwijzingen: &["5.1", "5.3", "3.59"],
    }
}

impl Rule for BegripsbepalingVorm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(r) = ctx.regeling else { return };
        let doc = r.doc;
        if doc.kind().is_toelichting() {
            return;
        }
        begrepen(&r, out);
        // Definitions in the regulation's own articles (not in bijlagen, and
        // not in the model texts of an Aanwijzing).
        let defs: Vec<&Definition> = doc
            .definitions
            .iter()
            .filter(|d| !in_bijlage(doc, d.span.start))
            .filter(|d| {
                d.article
                    .and_then(|a| doc.articles.get(a))
                    .is_none_or(|a| a.kind == UnitKind::Artikel && !a.quoted)
            })
            .collect();
        for d in &defs {
            quoted_term(&r, d, out);
            normative(&r, d, out);
        }
        alphabetical(&r, &defs, out);
    }
}

static BEGREPEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wordt|worden)\s+(?:,\s*tenzij\s+anders\s+(?:is\s+)?bepaald,\s+|mede\s+)?(begrepen)\s+onder\b")
        .expect("valid regex")
});

/// "wordt begrepen onder" in the intro of a definitions article.
fn begrepen(r: &Source<'_>, out: &mut Findings) {
    let doc = r.doc;
    for b in &doc.blocks {
        let Container::Article { index } = b.container else {
            continue;
        };
        let Some(a) = doc.articles.get(index) else {
            continue;
        };
        if a.quoted
            || !a.clauses.contains(&Clause::Begripsbepalingen)
            || matches!(
                b.kind,
                BlockKind::Heading | BlockKind::Comment | BlockKind::Meta
            )
        {
            continue;
        }
        let text = r.slice(b.text);
        let Some(c) = BEGREPEN.captures(text) else {
            continue;
        };
        let Some(w) = c.get(1) else { continue };
        let span = Span::new(b.text.start + w.start(), b.text.start + w.end());
        out.push(
            Finding::new(
                Which::Regeling,
                span,
                "Gebruik in de aanhef van de begripsbepalingen \"wordt verstaan onder\", niet \"wordt begrepen onder\".",
            )
            .help("Model (Ar 5.3): \"In deze wet wordt verstaan onder: …\"; bij een uitbreiding: \"wordt mede verstaan onder\".")
            .fix(FixSpec {
                title: "Vervang \"begrepen\" door \"verstaan\"".into(),
                safe: true,
                edits: vec![FixEdit {
                    which: Which::Regeling,
                    span,
                    content: "verstaan".into(),
                }],
            }),
        );
    }
}

const QUOTES: &str = "\"'„“”‘’«»";

/// The term of a definition in quotation marks.
fn quoted_term(r: &Source<'_>, d: &Definition, out: &mut Findings) {
    let before = r.text.get(..d.term_span.start).unwrap_or("");
    let after = r.text.get(d.term_span.end..).unwrap_or("");
    let open = before
        .trim_end_matches(['*', '_', ' '])
        .chars()
        .next_back()
        .filter(|c| QUOTES.contains(*c));
    let close = after
        .trim_start_matches(['*', '_', ' '])
        .chars()
        .next()
        .filter(|c| QUOTES.contains(*c));
    if open.is_none() && close.is_none() {
        return;
    }
    // The whole quoted term, quotes included, for the fix.
    let start = open.map_or(d.term_span.start, |c| {
        before.trim_end_matches(['*', '_', ' ']).len() - c.len_utf8()
    });
    let end = close.map_or(d.term_span.end, |c| {
        d.term_span.end
            + (after.len() - after.trim_start_matches(['*', '_', ' ']).len())
            + c.len_utf8()
    });
    let inner = display(r.slice(d.term_span));
    let mut f = Finding::new(
        Which::Regeling,
        d.term_span,
        format!("Zet het begrip \"{inner}\" in de begripsbepaling niet tussen aanhalingstekens."),
    )
    .help("Ar 5.3, vierde lid: in een begripsbepaling worden geen aanhalingstekens gebruikt.");
    // Only when nothing but emphasis stands between quote and term.
    let between_ok = r
        .text
        .get(start..end)
        .is_some_and(|s| s.chars().filter(|c| QUOTES.contains(*c)).count() <= 2);
    if between_ok && open.is_some() && close.is_some() {
        let original = r.text.get(start..end).unwrap_or("");
        let content: String = original.chars().filter(|c| !QUOTES.contains(*c)).collect();
        f = f.fix(FixSpec {
            title: "Verwijder de aanhalingstekens".into(),
            safe: true,
            edits: vec![FixEdit {
                which: Which::Regeling,
                span: Span::new(start, end),
                content,
            }],
        });
    }
    out.push(f);
}

static NORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(is\s+verplicht|zijn\s+verplicht|is\s+verboden|zijn\s+verboden|mag\s+niet|mogen\s+niet|is\s+gehouden|zijn\s+gehouden)\b")
        .expect("valid regex")
});
static NORM_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.;]\s+[A-Z][^.;]*?\b(moet|moeten|dient|dienen)\b[^.;]*\b(?:worden|zijn|hebben|voldoen|te)\b")
        .expect("valid regex")
});
/// A prohibition or obligation that comes from elsewhere ("waarop dit niet
/// ingevolge een wettelijk voorschrift is verboden").
static BORROWED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:ingevolge|krachtens|op\s+grond\s+van|bij\s+of\s+krachtens|volgens)\b")
        .expect("valid regex")
});

/// A norm inside a definition: an obligation or prohibition ("is
/// verplicht", "is verboden", "mag niet"), or a separate sentence with "moet"
/// or "dient". Descriptive uses ("de termijn waarbinnen hij moet
/// terugbetalen", "dient ter voorkoming van") are not reported.
fn normative(r: &Source<'_>, d: &Definition, out: &mut Findings) {
    // Only entries of a definitions list; "Onder X wordt verstaan …" in running
    // text shares its paragraph with other provisions.
    let entry = r.doc.blocks.iter().find(|b| {
        b.text.start <= d.term_span.start && d.term_span.start < b.text.end.max(b.text.start + 1)
    });
    if entry.is_some_and(|b| {
        matches!(b.kind, BlockKind::Lid | BlockKind::Paragraph)
            && d.span.start <= b.text.start
            && d.span.end >= b.text.end
    }) {
        return;
    }
    let m = NORM
        .find(&d.definition)
        .filter(|_| !BORROWED.is_match(&d.definition))
        .or_else(|| {
            NORM_SENTENCE
                .captures(&d.definition)
                .and_then(|c| c.get(1))
                .filter(|m| !d.definition[m.end()..].trim_start().starts_with("ter "))
        });
    let Some(m) = m else { return };
    let term = display(r.slice(d.term_span));
    out.push(
        Finding::new(
            Which::Regeling,
            d.term_span,
            format!(
                "De begripsbepaling van \"{term}\" bevat een norm (\"{}\"); zet normen in een eigen artikel.",
                m.as_str()
            ),
        )
        .help("Ar 5.1, derde lid: een begripsbepaling omschrijft een begrip; inhoudelijke normering hoort in een artikel waarnaar kan worden verwezen."),
    );
}

/// A term for messages: emphasis, quotes and a glued label ("b.") removed.
fn display(term: &str) -> String {
    let t = term.trim_matches(|c: char| "*_ ".contains(c));
    LABEL
        .replace(t, "")
        .trim_matches(|c: char| "*_ ".contains(c))
        .to_string()
}

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[a-z]{1,2}|\d+[°º]?)\.\s*").expect("valid regex"));

/// Definitions of one list out of alphabetical order.
fn alphabetical(r: &Source<'_>, defs: &[&Definition], out: &mut Findings) {
    // Lists: consecutive definitions of one article with the same scope.
    let mut lists: Vec<Vec<&Definition>> = Vec::new();
    for d in defs {
        if d.extension {
            continue;
        }
        match lists.last_mut() {
            Some(l)
                if l.last().is_some_and(|p| {
                    p.article == d.article && p.scope == d.scope && p.article.is_some()
                }) =>
            {
                l.push(d)
            }
            _ => lists.push(vec![d]),
        }
    }
    for list in lists.iter().filter(|l| l.len() >= 3) {
        // "onder A, B en C, hetgeen daaronder wordt verstaan in …": one
        // sentence imports several terms; its order is not a list order.
        if list.windows(2).any(|w| w[0].span == w[1].span) {
            continue;
        }
        let keys: Vec<String> = list
            .iter()
            .map(|d| key(&display(r.slice(d.term_span))))
            .collect();
        for i in 1..list.len() {
            if keys[i].is_empty() || keys[i - 1].is_empty() || keys[i] >= keys[i - 1] {
                continue;
            }
            let (term, prev) = (
                display(r.slice(list[i].term_span)),
                display(r.slice(list[i - 1].term_span)),
            );
            out.push(
                Finding::new(
                    Which::Regeling,
                    list[i].term_span,
                    format!("De begripsbepalingen staan niet in alfabetische volgorde: \"{term}\" staat na \"{prev}\"."),
                )
                .help("Zet de begrippen van een begripsbepalingenartikel in alfabetische volgorde."),
            );
            break;
        }
    }
}

/// Alphabetical key: lowercase, diacritics and punctuation removed, a
/// leading article dropped.
fn key(term: &str) -> String {
    let k = sort_key(term);
    for a in ["de ", "het ", "een "] {
        if let Some(rest) = k.strip_prefix(a) {
            return rest.to_string();
        }
    }
    k
}
