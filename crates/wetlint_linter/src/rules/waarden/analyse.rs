//! Shared value analysis for the WAARDE rules: which public values the
//! toelichting names and argues, per section (catalog §2.B, detection model).
//!
//! The model, for every value hit of `waarden.toml` in the toelichting:
//!
//! * **named**: a valid form stands in running text, not in a heading, not
//!   in a quotation of another document (a `>` block or an inline quote of
//!   four words or more), not inside an NPM-neutral standard formula
//!   (evaluatiebepaling "doeltreffendheid en de effecten", CW 2016 art. 3.1;
//!   list `npm-standaardzinnen`), and not in a phrase where the word has
//!   another sense ("rechtmatigheid van de uitgaven"; `andere_betekenis`);
//! * **argued**: an argument marker of the list `argumentatie` stands in the
//!   same sentence or in the next one. "rechtvaardigt" is such a marker, never
//!   the value rechtvaardigheid (the lexicon excludes the verb forms);
//! * **enumeration**: the hit is one of three or more values joined by
//!   commas and "en"/"of" ("een betrouwbare, dienstbare en rechtvaardige
//!   overheid"). A marker before the list is the claim itself ("draagt bij
//!   aan …"), not a reason: an enumerated value is argued only by a marker
//!   after the list or in the next sentence.
//!
//! [`coverage`] turns this into a plain, serialisable [`ValueCoverage`]
//! matrix (value × named/argued × section) for the language server's custom
//! request and the heatmap of the batch HTML report. The rules read the
//! finer [`Analysis`].

use std::ops::Range;
use std::sync::LazyLock;

use serde::Serialize;
use wetlint_data::{SignalHit, ValueCategory, ValueGroup, Waarde};
use wetlint_regex::Regex;
use wetlint_syntax::{BlockKind, Span};

use crate::context::Context;
use crate::finding::Which;
use crate::text::{sentence_and_next, sentences};

/// Other-sense labels (`andere_betekenis` in `waarden.toml`) whose hits still
/// name the value: the legistic sense of toegankelijkheid.
const COUNTING_SENSES: [&str; 1] = ["legistiek"];
/// Other-sense labels whose hits name the value only when argued ("de
/// minister is verantwoordelijk voor …" is a statement of competence).
const ARGUED_ONLY_SENSES: [&str; 1] = ["structureel"];

/// Standard evaluation and CW 3.1 wording that `npm-standaardzinnen` does not
/// list word for word ("De evaluatie gaat in op de doeltreffendheid en de
/// effecten …"). Only counts in a sentence about evaluation or the CW.
static NPM_FORMULA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bdoeltreffendheid en (?:de )?(?:effecten|doelmatigheid)\b")
        .expect("valid regex")
});
static EVALUATION_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)evaluat|\bverslag\b|comptabiliteitswet|artikel 3\.1\b").expect("valid regex")
});
/// What may stand between two values of one enumeration.
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s|,|\b(?:en|of|de|het|een|meer|zowel|als|ook|grotere?|betere?)\b)*$")
        .expect("valid regex")
});
static LIST_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),|\ben\b|\bof\b").expect("valid regex"));

/// Where a value hit stands, and so whether it names the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HitRole {
    /// Running text of the toelichting: the hit names the value.
    Body,
    /// A heading or the title: noted, does not name the value.
    Heading,
    /// A quotation of another document (`>` block, or an inline quote of at
    /// least four words): evidence that the other document says it, not the
    /// government's own argument.
    Quote,
    /// Inside an NPM-neutral standard formula (evaluatiebepaling, CW 3.1).
    Boilerplate,
    /// The word has another sense here ("rechtmatigheid van de uitgaven",
    /// "betrouwbaarheid van de gegevens"): counted weakly, never as named.
    OtherSense,
}

