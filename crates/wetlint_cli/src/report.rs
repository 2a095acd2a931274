//! `wetlint report PATHS --html OUT`: a self-contained HTML report of a batch
//! run (no network at view time): findings per rule and per regulation, the
//! public-values coverage as a heatmap, fragmentation metrics as charts, and
//! every finding with its line of text. Charts are inline SVG; a few lines of
//! inline JavaScript add filtering.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use wetlint_diagnostics::{Diagnostic, Severity};
use wetlint_linter::{Context, FragMetrics, Source, ValueCoverage};

use crate::check::{self, Options};

/// Findings listed in full; beyond this the report says how many were left out.
const MAX_LISTED_FINDINGS: usize = 20_000;
/// Toelichtingen shown as heatmap columns.
const MAX_HEATMAP_COLUMNS: usize = 80;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn anchor(file: &str) -> String {
    let mut s = String::from("f-");
    for c in file.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else {
            s.push('-');
        }
    }
    s
}

/// Per-unit analysis for the report.
struct UnitView {
    name: String,
    /// The folder of the file (for batch aggregation, e.g. `wet`, `AMvB`).
    group: String,
    coverage: Option<ValueCoverage>,
    metrics: Option<FragMetrics>,
    /// Value ids named in the regulation's own text (for batches without toelichting).
    reg_values: Vec<String>,
}

/// Builds the report; returns the exit code (0 written, 2 errors).
pub fn run(opts: &Options, out: &Path) -> u8 {
    let data = match wetlint_data::Data::builtin() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("wetlint: interne fout in de ingebouwde gegevens: {e}");
            return 2;
        }
    };
    let profile = opts.profile.unwrap_or(wetlint_linter::Profile::Batch);
    // Each unit is analysed while its documents are in memory.
    let outcome = match check::run_units(opts, true, |run| {
        let parsed = run.files;
        let u = run.unit;
        let src = |i: usize| Source {
            path: &parsed[i].display,
            text: &parsed[i].text,
            doc: &parsed[i].doc,
        };
        let ctx = Context::new(u.regeling.map(src), u.toelichting.map(src), data, profile)
            .with_index(run.index);
        let first = u.regeling.or(u.toelichting);
        let mut reg_values: Vec<String> = ctx
            .values(wetlint_linter::Which::Regeling)
            .iter()
            .filter(|h| h.sense.is_none())
            .map(|h| h.value_id.to_string())
            .collect();
        reg_values.sort();
        reg_values.dedup();
        let view = UnitView {
            name: first.map(|i| parsed[i].display.clone()).unwrap_or_default(),
            group: first
                .and_then(|i| parsed[i].path.parent())
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            reg_values,
            coverage: u.toelichting.map(|_| wetlint_linter::value_coverage(&ctx)),
            metrics: u
                .regeling
                .map(|_| wetlint_linter::fragmentation_metrics(&ctx)),
        };
        // The source line of every finding, for the listing.
        let mut lines: Vec<((String, u32), String)> = Vec::new();
        for d in &run.diagnostics {
            if let Some(p) = parsed.iter().find(|p| p.display == d.filename)
                && let Some(line) = p
                    .text
                    .lines()
                    .nth(d.location.row.saturating_sub(1) as usize)
            {
                lines.push((
                    (d.filename.clone(), d.location.row),
                    line.chars().take(220).collect(),
                ));
            }
        }
        (run.diagnostics, view, lines)
    }) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut views: Vec<UnitView> = Vec::with_capacity(outcome.results.len());
    let mut lines: HashMap<(String, u32), String> = HashMap::new();
    for (d, v, l) in outcome.results {
        diagnostics.extend(d);
        views.push(v);
        lines.extend(l);
    }
    diagnostics.sort_by(|a, b| a.canonical_cmp(b));
    views.sort_by(|a, b| a.name.cmp(&b.name));
    let summary = Summary {
        diagnostics,
        files_checked: outcome.files_checked,
        skipped: outcome.skipped,
        errors: outcome.errors,
        lines,
    };
    let html = render(&summary, &views);
    let tmp = out.with_extension("html.tmp");
    if let Err(e) = std::fs::write(&tmp, html).and_then(|_| std::fs::rename(&tmp, out)) {
        eprintln!(
            "wetlint: {}: kan het rapport niet schrijven: {e}",
            out.display()
        );
        return 2;
    }
    eprintln!(
        "wetlint: rapport met {} bevindingen over {} bestanden geschreven naar {}",
        summary.diagnostics.len(),
        summary.files_checked,
        out.display()
    );
    for e in &summary.errors {
        let pos = e
            .location
            .map(|p| format!(":{}:{}", p.row, p.column))
            .unwrap_or_default();
        eprintln!("wetlint: {}{pos}: {}", e.filename, e.message);
    }
    if summary.errors.is_empty() { 0 } else { 2 }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "err",
        Severity::Warning => "warn",
        Severity::Info => "info",
    }
}

