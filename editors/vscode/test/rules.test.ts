import './mock/install';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

import { findRule, parseRules, pickItems, rulePage } from '../src/rules';

const rules = parseRules(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'rules.json'), 'utf8'));

test('rules from `wetlint rule --all --output-format json` become quick-pick items', () => {
  const items = pickItems(rules);
  const leg = items.find((i) => i.label === 'LEG-002');
  assert.ok(leg);
  assert.equal(leg.description, 'interne-verwijzing-ongeldig');
  assert.ok(leg.detail.length > 10);
});

test('the rule page is Markdown with the documentation and the severities per phase', () => {
  const page = rulePage(findRule(rules, 'leg-002')!);
  assert.match(page, /^# LEG-002 interne-verwijzing-ongeldig/);
  assert.match(page, /Ernst per fase \| concept: /);
  assert.match(page, /## Wat het controleert/);
  assert.match(page, /wetlint-disable-next-line LEG-002: reden/);
  assert.equal(findRule(rules, 'interne-verwijzing-ongeldig')?.code, 'LEG-002');
  assert.equal(findRule(rules, 'XYZ-999'), undefined);
});
