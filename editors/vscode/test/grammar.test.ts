// Tokenises sample lines with the real TextMate engine VS Code uses
// (vscode-textmate + vscode-oniguruma) and checks the scopes.
import './mock/install';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.join(__dirname, '..', '..');
let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      if (scope !== 'text.wetgeving') return null;
      const file = path.join(root, 'syntaxes', 'wetgeving.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const g = await registry.loadGrammar('text.wetgeving');
  assert.ok(g);
  grammar = g;
});

/** [text, innermost scope] pairs of a document (lines tokenised in order). */
function tokens(text: string): { line: number; text: string; scopes: string[] }[] {
  let stack = vsctm.INITIAL;
  const out: { line: number; text: string; scopes: string[] }[] = [];
  text.split('\n').forEach((l, i) => {
    const r = grammar.tokenizeLine(l, stack);
    for (const t of r.tokens) out.push({ line: i, text: l.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = r.ruleStack;
  });
  return out;
}

function scopeOf(text: string, needle: string, line?: number): string[] {
  const t = tokens(text).find((x) => x.text === needle && (line === undefined || x.line === line));
  assert.ok(t, `no token '${needle}' in ${JSON.stringify(tokens(text).map((x) => x.text))}`);
  return t.scopes;
}

function has(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s.startsWith(prefix));
}

test('unit and article headings, Markdown and plain', () => {
  const md = '## Hoofdstuk 1. Algemene bepalingen';
  assert.ok(has(scopeOf(md, 'Hoofdstuk'), 'keyword.other.unit'));
  assert.ok(has(scopeOf(md, '1'), 'constant.numeric.unit'));
  assert.ok(has(scopeOf(md, ' Algemene bepalingen'), 'entity.name.section.unit'));
  const art = '### Artikel 2.1 Recht op energietegemoetkoming';
  assert.ok(has(scopeOf(art, 'Artikel'), 'keyword.other.article'));
  assert.ok(has(scopeOf(art, '2.1'), 'constant.numeric.article'));
  assert.ok(has(scopeOf('Artikel 12a. Hardheidsclausule', 'Artikel'), 'markup.heading.article'));
  assert.ok(has(scopeOf('§ 2 Aanvraag', '§'), 'keyword.other.unit'));
  assert.ok(has(scopeOf('Afdeling 3.2', 'Afdeling'), 'keyword.other.unit'));
  assert.ok(has(scopeOf('### Artikel I, onderdeel A', 'I'), 'constant.numeric.article'));
  // A sentence that starts with "Artikel" is no heading.
  assert.ok(!has(tokens('Artikel 5 wordt als volgt gewijzigd:')[0].scopes, 'markup.heading'));
});

test('leden, onderdelen, sub-onderdelen and wijzigingsonderdelen', () => {
  assert.ok(has(scopeOf('1. Recht op een energietegemoetkoming heeft', '1'), 'constant.numeric.lid'));
  assert.ok(has(scopeOf('2a. Het college', '2a'), 'constant.numeric.lid'));
  assert.ok(has(scopeOf('a. de leeftijd van achttien jaar heeft bereikt;', 'a'), 'constant.character.onderdeel'));
  assert.ok(has(scopeOf('   1°. een ingezetene;', '1°'), 'constant.character.sub-onderdeel'));
  const change = 'Artikel I\n\nA\n\nIn artikel 1 wordt';
  assert.ok(has(scopeOf(change, 'A', 2), 'keyword.other.wijzigingsonderdeel'));
});

test('references, also the style LEG-002 objects to', () => {
  const line = 'het recht, bedoeld in artikel 3.5, tweede lid, onderdeel a, en in het eerste lid';
  assert.ok(has(scopeOf(line, 'artikel'), 'keyword.other.reference'));
  assert.ok(has(scopeOf(line, '3.5'), 'string.other.link.reference'));
  assert.ok(has(scopeOf(line, ', tweede lid, onderdeel a'), 'string.other.link.reference'));
  assert.ok(has(scopeOf(line, 'eerste lid'), 'string.other.link.reference'));
  assert.ok(has(scopeOf('de artikelen 2.1, tweede lid, en 2.3', '2.1'), 'string.other.link.reference'));
  assert.ok(has(scopeOf('bedoeld in artikel 3.5 lid 1, met', 'lid 1'), 'invalid.deprecated.reference-style'));
});

test('wetlint-disable comments: directive, rule codes and the reason', () => {
  const c = '<!-- wetlint-disable-next-line LEG-002, UITV-003: citaat uit de oude wet -->';
  assert.ok(has(scopeOf(c, 'wetlint-disable-next-line'), 'keyword.control.directive.wetlint'));
  assert.ok(has(scopeOf(c, 'LEG-002'), 'constant.other.rule-code.wetlint'));
  assert.ok(has(scopeOf(c, 'UITV-003'), 'constant.other.rule-code.wetlint'));
  assert.ok(has(scopeOf(c, 'citaat uit de oude wet '), 'string.unquoted.reason.wetlint'));
  const multi = '<!-- wetlint-disable WAARDE-001:\n  reden over twee regels -->\nArtikel 1';
  assert.ok(has(scopeOf(multi, '  reden over twee regels ', 1), 'comment.block.suppression'));
  assert.ok(has(scopeOf('<!-- gewoon commentaar -->', ' gewoon commentaar '), 'comment.block.html'));
});

test('the whole example bill tokenises, every article heading is a heading', () => {
  const text = fs.readFileSync(path.join(root, '..', '..', 'fixtures', 'drafts', 'voorbeeldwet', 'wetsvoorstel.md'), 'utf8');
  const toks = tokens(text);
  const headingLines = new Set(toks.filter((t) => has(t.scopes, 'markup.heading.article')).map((t) => t.line));
  const articleLines = text.split('\n').filter((l) => /^### Artikel/.test(l)).length;
  assert.equal(headingLines.size, articleLines);
});
