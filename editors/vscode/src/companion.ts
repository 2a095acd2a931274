// "Open bijbehorend document": regulation ↔ toelichting. First choice is the
// server's go-to-definition on an article heading (it knows the pairing,
// also `[[paar]]` in wetlint.toml); positions to try come from here. When
// the server has no answer, a sibling file is chosen by name. Pure.

import * as path from 'path';

const HEADING = /^(\s{0,3}(?:#{1,6}\s+)?)(Artikel(?:en)?\s+[0-9IVXLC])/;

export interface LinePos {
  line: number;
  character: number;
}

/** Lines that start an article heading (regulation) or an artikelsgewijze entry (toelichting). */
export function articleHeadingLines(lines: string[]): LinePos[] {
  const out: LinePos[] = [];
  lines.forEach((l, i) => {
    const m = HEADING.exec(l);
    if (m) {
      // Inside the word "Artikel", which the server's heading span covers.
      out.push({ line: i, character: m[1].length + 2 });
    }
  });
  return out;
}

/**
 * Positions to ask go-to-definition for: the article heading at or above
 * the cursor first (so the jump lands at the matching toelichting), then
 * the others in document order; at most `limit`.
 */
export function definitionCandidates(lines: string[], cursorLine: number, limit = 25): LinePos[] {
  const all = articleHeadingLines(lines);
  const before = all.filter((p) => p.line <= cursorLine);
  const first = before.length ? [before[before.length - 1]] : [];
  const rest = all.filter((p) => !first.includes(p));
  return [...first, ...rest].slice(0, limit);
}

const TOELICHTING = /(memorie-van-toelichting|nota-van-toelichting|toelichting|\.mvt)/i;
const REGULATION = /^(wetsvoorstel|voorstel|besluit|regeling|amvb|wet)|\.wet\./i;

function isDraftFile(name: string): boolean {
  return /\.(md|markdown|txt)$/i.test(name);
}

function suffix(name: string, re: RegExp): string {
  return path.basename(name).replace(re, '').replace(/\.(md|markdown|txt)$/i, '').replace(/^[-_.]+/, '');
}

/**
 * The companion of `file` among `siblings` (base names in the same folder),
 * by name: `wetsvoorstel-x.md` ↔ `memorie-van-toelichting-x.md`,
 * `besluit.md` ↔ `nota-van-toelichting.md`, `a.wet.md` ↔ `a.mvt.md`.
 */
export function companionByName(file: string, siblings: string[]): string | undefined {
  const base = path.basename(file);
  const others = siblings.filter((s) => s !== base && isDraftFile(s) && !/^readme/i.test(s) && !/\.snap$/.test(s));
  if (/\.wet\.(md|txt)$/i.test(base)) {
    const want = base.replace(/\.wet\.(md|txt)$/i, '.mvt.$1');
    if (others.includes(want)) return want;
  }
  if (/\.mvt\.(md|txt)$/i.test(base)) {
    const want = base.replace(/\.mvt\.(md|txt)$/i, '.wet.$1');
    if (others.includes(want)) return want;
  }
  if (TOELICHTING.test(base)) {
    const sfx = suffix(base, TOELICHTING);
    const regs = others.filter((s) => !TOELICHTING.test(s));
    const preferred = regs.filter((s) => REGULATION.test(s));
    const pool = preferred.length ? preferred : regs;
    return pool.find((s) => suffix(s, /^(wetsvoorstel|voorstel|besluit|regeling|amvb|wet)/i) === sfx) ?? (pool.length === 1 ? pool[0] : preferred[0]);
  }
  const sfx = suffix(base, /^(wetsvoorstel|voorstel|besluit|regeling|amvb|wet)/i);
  const toels = others.filter((s) => TOELICHTING.test(s));
  return toels.find((s) => suffix(s, TOELICHTING) === sfx) ?? toels[0];
}
