// `wetlint check --output-format json` → diagnostics per file. Pure: the
// conversion to `vscode.Diagnostic` happens in commands.ts.
//
// JSON positions are 1-based rows and 1-based columns counted in Unicode
// scalar values (crates/wetlint_diagnostics/src/model.rs); VS Code counts
// UTF-16 code units, so columns are converted with the line's text.

import * as path from 'path';

export interface JsonPosition {
  row: number;
  column: number;
}

export interface JsonFinding {
  code: string;
  name?: string;
  severity: 'error' | 'warning' | 'info' | 'hint' | string;
  message: string;
  filename: string;
  location?: JsonPosition | null;
  end_location?: JsonPosition | null;
  url?: string | null;
  related?: { filename: string; location?: JsonPosition | null; end_location?: JsonPosition | null; message: string }[];
}

/** 0-based line and UTF-16 character, as in LSP and VS Code. */
export interface Pos {
  line: number;
  character: number;
}

export interface PlainDiagnostic {
  file: string;
  start: Pos;
  end: Pos;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  url?: string;
  message: string;
  related: { file: string; start: Pos; end: Pos; message: string }[];
}

export function parseFindings(stdout: string): JsonFinding[] {
  const trimmed = stdout.trim();
  if (!trimmed) {
    return [];
  }
  const data: unknown = JSON.parse(trimmed);
  if (!Array.isArray(data)) {
    throw new Error('uitvoer van wetlint check is geen lijst');
  }
  return data as JsonFinding[];
}

/** Converts a count of Unicode scalar values into UTF-16 code units of `line`. */
export function charsToUtf16(line: string, chars: number): number {
  let units = 0;
  let seen = 0;
  for (const ch of line) {
    if (seen >= chars) {
      break;
    }
    units += ch.length;
    seen++;
  }
  // Past the end of the line: keep the surplus (VS Code clamps).
  return units + Math.max(0, chars - seen);
}

export function toPos(p: JsonPosition | null | undefined, lineText: (line: number) => string | undefined): Pos {
  if (!p) {
    return { line: 0, character: 0 };
  }
  const line = Math.max(0, p.row - 1);
  const chars = Math.max(0, p.column - 1);
  const text = lineText(line);
  return { line, character: text === undefined ? chars : charsToUtf16(text, chars) };
}

export function mapSeverity(s: string): PlainDiagnostic['severity'] {
  switch (s) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'hint':
      return 'hint';
    default:
      return 'info';
  }
}

/**
 * Groups findings by absolute file path. `readLines(file)` gives the file's
 * lines (or undefined when unreadable) for the column conversion.
 */
export function toDiagnostics(
  findings: JsonFinding[],
  cwd: string,
  readLines: (file: string) => string[] | undefined,
): Map<string, PlainDiagnostic[]> {
  const cache = new Map<string, string[] | undefined>();
  const lines = (file: string) => {
    if (!cache.has(file)) {
      cache.set(file, readLines(file));
    }
    return cache.get(file);
  };
  const abs = (f: string) => (path.isAbsolute(f) ? f : path.resolve(cwd, f));
  const out = new Map<string, PlainDiagnostic[]>();
  for (const f of findings) {
    const file = abs(f.filename);
    const lt = (l: number) => lines(file)?.[l];
    const start = toPos(f.location, lt);
    const end = f.end_location ? toPos(f.end_location, lt) : start;
    const related = (f.related ?? []).map((r) => {
      const rf = abs(r.filename);
      const rlt = (l: number) => lines(rf)?.[l];
      const rs = toPos(r.location, rlt);
      return { file: rf, start: rs, end: r.end_location ? toPos(r.end_location, rlt) : rs, message: r.message };
    });
    const d: PlainDiagnostic = {
      file,
      start,
      end,
      severity: mapSeverity(f.severity),
      code: f.code,
      url: f.url ?? undefined,
      message: f.message,
      related,
    };
    const list = out.get(file) ?? [];
    list.push(d);
    out.set(file, list);
  }
  return out;
}

/** One-line Dutch summary for the output channel and the notification. */
export function summary(findings: JsonFinding[], files: number): string {
  if (findings.length === 0) {
    return 'wetlint: geen bevindingen in de werkruimte.';
  }
  const count = (s: string) => findings.filter((f) => mapSeverity(f.severity) === s).length;
  const parts: string[] = [];
  const e = count('error');
  const w = count('warning');
  const i = count('info') + count('hint');
  if (e) parts.push(`${e} ${e === 1 ? 'fout' : 'fouten'}`);
  if (w) parts.push(`${w} ${w === 1 ? 'waarschuwing' : 'waarschuwingen'}`);
  if (i) parts.push(`${i} ${i === 1 ? 'melding' : 'meldingen'}`);
  return `wetlint: ${findings.length} ${findings.length === 1 ? 'bevinding' : 'bevindingen'} (${parts.join(', ')}) in ${files} ${files === 1 ? 'bestand' : 'bestanden'}.`;
}

/** `file:row:col: CODE message` lines for the output channel. */
export function outputLines(findings: JsonFinding[]): string[] {
  return findings.map((f) => {
    const loc = f.location ? `:${f.location.row}:${f.location.column}` : '';
    return `${f.filename}${loc}: ${f.code} ${f.message}`;
  });
}
