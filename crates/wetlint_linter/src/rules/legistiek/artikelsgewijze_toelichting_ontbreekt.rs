use std::collections::HashSet;
use std::sync::LazyLock;

use wetlint_diagnostics::Severity;
use wetlint_regex::Regex;
use wetlint_syntax::{Article, Clause, ReferenceKind, Span};

use super::common::{article_name, is_amending, is_vervallen, this_regulation};
use crate::context::Source;
use crate::rule::{Category, OFF, Rule, RuleMeta, Scope, Status, W};
use crate::text::{capitalize, join_nl};
use crate::{Context, Finding, Findings, FixEdit, FixSpec, Which};

crate::declare_rule! {
    /// ## Wat het controleert
    /// Of elk artikel van de regeling een eigen toelichting heeft in het
    /// artikelsgewijze deel van de toelichting ("Artikel 2.4", "Artikelen 3.1
    /// tot en met 3.3", "Artikel I, onderdeel A"). Bij een wijzigingsregeling
    /// telt elk wijzigingsonderdeel (A, B, …) mee, tenzij de toelichting het
    /// hele Romeinse artikel in één keer bespreekt.
    ///
    /// De regel meldt ook verouderde toelichtingen: een artikelsgewijze
    /// toelichting op een artikel of onderdeel dat in de regeling niet (meer)
    /// bestaat.
    ///
    /// De regel zwijgt:
    ///
    /// - als er geen toelichting bij de regeling is;
    /// - voor artikelen over de inwerkingtreding en de citeertitel, die zelden
    ///   een toelichting nodig hebben;
    /// - voor artikelen die in een wijzigingsartikel zijn geciteerd, en voor
    ///   vervallen artikelen;
    /// - voor artikelen die onder een gezamenlijke toelichting vallen
    ///   ("Artikelen 2.1 tot en met 2.4") of onder de toelichting op het hele
    ///   Romeinse artikel van een wijzigingswet;
    /// - als de artikelsgewijze toelichting geen enkel artikel van de regeling
    ///   noemt (dan hoort zij vermoedelijk bij een andere regeling).
    ///
    /// Bespreekt alleen het algemeen deel het artikel ("In artikel 7 wordt …"),
    /// dan is dat een hint in plaats van een waarschuwing. Heeft de toelichting
    /// helemaal geen artikelsgewijs deel, dan volstaat het dat het algemeen deel
    /// elk artikel noemt (Ar 4.48: bij eenvoudige regelingen kan dat); bij een
    /// wijzigingsregeling zwijgt de regel dan, omdat zo'n toelichting de
    /// wijzigingen naar onderwerp bespreekt en niet per Romeins artikel.
    ///
    /// ## Waarom
    /// De artikelsgewijze toelichting legt per artikel uit waarom het er staat
    /// en hoe het moet worden gelezen. Ontbreekt die voor een inhoudelijk
    /// artikel, dan moeten de Raad van State, het parlement en later de
    /// rechter en de uitvoering raden naar de bedoeling. Een toelichting op een
    /// artikel dat niet meer bestaat, wijst op een toelichting die niet is
    /// bijgewerkt na een vernummering.
    ///
    /// ## Voorbeeld
    /// Het artikelsgewijze deel van de memorie van toelichting bespreekt de
    /// artikelen 2.1 tot en met 2.3 en 3.1, maar niet artikel 2.4 (Aanpassing
    /// van de bedragen).
    ///
    /// ## In plaats daarvan
    /// Neem in het artikelsgewijze deel een kop "Artikel 2.4" op, met een
    /// uitleg van de keuzes in het artikel. Parafraseer het artikel niet en
    /// schrijf ook niet dat het geen toelichting behoeft (Ar 4.48). Een
    /// gezamenlijke toelichting ("Artikelen 2.3 en 2.4") mag ook.
    ///
    /// ## Bron
    /// Aanwijzing 4.48 (opbouw toelichting); Aanwijzing 4.42 (toelichting).
    pub struct ArtikelsgewijzeToelichtingOntbreekt {
        code: "LEG-001",
        name: "artikelsgewijze-toelichting-ontbreekt",
        category: Category::Legistiek,
        summary: "Een artikel heeft geen artikelsgewijze toelichting",
        severity: [W, W, W, OFF],
        status: Status::Stable,
        scope: Scope::Paar,
        aanwijzingen: &["4.48", "4.42"],
    }
}

