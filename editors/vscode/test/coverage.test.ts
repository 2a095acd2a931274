import './mock/install';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { cellLevel, contentSecurityPolicy, CoverageResult, escapeHtml, heatmapSvg, makeNonce, renderCoverageHtml, rowStatus } from '../src/coverage';

const fixtures = path.join(__dirname, '..', '..', 'test', 'fixtures');
// A real answer of `wetlint/waardenDekking` on fixtures/drafts/voorbeeldwet.
const real: CoverageResult = JSON.parse(fs.readFileSync(path.join(fixtures, 'waardendekking.json'), 'utf8'));
const opts = { cspSource: 'vscode-webview://abc', nonce: 'N0nce123', title: 'memorie-van-toelichting.md' };

test('the page has a strict CSP and loads nothing from outside', () => {
  const html = renderCoverageHtml(real, opts);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(csp, 'CSP meta present');
  const policy = csp[1].replace(/&#39;/g, "'");
  assert.equal(policy, contentSecurityPolicy(opts));
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'nonce-N0nce123'/);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:/);
  // No external resources, no inline handlers or style attributes, every script/style nonce'd.
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
  assert.doesNotMatch(html, /\son[a-z]+="/);
  assert.doesNotMatch(html, /\sstyle="/);
  for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) {
    assert.match(tag, /nonce="N0nce123"/);
  }
});

test('the heatmap has one row per value and cells coloured by named/argued', () => {
  const m = real.matrix!;
  const svg = heatmapSvg(m);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal((svg.match(/class="rowlabel"/g) ?? []).length, m.values.length);
  assert.ok((svg.match(/class="cell c2"/g) ?? []).length > 0, 'some argued cells');
  assert.ok((svg.match(/class="cell c1"/g) ?? []).length > 0, 'some named cells');
  const html = renderCoverageHtml(real, opts);
  assert.match(html, /Menselijke maat/);
  assert.match(html, /<h2>WAARDE-001<\/h2>/);
  assert.match(html, new RegExp(`${m.values.length} publieke waarden`));
});

test('cell levels and row status', () => {
  assert.equal(cellLevel(undefined), 0);
  assert.equal(cellLevel({ named: 2, argued: 0 }), 1);
  assert.equal(cellLevel({ named: 2, argued: 1 }), 2);
  const v = { value_id: 'x', name: 'X', named: true, argued: false, only_enumeration: true, per_section: [] };
  assert.equal(rowStatus(v).label, 'alleen in een opsomming');
  assert.equal(rowStatus({ ...v, named: false, only_enumeration: false }).label, 'niet genoemd');
});

test('no toelichting: the server message is shown, escaped', () => {
  const html = renderCoverageHtml({ matrix: null, melding: 'geen <toelichting> gevonden' }, opts);
  assert.match(html, /geen &lt;toelichting&gt; gevonden/);
  assert.doesNotMatch(html, /<svg/);
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('nonces are 32 alphanumerics', () => {
  assert.match(makeNonce(), /^[A-Za-z0-9]{32}$/);
  assert.notEqual(makeNonce(), makeNonce());
});
