// Command wiring against the mocked `vscode` module and a fake language
// client / fake `wetlint` runs.
import { mock } from './mock/install';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, test } from 'node:test';

import { activate, ClientLike, ClientParams, COMMANDS, Controller, Deps, RunResult, serverExecutable } from '../src/extension';

const fixtures = path.join(__dirname, '..', '..', 'test', 'fixtures');
const fixture = (n: string) => fs.readFileSync(path.join(fixtures, n), 'utf8');

class FakeClient implements ClientLike {
  running = false;
  starts = 0;
  stops = 0;
  notifications: { method: string; params: unknown }[] = [];
  requests: { method: string; params: unknown }[] = [];
  constructor(
    readonly params: ClientParams,
    private readonly answer: (method: string, params: unknown) => unknown,
    private readonly failStart?: NodeJS.ErrnoException,
  ) {}
  async start() {
    this.starts++;
    if (this.failStart) throw this.failStart;
    this.running = true;
  }
  async stop() {
    this.stops++;
    this.running = false;
  }
  isRunning() {
    return this.running;
  }
  async sendNotification(method: string, params?: unknown) {
    this.notifications.push({ method, params });
  }
  async sendRequest<R>(method: string, params?: unknown): Promise<R> {
    this.requests.push({ method, params });
    return this.answer(method, params) as R;
  }
}

interface Harness {
  controller: Controller;
  clients: FakeClient[];
  runs: { binary: string; args: string[]; cwd?: string }[];
}

let tmp: string;
let extDir: string;
let bin: string;

beforeEach(() => {
  mock.reset();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wetlint-ext-'));
  extDir = path.join(tmp, 'ext');
  bin = path.join(extDir, 'server', `${process.platform}-${process.arch}`, process.platform === 'win32' ? 'wetlint.exe' : 'wetlint');
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  fs.writeFileSync(bin, '#!/bin/sh\n', { mode: 0o644 }); // not executable: the extension fixes that
});

async function start(opts: { answer?: (m: string, p: unknown) => unknown; run?: (args: string[]) => RunResult; failStart?: NodeJS.ErrnoException } = {}): Promise<Harness> {
  const clients: FakeClient[] = [];
  const runs: Harness['runs'] = [];
  const deps: Deps = {
    createClient: (p) => {
      const c = new FakeClient(p, opts.answer ?? (() => null), opts.failStart);
      clients.push(c);
      return c;
    },
    run: async (binary, args, cwd) => {
      runs.push({ binary, args, cwd });
      if (opts.run) return opts.run(args);
      if (args[0] === '--version') return { code: 0, stdout: 'wetlint 0.1.0\n', stderr: '' };
      if (args[0] === 'rule') return { code: 0, stdout: fixture('rules.json'), stderr: '' };
      if (args[0] === 'check') return { code: 0, stdout: fixture('check.json'), stderr: '' };
      return { code: 2, stdout: '', stderr: 'onbekend' };
    },
  };
  const context = {
    subscriptions: [] as { dispose(): void }[],
    extensionPath: extDir,
    workspaceState: { get: () => undefined, update: async () => undefined },
    storageUri: undefined,
  };
  const controller = await activate(context as never, deps);
  return { controller, clients, runs };
}

function openWetgeving(file: string, text = '### Artikel 1\n\ntekst\n') {
  const d = mock.doc(mock.Uri.file(file), 'wetgeving', text);
  mock.state.textDocuments.push(d);
  mock.state.activeTextEditor = { document: d, selection: new mock.Selection(1, 0, 1, 0) };
  return d;
}

test('activation registers every contributed command', async () => {
  await start();
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  for (const c of pkg.contributes.commands) {
    assert.ok(mock.state.commands.has(c.command), c.command);
  }
  assert.ok(mock.state.commands.has(COMMANDS.herstartServer));
});

test('the server starts with the bundled binary and the settings as initializationOptions', async () => {
  mock.state.config = { 'wetlint.profile': 'consultatie', 'wetlint.ignore': ['WAARDE-001'] };
  const h = await start();
  openWetgeving('/werk/wetsvoorstel.md');
  assert.equal(await h.controller.ensureStarted(), true);
  assert.equal(h.clients.length, 1);
  const p = h.clients[0].params;
  assert.equal(p.binary.path, bin);
  assert.equal(p.binary.source, 'meegeleverd');
  assert.deepEqual(p.settings, { profile: 'consultatie', select: [], ignore: ['WAARDE-001'] });
  if (process.platform !== 'win32') {
    assert.equal(fs.statSync(bin).mode & 0o111, 0o111, 'bundled binary made executable');
  }
  assert.deepEqual(h.runs[0].args, ['--version']);
  assert.match(mock.state.statusText, /wetlint: consultatie/);
});