/// One value hit in the toelichting, classified by the detection model.
#[derive(Debug, Clone)]
pub(crate) struct Hit<'a> {
    pub value_id: &'a str,
    /// The form as written in the data file.
    pub form: &'a str,
    pub category: ValueCategory,
    pub range: Range<usize>,
    pub role: HitRole,
    /// Innermost toelichting section.
    pub section: Option<usize>,
    /// The sentence the hit stands in (running text only).
    pub sentence: Option<Span>,
    /// The enumeration of ≥ 3 values the hit belongs to, if any.
    pub enumeration: Option<Span>,
    /// The argument marker that makes the hit argued.
    pub marker: Option<Range<usize>>,
}

impl Hit<'_> {
    /// Names the value (running text, valid sense).
    pub fn named(&self) -> bool {
        self.role == HitRole::Body
    }

    /// Names and argues the value.
    pub fn argued(&self) -> bool {
        self.named() && self.marker.is_some()
    }

    /// A noun, adjective or negative form, not only a related word.
    pub fn core(&self) -> bool {
        self.category != ValueCategory::Related
    }
}

/// All classified value hits of one toelichting, in text order.
#[derive(Debug)]
pub(crate) struct Analysis<'a> {
    pub hits: Vec<Hit<'a>>,
}

impl<'a> Analysis<'a> {
    /// The hits of one value.
    pub fn of<'s>(&'s self, value_id: &'s str) -> impl Iterator<Item = &'s Hit<'a>> + 's {
        self.hits.iter().filter(move |h| h.value_id == value_id)
    }

    pub fn named(&self, value_id: &str) -> bool {
        self.of(value_id).any(Hit::named)
    }

    pub fn argued(&self, value_id: &str) -> bool {
        self.of(value_id).any(Hit::argued)
    }
}