impl Rule for ArtikelsgewijzeToelichtingOntbreekt {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some(r), Some(t)) = (ctx.regeling, ctx.toelichting) else {
            return;
        };
        let entries = &t.doc.toelichting_articles;
        let own: Vec<&Article> = r
            .doc
            .own_articles()
            .map(|(_, a)| a)
            .filter(|a| !a.number.is_empty())
            .collect();
        if own.is_empty() {
            return;
        }
        let mentioned = mentioned_in_general_part(&t);
        let part = artikelsgewijs_heading(&t);
        if entries.is_empty() && part.is_none() {
            no_artikelsgewijs_part(&r, &t, &own, &mentioned, out);
            return;
        }
        // A toelichting that names none of the regulation's articles belongs
        // to another regulation (or numbers differently): stay silent.
        let numbers: HashSet<&str> = own.iter().map(|a| a.number.as_str()).collect();
        if !entries
            .iter()
            .flat_map(|e| e.keys.iter())
            .any(|k| numbers.contains(k.article.as_str()))
        {
            return;
        }
        let coverage = Coverage::new(&t, &own);
        for (pos, a) in own.iter().enumerate() {
            if skipped(&r, a) {
                continue;
            }
            missing_for_article(&t, &own, pos, a, &coverage, &mentioned, part, out);
        }
        stale_entries(&r, &t, out);
    }
}

/// Articles that need no artikelsgewijze toelichting of their own.
fn skipped(r: &Source<'_>, a: &Article) -> bool {
    a.clauses
        .iter()
        .any(|c| matches!(c, Clause::Inwerkingtreding | Clause::Citeertitel))
        || a.quoted
        || is_vervallen(r, a)
}

/// What the artikelsgewijze entries cover.
struct Coverage {
    /// Articles with an entry of their own (or for the whole Roman article).
    whole: HashSet<String>,
    /// (article, amendment item) pairs with an entry.
    items: HashSet<(String, String)>,
    /// Articles with at least one entry for one of their amendment items.
    keyed_by_item: HashSet<String>,
    /// Articles covered by a range entry ("Artikelen 2.1 tot en met 2.4").
    ranged: HashSet<String>,
}

impl Coverage {
    fn new(t: &Source<'_>, own: &[&Article]) -> Self {
        let mut c = Coverage {
            whole: HashSet::new(),
            items: HashSet::new(),
            keyed_by_item: HashSet::new(),
            ranged: HashSet::new(),
        };
        let pos = |n: &str| own.iter().position(|a| a.number == n);
        for e in &t.doc.toelichting_articles {
            for k in &e.keys {
                match &k.onderdeel {
                    None => {
                        c.whole.insert(k.article.clone());
                    }
                    Some(o) => {
                        c.items.insert((k.article.clone(), o.clone()));
                        c.keyed_by_item.insert(k.article.clone());
                    }
                }
            }
            if let Some((from, to)) = &e.range
                && let (Some(f), Some(l)) = (pos(&from.article), pos(&to.article))
                && f <= l
            {
                for a in &own[f..=l] {
                    c.ranged.insert(a.number.clone());
                }
            }
        }
        c
    }

    fn covers(&self, a: &Article) -> bool {
        self.whole.contains(&a.number)
            || self.ranged.contains(&a.number)
            || self.keyed_by_item.contains(&a.number) && a.changes.is_empty()
    }
}

static RANGE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bartikelen\s+(\d+[a-z]{0,3}(?:[.:]\d+[a-z]{0,3})*|[IVXLC]+)\s+(?:tot\s+en\s+met|t/m)\s+(\d+[a-z]{0,3}(?:[.:]\d+[a-z]{0,3})*|[IVXLC]+)\b")
        .expect("valid regex")
});

/// Article numbers the toelichting names outside its artikelsgewijze part,
/// with the place of the first mention. Ranges in the text ("de artikelen
/// 2.1 tot en met 2.4") are kept as bounds.
struct Mentions {
    single: Vec<(String, Span)>,
    ranges: Vec<(String, String, Span)>,
}