test('a settings change is sent to the server; a wetlint.path change restarts it', async () => {
  const h = await start();
  await h.controller.ensureStarted();
  mock.state.config = { 'wetlint.profile': 'indiening' };
  await mock.fireConfigChange('wetlint.profile');
  assert.deepEqual(h.clients[0].notifications, [
    { method: 'workspace/didChangeConfiguration', params: { settings: { wetlint: { profile: 'indiening', select: [], ignore: [] } } } },
  ]);
  assert.equal(h.clients[0].params.currentSettings().profile, 'indiening');
  await mock.fireConfigChange('wetlint.path');
  assert.equal(h.clients.length, 2);
  assert.equal(h.clients[0].stops, 1);
});

test('Herstart server stops the client and starts a new one', async () => {
  const h = await start();
  await h.controller.ensureStarted();
  await mock.commands.executeCommand(COMMANDS.herstartServer);
  assert.equal(h.clients.length, 2);
  assert.equal(h.clients[0].stops, 1);
  assert.ok(h.clients[1].isRunning());
});

test('a missing binary gives a Dutch error with a button to the setting', async () => {
  fs.rmSync(bin);
  mock.state.config = { 'wetlint.path': path.join(tmp, 'bestaat-niet') };
  const h = await start();
  openWetgeving('/werk/wetsvoorstel.md');
  assert.equal(await h.controller.ensureStarted(), false);
  assert.equal(h.clients.length, 0);
  const err = mock.state.messages.find((m) => m.level === 'error');
  assert.ok(err);
  assert.match(err.text, /wetlint\.path wijst naar .*bestaat-niet/);
  assert.deepEqual(err.items, ['Instelling openen', 'Uitvoer tonen']);
  assert.match(mock.state.statusText, /error/);
});

test('a binary that does not run is reported before the client starts', async () => {
  const h = await start({ run: () => ({ code: null, stdout: '', stderr: '', error: Object.assign(new Error('spawn'), { code: 'EACCES' }) }) });
  assert.equal(await h.controller.ensureStarted(), false);
  assert.match(mock.state.messages[0].text, /niet uitvoerbaar/);
});

test('a client that fails to start is reported in Dutch', async () => {
  const h = await start({ failStart: Object.assign(new Error('spawn wetlint ENOENT'), { code: 'ENOENT' }) });
  assert.equal(await h.controller.ensureStarted(), false);
  assert.match(mock.state.messages[0].text, /kon niet worden gestart: het bestand bestaat niet/);
});

test('Controleer werkruimte runs wetlint check and fills the Problems view', async () => {
  mock.state.config = { 'wetlint.select': ['LEG'] };
  mock.state.workspaceFolders = [{ uri: mock.Uri.file('/werk/voorbeeldwet'), name: 'voorbeeldwet', index: 0 }];
  const h = await start();
  const n = await mock.commands.executeCommand(COMMANDS.controleerWerkruimte);
  assert.equal(n, JSON.parse(fixture('check.json')).length);
  const run = h.runs.find((r) => r.args[0] === 'check')!;
  assert.equal(run.cwd, '/werk/voorbeeldwet');
  assert.deepEqual(run.args.slice(-3), ['--select', 'LEG', '.']);
  const coll = mock.state.collections.get('wetlint-werkruimte')!;
  const diags = coll.get('file:///werk/voorbeeldwet/wetsvoorstel.md')!;
  assert.ok(diags.some((d) => typeof d.code === 'object' && d.code.value === 'LEG-002' && d.source === 'wetlint'));
  assert.ok(coll.has('file:///werk/voorbeeldwet/memorie-van-toelichting.md'));
  assert.match(mock.state.messages.at(-1)!.text, /^wetlint: 8 bevindingen/);
});

test('Controleer werkruimte without a folder says what to do', async () => {
  const h = await start();
  await mock.commands.executeCommand(COMMANDS.controleerWerkruimte);
  assert.equal(h.runs.length, 0);
  assert.match(mock.state.messages[0].text, /Open eerst een map/);
});

