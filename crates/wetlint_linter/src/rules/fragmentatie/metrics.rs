//! Per-regulation fragmentation metrics, for the batch HTML report, and the
//! small helpers the FRAG rules share.
//!
//! [`metrics`] computes, for one regulation, the figures the FRAG rules
//! report on only above their thresholds: the bodies with tasks (FRAG-001),
//! delegation grants by formula, subdelegation and open grants (FRAG-002),
//! external references and their fan-out (FRAG-003), and a complexity score
//! per article (FRAG-007). The numbers come from the same functions the rules
//! use, so a chart and a finding never disagree.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use wetlint_regex::Regex;
use wetlint_syntax::{Article, Clause, Document, Span};

use crate::Context;

/// Fragmentation figures of one regulation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FragMetrics {
    /// Distinct bodies that are the subject of a task verb (FRAG-001), by
    /// name; the organs of one gemeente, provincie or waterschap count once.
    pub bodies_with_tasks: Vec<String>,
    /// Delegation formulas in the regulation's own, non-amending articles
    /// (FRAG-002), grants to designate included ("bij ministeriële regeling
    /// aangewezen").
    pub delegation_grants: usize,
    /// Grants per formula ("bij algemene maatregel van bestuur", …).
    pub delegation_by_formula: BTreeMap<String, usize>,
    /// Grants that allow further delegation ("bij of krachtens …").
    pub subdelegation_grants: usize,
    /// Grants without a bounded subject (FRAG-002 warns on each).
    pub open_delegations: usize,
    /// Distinct other regulations referenced (FRAG-003 fan-out).
    pub external_fanout: usize,
    /// References to other regulations from own, non-amending articles,
    /// definitions included.
    pub external_references: usize,
    /// Internal and external references per own article.
    pub reference_density_per_article: f64,
    /// Own articles (not quoted in an amendment).
    pub articles: usize,
    /// One entry per own article that holds text (FRAG-007).
    pub complexity: Vec<ArticleComplexity>,
    /// The highest article score (0 when there are no articles).
    pub max_complexity: f64,
}

/// The complexity of one article (FRAG-007).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleComplexity {
    /// The article number as written ("3.5", "12a").
    pub article: String,
    /// Average words per sentence; an onderdeel ending in ";" is a sentence.
    pub words_per_sentence: f64,
    /// Conditions and exceptions: indien, tenzij, voor zover, mits, met dien
    /// verstande, onverminderd, in afwijking van, behoudens, …
    pub conditions: usize,
    /// Numbered leden.
    pub leden: usize,
    /// Nesting below the article: 1 for leden or onderdelen, 2 for onderdelen
    /// in leden or sub-onderdelen, 3 for sub-onderdelen in onderdelen in leden.
    pub max_depth: usize,
    /// References in the article; "van overeenkomstige toepassing" counts double.
    pub references: usize,
    /// The weighted score of FRAG-007 (0 for a simple article).
    pub score: f64,
}

/// The fragmentation metrics of the regulation in `ctx` (all zero without one).
pub fn metrics(ctx: &Context<'_>) -> FragMetrics {
    let Some(r) = ctx.regeling else {
        return FragMetrics::default();
    };
    let bodies = super::veel_uitvoerders::bodies(ctx)
        .into_iter()
        .map(|b| b.name)
        .collect();
    let grants = super::delegatie_gelaagdheid::grants(r.text, r.doc);
    let mut by_formula: BTreeMap<String, usize> = BTreeMap::new();
    for g in &grants {
        *by_formula
            .entry(super::delegatie_gelaagdheid::formula_nl(g.formula).to_string())
            .or_default() += 1;
    }
    let ext = super::externe_verwijzingen::external_refs(ctx);
    let mut regs: Vec<&str> = ext.iter().filter_map(|e| e.key.as_deref()).collect();
    regs.sort_unstable();
    regs.dedup();
    let articles = r.doc.own_articles().count();
    let refs = r
        .doc
        .references
        .iter()
        .filter(|x| {
            matches!(
                x.kind,
                wetlint_syntax::ReferenceKind::Internal
                    | wetlint_syntax::ReferenceKind::External { .. }
            ) && x
                .from_article
                .and_then(|a| r.doc.articles.get(a))
                .is_some_and(|a| !a.quoted)
        })
        .count();
    let complexity = super::complexiteit_doenvermogen::complexities(r.text, r.doc);
    let max_complexity = complexity.iter().map(|c| c.score).fold(0.0, f64::max);
    FragMetrics {
        bodies_with_tasks: bodies,
        delegation_grants: grants.len(),
        delegation_by_formula: by_formula,
        subdelegation_grants: grants.iter().filter(|g| g.subdelegatie).count(),
        open_delegations: grants.iter().filter(|g| g.open.is_some()).count(),
        external_fanout: regs.len(),
        external_references: ext.len(),
        reference_density_per_article: if articles == 0 {
            0.0
        } else {
            round2(refs as f64 / articles as f64)
        },
        articles,
        complexity: complexity
            .into_iter()
            .map(|c| ArticleComplexity {
                article: c.number,
                words_per_sentence: round2(c.words_per_sentence),
                conditions: c.conditions,
                leden: c.leden,
                max_depth: c.max_depth,
                references: c.references,
                score: round2(c.score),
            })
            .collect(),
        max_complexity: round2(max_complexity),
    }
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

// --- helpers shared by the FRAG rules ------------------------------------------

/// True for an article of the regulation itself that is not an amendment
/// article ("Artikel I … wordt als volgt gewijzigd") or quoted in one.
pub(crate) fn regular(a: &Article) -> bool {
    !a.quoted && a.changes.is_empty() && !a.clauses.contains(&Clause::Wijziging)
}

/// "artikel 3.5", "het enige artikel".
pub(crate) fn label(doc: &Document, index: usize) -> String {
    crate::rules::uitvoering::actoren::artikel_label(doc, index)
}

/// "Artikel 3.5", capitalised for the start of a message.
pub(crate) fn label_cap(doc: &Document, index: usize) -> String {
    crate::text::capitalize(&label(doc, index))
}

/// The heading of an article, where article-level findings are anchored.
pub(crate) fn anchor(doc: &Document, index: usize) -> Span {
    doc.articles
        .get(index)
        .map_or(Span::new(0, 0), |a| a.heading)
}

/// The spans of the definitions, sorted, for [`in_any`].
pub(crate) fn definition_spans(doc: &Document) -> Vec<Span> {
    let mut v: Vec<Span> = doc.definitions.iter().map(|d| d.span).collect();
    v.sort_unstable();
    v
}

/// True when `offset` lies in one of the sorted, non-overlapping `spans`.
pub(crate) fn in_any(spans: &[Span], offset: usize) -> bool {
    let i = spans.partition_point(|s| s.start <= offset);
    i.checked_sub(1)
        .and_then(|i| spans.get(i))
        .is_some_and(|s| s.contains(offset))
}

static LINK_TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\([^)\s]*\)").expect("valid regex"));

