// package.json is consistent with the code and with the server.
import './mock/install';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { COMMANDS, LANGUAGE_ID } from '../src/extension';
import { PROFILES } from '../src/settings';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('every contributed command exists in the code, with a Dutch title', () => {
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, Object.values(COMMANDS).sort());
  const titles = pkg.contributes.commands.map((c: { title: string }) => c.title);
  for (const t of ['Controleer werkruimte', 'Toon regeldocumentatie', 'Toon waardendekking', 'Open bijbehorend document', 'Herstart server']) {
    assert.ok(titles.includes(t), t);
  }
  assert.ok(pkg.contributes.commands.every((c: { category: string }) => c.category === 'wetlint'));
});

test('the settings the brief names, with the server profiles', () => {
  const props = pkg.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), ['wetlint.ignore', 'wetlint.path', 'wetlint.profile', 'wetlint.select', 'wetlint.trace.server']);
  assert.deepEqual(props['wetlint.profile'].enum, [...PROFILES]);
  assert.equal(props['wetlint.path'].default, '');
});

test('the language, its file patterns, grammar and configuration files', () => {
  const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === LANGUAGE_ID);
  for (const p of ['*.wet.md', 'wetsvoorstel*.md', 'memorie-van-toelichting*.md', 'nota-van-toelichting*.md', '*.wet.txt']) {
    assert.ok(lang.filenamePatterns.includes(p), p);
  }
  assert.ok(fs.existsSync(path.join(root, lang.configuration)));
  const g = pkg.contributes.grammars.find((x: { language: string }) => x.language === LANGUAGE_ID);
  assert.equal(JSON.parse(fs.readFileSync(path.join(root, g.path), 'utf8')).scopeName, g.scopeName);
});

test('semantic token types are those of the server legend', () => {
  const src = fs.readFileSync(path.join(root, '..', '..', 'crates', 'wetlint_server', 'src', 'handlers', 'semantic_tokens.rs'), 'utf8');
  const scopes = pkg.contributes.semanticTokenScopes[0].scopes;
  for (const t of Object.keys(scopes)) {
    const type = t.split('.')[0];
    assert.match(src, new RegExp(`SemanticTokenType::${type.toUpperCase()}\\b`), type);
  }
});

test('the VSIX ships the bundle, the grammar and the server, not the sources', () => {
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  for (const keep of ['!out/extension.js', '!server/**', '!syntaxes/**', '!language-configuration.json']) {
    assert.ok(ignore.includes(keep), keep);
  }
  assert.equal(pkg.main, './out/extension.js');
  assert.equal(pkg.dependencies['vscode-languageclient'].replace(/^\D*/, '').split('.')[0], '11');
});