/// A horizontal bar chart as inline SVG.
fn bar_chart(title: &str, rows: &[(String, usize)], id: &str) -> String {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    let bar_h = 18;
    let label_w = 330;
    let width = 900;
    let height = rows.len() * (bar_h + 4) + 30;
    let mut s = format!(
        "<figure class=\"chart\" id=\"{id}\"><figcaption>{}</figcaption><svg role=\"img\" aria-label=\"{}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        esc(title),
        esc(title)
    );
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = 10 + i * (bar_h + 4);
        let w = ((width - label_w - 70) * n / max).max(1);
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{}</text><rect class=\"bar\" x=\"{label_w}\" y=\"{y}\" width=\"{w}\" height=\"{bar_h}\"><title>{}: {n}</title></rect><text x=\"{}\" y=\"{}\" class=\"val\">{n}</text>",
            label_w - 6,
            y + 13,
            esc(label),
            esc(label),
            label_w + w + 6,
            y + 13
        );
    }
    s.push_str("</svg></figure>");
    s
}

/// A histogram of values into buckets, as an SVG column chart.
fn histogram(title: &str, values: &[usize], buckets: &[(usize, usize, &str)], id: &str) -> String {
    let counts: Vec<(String, usize)> = buckets
        .iter()
        .map(|(lo, hi, label)| {
            (
                label.to_string(),
                values.iter().filter(|v| **v >= *lo && **v <= *hi).count(),
            )
        })
        .collect();
    let max = counts.iter().map(|c| c.1).max().unwrap_or(1).max(1);
    let col_w = 60;
    let chart_h = 160;
    let width = counts.len() * (col_w + 10) + 20;
    let height = chart_h + 50;
    let mut s = format!(
        "<figure class=\"chart\" id=\"{id}\"><figcaption>{}</figcaption><svg role=\"img\" aria-label=\"{}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        esc(title),
        esc(title)
    );
    for (i, (label, n)) in counts.iter().enumerate() {
        let x = 10 + i * (col_w + 10);
        let h = chart_h * n / max;
        let _ = write!(
            s,
            "<rect class=\"col\" x=\"{x}\" y=\"{}\" width=\"{col_w}\" height=\"{h}\"><title>{}: {n}</title></rect><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"val\">{n}</text><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"lbl\">{}</text>",
            10 + chart_h - h,
            esc(label),
            x + col_w / 2,
            (10 + chart_h - h).saturating_sub(4).max(10),
            x + col_w / 2,
            chart_h + 28,
            esc(label)
        );
    }
    s.push_str("</svg></figure>");
    s
}

