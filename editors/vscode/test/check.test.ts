import './mock/install';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { charsToUtf16, outputLines, parseFindings, summary, toDiagnostics } from '../src/check';

const fixtures = path.join(__dirname, '..', '..', 'test', 'fixtures');

test('columns in Unicode scalar values become UTF-16 code units', () => {
  assert.equal(charsToUtf16('abc', 2), 2);
  assert.equal(charsToUtf16('€ 5', 2), 2); // € is one UTF-16 unit
  assert.equal(charsToUtf16('𝔸b', 1), 2); // astral: two units
  assert.equal(charsToUtf16('ab', 5), 5); // past the end: kept, VS Code clamps
});

test('real `wetlint check --output-format json` output becomes diagnostics per file', () => {
  const findings = parseFindings(fs.readFileSync(path.join(fixtures, 'check.json'), 'utf8'));
  assert.ok(findings.length >= 3);
  const lines = new Map([['/werk/wetsvoorstel.md', Array(300).fill('x'.repeat(200))]]);
  const byFile = toDiagnostics(findings, '/werk', (f) => lines.get(f));
  const ws = byFile.get('/werk/wetsvoorstel.md');
  assert.ok(ws, 'wetsvoorstel.md has findings');
  const leg = ws.find((d) => d.code === 'LEG-002' && d.message.includes('eerste lid'));
  assert.ok(leg);
  assert.equal(leg.start.line, 142); // row 143, 1-based
  assert.equal(leg.start.character, 116);
  assert.match(leg.url ?? '', /^https:\/\/wetlint\.nl\/regels\//);
  assert.ok(byFile.has('/werk/memorie-van-toelichting.md'));
  const withRelated = [...byFile.values()].flat().find((d) => d.related.length);
  assert.ok(withRelated && path.isAbsolute(withRelated.related[0].file));
});

test('empty output, severities and the summary', () => {
  assert.deepEqual(parseFindings('  \n'), []);
  assert.throws(() => parseFindings('{}'), /geen lijst/);
  const f = [
    { code: 'A-001', severity: 'error', message: 'm', filename: 'a.md', location: { row: 1, column: 1 } },
    { code: 'A-002', severity: 'warning', message: 'm', filename: 'a.md' },
    { code: 'A-003', severity: 'info', message: 'm', filename: 'b.md' },
  ];
  const d = toDiagnostics(f, '/w', () => undefined);
  assert.deepEqual([...d.get('/w/a.md')!].map((x) => x.severity), ['error', 'warning']);
  assert.equal(summary(f, 2), 'wetlint: 3 bevindingen (1 fout, 1 waarschuwing, 1 melding) in 2 bestanden.');
  assert.equal(summary([], 0), 'wetlint: geen bevindingen in de werkruimte.');
  assert.deepEqual(outputLines(f.slice(0, 1)), ['a.md:1:1: A-001 m']);
});
