// Mapping the extension's settings to what `wetlint server` reads
// (crates/wetlint_server/src/session.rs, `ClientSettings::from_json`):
// `{ wetlint: { profile, select, ignore } }` as initializationOptions, the
// same object as the `workspace/didChangeConfiguration` settings, and the
// inner object as the answer to `workspace/configuration` (section `wetlint`).

export const PROFILES = ['concept', 'consultatie', 'indiening', 'batch'] as const;
export type Profile = (typeof PROFILES)[number];

export interface ServerSettings {
  profile: Profile;
  select: string[];
  ignore: string[];
}

/** The subset of `vscode.WorkspaceConfiguration` used here. */
export interface ConfigLike {
  get<T>(key: string): T | undefined;
}

function codeList(value: unknown): string[] {
  const raw: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  const out: string[] = [];
  for (const v of raw) {
    if (typeof v !== 'string') {
      continue;
    }
    const code = v.trim();
    if (code && !out.includes(code)) {
      out.push(code);
    }
  }
  return out;
}

export function isProfile(v: unknown): v is Profile {
  return typeof v === 'string' && (PROFILES as readonly string[]).includes(v);
}

/** Reads the `wetlint` section; unknown profiles fall back to `concept`. */
export function readServerSettings(config: ConfigLike): ServerSettings {
  const profile = config.get<string>('profile');
  return {
    profile: isProfile(profile) ? profile : 'concept',
    select: codeList(config.get('select')),
    ignore: codeList(config.get('ignore')),
  };
}

export function initializationOptions(s: ServerSettings): { wetlint: ServerSettings } {
  return { wetlint: { ...s } };
}

/** Params of `workspace/didChangeConfiguration`. */
export function didChangeConfigurationParams(s: ServerSettings): { settings: { wetlint: ServerSettings } } {
  return { settings: { wetlint: { ...s } } };
}

/**
 * Answer to a `workspace/configuration` request: the server asks for the
 * section `wetlint`; other sections get `null`.
 */
export function configurationResponse(
  items: { section?: string }[],
  s: ServerSettings,
): (ServerSettings | Record<string, unknown> | null)[] {
  return items.map((item) => {
    if (item.section === 'wetlint') {
      return { ...s };
    }
    if (item.section === undefined || item.section === '') {
      return { wetlint: { ...s } };
    }
    return null;
  });
}

/** Which `wetlint.*` setting changes need what. */
export function changeEffect(affects: (section: string) => boolean): 'restart' | 'notify' | 'none' {
  if (affects('wetlint.path')) {
    return 'restart';
  }
  if (affects('wetlint.profile') || affects('wetlint.select') || affects('wetlint.ignore')) {
    return 'notify';
  }
  return 'none';
}

/**
 * Command-line flags for `wetlint check` that mirror the editor settings.
 * The result cache goes to the extension's storage (`cacheDir`), never into
 * the user's folder; without storage the cache is off.
 */
export function checkArgs(s: ServerSettings, cacheDir?: string): string[] {
  const args = ['check', '--output-format', 'json', '--profile', s.profile, '--exit-zero'];
  args.push(...(cacheDir ? ['--cache-dir', cacheDir] : ['--no-cache']));
  if (s.select.length) {
    args.push('--select', s.select.join(','));
  }
  if (s.ignore.length) {
    args.push('--ignore', s.ignore.join(','));
  }
  return args;
}
