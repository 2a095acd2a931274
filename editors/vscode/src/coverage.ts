// The answer of `wetlint/waardenDekking` rendered as a self-contained HTML
// page for a webview: a plain SVG heatmap (values × toelichting sections),
// a table, and the WAARDE-001 overview. No external resources; strict CSP
// (nothing but a nonce'd style and script). Pure, so it is unit-tested.

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface SectionInfo {
  index: number;
  number?: string | null;
  title: string;
  level: number;
  artikelsgewijs: boolean;
}

export interface SectionCount {
  section?: number | null;
  number?: string | null;
  title?: string | null;
  named: number;
  argued: number;
  enumeration?: number;
  heading?: number;
  other?: number;
}

export interface ValueRow {
  value_id: string;
  name: string;
  groups?: string[];
  named: boolean;
  argued: boolean;
  only_enumeration?: boolean;
  only_heading?: boolean;
  only_related?: boolean;
  per_section: SectionCount[];
}

export interface CoverageResult {
  document?: string;
  toelichting?: string | null;
  matrix?: { document?: string | null; sections: SectionInfo[]; values: ValueRow[] } | null;
  spanRanges?: { index: number; range: LspRange }[];
  bevindingen?: { code: string; message: string; range?: LspRange }[];
  melding?: string;
}