/// Runs the detection model over the toelichting; `None` without one.
pub(crate) fn analyse<'a>(ctx: &Context<'a>) -> Option<Analysis<'a>> {
    let t = ctx.toelichting?;
    let markers = ctx.signals(Which::Toelichting, "argumentatie");
    let formulas = ctx.signals(Which::Toelichting, "npm-standaardzinnen");
    let mut hits: Vec<(Hit<'a>, Option<Span>, Option<&'a str>)> = Vec::new();
    for v in ctx.values(Which::Toelichting) {
        let start = v.range.start;
        let Some(block) = ctx.block_at(Which::Toelichting, start) else {
            continue;
        };
        let mut role = match block.kind {
            BlockKind::Title | BlockKind::Heading => HitRole::Heading,
            BlockKind::Quote => HitRole::Quote,
            BlockKind::Comment | BlockKind::Meta => continue,
            _ => HitRole::Body,
        };
        let mut sentence = None;
        let mut next = None;
        if role == HitRole::Body {
            if let Some((s, n)) = sentence_and_next(ctx, Which::Toelichting, start) {
                sentence = Some(s);
                next = n;
            }
            if in_inline_quote(t.text, block.text, start) {
                role = HitRole::Quote;
            } else if overlaps_any(formulas, &v.range) || in_npm_formula(t.text, sentence, &v.range)
            {
                role = HitRole::Boilerplate;
            }
        }
        hits.push((
            Hit {
                value_id: v.value_id,
                form: v.form,
                category: v.category,
                range: v.range.clone(),
                role,
                section: ctx.section_at(start),
                sentence,
                enumeration: None,
                marker: None,
            },
            next,
            v.sense,
        ));
    }
    // Hits with a non-counting sense take no part in enumerations.
    for (h, _, sense) in &mut hits {
        if let Some(label) = sense
            && !COUNTING_SENSES.contains(label)
            && !ARGUED_ONLY_SENSES.contains(label)
            && h.role == HitRole::Body
        {
            h.role = HitRole::OtherSense;
        }
    }
    mark_enumerations(t.text, &mut hits);
    for (h, next, sense) in &mut hits {
        if h.role != HitRole::Body {
            continue;
        }
        let Some(s) = h.sentence else { continue };
        let from = h.enumeration.map_or(s.start, |e| e.end);
        h.marker = marker_in(markers, from, s.end, &h.range)
            .or_else(|| next.and_then(|n| marker_in(markers, n.start, n.end, &h.range)));
        if let Some(label) = sense
            && ARGUED_ONLY_SENSES.contains(label)
            && h.marker.is_none()
        {
            h.role = HitRole::OtherSense;
        }
    }
    Some(Analysis {
        hits: hits.into_iter().map(|(h, _, _)| h).collect(),
    })
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn overlaps_any(list: &[SignalHit<'_>], r: &Range<usize>) -> bool {
    list.iter().any(|s| overlaps(&s.range, r))
}

/// The first marker in `from..to` that does not overlap the value itself.
fn marker_in(
    markers: &[SignalHit<'_>],
    from: usize,
    to: usize,
    value: &Range<usize>,
) -> Option<Range<usize>> {
    let i = markers.partition_point(|m| m.range.start < from);
    markers
        .get(i..)?
        .iter()
        .take_while(|m| m.range.end <= to)
        .find(|m| !m.weak && !overlaps(&m.range, value))
        .map(|m| m.range.clone())
}

fn in_npm_formula(text: &str, sentence: Option<Span>, r: &Range<usize>) -> bool {
    let Some(s) = sentence else { return false };
    let Some(st) = text.get(s.start..s.end) else {
        return false;
    };
    EVALUATION_CONTEXT.is_match(st)
        && NPM_FORMULA
            .find_iter(st)
            .any(|m| s.start + m.start() <= r.start && r.end <= s.start + m.end())
}

/// True when `offset` lies inside an inline quotation of at least four words
/// within `block` ("…", „…", “…”, «…»).
fn in_inline_quote(text: &str, block: Span, offset: usize) -> bool {
    let Some(bt) = text.get(block.start..block.end) else {
        return false;
    };
    let mut open: Option<(usize, char)> = None;
    for (i, c) in bt.char_indices() {
        match open {
            None if matches!(c, '"' | '„' | '“' | '«') => open = Some((i, c)),
            Some((o, oc)) => {
                let closes = match oc {
                    '"' => c == '"',
                    '„' => matches!(c, '”' | '“' | '"'),
                    '“' => matches!(c, '”' | '"'),
                    _ => c == '»',
                };
                if closes {
                    let inner = bt.get(o + oc.len_utf8()..i).unwrap_or("");
                    let (qs, qe) = (block.start + o, block.start + i);
                    if qs < offset && offset < qe && inner.split_whitespace().count() >= 4 {
                        return true;
                    }
                    open = None;
                }
            }
            None => {}
        }
    }
    false
}

/// Marks chains of ≥ 3 distinct value ranges in one sentence that are joined
/// only by list separators.
fn mark_enumerations(text: &str, hits: &mut [(Hit<'_>, Option<Span>, Option<&str>)]) {
    // Candidate hits: running text, grouped by sentence, one entry per range.
    let mut idx: Vec<usize> = (0..hits.len())
        .filter(|&i| hits[i].0.role == HitRole::Body && hits[i].0.sentence.is_some())
        .collect();
    idx.sort_by_key(|&i| {
        (
            hits[i].0.sentence.map(|s| s.start),
            hits[i].0.range.start,
            hits[i].0.range.end,
        )
    });
    let mut ranges: Vec<(Span, Range<usize>)> = Vec::new();
    for &i in &idx {
        let (h, _, _) = &hits[i];
        let (Some(s), r) = (h.sentence, h.range.clone()) else {
            continue;
        };
        match ranges.last() {
            // Same range for two values, or a range nested in the previous one.
            Some((ps, pr)) if *ps == s && r.start < pr.end => {}
            _ => ranges.push((s, r)),
        }
    }
    let mut enums: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < ranges.len() {
        let mut j = i;
        while j + 1 < ranges.len() && ranges[j + 1].0 == ranges[i].0 && {
            let gap = text
                .get(ranges[j].1.end..ranges[j + 1].1.start)
                .unwrap_or("x");
            LIST_GAP.is_match(gap) && LIST_SEPARATOR.is_match(gap)
        } {
            j += 1;
        }
        if j >= i + 2 {
            enums.push(Span::new(ranges[i].1.start, ranges[j].1.end));
        }
        i = j + 1;
    }
    for (h, _, _) in hits.iter_mut() {
        if h.role == HitRole::Body {
            h.enumeration = enums
                .iter()
                .copied()
                .find(|e| e.start <= h.range.start && h.range.end <= e.end);
        }
    }
}

/// The first sentence of the toelichting's own text (not headings, not
/// quotes) that matches `topic` and holds a non-weak explanation marker
/// (`uitleg`: "omdat", "aangezien", "hiervoor is gekozen", …): the
/// comply-or-explain escape of catalog §2.G.
pub(crate) fn explanation(ctx: &Context<'_>, topic: &Regex) -> Option<Span> {
    let t = ctx.toelichting?;
    let uitleg = ctx.signals(Which::Toelichting, "uitleg");
    t.doc
        .blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Table
            )
        })
        .flat_map(|b| sentences(t.text, b.text))
        .find(|s| {
            topic.is_match(t.slice(*s))
                && uitleg
                    .iter()
                    .any(|u| !u.weak && s.start <= u.range.start && u.range.end <= s.end)
        })
}

/// A marker of the list `technisch-profiel` ("indexering", "technische
/// wijziging", "reparatie", …) in the titles, the text before the first
/// heading, the inleiding or the first section of the toelichting: the
/// regulation presents itself as purely technical.
pub(crate) fn technical_profile(ctx: &Context<'_>) -> Option<Range<usize>> {
    let t = ctx.toelichting?;
    let keys = ctx.section_keys();
    // The section that holds the first paragraph of running text.
    let first_body = t
        .doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .and_then(|b| ctx.section_at(b.span.start));
    let in_scope = |offset: usize| match ctx.section_at(offset) {
        None => true,
        Some(i) => {
            Some(i) == first_body
                || t.doc.section_path(i).iter().any(|&p| {
                    keys.get(p)
                        .is_some_and(|k| k.contains(&wetlint_data::SectionKey::Inleiding))
                })
        }
    };
    if let Some(hit) = ctx
        .signals(Which::Toelichting, "technisch-profiel")
        .iter()
        .find(|h| !h.weak && in_scope(h.range.start))
    {
        return Some(hit.range.clone());
    }
    let r = ctx.regeling?;
    let title = r.doc.title.as_ref()?;
    ctx.signals(Which::Regeling, "technisch-profiel")
        .iter()
        .find(|h| title.span.start <= h.range.start && h.range.end <= title.span.end)
        .map(|_| title.span.start..title.span.end)
}

/// The kebab-case id of a value group, as in `waarden.toml`.
pub fn group_id(g: ValueGroup) -> &'static str {
    match g {
        ValueGroup::BzkKern => "bzk-kern",
        ValueGroup::UwvSvb => "uwv-svb",
        ValueGroup::Sturingsvisie => "sturingsvisie",
        ValueGroup::Npm => "npm",
        ValueGroup::Aanverwant => "aanverwant",
    }
}

