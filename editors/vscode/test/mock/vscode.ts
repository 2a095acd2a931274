// A small hand-written stand-in for the `vscode` module: enough of the API
// for the extension's wiring, recording what the extension does. Installed
// by ./install.ts through Node's module loader.

import * as path from 'path';

export class Disposable {
  constructor(private readonly fn: () => void = () => undefined) {}
  dispose(): void {
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners: ((e: T) => unknown)[] = [];
  event = (l: (e: T) => unknown): Disposable => {
    this.listeners.push(l);
    return new Disposable(() => (this.listeners = this.listeners.filter((x) => x !== l)));
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(p: string): Uri {
    return new Uri('file', path.resolve(p));
  }
  static parse(s: string): Uri {
    const m = /^([a-zA-Z][\w+.-]*):(\/\/[^/]*)?(.*)$/.exec(s);
    if (!m) return new Uri('file', s);
    return new Uri(m[1], decodeURIComponent(m[3] || '/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.scheme === 'file' ? `file://${this.path}` : `${this.scheme}:${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  isBefore(o: Position): boolean {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    if (typeof a === 'number') {
      this.start = new Position(a, b as number);
      this.end = new Position(c as number, d as number);
    } else {
      this.start = a;
      this.end = b as Position;
    }
  }
  contains(p: Position): boolean {
    return !p.isBefore(this.start) && !this.end.isBefore(p);
  }
}

export class Selection extends Range {
  get active(): Position {
    return this.end;
  }
}

export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}
export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
  Two = 2,
}
export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

// --- recorded state ---------------------------------------------------------------

export interface MockDocument {
  uri: Uri;
  languageId: string;
  getText(): string;
}

export const state = {
  config: {} as Record<string, unknown>,
  workspaceFolders: [] as { uri: Uri; name: string; index: number }[],
  commands: new Map<string, (...a: any[]) => unknown>(),
  executed: [] as { id: string; args: unknown[] }[],
  commandResults: new Map<string, (...a: any[]) => unknown>(),
  messages: [] as { level: 'info' | 'warning' | 'error'; text: string; items: string[] }[],
  /** Answer given to the next show…Message calls (by level). */
  messageAnswers: {} as Partial<Record<'info' | 'warning' | 'error', string>>,
  quickPickAnswer: undefined as undefined | ((items: any[]) => any),
  quickPicks: [] as any[][],
  collections: new Map<string, Map<string, Diagnostic[]>>(),
  webviews: [] as { viewType: string; title: string; options: unknown; webview: { html: string; cspSource: string } }[],
  shown: [] as { uri: string; options: unknown }[],
  languageChanges: [] as { uri: string; languageId: string }[],
  textDocuments: [] as MockDocument[],
  activeTextEditor: undefined as undefined | { document: MockDocument; selection: Selection },
  diagnostics: new Map<string, Diagnostic[]>(),
  contentProviders: new Map<string, { provideTextDocumentContent(u: Uri): string }>(),
  configListeners: [] as ((e: { affectsConfiguration(s: string): boolean }) => unknown)[],
  statusText: '',
};

export function reset(): void {
  state.config = {};
  state.workspaceFolders = [];
  state.commands.clear();
  state.executed = [];
  state.commandResults.clear();
  state.messages = [];
  state.messageAnswers = {};
  state.quickPickAnswer = undefined;
  state.quickPicks = [];
  state.collections.clear();
  state.webviews = [];
  state.shown = [];
  state.languageChanges = [];
  state.textDocuments = [];
  state.activeTextEditor = undefined;
  state.diagnostics.clear();
  state.contentProviders.clear();
  state.configListeners = [];
  state.statusText = '';
}

export function doc(uri: Uri, languageId: string, text: string): MockDocument {
  return { uri, languageId, getText: () => text };
}

function message(level: 'info' | 'warning' | 'error') {
  return (text: string, ...items: string[]) => {
    state.messages.push({ level, text, items });
    return Promise.resolve(state.messageAnswers[level]);
  };
}

export const window = {
  createOutputChannel: (name: string) => ({
    name,
    lines: [] as string[],
    appendLine(l: string) {
      this.lines.push(l);
    },
    append(l: string) {
      this.lines.push(l);
    },
    show() {},
    dispose() {},
  }),
  createStatusBarItem: () => ({
    name: '',
    command: '',
    tooltip: '',
    backgroundColor: undefined,
    set text(t: string) {
      state.statusText = t;
    },
    get text() {
      return state.statusText;
    },
    show() {},
    hide() {},
    dispose() {},
  }),
  showInformationMessage: message('info'),
  showWarningMessage: message('warning'),
  showErrorMessage: message('error'),
  setStatusBarMessage: () => new Disposable(),
  showQuickPick: (items: any[]) => {
    state.quickPicks.push(items);
    return Promise.resolve(state.quickPickAnswer ? state.quickPickAnswer(items) : undefined);
  },
  showWorkspaceFolderPick: () => Promise.resolve(state.workspaceFolders[0]),
  withProgress: (_o: unknown, task: () => Promise<unknown>) => task(),
  createWebviewPanel: (viewType: string, title: string, _col: unknown, options: unknown) => {
    const panel = {
      viewType,
      title,
      options,
      webview: { html: '', cspSource: 'vscode-webview://mock', onDidReceiveMessage: () => new Disposable() },
      onDidDispose: () => new Disposable(),
      reveal() {},
      dispose() {},
    };
    state.webviews.push(panel);
    return panel;
  },
  showTextDocument: (d: MockDocument, options: unknown) => {
    state.shown.push({ uri: d.uri.toString(), options });
    return Promise.resolve({ document: d });
  },
  onDidChangeActiveTextEditor: () => new Disposable(),
  get activeTextEditor() {
    return state.activeTextEditor;
  },
};

export const workspace = {
  getConfiguration: (section?: string) => ({
    get: <T>(key: string, def?: T): T | undefined => {
      const k = section ? `${section}.${key}` : key;
      return (k in state.config ? state.config[k] : def) as T | undefined;
    },
  }),
  get workspaceFolders() {
    return state.workspaceFolders;
  },
  getWorkspaceFolder: (u: Uri) => state.workspaceFolders.find((f) => u.fsPath.startsWith(f.uri.fsPath + path.sep)),
  get textDocuments() {
    return state.textDocuments;
  },
  onDidChangeConfiguration: (l: (e: { affectsConfiguration(s: string): boolean }) => unknown) => {
    state.configListeners.push(l);
    return new Disposable();
  },
  onDidOpenTextDocument: () => new Disposable(),
  registerTextDocumentContentProvider: (scheme: string, p: { provideTextDocumentContent(u: Uri): string }) => {
    state.contentProviders.set(scheme, p);
    return new Disposable();
  },
  openTextDocument: (u: Uri) => Promise.resolve(doc(u, 'markdown', state.contentProviders.get(u.scheme)?.provideTextDocumentContent(u) ?? '')),
};

export const commands = {
  registerCommand: (id: string, fn: (...a: any[]) => unknown) => {
    if (state.commands.has(id)) throw new Error(`command ${id} registered twice`);
    state.commands.set(id, fn);
    return new Disposable(() => state.commands.delete(id));
  },
  executeCommand: async (id: string, ...args: unknown[]) => {
    state.executed.push({ id, args });
    const own = state.commands.get(id);
    if (own) return own(...args);
    const r = state.commandResults.get(id);
    return r ? r(...args) : undefined;
  },
};

export const languages = {
  createDiagnosticCollection: (name: string) => {
    const m = new Map<string, Diagnostic[]>();
    state.collections.set(name, m);
    return {
      name,
      set: (u: Uri, d: Diagnostic[]) => m.set(u.toString(), d),
      delete: (u: Uri) => m.delete(u.toString()),
      clear: () => m.clear(),
      dispose: () => m.clear(),
    };
  },
  setTextDocumentLanguage: (d: MockDocument, languageId: string) => {
    state.languageChanges.push({ uri: d.uri.toString(), languageId });
    return Promise.resolve({ ...d, languageId });
  },
  getDiagnostics: (u: Uri) => state.diagnostics.get(u.toString()) ?? [],
};

export function fireConfigChange(...sections: string[]): Promise<unknown[]> {
  return Promise.all(
    state.configListeners.map((l) =>
      l({ affectsConfiguration: (s: string) => sections.some((x) => x === s || x.startsWith(`${s}.`)) }),
    ),
  );
}