/// The value-coverage heatmap: values (rows) × toelichtingen or, with one
/// toelichting, × its sections (columns). 2 = argued, 1 = named, 0 = absent.
fn heatmap(views: &[UnitView]) -> String {
    let covs: Vec<(&str, &ValueCoverage)> = views
        .iter()
        .filter_map(|v| v.coverage.as_ref().map(|c| (v.name.as_str(), c)))
        .collect();
    if covs.is_empty() {
        return regulation_heatmap(views);
    }
    // Columns and cell levels.
    let (columns, cells): (Vec<String>, Vec<Vec<u8>>) = if covs.len() == 1 {
        let c = covs[0].1;
        let cols: Vec<String> = c
            .sections
            .iter()
            .filter(|s| !s.artikelsgewijs)
            .map(|s| match &s.number {
                Some(n) => format!("{n} {}", s.title),
                None => s.title.clone(),
            })
            .collect();
        let idx: Vec<usize> = c
            .sections
            .iter()
            .filter(|s| !s.artikelsgewijs)
            .map(|s| s.index)
            .collect();
        let cells = c
            .values
            .iter()
            .map(|row| {
                idx.iter()
                    .map(|i| {
                        row.per_section
                            .iter()
                            .find(|sc| sc.section == Some(*i))
                            .map_or(0, |sc| {
                                if sc.argued > 0 {
                                    2
                                } else if sc.named > 0 {
                                    1
                                } else {
                                    0
                                }
                            })
                    })
                    .collect()
            })
            .collect();
        (cols, cells)
    } else {
        let shown: Vec<&(&str, &ValueCoverage)> = covs.iter().take(MAX_HEATMAP_COLUMNS).collect();
        // Column labels: "map/bestand" without extension, so they stay readable.
        let cols = shown
            .iter()
            .map(|(n, _)| {
                let p = Path::new(n);
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match p.parent().and_then(|d| d.file_name()) {
                    Some(d) => format!("{}/{stem}", d.to_string_lossy()),
                    None => stem,
                }
            })
            .collect();
        let rows = shown.first().map_or(0, |c| c.1.values.len());
        let cells = (0..rows)
            .map(|r| {
                shown
                    .iter()
                    .map(|(_, c)| {
                        c.values.get(r).map_or(0, |v| {
                            if v.argued {
                                2
                            } else if v.named {
                                1
                            } else {
                                0
                            }
                        })
                    })
                    .collect()
            })
            .collect();
        (cols, cells)
    };
    let values = &covs[0].1.values;
    let cell = 22;
    let label_w = 220;
    let top = 170;
    let width = label_w + columns.len() * cell + 20;
    let height = top + values.len() * cell + 20;
    let mut s = format!(
        "<figure class=\"chart\" id=\"heatmap\"><figcaption>Waardendekking: per waarde {} (donker: onderbouwd, midden: alleen genoemd, licht: niet genoemd)</figcaption><svg role=\"img\" aria-label=\"heatmap waardendekking\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">",
        if covs.len() == 1 {
            "per paragraaf van de toelichting"
        } else {
            "per toelichting"
        }
    );
    for (j, col) in columns.iter().enumerate() {
        let x = label_w + j * cell + cell / 2;
        let short: String = col.chars().take(28).collect();
        let _ = write!(
            s,
            "<text class=\"collbl\" transform=\"translate({x},{}) rotate(-60)\">{}</text>",
            top - 6,
            esc(&short)
        );
    }
    for (i, row) in values.iter().enumerate() {
        let y = top + i * cell;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{}</text>",
            label_w - 6,
            y + 15,
            esc(&row.name)
        );
        for (j, level) in cells.get(i).into_iter().flatten().enumerate() {
            let x = label_w + j * cell;
            let state = match level {
                2 => "onderbouwd",
                1 => "genoemd",
                _ => "niet genoemd",
            };
            let _ = write!(
                s,
                "<rect class=\"cell l{level}\" x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\"><title>{} — {}: {state}</title></rect>",
                cell - 2,
                cell - 2,
                esc(&row.name),
                esc(columns.get(j).map(String::as_str).unwrap_or(""))
            );
        }
    }
    s.push_str("</svg></figure>");
    if covs.len() > MAX_HEATMAP_COLUMNS {
        let _ = write!(
            s,
            "<p class=\"note\">De eerste {MAX_HEATMAP_COLUMNS} van {} toelichtingen zijn getoond.</p>",
            covs.len()
        );
    }
    s
}

