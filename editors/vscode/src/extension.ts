// The wetlint extension: starts `wetlint server` through vscode-languageclient
// for `wetgeving` documents and adds the commands of package.json. External
// effects (the language client, running the CLI) come in through `Deps`, so
// the command wiring is unit-tested with a mocked `vscode` module.

import * as cp from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

import {
  describeStartError,
  ensureExecutable,
  isLookupError,
  LookupError,
  resolveBinary,
  ResolvedBinary,
} from './binary';
import { outputLines, parseFindings, PlainDiagnostic, summary, toDiagnostics } from './check';
import { companionByName, definitionCandidates } from './companion';
import { CoverageResult, makeNonce, renderCoverageHtml } from './coverage';
import { looksLikeDraft } from './detect';
import { findRule, parseRules, pickItems, RuleDoc, rulePage } from './rules';
import {
  changeEffect,
  checkArgs,
  configurationResponse,
  didChangeConfigurationParams,
  initializationOptions,
  readServerSettings,
  ServerSettings,
} from './settings';

export const LANGUAGE_ID = 'wetgeving';
export const RULE_SCHEME = 'wetlint-regel';

export const COMMANDS = {
  controleerWerkruimte: 'wetlint.controleerWerkruimte',
  toonRegeldocumentatie: 'wetlint.toonRegeldocumentatie',
  toonWaardendekking: 'wetlint.toonWaardendekking',
  openBijbehorendDocument: 'wetlint.openBijbehorendDocument',
  herstartServer: 'wetlint.herstartServer',
  behandelAlsWetgeving: 'wetlint.behandelAlsWetgeving',
} as const;

/** What the extension needs of a `LanguageClient`. */
export interface ClientLike {
  start(): Promise<void>;
  stop(timeout?: number): Promise<void>;
  isRunning(): boolean;
  sendNotification(method: string, params?: unknown): Promise<void>;
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
}

export interface ClientParams {
  binary: ResolvedBinary;
  cwd?: string;
  settings: ServerSettings;
  outputChannel: vscode.LogOutputChannel;
  /** Answers `workspace/configuration` with the current settings. */
  currentSettings: () => ServerSettings;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started (ENOENT, EACCES, …). */
  error?: NodeJS.ErrnoException;
}

export interface Deps {
  createClient(p: ClientParams): ClientLike;
  run(binary: string, args: string[], cwd?: string): Promise<RunResult>;
}

export function runProcess(binary: string, args: string[], cwd?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    cp.execFile(
      binary,
      args,
      { cwd, maxBuffer: 256 * 1024 * 1024, timeout: 10 * 60 * 1000, windowsHide: true },
      (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: unknown }) | null;
        if (e && typeof e.code === 'string') {
          resolve({ code: null, stdout: String(stdout), stderr: String(stderr), error: e });
        } else {
          resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
        }
      },
    );
  });
}

/**
 * How the client starts the server: `wetlint server`, stdio. No `transport`
 * on purpose: with `TransportKind.stdio` vscode-languageclient appends
 * `--stdio`, which `wetlint server` rejects.
 */
export function serverExecutable(command: string, cwd?: string): { command: string; args: string[]; options: { cwd?: string } } {
  return { command, args: ['server'], options: { cwd } };
}

function createLanguageClient(p: ClientParams): ClientLike {
  // Loaded here so that unit tests of the wiring never load the real client.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const lc = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
  const serverOptions: import('vscode-languageclient/node').ServerOptions = serverExecutable(p.binary.path, p.cwd);
  const clientOptions: import('vscode-languageclient/node').LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    diagnosticCollectionName: 'wetlint',
    outputChannel: p.outputChannel,
    initializationOptions: initializationOptions(p.settings),
    middleware: {
      workspace: {
        configuration: (params) => configurationResponse(params.items, p.currentSettings()),
      },
    },
    initializationFailedHandler: (error) => {
      p.outputChannel.appendLine(`wetlint: initialisatie mislukt: ${String(error)}`);
      return false;
    },
  };
  return new lc.LanguageClient('wetlint', 'wetlint', serverOptions, clientOptions) as unknown as ClientLike;
}