/// Text without Markdown link targets and brackets ("[artikel 3](x.md)" →
/// "artikel 3") and without emphasis markers, with single spaces.
pub(crate) fn plain(text: &str) -> String {
    let t = if text.contains("](") {
        LINK_TARGET.replace_all(text, "").into_owned()
    } else {
        text.to_string()
    };
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, '[' | '*' | '_'))
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The BWB id in the regulation's file name, if any (batch runs over the corpus).
pub(crate) fn own_bwb(path: &str) -> Option<&str> {
    static BWB: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"BWB[RV]\d{7}").expect("valid regex"));
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    BWB.find(name).map(|m| m.as_str())
}

/// Blocks of the regulation that hold article text (leden, onderdelen, …),
/// grouped by article index, in document order.
pub(crate) fn article_blocks(doc: &Document) -> Vec<Vec<&wetlint_syntax::Block>> {
    use wetlint_syntax::{BlockKind, Container};
    let mut out: Vec<Vec<&wetlint_syntax::Block>> = vec![Vec::new(); doc.articles.len()];
    for b in &doc.blocks {
        let Container::Article { index } = b.container else {
            continue;
        };
        if !matches!(
            b.kind,
            BlockKind::Lid
                | BlockKind::Onderdeel
                | BlockKind::SubOnderdeel
                | BlockKind::Paragraph
                | BlockKind::ListItem
        ) {
            continue;
        }
        if let Some(v) = out.get_mut(index) {
            v.push(b);
        }
    }
    out
}

/// Regulation positions in the index by BWB id, built once per loaded index
/// (a batch run checks thousands of regulations against the same index).
pub(crate) fn bwb_index(
    idx: &wetlint_index::Index,
) -> std::sync::Arc<std::collections::HashMap<String, u32>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    type Slot = Option<((usize, usize, Option<String>), Arc<HashMap<String, u32>>)>;
    static CACHE: Mutex<Slot> = Mutex::new(None);
    let id = (
        idx as *const wetlint_index::Index as usize,
        idx.regulations.len(),
        idx.regulations.last().and_then(|r| r.bwb_id.clone()),
    );
    if let Ok(guard) = CACHE.lock()
        && let Some((k, m)) = guard.as_ref()
        && *k == id
    {
        return Arc::clone(m);
    }
    let map: HashMap<String, u32> = idx
        .regulations
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((r.bwb_id.clone()?, i as u32)))
        .collect();
    let map = Arc::new(map);
    if let Ok(mut guard) = CACHE.lock() {
        *guard = Some((id, Arc::clone(&map)));
    }
    map
}

/// Words in `s`, not counting Markdown link targets ("[artikel 3](x.md)" is two words).
pub(crate) fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut in_target = false;
    let mut prev = ' ';
    for c in s.chars() {
        if in_target {
            if c == ')' {
                in_target = false;
            }
            prev = c;
            continue;
        }
        if c == '(' && prev == ']' {
            in_target = true;
            in_word = false;
            prev = c;
            continue;
        }
        if c.is_alphanumeric() {
            if !in_word {
                n += 1;
                in_word = true;
            }
        } else if c.is_whitespace() {
            in_word = false;
        }
        prev = c;
    }
    n
}