/// Without toelichtingen (a batch over consolidated law): the share of
/// regulations per folder whose own text names each value.
fn regulation_heatmap(views: &[UnitView]) -> String {
    let Ok(data) = wetlint_data::Data::builtin() else {
        return String::new();
    };
    let mut groups: BTreeMap<&str, (usize, BTreeMap<&str, usize>)> = BTreeMap::new();
    for v in views.iter().filter(|v| v.metrics.is_some()) {
        let g = groups.entry(v.group.as_str()).or_default();
        g.0 += 1;
        for id in &v.reg_values {
            *g.1.entry(id.as_str()).or_default() += 1;
        }
    }
    if groups.is_empty() {
        return "<p class=\"note\">Geen regelingen of toelichtingen in deze verzameling.</p>"
            .into();
    }
    let cols: Vec<(&str, usize)> = groups.iter().map(|(g, (n, _))| (*g, *n)).collect();
    let cell = 26;
    let label_w = 220;
    let top = 170;
    let values = data.waarden();
    let width = label_w + cols.len() * cell + 20;
    let height = top + values.len() * cell + 20;
    let mut s = format!(
        "<figure class=\"chart\" id=\"heatmap\"><figcaption>Publieke waarden in de tekst van de regelingen zelf, per map (kleur: aandeel regelingen dat de waarde noemt; deze verzameling heeft geen toelichtingen)</figcaption><svg role=\"img\" aria-label=\"heatmap waarden per map\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"
    );
    for (j, (g, n)) in cols.iter().enumerate() {
        let x = label_w + j * cell + cell / 2;
        let _ = write!(
            s,
            "<text class=\"collbl\" transform=\"translate({x},{}) rotate(-60)\">{} ({n})</text>",
            top - 6,
            esc(g)
        );
    }
    for (i, w) in values.iter().enumerate() {
        let y = top + i * cell;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{}</text>",
            label_w - 6,
            y + 17,
            esc(&w.naam)
        );
        for (j, (g, n)) in cols.iter().enumerate() {
            let hits = groups
                .get(g)
                .and_then(|(_, m)| m.get(w.id()))
                .copied()
                .unwrap_or(0);
            let share = hits as f64 / (*n).max(1) as f64;
            let level = if share >= 0.25 {
                2
            } else if share > 0.0 {
                1
            } else {
                0
            };
            let opacity = if share > 0.0 {
                0.25 + 0.75 * share.sqrt()
            } else {
                1.0
            };
            let _ = write!(
                s,
                "<rect class=\"cell l{level}\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" style=\"fill-opacity:{opacity:.2}\"><title>{} — {}: {hits} van {n} regelingen ({:.0}%)</title></rect>",
                label_w + j * cell,
                cell - 2,
                cell - 2,
                esc(&w.naam),
                esc(g),
                share * 100.0
            );
        }
    }
    s.push_str("</svg></figure>");
    s
}

/// What the report shows besides the per-unit views.
struct Summary {
    diagnostics: Vec<Diagnostic>,
    files_checked: usize,
    skipped: usize,
    errors: Vec<wetlint_diagnostics::FileError>,
    /// Source line of each finding, by file and row.
    lines: HashMap<(String, u32), String>,
}

