import './mock/install';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';

import { bundledPath, describeStartError, expandConfiguredPath, findOnPath, isLookupError, resolveBinary } from '../src/binary';

const ext = '/ext/wetlint-0.1.0';
const files = (...p: string[]) => (x: string) => p.includes(x);

test('the wetlint.path setting wins and is expanded', () => {
  const r = resolveBinary({
    configured: '${workspaceFolder}/bin/wetlint',
    extensionPath: ext,
    workspaceFolder: '/werk/dossier',
    platform: 'linux',
    arch: 'x64',
    envPath: '/usr/bin',
    isFile: files('/werk/dossier/bin/wetlint', path.join(ext, 'server/linux-x64/wetlint'), '/usr/bin/wetlint'),
  });
  assert.deepEqual(r, { path: '/werk/dossier/bin/wetlint', source: 'instelling' });
});

test('relative and ~ paths in wetlint.path', () => {
  assert.equal(expandConfiguredPath('tools/wetlint', '/werk/dossier', '/home/jurist'), '/werk/dossier/tools/wetlint');
  assert.equal(expandConfiguredPath('~/bin/wetlint', undefined, '/home/jurist'), '/home/jurist/bin/wetlint');
  assert.equal(expandConfiguredPath('  /opt/wetlint  ', '/w', '/h'), '/opt/wetlint');
});

test('a wrong wetlint.path is an error, not a silent fallback', () => {
  const r = resolveBinary({
    configured: '/nergens/wetlint',
    extensionPath: ext,
    platform: 'linux',
    arch: 'x64',
    isFile: files(path.join(ext, 'server/linux-x64/wetlint')),
  });
  assert.ok(isLookupError(r));
  assert.match(r.message, /wetlint\.path wijst naar \/nergens\/wetlint/);
  assert.equal(r.setting, 'wetlint.path');
});

test('the bundled binary for this platform comes next', () => {
  const bundled = bundledPath(ext, 'linux', 'x64');
  assert.equal(bundled, path.join(ext, 'server', 'linux-x64', 'wetlint'));
  const r = resolveBinary({ configured: '', extensionPath: ext, platform: 'linux', arch: 'x64', envPath: '/usr/bin', isFile: files(bundled, '/usr/bin/wetlint') });
  assert.deepEqual(r, { path: bundled, source: 'meegeleverd' });
});

test('then wetlint on PATH; Windows uses wetlint.exe and ;', () => {
  const r = resolveBinary({ configured: undefined, extensionPath: ext, platform: 'linux', arch: 'arm64', envPath: '/a::/b', isFile: files('/b/wetlint') });
  assert.deepEqual(r, { path: '/b/wetlint', source: 'PATH' });
  assert.equal(findOnPath('C:\\x;C:\\tools', 'win32', files(path.join('C:\\tools', 'wetlint.exe'))), path.join('C:\\tools', 'wetlint.exe'));
  assert.equal(findOnPath(undefined, 'linux', () => true), undefined);
});

test('nothing found: a Dutch message that says what to do', () => {
  const r = resolveBinary({ configured: '', extensionPath: ext, platform: 'darwin', arch: 'arm64', envPath: '/usr/bin', isFile: () => false });
  assert.ok(isLookupError(r));
  assert.match(r.message, /niet gevonden/);
  assert.match(r.message, /darwin-arm64/);
  assert.match(r.message, /wetlint\.path/);
});

test('start errors are explained per cause', () => {
  const b = { path: '/x/wetlint', source: 'meegeleverd' as const };
  assert.match(describeStartError({ code: 'EACCES' }, b), /niet uitvoerbaar/);
  assert.match(describeStartError({ code: 'ENOENT' }, b), /bestaat niet/);
  assert.match(describeStartError({ code: 'ENOEXEC' }, b), /besturingssysteem/);
  assert.match(describeStartError(new Error('kapot'), { path: '/p', source: 'PATH' }), /zoekpad.*kapot/);
});