test('Toon regeldocumentatie: quick pick over the rules, page in a Markdown preview', async () => {
  await start();
  mock.state.quickPickAnswer = (items) => items.find((i: { code: string }) => i.code === 'LEG-002');
  const uri = (await mock.commands.executeCommand(COMMANDS.toonRegeldocumentatie)) as { toString(): string };
  assert.equal(mock.state.quickPicks[0].length, 3);
  assert.equal(uri.toString(), 'wetlint-regel:/LEG-002.md');
  const preview = mock.state.executed.find((e) => e.id === 'markdown.showPreview');
  assert.ok(preview);
  const page = mock.state.contentProviders.get('wetlint-regel')!.provideTextDocumentContent(uri as never);
  assert.match(page, /^# LEG-002 interne-verwijzing-ongeldig/);
  // With a code as argument no quick pick is shown.
  await mock.commands.executeCommand(COMMANDS.toonRegeldocumentatie, 'UITV-003');
  assert.equal(mock.state.quickPicks.length, 1);
});

test('Toon waardendekking sends wetlint/waardenDekking and renders the webview', async () => {
  const answer = JSON.parse(fixture('waardendekking.json'));
  const h = await start({ answer: (m) => (m === 'wetlint/waardenDekking' ? answer : null) });
  const d = openWetgeving('/werk/voorbeeldwet/memorie-van-toelichting.md');
  await mock.commands.executeCommand(COMMANDS.toonWaardendekking);
  assert.deepEqual(h.clients[0].requests[0], { method: 'wetlint/waardenDekking', params: { textDocument: { uri: d.uri.toString() } } });
  const panel = mock.state.webviews[0];
  assert.equal(panel.viewType, 'wetlint.waardendekking');
  assert.equal(panel.title, 'Waardendekking: memorie-van-toelichting.md');
  assert.deepEqual(panel.options, { enableScripts: true, enableCommandUris: false, localResourceRoots: [] });
  assert.match(panel.webview.html, /<svg/);
  assert.match(panel.webview.html, /Content-Security-Policy/);
});

test('Toon waardendekking on a Markdown file asks to open a toelichting', async () => {
  const h = await start();
  mock.state.activeTextEditor = { document: mock.doc(mock.Uri.file('/x/README.md'), 'markdown', ''), selection: new mock.Selection(0, 0, 0, 0) };
  await mock.commands.executeCommand(COMMANDS.toonWaardendekking);
  assert.equal(h.clients.length, 0);
  assert.match(mock.state.messages[0].text, /Open eerst een toelichting/);
});

test('Open bijbehorend document follows the server definition of an article heading', async () => {
  await start();
  openWetgeving('/werk/a/wetsvoorstel.md', '# Wet\n\n### Artikel 1.1 Begrippen\n\ntekst\n');
  const target = mock.Uri.file('/werk/a/memorie-van-toelichting.md');
  mock.state.commandResults.set('vscode.executeDefinitionProvider', (_u: unknown, pos: { line: number }) =>
    pos.line === 2 ? [new mock.Location(target, new mock.Range(200, 0, 200, 15))] : [],
  );
  const uri = await mock.commands.executeCommand(COMMANDS.openBijbehorendDocument);
  assert.equal(String(uri), target.toString());
  assert.equal(mock.state.shown[0].uri, target.toString());
});

test('Open bijbehorend document falls back to the file name', async () => {
  await start();
  const dir = path.join(tmp, 'dossier');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'besluit.md'), '');
  fs.writeFileSync(path.join(dir, 'nota-van-toelichting.md'), '');
  openWetgeving(path.join(dir, 'besluit.md'), 'geen artikelen');
  const uri = await mock.commands.executeCommand(COMMANDS.openBijbehorendDocument);
  assert.equal(String(uri), mock.Uri.file(path.join(dir, 'nota-van-toelichting.md')).toString());
});

test('Behandel als wetgeving switches the language of a Markdown file', async () => {
  await start();
  mock.state.activeTextEditor = { document: mock.doc(mock.Uri.file('/x/ontwerp.md'), 'markdown', ''), selection: new mock.Selection(0, 0, 0, 0) };
  await mock.commands.executeCommand(COMMANDS.behandelAlsWetgeving);
  assert.deepEqual(mock.state.languageChanges, [{ uri: 'file:///x/ontwerp.md', languageId: 'wetgeving' }]);
});

test('the server is started as `wetlint server` over stdio, without --stdio', () => {
  const o = serverExecutable('/x/wetlint', '/werk');
  assert.deepEqual(o, { command: '/x/wetlint', args: ['server'], options: { cwd: '/werk' } });
  assert.ok(!('transport' in o));
});