/// Formats a number with a decimal comma ("14,5"; "14" for a whole number).
pub(crate) fn getal(x: f64) -> String {
    let r = round2(x);
    if (r - r.round()).abs() < 1e-9 {
        format!("{}", r.round() as i64)
    } else {
        format!("{r:.1}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_strips_links() {
        assert_eq!(
            plain("zie [artikel 3 van de *Wet*](../x/BWBR0000001/README.md) hier"),
            "zie artikel 3 van de Wet hier"
        );
        assert_eq!(own_bwb("wet/BWBR0005537__awb.md"), Some("BWBR0005537"));
        assert_eq!(getal(14.5), "14,5");
        assert_eq!(word_count("zie [artikel 3](../x/README.md) hier, en-of"), 5);
        assert_eq!(getal(3.0), "3");
        let spans = [Span::new(0, 5), Span::new(10, 20)];
        assert!(in_any(&spans, 12));
        assert!(!in_any(&spans, 7));
    }
}

/// Corpus runs for tuning (ignored): `WL_INDEX=/tmp/wetlint-index.json cargo
/// test -p wetlint_linter --lib fragmentatie::metrics::corpus -- --ignored --nocapture`.
#[cfg(test)]
mod corpus {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use crate::{IndexRef, Input, Profile, Selection, Settings, Source};

    fn files() -> Vec<std::path::PathBuf> {
        let root = std::path::Path::new("/work/shared/corpus/laws-markdown");
        let mut files = Vec::new();
        for d in std::fs::read_dir(root).into_iter().flatten().flatten() {
            if d.path().is_dir() {
                for f in std::fs::read_dir(d.path()).into_iter().flatten().flatten() {
                    if f.path().extension().is_some_and(|e| e == "md") {
                        files.push(f.path());
                    }
                }
            }
        }
        files.sort();
        files
    }

    #[test]
    #[ignore]
    fn corpus() {
        let data = wetlint_data::Data::builtin().expect("data");
        let index = std::env::var("WL_INDEX")
            .ok()
            .and_then(|p| wetlint_index::Index::load(std::path::Path::new(&p)).ok())
            .map(|i| IndexRef(Arc::new(i)));
        let codes = [
            "FRAG-001", "FRAG-002", "FRAG-003", "FRAG-004", "FRAG-005", "FRAG-006", "FRAG-007",
        ];
        let mut time = [Duration::ZERO; 8];
        let mut counts = [0usize; 7];
        let mut lines = Vec::new();
        let mut mlines = Vec::new();
        for f in files() {
            let Ok(text) = std::fs::read_to_string(&f) else {
                continue;
            };
            let name = f
                .strip_prefix("/work/shared/corpus/laws-markdown/")
                .unwrap_or(&f)
                .to_string_lossy()
                .into_owned();
            let doc = wetlint_syntax::parse(&text, f.file_name().and_then(|n| n.to_str()));
            let input = Input {
                regeling: Some(Source {
                    path: &name,
                    text: &text,
                    doc: &doc,
                }),
                toelichting: None,
            };
            for (i, code) in codes.iter().enumerate() {
                let settings = Settings {
                    profile: Profile::Batch,
                    selection: Selection {
                        select: vec![code.to_string()],
                        ..Selection::default()
                    },
                    index: index.clone(),
                    ..Settings::default()
                };
                let t0 = Instant::now();
                let diags = crate::check(&input, &settings, data);
                time[i] += t0.elapsed();
                for d in diags.iter().filter(|d| d.code == *code) {
                    counts[i] += 1;
                    let ctx_text = text
                        .get(d.range.start..d.range.end.min(d.range.start + 200))
                        .unwrap_or("")
                        .replace('\n', " ");
                    lines.push(format!(
                        "{}\t{}\t{}:{}\t{}\t{}\t[{}]",
                        d.code,
                        name,
                        d.location.row,
                        d.location.column,
                        d.severity.as_str(),
                        d.message,
                        ctx_text
                    ));
                }
            }
            let ctx = crate::Context::new(input.regeling, None, data, Profile::Batch)
                .with_index(index.as_ref().map(|i| &*i.0));
            let t0 = Instant::now();
            let m = super::metrics(&ctx);
            time[7] += t0.elapsed();
            mlines.push(format!(
                "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                m.bodies_with_tasks.len(),
                m.delegation_grants,
                m.subdelegation_grants,
                m.open_delegations,
                m.external_fanout,
                m.external_references,
                m.reference_density_per_article,
                m.articles,
                m.max_complexity,
                serde_json::to_string(&m.delegation_by_formula).unwrap_or_default()
            ));
        }
        let out = std::env::var("WL_OUT").unwrap_or_else(|_| "/tmp/frag/findings.tsv".into());
        std::fs::write(&out, lines.join("\n")).expect("write");
        std::fs::write("/tmp/frag/metrics.tsv", mlines.join("\n")).expect("write");
        for (i, c) in codes.iter().enumerate() {
            eprintln!("{c}: {} findings, {:?}", counts[i], time[i]);
        }
        eprintln!("metrics: {:?}", time[7]);
    }
}