export interface RenderOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Random per render; allows the one style and script element. */
  nonce: string;
  /** File name shown in the title. */
  title?: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function contentSecurityPolicy(o: RenderOptions): string {
  return [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `style-src 'nonce-${o.nonce}'`,
    `script-src 'nonce-${o.nonce}'`,
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** 2 = named and argued, 1 = named, 0 = not named (per cell). */
export function cellLevel(c: SectionCount | undefined): 0 | 1 | 2 {
  if (!c || c.named <= 0) {
    return 0;
  }
  return c.argued > 0 ? 2 : 1;
}

export function rowStatus(v: ValueRow): { label: string; cls: string } {
  if (v.argued) {
    return { label: v.only_related ? 'onderbouwd (verwante woorden)' : 'onderbouwd', cls: 'argued' };
  }
  if (v.named) {
    if (v.only_enumeration) return { label: 'alleen in een opsomming', cls: 'named' };
    return { label: v.only_related ? 'genoemd (verwante woorden)' : 'genoemd, niet onderbouwd', cls: 'named' };
  }
  if (v.only_heading) {
    return { label: 'alleen in een kop', cls: 'none' };
  }
  return { label: 'niet genoemd', cls: 'none' };
}

function sectionLabel(s: SectionInfo): string {
  return s.number ? `${s.number} ${s.title}` : s.title;
}

function shortLabel(s: SectionInfo): string {
  const l = s.number ?? s.title.replace(/^Artikel(en)?\s+/i, 'art. ');
  return l.length > 14 ? `${l.slice(0, 13)}…` : l;
}

/** The heatmap as an SVG string; columns are the sections that have any hit, or all when none. */
export function heatmapSvg(m: NonNullable<CoverageResult['matrix']>): string {
  const hitSections = new Set<number>();
  for (const v of m.values) {
    for (const c of v.per_section) {
      if (c.section !== null && c.section !== undefined && (c.named > 0 || (c.heading ?? 0) > 0)) {
        hitSections.add(c.section);
      }
    }
  }
  const cols = m.sections.filter((s) => hitSections.has(s.index));
  const columns = cols.length ? cols : m.sections;
  const rowH = 22;
  const colW = 26;
  const left = 190;
  const top = 110;
  const width = left + columns.length * colW + 10;
  const height = top + m.values.length * rowH + 10;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Waardendekking: waarden per paragraaf" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  );
  columns.forEach((s, ci) => {
    const x = left + ci * colW + colW / 2;
    parts.push(
      `<g class="col" data-section="${s.index}" tabindex="0"><title>${escapeHtml(sectionLabel(s))}</title>` +
        `<text class="collabel" x="${x}" y="${top - 6}" transform="rotate(-60 ${x} ${top - 6})">${escapeHtml(shortLabel(s))}</text></g>`,
    );
  });
  m.values.forEach((v, ri) => {
    const y = top + ri * rowH;
    parts.push(`<text class="rowlabel" x="${left - 8}" y="${y + rowH / 2 + 4}" text-anchor="end">${escapeHtml(v.name)}</text>`);
    const bySection = new Map<number, SectionCount>();
    for (const c of v.per_section) {
      if (c.section !== null && c.section !== undefined) bySection.set(c.section, c);
    }
    columns.forEach((s, ci) => {
      const c = bySection.get(s.index);
      const lvl = cellLevel(c);
      const cls = lvl === 2 ? 'c2' : lvl === 1 ? 'c1' : (c?.heading ?? 0) > 0 ? 'ch' : 'c0';
      const tip = c
        ? `${v.name} in ${sectionLabel(s)}: ${c.named}× genoemd, ${c.argued}× onderbouwd` +
          ((c.heading ?? 0) > 0 ? `, ${c.heading}× in een kop` : '')
        : `${v.name} in ${sectionLabel(s)}: niet genoemd`;
      parts.push(
        `<rect class="cell ${cls}" data-section="${s.index}" x="${left + ci * colW + 1}" y="${y + 1}" width="${colW - 2}" height="${rowH - 2}" rx="2"><title>${escapeHtml(tip)}</title></rect>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; }
h1 { font-size: 1.3em; font-weight: 600; }
h2 { font-size: 1.1em; font-weight: 600; margin-top: 1.5em; }
.legend span { display: inline-block; margin-right: 1.2em; }
.sw { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; margin-right: 0.3em; border: 1px solid var(--vscode-panel-border, #8884); }
.c2, .sw.c2 { fill: var(--vscode-charts-green, #3fa34d); background: var(--vscode-charts-green, #3fa34d); }
.c1, .sw.c1 { fill: var(--vscode-charts-yellow, #d7b937); background: var(--vscode-charts-yellow, #d7b937); }
.ch, .sw.ch { fill: var(--vscode-charts-blue, #3a7bd5); background: var(--vscode-charts-blue, #3a7bd5); opacity: 0.5; }
.c0, .sw.c0 { fill: var(--vscode-editorWidget-background, #8882); background: var(--vscode-editorWidget-background, #8882); }
svg text { fill: var(--vscode-foreground); font-size: 11px; }
.col { cursor: pointer; }
.col:hover text, .col:focus text { text-decoration: underline; }
.cell { stroke: var(--vscode-panel-border, #8884); stroke-width: 0.5; }
table { border-collapse: collapse; margin-top: 0.5em; }
td, th { text-align: left; padding: 0.2em 0.8em 0.2em 0; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
td.argued { color: var(--vscode-charts-green, #3fa34d); }
td.named { color: var(--vscode-charts-yellow, #b39200); }
td.none { color: var(--vscode-descriptionForeground); }
.overview { white-space: pre-wrap; background: var(--vscode-textBlockQuote-background); border-left: 3px solid var(--vscode-textBlockQuote-border); padding: 0.5em 1em; }
.scroll { overflow-x: auto; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
for (const el of document.querySelectorAll('[data-section]')) {
  const go = () => vscode.postMessage({ type: 'toonParagraaf', index: Number(el.getAttribute('data-section')) });
  el.addEventListener('click', go);
  el.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') go(); });
}
`;

export function renderCoverageHtml(r: CoverageResult, o: RenderOptions): string {
  const title = `Waardendekking${o.title ? ` — ${o.title}` : ''}`;
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  const m = r.matrix;
  if (!m || !Array.isArray(m.values)) {
    body.push(
      `<p class="empty">${escapeHtml(r.melding ?? 'Geen waardendekking beschikbaar: open een toelichting (of de regeling waar een toelichting bij hoort) en probeer het opnieuw.')}</p>`,
    );
  } else {
    const argued = m.values.filter((v) => v.argued).length;
    const named = m.values.filter((v) => v.named && !v.argued).length;
    const none = m.values.length - argued - named;
    body.push(
      `<p>${m.values.length} publieke waarden: <strong>${argued}</strong> genoemd en onderbouwd, <strong>${named}</strong> alleen genoemd, <strong>${none}</strong> niet genoemd.</p>`,
      '<p class="legend"><span><i class="sw c2"></i>onderbouwd</span><span><i class="sw c1"></i>genoemd</span><span><i class="sw ch"></i>alleen in een kop</span><span><i class="sw c0"></i>niet genoemd</span></p>',
      '<p>Klik op een paragraaf om die in de toelichting te tonen.</p>',
      `<div class="scroll">${heatmapSvg(m)}</div>`,
      '<h2>Per waarde</h2>',
      '<table><thead><tr><th>Waarde</th><th>Stand</th><th>Paragrafen</th></tr></thead><tbody>',
    );
    for (const v of m.values) {
      const st = rowStatus(v);
      const where = v.per_section
        .filter((c) => c.named > 0)
        .map((c) => escapeHtml(c.number ?? c.title ?? 'vóór de eerste kop'))
        .join(', ');
      body.push(`<tr><td>${escapeHtml(v.name)}</td><td class="${st.cls}">${escapeHtml(st.label)}</td><td>${where || '—'}</td></tr>`);
    }
    body.push('</tbody></table>');
  }
  for (const b of r.bevindingen ?? []) {
    body.push(`<h2>${escapeHtml(b.code)}</h2>`, `<div class="overview">${escapeHtml(b.message)}</div>`);
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(title)}</title>`,
    `<style nonce="${o.nonce}">${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script nonce="${o.nonce}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

export function makeNonce(random: () => number = Math.random): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) {
    s += chars[Math.floor(random() * chars.length)];
  }
  return s;
}