fn mentioned_in_general_part(t: &Source<'_>) -> Mentions {
    let doc = t.doc;
    let general = |offset: usize| {
        doc.section_at(offset)
            .and_then(|s| doc.sections.get(s))
            .is_none_or(|s| !s.artikelsgewijs)
    };
    let single = doc
        .references
        .iter()
        .filter(|r| r.kind == ReferenceKind::Toelichting && general(r.span.start))
        .filter_map(|r| Some((r.target.article.clone()?, r.span)))
        .collect();
    let mut ranges = Vec::new();
    for b in &doc.blocks {
        if !general(b.span.start) {
            continue;
        }
        let text = t.slice(b.text);
        for c in RANGE_IN_TEXT.captures_iter(text) {
            let (Some(m), Some(f), Some(l)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            ranges.push((
                f.as_str().to_string(),
                l.as_str().to_string(),
                Span::new(b.text.start + m.start(), b.text.start + m.end()),
            ));
        }
    }
    Mentions { single, ranges }
}

impl Mentions {
    /// The first mention of `a` in the general part, if any.
    fn of(&self, own: &[&Article], pos: usize) -> Option<Span> {
        let number = own.get(pos)?.number.as_str();
        if let Some((_, s)) = self.single.iter().find(|(n, _)| n == number) {
            return Some(*s);
        }
        self.ranges.iter().find_map(|(f, l, s)| {
            let fi = own.iter().position(|a| a.number == *f)?;
            let li = own.iter().position(|a| a.number == *l)?;
            (fi <= pos && pos <= li).then_some(*s)
        })
    }
}

/// The heading of the artikelsgewijze part ("II. Artikelsgewijs"), if any.
fn artikelsgewijs_heading(t: &Source<'_>) -> Option<Span> {
    let doc = t.doc;
    let entry_headings: HashSet<Span> =
        doc.toelichting_articles.iter().map(|e| e.heading).collect();
    doc.sections
        .iter()
        .find(|s| s.artikelsgewijs && !entry_headings.contains(&s.heading))
        .map(|s| s.heading)
        .or_else(|| doc.toelichting_articles.first().map(|e| e.heading))
}

#[allow(clippy::too_many_arguments)]
fn missing_for_article(
    t: &Source<'_>,
    own: &[&Article],
    pos: usize,
    a: &Article,
    coverage: &Coverage,
    mentioned: &Mentions,
    part: Option<Span>,
    out: &mut Findings,
) {
    let name = capitalize(&article_name(&a.number));
    // A wijzigingsartikel explained per amendment item.
    if !a.changes.is_empty()
        && coverage.keyed_by_item.contains(&a.number)
        && !coverage.whole.contains(&a.number)
        && !coverage.ranged.contains(&a.number)
    {
        for ch in &a.changes {
            if coverage
                .items
                .contains(&(a.number.clone(), ch.label.clone()))
            {
                continue;
            }
            let label = format!("{name}, onderdeel {}", ch.label);
            let mut f = Finding::new(
                Which::Regeling,
                ch.marker,
                format!("{label} heeft geen artikelsgewijze toelichting."),
            )
            .help(format!(
                "Neem in het artikelsgewijze deel een toelichting op {}, onderdeel {}, op, of bespreek het onderdeel samen met verwante onderdelen (\"Artikel {}, onderdelen {} en …\").",
                article_name(&a.number),
                ch.label,
                a.number,
                ch.label
            ));
            if let Some(p) = part {
                f = f.related(
                    Which::Toelichting,
                    p,
                    "Het artikelsgewijze deel van de toelichting.",
                );
            }
            let later_items: Vec<String> = a
                .changes
                .iter()
                .skip_while(|c| c.label != ch.label)
                .skip(1)
                .map(|c| c.label.clone())
                .collect();
            if let Some(fix) = stub_fix(t, own, pos, &later_items, &label) {
                f = f.fix(fix);
            }
            out.push(f);
        }
        return;
    }
    if coverage.covers(a) {
        return;
    }
    if let Some(mention) = mentioned.of(own, pos) {
        let f = Finding::new(
            Which::Regeling,
            a.heading,
            format!(
                "{name} heeft geen artikelsgewijze toelichting; alleen het algemeen deel van de toelichting noemt het artikel."
            ),
        )
        .help(format!(
            "Dat kan volstaan bij een eenvoudig artikel (Ar 4.48). Anders: neem een kop \"Artikel {}\" op in het artikelsgewijze deel.",
            a.number
        ))
        .related(Which::Toelichting, mention, "Hier noemt het algemeen deel het artikel.")
        .at_most(Severity::Info);
        out.push(f);
        return;
    }
    let mut f = Finding::new(
        Which::Regeling,
        a.heading,
        format!("{name} heeft geen artikelsgewijze toelichting."),
    )
    .help(format!(
        "Neem in het artikelsgewijze deel een toelichting op {} op: waarom het artikel nodig is en hoe het werkt, zonder het te parafraseren (Ar 4.48).",
        article_name(&a.number)
    ));
    if let Some(p) = part {
        f = f.related(
            Which::Toelichting,
            p,
            "Het artikelsgewijze deel van de toelichting.",
        );
    }
    if let Some(fix) = stub_fix(t, own, pos, &[], &name) {
        f = f.fix(fix);
    }
    out.push(f);
}

/// A toelichting without artikelsgewijs part: every article must at least be
/// named in the general part.
fn no_artikelsgewijs_part(
    r: &Source<'_>,
    t: &Source<'_>,
    own: &[&Article],
    mentioned: &Mentions,
    out: &mut Findings,
) {
    // A toelichting on a wijzigingsregeling without artikelsgewijs part
    // discusses the amendments by subject, not by Roman article number.
    if is_amending(r.doc) {
        return;
    }
    for (pos, a) in own.iter().enumerate() {
        if skipped(r, a) || mentioned.of(own, pos).is_some() {
            continue;
        }
        let name = capitalize(&article_name(&a.number));
        let mut f = Finding::new(
            Which::Regeling,
            a.heading,
            format!(
                "{name} wordt in de toelichting niet besproken: er is geen artikelsgewijs deel en het algemeen deel noemt het artikel niet."
            ),
        )
        .help(
            "Voeg een artikelsgewijs deel toe, of bespreek het artikel met zijn nummer in het algemeen deel (Ar 4.48).",
        );
        if let Some(title) = &t.doc.title {
            f = f.related(Which::Toelichting, title.span, "De toelichting.");
        }
        out.push(f);
    }
}

/// Entries for articles or amendment items that do not exist.
fn stale_entries(r: &Source<'_>, t: &Source<'_>, out: &mut Findings) {
    let doc = r.doc;
    let mut seen: HashSet<String> = HashSet::new();
    for e in &t.doc.toelichting_articles {
        for k in &e.keys {
            let Some((_, a)) = doc.article(&k.article) else {
                if seen.insert(k.article.clone()) {
                    out.push(
                        Finding::new(
                            Which::Toelichting,
                            e.heading,
                            format!(
                                "De artikelsgewijze toelichting bespreekt {}, maar {} heeft geen {}.",
                                article_name(&k.article),
                                this_regulation(doc.kind()),
                                article_name(&k.article)
                            ),
                        )
                        .help("Werk de toelichting bij na een vernummering, of verwijder de toelichting op het vervallen artikel."),
                    );
                }
                continue;
            };
            let Some(o) = &k.onderdeel else { continue };
            // Only when the model found the amendment items of the article.
            if a.changes.is_empty() || a.changes.iter().any(|c| &c.label == o) {
                continue;
            }
            if seen.insert(format!("{}|{o}", k.article)) {
                let labels: Vec<String> = a.changes.iter().map(|c| c.label.clone()).collect();
                out.push(
                    Finding::new(
                        Which::Toelichting,
                        e.heading,
                        format!(
                            "De artikelsgewijze toelichting bespreekt {}, onderdeel {o}, maar dat artikel heeft geen onderdeel {o}.",
                            article_name(&k.article)
                        ),
                    )
                    .help(format!(
                        "{} heeft de onderdelen {}. Werk de toelichting bij.",
                        capitalize(&article_name(&k.article)),
                        join_nl(&labels)
                    ))
                    .related(Which::Regeling, a.heading, format!("{} staat hier.", capitalize(&article_name(&k.article)))),
                );
            }
        }
    }
}

/// A fix that inserts an entry heading for `label` ("Artikel 2.4",
/// "Artikel I, onderdeel D") in the artikelsgewijze part, before the entry
/// of the next article, in the style of the existing entry headings.
fn stub_fix(
    t: &Source<'_>,
    own: &[&Article],
    pos: usize,
    later_items: &[String],
    label: &str,
) -> Option<FixSpec> {
    let entries = &t.doc.toelichting_articles;
    let later: HashSet<&str> = own
        .get(pos + 1..)?
        .iter()
        .map(|a| a.number.as_str())
        .collect();
    let this = own.get(pos)?.number.as_str();
    // Before the entry of a later amendment item of the same article, or of a
    // later article.
    let next = entries.iter().find(|e| {
        e.keys.iter().any(|k| {
            later.contains(k.article.as_str())
                || k.article == this
                    && k.onderdeel
                        .as_ref()
                        .is_some_and(|o| later_items.contains(o))
        })
    });
    let (at, before_heading) = match next {
        Some(e) => (e.heading.start, true),
        None => {
            let end = entries
                .last()
                .map(|e| e.span.end)
                .unwrap_or(t.text.len())
                .min(t.text.len());
            (end, false)
        }
    };
    // Heading markup as in the existing entries ("### ", "**…**").
    let sample = entries.first().map(|e| t.slice(e.heading)).unwrap_or("");
    let prefix: String = sample
        .chars()
        .take_while(|c| *c == '#' || *c == ' ')
        .collect();
    let bold = sample.trim_start_matches(['#', ' ']).starts_with("**");
    let heading = if bold {
        format!("{prefix}**{label}**")
    } else {
        format!("{prefix}{label}")
    };
    let body = format!(
        "[Toelichting op {}.]",
        label.replacen("Artikel", "artikel", 1)
    );
    let before = t.text.get(..at).unwrap_or("");
    let content = if before_heading {
        format!("{heading}\n\n{body}\n\n")
    } else {
        let lead = if before.ends_with("\n\n") {
            ""
        } else if before.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        format!("{lead}{heading}\n\n{body}\n")
    };
    Some(FixSpec {
        title: format!("Voeg een kop \"{label}\" toe aan het artikelsgewijze deel"),
        safe: false,
        edits: vec![FixEdit {
            which: Which::Toelichting,
            span: Span::new(at, at),
            content,
        }],
    })
}