/// The display name of a value in running Dutch text ("menselijke maat").
pub(crate) fn name_nl(w: &Waarde) -> String {
    w.naam.to_lowercase()
}

/// One of the policy values of the sturingsvisie (or a BZK core value), as
/// opposed to the aanverwante legal principles.
pub(crate) fn is_policy_value(w: &Waarde) -> bool {
    w.in_group(ValueGroup::Sturingsvisie) || w.in_group(ValueGroup::BzkKern)
}

/// A public value counts as a counterweight to doeltreffendheid and
/// doelmatigheid: one of the policy values (sturingsvisie or BZK core) that
/// is not in the NPM family. The aanverwante legal principles do not count.
pub(crate) fn is_non_npm_value(w: &Waarde) -> bool {
    is_policy_value(w) && !w.in_group(ValueGroup::Npm)
}

/// As [`is_non_npm_value`], by value id.
pub(crate) fn is_non_npm_value_id(ctx: &Context<'_>, value_id: &str) -> bool {
    ctx.data.waarde(value_id).is_some_and(is_non_npm_value)
}

/// Section label for messages: "paragraaf 2.5 (Menselijke maat en toegankelijkheid)",
/// or "de toelichting bij artikel 4.4".
pub(crate) fn section_label(ctx: &Context<'_>, section: Option<usize>) -> String {
    let Some(s) = section.and_then(|i| ctx.toelichting?.doc.sections.get(i)) else {
        return "de tekst voor de eerste kop".to_string();
    };
    if s.artikelsgewijs && s.title.to_lowercase().starts_with("artikel") {
        return format!("de toelichting bij {}", s.title.to_lowercase());
    }
    match &s.number {
        Some(n) => format!("paragraaf {n} ({})", s.title),
        None => format!("paragraaf '{}'", s.title),
    }
}

