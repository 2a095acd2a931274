import './mock/install';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { articleHeadingLines, companionByName, definitionCandidates } from '../src/companion';
import { looksLikeDraft } from '../src/detect';

const drafts = path.join(__dirname, '..', '..', '..', '..', 'fixtures', 'drafts');
const read = (p: string) => fs.readFileSync(path.join(drafts, p), 'utf8');

test('article headings are found in the regulation and in the toelichting', () => {
  const reg = read('voorbeeldwet/wetsvoorstel.md').split('\n');
  const h = articleHeadingLines(reg);
  assert.ok(h.length >= 10);
  assert.match(reg[h[0].line], /^### Artikel 1\.1/);
  assert.equal(h[0].character, 6);
  const mvt = read('voorbeeldwet/memorie-van-toelichting.md').split('\n');
  assert.match(mvt[articleHeadingLines(mvt)[0].line], /^### Artikel 1\.1/);
});

test('the article around the cursor is tried first', () => {
  const lines = ['# Wet', '### Artikel 1', 'tekst', '### Artikel 2', 'tekst', 'tekst'];
  assert.deepEqual(definitionCandidates(lines, 4).map((p) => p.line), [3, 1]);
  assert.deepEqual(definitionCandidates(lines, 0).map((p) => p.line), [1, 3]);
  assert.equal(definitionCandidates(lines, 5, 1).length, 1);
});

test('the companion by file name', () => {
  assert.equal(companionByName('/d/wetsvoorstel.md', ['wetsvoorstel.md', 'memorie-van-toelichting.md', 'README.md']), 'memorie-van-toelichting.md');
  assert.equal(companionByName('/d/memorie-van-toelichting.md', ['wetsvoorstel.md', 'memorie-van-toelichting.md', 'wetsvoorstel.md.outline.snap']), 'wetsvoorstel.md');
  assert.equal(companionByName('/d/besluit.md', ['besluit.md', 'nota-van-toelichting.md']), 'nota-van-toelichting.md');
  assert.equal(companionByName('/d/nota-van-toelichting.md', ['besluit.md', 'nota-van-toelichting.md']), 'besluit.md');
  assert.equal(companionByName('/d/regeling.md', ['regeling.md', 'toelichting.md']), 'toelichting.md');
  assert.equal(companionByName('/d/a.wet.md', ['a.wet.md', 'a.mvt.md', 'b.mvt.md']), 'a.mvt.md');
  assert.equal(
    companionByName('/d/wetsvoorstel-deel2.md', ['wetsvoorstel-deel1.md', 'wetsvoorstel-deel2.md', 'memorie-van-toelichting-deel1.md', 'memorie-van-toelichting-deel2.md']),
    'memorie-van-toelichting-deel2.md',
  );
  assert.equal(companionByName('/d/notities.md', ['notities.md']), undefined);
});

test('drafts are recognised, ordinary Markdown is not', () => {
  for (const f of ['voorbeeldwet/wetsvoorstel.md', 'voorbeeldwet/memorie-van-toelichting.md', 'besluit/besluit.md', 'regeling/toelichting.md', 'wijzigingswet/wetsvoorstel.md', 'platte-tekst/wetsvoorstel.txt']) {
    assert.ok(looksLikeDraft(read(f)), f);
  }
  assert.ok(!looksLikeDraft('# README\n\nInstall with `cargo install`.\n\n## Artikel\n\nSee artikel 3 of the spec.\n'));
  assert.ok(!looksLikeDraft(fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8')));
});
