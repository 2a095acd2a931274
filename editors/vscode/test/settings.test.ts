import './mock/install';
import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  changeEffect,
  checkArgs,
  configurationResponse,
  didChangeConfigurationParams,
  initializationOptions,
  readServerSettings,
} from '../src/settings';

const cfg = (o: Record<string, unknown>) => ({ get: <T>(k: string) => o[k] as T });

test('settings map to what the server reads (ClientSettings::from_json)', () => {
  const s = readServerSettings(cfg({ profile: 'indiening', select: ['LEG', ' UITV-003 ', '', 'LEG'], ignore: 'WAARDE-001, WAARDE-003', path: '/x', 'trace.server': 'verbose' }));
  assert.deepEqual(s, { profile: 'indiening', select: ['LEG', 'UITV-003'], ignore: ['WAARDE-001', 'WAARDE-003'] });
  assert.deepEqual(initializationOptions(s), { wetlint: s });
  assert.deepEqual(didChangeConfigurationParams(s), { settings: { wetlint: s } });
});

test('an unknown profile falls back to concept; empty lists stay empty', () => {
  assert.deepEqual(readServerSettings(cfg({ profile: 'definitief', select: 5 })), { profile: 'concept', select: [], ignore: [] });
});

test('workspace/configuration: section wetlint gets the settings, others null', () => {
  const s = { profile: 'consultatie' as const, select: [], ignore: ['X-001'] };
  assert.deepEqual(configurationResponse([{ section: 'wetlint' }, { section: 'editor' }, {}], s), [s, null, { wetlint: s }]);
});

test('which changes restart the server and which are sent', () => {
  const eff = (...changed: string[]) => changeEffect((s) => changed.includes(s));
  assert.equal(eff('wetlint.path'), 'restart');
  assert.equal(eff('wetlint.profile'), 'notify');
  assert.equal(eff('wetlint.ignore'), 'notify');
  assert.equal(eff('wetlint.trace.server'), 'none');
  assert.equal(eff('editor.fontSize'), 'none');
});

test('wetlint check gets the same selection as the editor', () => {
  assert.deepEqual(checkArgs({ profile: 'batch', select: ['LEG', 'UITV'], ignore: ['LEG-002'] }, '/opslag/cache'), [
    'check', '--output-format', 'json', '--profile', 'batch', '--exit-zero', '--cache-dir', '/opslag/cache', '--select', 'LEG,UITV', '--ignore', 'LEG-002',
  ]);
  // No extension storage: no cache, and certainly no .wetlint-cache in the user's folder.
  assert.deepEqual(checkArgs({ profile: 'concept', select: [], ignore: [] }).slice(-2), ['--exit-zero', '--no-cache']);
});