// --- the public coverage matrix --------------------------------------------

/// The public-values coverage matrix of one toelichting (catalog §2.B, point
/// 4): for every value of `waarden.toml` whether the toelichting names and
/// argues it, and where. Plain data: the language server returns it from a
/// custom request, the batch HTML report draws it as a heatmap (rows:
/// [`ValueCoverage::values`], columns: [`ValueCoverage::sections`]).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ValueCoverage {
    /// Path of the toelichting as shown in diagnostics; `None` without one.
    pub document: Option<String>,
    /// Every section of the toelichting in document order (the heatmap's
    /// columns), also those without value hits.
    pub sections: Vec<SectionInfo>,
    /// One row per value, in the order of `waarden.toml` (by id).
    pub values: Vec<ValueRow>,
}

/// A toelichting section (a heatmap column).
#[derive(Debug, Clone, Serialize)]
pub struct SectionInfo {
    /// Index into the document's sections.
    pub index: usize,
    /// "2.5"; `None` for unnumbered headings ("Artikel 4.4").
    pub number: Option<String>,
    pub title: String,
    /// 1 for a deel (I. Algemeen), 2 for "1.", 3 for "1.1", …
    pub level: u8,
    pub artikelsgewijs: bool,
    /// Byte span of the heading line.
    pub heading: Span,
}

/// One value (a heatmap row).
#[derive(Debug, Clone, Serialize)]
pub struct ValueRow {
    /// Id from `waarden.toml` ("menselijke-maat").
    pub value_id: String,
    /// Display name ("Menselijke maat").
    pub name: String,
    /// Group ids: `bzk-kern`, `uwv-svb`, `sturingsvisie`, `npm`, `aanverwant`.
    pub groups: Vec<String>,
    /// A valid form stands in running text (outside headings, quotations,
    /// standard formulas and other senses).
    pub named: bool,
    /// Named with an argument marker in the same or the next sentence.
    pub argued: bool,
    /// Named only as part of enumerations of three or more values.
    pub only_enumeration: bool,
    /// Not named, but occurs in a heading.
    pub only_heading: bool,
    /// Named only through related, weaker words ("voorspelbaar" for
    /// betrouwbaarheid).
    pub only_related: bool,
    /// Counts per section, only for sections with at least one hit;
    /// `section: None` is the text before the first heading.
    pub per_section: Vec<SectionCount>,
    /// Up to three example hits: argued ones first, then named, then others.
    pub examples: Vec<ValueExample>,
}