fn render(c: &Summary, views: &[UnitView]) -> String {
    let diags = &c.diagnostics;
    let count = |sev: Severity| diags.iter().filter(|d| d.severity == sev).count();
    let mut per_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in diags {
        *per_rule
            .entry((d.code.as_str(), d.name.as_str()))
            .or_default() += 1;
    }
    let mut rule_rows: Vec<(String, usize)> = per_rule
        .iter()
        .map(|((code, name), n)| (format!("{code} {name}"), *n))
        .collect();
    rule_rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut per_file: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for d in diags {
        let e = per_file.entry(d.filename.as_str()).or_default();
        e[match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    let mut file_rows: Vec<(&str, [usize; 3])> = per_file.into_iter().collect();
    file_rows.sort_by(|a, b| {
        (b.1[0] + b.1[1] + b.1[2])
            .cmp(&(a.1[0] + a.1[1] + a.1[2]))
            .then(a.0.cmp(b.0))
    });

    let mut h = String::new();
    h.push_str("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>wetlint-rapport</title><style>");
    h.push_str(CSS);
    h.push_str("</style></head><body><header><h1>wetlint-rapport</h1>");
    let _ = write!(
        h,
        "<p class=\"sub\">{} bestanden gecontroleerd, {} overgeslagen, {} niet leesbaar · wetlint {}</p></header><main>",
        c.files_checked,
        c.skipped,
        c.errors.len(),
        env!("CARGO_PKG_VERSION")
    );
    let _ = write!(
        h,
        "<section class=\"cards\"><div class=\"card\" id=\"total\"><b>{}</b>bevindingen</div><div class=\"card err\"><b>{}</b>fouten</div><div class=\"card warn\"><b>{}</b>waarschuwingen</div><div class=\"card info\"><b>{}</b>info</div><div class=\"card\"><b>{}</b>regelingen met bevindingen</div></section>",
        diags.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        file_rows.len()
    );

    h.push_str("<section><h2>Bevindingen per regel</h2>");
    h.push_str(&bar_chart(
        "Aantal bevindingen per regel",
        &rule_rows.iter().take(40).cloned().collect::<Vec<_>>(),
        "per-rule",
    ));
    h.push_str("</section>");

    h.push_str("<section><h2>Publieke waarden</h2>");
    h.push_str(&heatmap(views));
    h.push_str("</section>");

    h.push_str("<section><h2>Fragmentatie</h2>");
    let metrics: Vec<(&str, &FragMetrics)> = views
        .iter()
        .filter_map(|v| v.metrics.as_ref().map(|m| (v.name.as_str(), m)))
        .collect();
    if metrics.is_empty() {
        h.push_str("<p class=\"note\">Geen regelingen in deze verzameling.</p>");
    } else {
        let grants: Vec<usize> = metrics.iter().map(|(_, m)| m.delegation_grants).collect();
        let fanout: Vec<usize> = metrics.iter().map(|(_, m)| m.external_fanout).collect();
        let bodies: Vec<usize> = metrics
            .iter()
            .map(|(_, m)| m.bodies_with_tasks.len())
            .collect();
        let buckets = [
            (0, 0, "0"),
            (1, 2, "1–2"),
            (3, 5, "3–5"),
            (6, 10, "6–10"),
            (11, 25, "11–25"),
            (26, 50, "26–50"),
            (51, usize::MAX, "> 50"),
        ];
        h.push_str("<div class=\"row\">");
        h.push_str(&histogram(
            "Delegatiegrondslagen per regeling",
            &grants,
            &buckets,
            "hist-delegation",
        ));
        h.push_str(&histogram(
            "Andere regelingen waarnaar verwezen wordt (fan-out)",
            &fanout,
            &buckets,
            "hist-fanout",
        ));
        h.push_str(&histogram(
            "Organisaties met taken per regeling",
            &bodies,
            &buckets,
            "hist-bodies",
        ));
        h.push_str("</div>");
        let mut complex: Vec<(String, f64)> = metrics
            .iter()
            .flat_map(|(name, m)| {
                m.complexity
                    .iter()
                    .map(move |a| (format!("{name} · artikel {}", a.article), a.score))
            })
            .collect();
        complex.sort_by(|a, b| b.1.total_cmp(&a.1));
        h.push_str("<h3>Meest complexe artikelen</h3><table class=\"t\"><thead><tr><th>artikel</th><th>complexiteit</th></tr></thead><tbody>");
        for (name, score) in complex.iter().take(25) {
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"n\">{score:.1}</td></tr>",
                esc(name)
            );
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</section>");

    h.push_str("<section><h2>Bevindingen per regeling</h2><input id=\"filter\" type=\"search\" placeholder=\"Filter op bestand, regel of tekst…\" aria-label=\"filter\"><table class=\"t\" id=\"per-file\"><thead><tr><th>bestand</th><th>fouten</th><th>waarschuwingen</th><th>info</th></tr></thead><tbody>");
    for (file, n) in file_rows.iter().take(500) {
        let _ = write!(
            h,
            "<tr><td><a href=\"#{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            anchor(file),
            esc(file),
            n[0],
            n[1],
            n[2]
        );
    }
    h.push_str("</tbody></table>");
    if file_rows.len() > 500 {
        let _ = write!(
            h,
            "<p class=\"note\">De 500 bestanden met de meeste bevindingen staan in de tabel; alle bevindingen staan hieronder.</p>"
        );
    }
    h.push_str("</section>");

    h.push_str("<section id=\"findings\"><h2>Alle bevindingen</h2>");
    let mut listed = 0usize;
    let mut by_file: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diags {
        by_file.entry(d.filename.as_str()).or_default().push(d);
    }
    for (file, ds) in &by_file {
        if listed >= MAX_LISTED_FINDINGS {
            break;
        }
        let _ = write!(
            h,
            "<div class=\"file\" id=\"{}\"><h3><a href=\"{}\">{}</a></h3><ul>",
            anchor(file),
            esc(file),
            esc(file)
        );
        for d in ds {
            listed += 1;
            let excerpt = c
                .lines
                .get(&(file.to_string(), d.location.row))
                .map(String::as_str)
                .unwrap_or("");
            let _ = write!(
                h,
                "<li class=\"f {}\" data-code=\"{}\"><span class=\"pos\">{}:{}</span> <a class=\"code\" href=\"{}\">{}</a> {}<div class=\"src\">{}</div></li>",
                severity_class(d.severity),
                esc(&d.code),
                d.location.row,
                d.location.column,
                esc(d.url.as_deref().unwrap_or("#")),
                esc(&d.code),
                esc(&d.message),
                esc(excerpt)
            );
        }
        h.push_str("</ul></div>");
    }
    if diags.len() > listed {
        let _ = write!(
            h,
            "<p class=\"note\">{} bevindingen niet getoond (grens {MAX_LISTED_FINDINGS}); gebruik `wetlint check --output-format json` voor de volledige lijst.</p>",
            diags.len() - listed
        );
    }
    if !c.errors.is_empty() {
        h.push_str("<h2>Niet gecontroleerd</h2><ul>");
        for e in &c.errors {
            let pos = e
                .location
                .map(|p| format!(":{}:{}", p.row, p.column))
                .unwrap_or_default();
            let _ = write!(
                h,
                "<li class=\"f err\">{}{pos}: {}</li>",
                esc(&e.filename),
                esc(&e.message)
            );
        }
        h.push_str("</ul>");
    }
    h.push_str("</section></main><script>");
    h.push_str(JS);
    h.push_str("</script></body></html>\n");
    h
}

const CSS: &str = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}\
header{background:#154273;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}.sub{margin:4px 0 0;opacity:.85}\
main{padding:12px 28px 60px;max-width:1300px}section{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px 18px;margin:16px 0}\
h2{font-size:17px;margin:8px 0 12px}h3{font-size:14px;margin:14px 0 6px}.cards{display:flex;gap:12px;flex-wrap:wrap;background:none;border:none;padding:0}\
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px 16px;min-width:130px}.card b{display:block;font-size:24px}\
.card.err b{color:#b3261e}.card.warn b{color:#9a6700}.card.info b{color:#1f6feb}.chart{margin:6px 0}.chart figcaption{font-weight:600;margin-bottom:4px}\
.bar{fill:#3a6ea5}.col{fill:#5b8c5a}.lbl{font-size:11px;fill:#333}.collbl{font-size:10px;fill:#333}.val{font-size:11px;fill:#555}\
.cell.l0{fill:#eef1f5}.cell.l1{fill:#9ec5e8}.cell.l2{fill:#154273}.row{display:flex;gap:24px;flex-wrap:wrap}\
.t{border-collapse:collapse;width:100%}.t th,.t td{border-bottom:1px solid #eceff3;padding:3px 8px;text-align:left}.t td.n{text-align:right;font-variant-numeric:tabular-nums}\
#filter{width:100%;max-width:420px;padding:6px 8px;margin:4px 0 8px;border:1px solid #c4cad2;border-radius:4px}\
.file ul{list-style:none;padding-left:0;margin:0}.f{padding:4px 0 4px 10px;border-left:3px solid #999;margin:3px 0}.f.err{border-color:#b3261e}\
.f.warn{border-color:#d4a72c}.f.info{border-color:#1f6feb}.pos{color:#666;font-variant-numeric:tabular-nums}.code{font-weight:600}\
.src{font-family:ui-monospace,Menlo,monospace;font-size:12px;color:#444;white-space:pre-wrap;margin-top:2px}.note{color:#555;font-style:italic}.hidden{display:none}";

const JS: &str = "(function(){var f=document.getElementById('filter');if(f){f.addEventListener('input',function(){var q=f.value.toLowerCase();\
document.querySelectorAll('#per-file tbody tr').forEach(function(r){r.classList.toggle('hidden',q&&r.textContent.toLowerCase().indexOf(q)<0)});\
document.querySelectorAll('.file').forEach(function(d){d.classList.toggle('hidden',q&&d.textContent.toLowerCase().indexOf(q)<0)});});}\
document.body.setAttribute('data-findings',String(document.querySelectorAll('li.f').length));\
document.body.setAttribute('data-heatmap-cells',String(document.querySelectorAll('#heatmap rect.cell').length));\
document.body.setAttribute('data-ready','1');})();";