export function defaultDeps(): Deps {
  return { createClient: createLanguageClient, run: runProcess };
}

function toVsRange(d: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(d.start.line, d.start.character, d.end.line, d.end.character);
}

function toVsDiagnostic(d: PlainDiagnostic): vscode.Diagnostic {
  const sev =
    d.severity === 'error'
      ? vscode.DiagnosticSeverity.Error
      : d.severity === 'warning'
        ? vscode.DiagnosticSeverity.Warning
        : d.severity === 'hint'
          ? vscode.DiagnosticSeverity.Hint
          : vscode.DiagnosticSeverity.Information;
  const diag = new vscode.Diagnostic(toVsRange(d), d.message, sev);
  diag.source = 'wetlint';
  diag.code = d.url ? { value: d.code, target: vscode.Uri.parse(d.url) } : d.code;
  if (d.related.length) {
    diag.relatedInformation = d.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(r.file), toVsRange(r)), r.message),
    );
  }
  return diag;
}

function readLines(file: string): string[] | undefined {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r\n|\n|\r/);
  } catch {
    return undefined;
  }
}

export class Controller implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  readonly workspaceDiagnostics: vscode.DiagnosticCollection;
  private client: ClientLike | undefined;
  private binary: ResolvedBinary | undefined;
  private version: string | undefined;
  private rules: { binary: string; rules: RuleDoc[] } | undefined;
  private coveragePanel: vscode.WebviewPanel | undefined;
  private lastCoverage: CoverageResult | undefined;
  private readonly status: vscode.StatusBarItem;
  private readonly rulePages = new Map<string, string>();
  private readonly rulePageChanged = new vscode.EventEmitter<vscode.Uri>();
  private lastError: string | undefined;
  private starting: Promise<boolean> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly deps: Deps,
  ) {
    this.output = vscode.window.createOutputChannel('wetlint', { log: true });
    this.workspaceDiagnostics = vscode.languages.createDiagnosticCollection('wetlint-werkruimte');
    this.status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
    this.status.name = 'wetlint';
    this.status.command = 'wetlint.toonUitvoer';
    context.subscriptions.push(this, this.output, this.workspaceDiagnostics, this.status, this.rulePageChanged);
  }

  settings(): ServerSettings {
    return readServerSettings(vscode.workspace.getConfiguration('wetlint'));
  }

  private workspaceFolder(uri?: vscode.Uri): string | undefined {
    const f = (uri && vscode.workspace.getWorkspaceFolder(uri)) || vscode.workspace.workspaceFolders?.[0];
    return f?.uri.fsPath;
  }

  resolve(): ResolvedBinary | LookupError {
    return resolveBinary({
      configured: vscode.workspace.getConfiguration('wetlint').get<string>('path'),
      extensionPath: this.context.extensionPath,
      workspaceFolder: this.workspaceFolder(),
    });
  }

  async activate(): Promise<void> {
    const reg = (id: string, fn: (...args: any[]) => unknown) =>
      this.context.subscriptions.push(vscode.commands.registerCommand(id, fn));
    reg(COMMANDS.controleerWerkruimte, () => this.checkWorkspace());
    reg(COMMANDS.toonRegeldocumentatie, (code?: unknown) => this.showRuleDoc(typeof code === 'string' ? code : undefined));
    reg(COMMANDS.toonWaardendekking, () => this.showCoverage());
    reg(COMMANDS.openBijbehorendDocument, () => this.openCompanion());
    reg(COMMANDS.herstartServer, () => this.restart());
    reg(COMMANDS.behandelAlsWetgeving, () => this.treatAsWetgeving());
    reg('wetlint.toonUitvoer', () => this.output.show(true));

    this.context.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, {
        onDidChange: this.rulePageChanged.event,
        provideTextDocumentContent: (uri) => this.rulePages.get(uri.path) ?? '',
      }),
      vscode.workspace.onDidChangeConfiguration((e) => this.onConfigurationChanged(e)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onDidOpen(d)),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
    );
    for (const d of vscode.workspace.textDocuments) {
      this.onDidOpen(d);
    }
    this.updateStatus();
  }

  private onDidOpen(doc: vscode.TextDocument): void {
    if (doc.languageId === LANGUAGE_ID) {
      // The language server now reports on this file.
      this.workspaceDiagnostics.delete(doc.uri);
      void this.ensureStarted();
      return;
    }
    if ((doc.languageId === 'markdown' || doc.languageId === 'plaintext') && doc.uri.scheme === 'file') {
      void this.offerWetgeving(doc);
    }
  }

  private async offerWetgeving(doc: vscode.TextDocument): Promise<void> {
    const key = 'wetlint.nietVragen';
    if (this.context.workspaceState.get<boolean>(key)) {
      return;
    }
    if (!looksLikeDraft(doc.getText())) {
      return;
    }
    const ja = 'Ja, controleren';
    const nooit = 'Niet meer vragen';
    const choice = await vscode.window.showInformationMessage(
      `${path.basename(doc.uri.fsPath)} lijkt een ontwerp van regelgeving of een toelichting. Als wetgeving openen en met wetlint controleren?`,
      ja,
      'Nee',
      nooit,
    );
    if (choice === ja) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } else if (choice === nooit) {
      await this.context.workspaceState.update(key, true);
    }
  }

  private updateStatus(): void {
    const ed = vscode.window.activeTextEditor;
    if (!ed || ed.document.languageId !== LANGUAGE_ID) {
      this.status.hide();
      return;
    }
    const s = this.settings();
    if (this.lastError) {
      this.status.text = '$(error) wetlint';
      this.status.tooltip = `${this.lastError}\nKlik voor de uitvoer van wetlint.`;
      this.status.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else {
      this.status.text = `$(law) wetlint: ${s.profile}`;
      const bin = this.binary ? `\n${this.binary.path} (${this.binary.source})` : '';
      this.status.tooltip = `wetlint ${this.version ?? ''} — fase ${s.profile}${bin}\nKlik voor de uitvoer van wetlint.`;
      this.status.backgroundColor = undefined;
    }
    this.status.show();
  }

  private async showStartError(message: string, setting?: string): Promise<void> {
    this.lastError = message;
    this.output.appendLine(`wetlint: ${message}`);
    this.updateStatus();
    const open = 'Instelling openen';
    const show = 'Uitvoer tonen';
    const choice = await vscode.window.showErrorMessage(message, ...(setting ? [open] : []), show);
    if (choice === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', setting);
    } else if (choice === show) {
      this.output.show(true);
    }
  }

  /** Finds the binary and checks that it runs; reports in Dutch when not. */
  private async binaryOrReport(): Promise<ResolvedBinary | undefined> {
    const r = this.resolve();
    if (isLookupError(r)) {
      void this.showStartError(r.message, r.setting);
      return undefined;
    }
    if (r.source === 'meegeleverd') {
      ensureExecutable(r.path);
    }
    const v = await this.deps.run(r.path, ['--version']);
    if (v.error || v.code !== 0) {
      const msg = v.error
        ? describeStartError(v.error, r)
        : describeStartError(new Error(`'wetlint --version' eindigde met code ${v.code}: ${v.stderr.trim().slice(0, 200)}`), r);
      void this.showStartError(msg, 'wetlint.path');
      return undefined;
    }
    this.version = v.stdout.trim().replace(/^wetlint\s+/, '');
    return r;
  }

  /** Starts the language server once; later calls wait for the same start. */
  ensureStarted(): Promise<boolean> {
    if (this.client?.isRunning()) {
      return Promise.resolve(true);
    }
    if (!this.starting) {
      this.starting = this.start().finally(() => {
        this.starting = undefined;
      });
    }
    return this.starting;
  }

  private async start(): Promise<boolean> {
    const binary = await this.binaryOrReport();
    if (!binary) {
      return false;
    }
    this.binary = binary;
    this.lastError = undefined;
    this.output.appendLine(`wetlint ${this.version ?? ''} starten: ${binary.path} server (${binary.source})`);
    const client = this.deps.createClient({
      binary,
      cwd: this.workspaceFolder(),
      settings: this.settings(),
      outputChannel: this.output,
      currentSettings: () => this.settings(),
    });
    this.client = client;
    try {
      await client.start();
    } catch (err) {
      this.client = undefined;
      await this.showStartError(describeStartError(err, binary), 'wetlint.path');
      return false;
    }
    this.updateStatus();
    return true;
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) {
      try {
        await c.stop(5000);
      } catch (err) {
        this.output.appendLine(`wetlint: stoppen mislukt: ${String(err)}`);
      }
    }
  }

  async restart(): Promise<boolean> {
    if (this.starting) {
      await this.starting;
    }
    await this.stop();
    this.rules = undefined;
    const ok = await this.ensureStarted();
    if (ok) {
      vscode.window.setStatusBarMessage('wetlint: taalserver opnieuw gestart', 3000);
    }
    return ok;
  }

  private async onConfigurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
    const effect = changeEffect((s) => e.affectsConfiguration(s));
    if (effect === 'restart') {
      if (this.client || this.lastError) {
        await this.restart();
      }
    } else if (effect === 'notify' && this.client?.isRunning()) {
      await this.client.sendNotification('workspace/didChangeConfiguration', didChangeConfigurationParams(this.settings()));
    }
    this.updateStatus();
  }

  // --- commands -------------------------------------------------------------------

  async checkWorkspace(): Promise<number | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    let folder = active && vscode.workspace.getWorkspaceFolder(active);
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folder && folders.length === 1) {
      folder = folders[0];
    } else if (!folder && folders.length > 1) {
      folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Welke werkruimtemap controleren?' });
    }
    if (!folder) {
      void vscode.window.showWarningMessage('Open eerst een map met het ontwerp (Bestand > Map openen); wetlint controleert alle bestanden daarin.');
      return undefined;
    }
    const binary = await this.binaryOrReport();
    if (!binary) {
      return undefined;
    }
    const cwd = folder.uri.fsPath;
    const storage = this.context.storageUri?.fsPath;
    const args = [...checkArgs(this.settings(), storage && path.join(storage, 'check-cache')), '.'];
    this.output.appendLine(`$ ${binary.path} ${args.join(' ')}   (in ${cwd})`);
    const res = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `wetlint controleert ${folder.name}…` },
      () => this.deps.run(binary.path, args, cwd),
    );
    if (res.error || res.code !== 0) {
      const detail = res.error ? describeStartError(res.error, binary) : res.stderr.trim().split('\n').slice(-5).join('\n');
      this.output.appendLine(res.stderr);
      void vscode.window.showErrorMessage(`wetlint check is mislukt (code ${res.code ?? '—'}): ${detail}`, 'Uitvoer tonen').then((c) => {
        if (c) this.output.show(true);
      });
      return undefined;
    }
    let findings;
    try {
      findings = parseFindings(res.stdout);
    } catch (err) {
      void vscode.window.showErrorMessage(`De uitvoer van wetlint check is onleesbaar: ${String(err)}`);
      return undefined;
    }
    const byFile = toDiagnostics(findings, cwd, readLines);
    const managed = new Set(
      vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID && this.client?.isRunning()).map((d) => d.uri.fsPath),
    );
    this.workspaceDiagnostics.clear();
    for (const [file, diags] of byFile) {
      if (!managed.has(file)) {
        this.workspaceDiagnostics.set(vscode.Uri.file(file), diags.map(toVsDiagnostic));
      }
    }
    const text = summary(findings, byFile.size);
    for (const l of outputLines(findings)) {
      this.output.appendLine(l);
    }
    this.output.appendLine(text);
    void vscode.window.showInformationMessage(text, 'Problemen tonen').then((c) => {
      if (c) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return findings.length;
  }

  private async loadRules(): Promise<RuleDoc[] | undefined> {
    const binary = this.binary ?? (await this.binaryOrReport());
    if (!binary) {
      return undefined;
    }
    if (this.rules?.binary === binary.path) {
      return this.rules.rules;
    }
    const res = await this.deps.run(binary.path, ['rule', '--all', '--output-format', 'json']);
    if (res.error || res.code !== 0) {
      void vscode.window.showErrorMessage(`De regeldocumentatie kon niet worden gelezen (wetlint rule --all): ${res.error ? describeStartError(res.error, binary) : res.stderr.trim()}`);
      return undefined;
    }
    try {
      const rules = parseRules(res.stdout);
      this.rules = { binary: binary.path, rules };
      return rules;
    } catch (err) {
      void vscode.window.showErrorMessage(`De regeldocumentatie is onleesbaar: ${String(err)}`);
      return undefined;
    }
  }

  /** The code of the wetlint diagnostic under the cursor, if any. */
  private codeAtCursor(): string | undefined {
    const ed = vscode.window.activeTextEditor;
    if (!ed) return undefined;
    const pos = ed.selection.active;
    for (const d of vscode.languages.getDiagnostics(ed.document.uri)) {
      if (d.source === 'wetlint' && d.range.contains(pos)) {
        const c = d.code;
        return typeof c === 'object' && c !== null ? String(c.value) : c !== undefined ? String(c) : undefined;
      }
    }
    return undefined;
  }

  async showRuleDoc(code?: string): Promise<vscode.Uri | undefined> {
    const rules = await this.loadRules();
    if (!rules) {
      return undefined;
    }
    let rule = findRule(rules, code);
    if (!rule) {
      const items = pickItems(rules);
      const here = this.codeAtCursor();
      const idx = items.findIndex((i) => i.code === here);
      if (idx > 0) items.unshift(...items.splice(idx, 1));
      const picked = await vscode.window.showQuickPick(items, {
        placeHolder: 'Kies een regel om de documentatie te lezen (typ een code, naam of onderwerp)',
        matchOnDescription: true,
        matchOnDetail: true,
      });
      if (!picked) {
        return undefined;
      }
      rule = findRule(rules, picked.code);
    }
    if (!rule) {
      return undefined;
    }
    const uri = vscode.Uri.parse(`${RULE_SCHEME}:/${rule.code}.md`);
    this.rulePages.set(uri.path, rulePage(rule));
    this.rulePageChanged.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
    }
    return uri;
  }

  async showCoverage(): Promise<CoverageResult | undefined> {
    const ed = vscode.window.activeTextEditor;
    if (!ed || ed.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showWarningMessage('Open eerst een toelichting (of de regeling waar zij bij hoort) als wetgeving; de waardendekking gaat over de toelichting.');
      return undefined;
    }
    if (!(await this.ensureStarted()) || !this.client) {
      return undefined;
    }
    let result: CoverageResult;
    try {
      result = await this.client.sendRequest<CoverageResult>('wetlint/waardenDekking', {
        textDocument: { uri: ed.document.uri.toString() },
      });
    } catch (err) {
      void vscode.window.showErrorMessage(`De waardendekking kon niet worden berekend: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
    this.lastCoverage = result;
    const name = path.basename(vscode.Uri.parse(result.toelichting ?? ed.document.uri.toString()).fsPath);
    if (!this.coveragePanel) {
      this.coveragePanel = vscode.window.createWebviewPanel('wetlint.waardendekking', `Waardendekking: ${name}`, vscode.ViewColumn.Beside, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.coveragePanel.onDidDispose(() => (this.coveragePanel = undefined));
      this.coveragePanel.webview.onDidReceiveMessage((m) => this.onCoverageMessage(m));
    }
    this.coveragePanel.title = `Waardendekking: ${name}`;
    this.coveragePanel.webview.html = renderCoverageHtml(result, {
      cspSource: this.coveragePanel.webview.cspSource,
      nonce: makeNonce(() => crypto.randomInt(0, 1 << 30) / (1 << 30)),
      title: name,
    });
    this.coveragePanel.reveal(vscode.ViewColumn.Beside, true);
    return result;
  }

  private async onCoverageMessage(m: unknown): Promise<void> {
    const msg = m as { type?: string; index?: number };
    const r = this.lastCoverage;
    if (msg?.type !== 'toonParagraaf' || !r?.toelichting) return;
    const span = r.spanRanges?.find((s) => s.index === msg.index);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(r.toelichting));
    const range = span ? toVsRange(span.range) : undefined;
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range });
  }

  async openCompanion(): Promise<vscode.Uri | undefined> {
    const ed = vscode.window.activeTextEditor;
    if (!ed) {
      void vscode.window.showWarningMessage('Open eerst een regeling of een toelichting.');
      return undefined;
    }
    const doc = ed.document;
    let target: { uri: vscode.Uri; range?: vscode.Range } | undefined;
    if (doc.languageId === LANGUAGE_ID && (await this.ensureStarted())) {
      const lines = doc.getText().split(/\r\n|\n|\r/);
      for (const p of definitionCandidates(lines, ed.selection.active.line)) {
        const res = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[] | undefined>(
          'vscode.executeDefinitionProvider',
          doc.uri,
          new vscode.Position(p.line, p.character),
        );
        for (const loc of res ?? []) {
          const uri = 'targetUri' in loc ? loc.targetUri : loc.uri;
          const range = 'targetUri' in loc ? (loc.targetSelectionRange ?? loc.targetRange) : loc.range;
          if (uri.toString() !== doc.uri.toString()) {
            target = { uri, range };
            break;
          }
        }
        if (target) break;
      }
    }
    if (!target && doc.uri.scheme === 'file') {
      const dir = path.dirname(doc.uri.fsPath);
      let siblings: string[] = [];
      try {
        siblings = fs.readdirSync(dir);
      } catch {
        // no folder listing: nothing found
      }
      const name = companionByName(doc.uri.fsPath, siblings);
      if (name) target = { uri: vscode.Uri.file(path.join(dir, name)) };
    }
    if (!target) {
      void vscode.window.showInformationMessage(
        'Geen bijbehorend document gevonden. Zet de regeling en de toelichting in dezelfde map, of koppel ze met [[paar]] in wetlint.toml.',
      );
      return undefined;
    }
    const other = await vscode.workspace.openTextDocument(target.uri);
    await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.Beside, selection: target.range });
    return target.uri;
  }

  async treatAsWetgeving(): Promise<boolean> {
    const ed = vscode.window.activeTextEditor;
    if (!ed) {
      void vscode.window.showWarningMessage('Open eerst het bestand dat wetlint moet controleren.');
      return false;
    }
    if (ed.document.languageId !== LANGUAGE_ID) {
      await vscode.languages.setTextDocumentLanguage(ed.document, LANGUAGE_ID);
    }
    return true;
  }

  dispose(): void {
    void this.stop();
    this.coveragePanel?.dispose();
  }
}

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext, deps: Deps = defaultDeps()): Promise<Controller> {
  controller = new Controller(context, deps);
  await controller.activate();
  return controller;
}

export async function deactivate(): Promise<void> {
  const c = controller;
  controller = undefined;
  await c?.stop();
}