/// The hits of one value in one section (a heatmap cell).
#[derive(Debug, Clone, Serialize)]
pub struct SectionCount {
    /// Index into [`ValueCoverage::sections`]; `None` before the first heading.
    pub section: Option<usize>,
    pub number: Option<String>,
    pub title: Option<String>,
    /// Hits that name the value.
    pub named: usize,
    /// Of those, hits that argue it.
    pub argued: usize,
    /// Of the named hits, those in an enumeration of ≥ 3 values.
    pub enumeration: usize,
    /// Hits in headings.
    pub heading: usize,
    /// Hits in quotations, standard formulas or another sense (not counted).
    pub other: usize,
}

/// One example occurrence.
#[derive(Debug, Clone, Serialize)]
pub struct ValueExample {
    /// Byte span of the word in the toelichting.
    pub span: Span,
    /// The text as written there.
    pub text: String,
    pub role: HitRole,
    pub argued: bool,
    pub enumeration: bool,
    pub section: Option<usize>,
}

/// The coverage matrix of the context's toelichting. Without a toelichting
/// every value is reported as not named.
pub fn coverage(ctx: &Context<'_>) -> ValueCoverage {
    let analysis = analyse(ctx);
    let t = ctx.toelichting;
    let sections: Vec<SectionInfo> = t
        .map(|t| {
            t.doc
                .sections
                .iter()
                .enumerate()
                .map(|(index, s)| SectionInfo {
                    index,
                    number: s.number.clone(),
                    title: s.title.clone(),
                    level: s.level,
                    artikelsgewijs: s.artikelsgewijs,
                    heading: s.heading,
                })
                .collect()
        })
        .unwrap_or_default();
    let values = ctx
        .data
        .waarden()
        .iter()
        .map(|w| {
            let hits: Vec<&Hit<'_>> = analysis
                .as_ref()
                .map(|a| a.of(w.id()).collect())
                .unwrap_or_default();
            let named = hits.iter().any(|h| h.named());
            let mut per_section: Vec<SectionCount> = Vec::new();
            for h in &hits {
                let cell = match per_section.iter_mut().position(|c| c.section == h.section) {
                    Some(i) => &mut per_section[i],
                    None => {
                        let info = h.section.and_then(|i| sections.get(i));
                        per_section.push(SectionCount {
                            section: h.section,
                            number: info.and_then(|s| s.number.clone()),
                            title: info.map(|s| s.title.clone()),
                            named: 0,
                            argued: 0,
                            enumeration: 0,
                            heading: 0,
                            other: 0,
                        });
                        let last = per_section.len() - 1;
                        &mut per_section[last]
                    }
                };
                match h.role {
                    HitRole::Body => {
                        cell.named += 1;
                        cell.argued += usize::from(h.argued());
                        cell.enumeration += usize::from(h.enumeration.is_some());
                    }
                    HitRole::Heading => cell.heading += 1,
                    _ => cell.other += 1,
                }
            }
            let mut ranked: Vec<&&Hit<'_>> = hits.iter().collect();
            ranked.sort_by_key(|h| (!h.argued(), !h.named(), h.range.start));
            let examples = ranked
                .into_iter()
                .take(3)
                .map(|h| ValueExample {
                    span: Span::new(h.range.start, h.range.end),
                    text: t
                        .map(|t| t.text.get(h.range.clone()).unwrap_or("").to_string())
                        .unwrap_or_default(),
                    role: h.role,
                    argued: h.argued(),
                    enumeration: h.enumeration.is_some(),
                    section: h.section,
                })
                .collect();
            ValueRow {
                value_id: w.id().to_string(),
                name: w.naam.clone(),
                groups: w.groups().map(|g| group_id(g).to_string()).collect(),
                named,
                argued: hits.iter().any(|h| h.argued()),
                only_enumeration: named
                    && hits
                        .iter()
                        .filter(|h| h.named())
                        .all(|h| h.enumeration.is_some()),
                only_heading: !named && hits.iter().any(|h| h.role == HitRole::Heading),
                only_related: named && !hits.iter().any(|h| h.named() && h.core()),
                per_section,
                examples,
            }
        })
        .collect();
    ValueCoverage {
        document: t.map(|t| t.path.to_string()),
        sections,
        values,
    }
}
