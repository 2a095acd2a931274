// Finding the `wetlint` binary: the `wetlint.path` setting, else the binary
// bundled in the extension (`server/<platform>-<arch>/wetlint`), else
// `wetlint` on PATH. Pure apart from the injected file-system probe, so it is
// unit-tested without VS Code.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type BinarySource = 'instelling' | 'meegeleverd' | 'PATH';

export interface ResolvedBinary {
  path: string;
  source: BinarySource;
}

export interface LookupError {
  /** Dutch, one sentence on what is wrong and one on what to do. */
  message: string;
  /** The setting to open from the error message, when relevant. */
  setting?: string;
}

export interface LookupInput {
  /** Value of `wetlint.path` (may be empty). */
  configured: string | undefined;
  /** Root of the installed extension. */
  extensionPath: string;
  /** First workspace folder, for relative paths and `${workspaceFolder}`. */
  workspaceFolder?: string;
  platform?: NodeJS.Platform;
  arch?: string;
  /** The PATH environment variable. */
  envPath?: string;
  homeDir?: string;
  /** Returns true if `p` is an existing regular file. */
  isFile?: (p: string) => boolean;
}

export function exeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'wetlint.exe' : 'wetlint';
}

/** `linux-x64`, `darwin-arm64`, `win32-x64`: the `vsce package --target` names. */
export function platformDir(platform: NodeJS.Platform, arch: string): string {
  return `${platform}-${arch}`;
}

export function bundledPath(extensionPath: string, platform: NodeJS.Platform, arch: string): string {
  return path.join(extensionPath, 'server', platformDir(platform, arch), exeName(platform));
}

function defaultIsFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Expands `~`, `${workspaceFolder}` and `${userHome}`, and makes the path absolute. */
export function expandConfiguredPath(value: string, workspaceFolder: string | undefined, homeDir: string): string {
  let p = value.trim();
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
    p = path.join(homeDir, p.slice(1));
  }
  p = p.replace(/\$\{userHome\}/g, homeDir);
  if (workspaceFolder) {
    p = p.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (!path.isAbsolute(p) && workspaceFolder) {
    p = path.join(workspaceFolder, p);
  }
  return p;
}

/** Looks `wetlint` up in PATH, as a shell would. */
export function findOnPath(
  envPath: string | undefined,
  platform: NodeJS.Platform,
  isFile: (p: string) => boolean,
): string | undefined {
  if (!envPath) {
    return undefined;
  }
  const sep = platform === 'win32' ? ';' : ':';
  for (const dir of envPath.split(sep)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, exeName(platform));
    if (isFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

export function resolveBinary(input: LookupInput): ResolvedBinary | LookupError {
  const platform = input.platform ?? process.platform;
  const arch = input.arch ?? process.arch;
  const isFile = input.isFile ?? defaultIsFile;
  const home = input.homeDir ?? os.homedir();
  const configured = input.configured?.trim();
  if (configured) {
    const p = expandConfiguredPath(configured, input.workspaceFolder, home);
    if (isFile(p)) {
      return { path: p, source: 'instelling' };
    }
    return {
      message:
        `De instelling wetlint.path wijst naar ${p}, maar daar staat geen programma. ` +
        'Pas de instelling aan of maak haar leeg om het meegeleverde programma te gebruiken.',
      setting: 'wetlint.path',
    };
  }
  const bundled = bundledPath(input.extensionPath, platform, arch);
  if (isFile(bundled)) {
    return { path: bundled, source: 'meegeleverd' };
  }
  const onPath = findOnPath(input.envPath ?? process.env.PATH, platform, isFile);
  if (onPath) {
    return { path: onPath, source: 'PATH' };
  }
  return {
    message:
      `Het programma wetlint is niet gevonden: deze extensie bevat geen wetlint voor ${platformDir(platform, arch)} ` +
      'en wetlint staat niet in het zoekpad (PATH). Installeer wetlint (cargo install --path crates/wetlint_cli) ' +
      'of vul bij de instelling wetlint.path het volledige pad naar het programma in.',
    setting: 'wetlint.path',
  };
}

export function isLookupError(r: ResolvedBinary | LookupError): r is LookupError {
  return (r as LookupError).message !== undefined;
}

/**
 * VSIX files are zip archives; some unpackers drop the executable bit. Makes
 * the bundled binary executable again (no-op on Windows or when already so).
 */
export function ensureExecutable(p: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') {
    return;
  }
  try {
    const mode = fs.statSync(p).mode;
    if ((mode & 0o111) !== 0o111) {
      fs.chmodSync(p, mode | 0o755);
    }
  } catch {
    // Reported when the server fails to start.
  }
}

/** Dutch explanation of a spawn error (ENOENT, EACCES, wrong architecture). */
export function describeStartError(err: unknown, binary: ResolvedBinary): string {
  const code = (err as { code?: string } | undefined)?.code;
  const where =
    binary.source === 'instelling'
      ? 'uit de instelling wetlint.path'
      : binary.source === 'meegeleverd'
        ? 'dat met de extensie is meegeleverd'
        : 'uit het zoekpad (PATH)';
  const base = `De taalserver wetlint (${binary.path}, ${where}) kon niet worden gestart`;
  switch (code) {
    case 'ENOENT':
      return `${base}: het bestand bestaat niet. Controleer de instelling wetlint.path.`;
    case 'EACCES':
      return `${base}: het bestand is niet uitvoerbaar. Maak het uitvoerbaar (chmod +x) of kies een ander programma met wetlint.path.`;
    case 'ENOEXEC':
      return `${base}: het programma is niet voor dit besturingssysteem of deze processor gemaakt. Installeer de extensie voor uw platform of stel wetlint.path in.`;
    default: {
      const detail = err instanceof Error ? err.message : String(err ?? 'onbekende fout');
      return `${base}: ${detail}. Zie het uitvoerkanaal 'wetlint' voor details; controleer de instelling wetlint.path.`;
    }
  }
}
