// `wetlint rule --all --output-format json` → quick-pick items and the rule
// page shown in a Markdown preview. Pure.

export interface RuleDoc {
  code: string;
  name: string;
  category?: string;
  summary?: string;
  status?: string;
  scope?: string;
  severity?: Record<string, string>;
  aanwijzingen?: string[];
  url?: string;
  documentation?: string;
}

export interface RulePickItem {
  label: string;
  description: string;
  detail: string;
  code: string;
}

export function parseRules(stdout: string): RuleDoc[] {
  const data: unknown = JSON.parse(stdout);
  if (!Array.isArray(data)) {
    throw new Error('uitvoer van wetlint rule is geen lijst');
  }
  return (data as RuleDoc[]).filter((r) => r && typeof r.code === 'string');
}

export function pickItems(rules: RuleDoc[]): RulePickItem[] {
  return rules.map((r) => ({
    label: r.code,
    description: [r.name, r.status && r.status !== 'stable' ? `(${r.status})` : ''].filter(Boolean).join(' '),
    detail: r.summary ?? '',
    code: r.code,
  }));
}

const PROFILE_ORDER = ['concept', 'consultatie', 'indiening', 'batch'];
const SEVERITY_NL: Record<string, string> = {
  error: 'fout',
  warning: 'waarschuwing',
  info: 'melding',
  hint: 'hint',
  off: 'uit',
};

/** The Markdown page of one rule. */
export function rulePage(r: RuleDoc): string {
  const lines: string[] = [`# ${r.code} ${r.name}`, ''];
  if (r.summary) {
    lines.push(`*${r.summary}*`, '');
  }
  const meta: string[] = [];
  if (r.category) meta.push(`| Categorie | ${r.category} |`);
  if (r.status) meta.push(`| Status | ${r.status} |`);
  if (r.scope) meta.push(`| Bereik | ${r.scope} |`);
  if (r.aanwijzingen?.length) meta.push(`| Aanwijzingen | ${r.aanwijzingen.map((a) => `Ar ${a}`).join(', ')} |`);
  if (r.severity) {
    const keys = [...PROFILE_ORDER.filter((p) => p in r.severity!), ...Object.keys(r.severity).filter((p) => !PROFILE_ORDER.includes(p))];
    meta.push(`| Ernst per fase | ${keys.map((p) => `${p}: ${SEVERITY_NL[r.severity![p]] ?? r.severity![p]}`).join(', ')} |`);
  }
  if (meta.length) {
    lines.push('| | |', '|---|---|', ...meta, '');
  }
  if (r.documentation) {
    lines.push(r.documentation.trim(), '');
  }
  lines.push('---', '', `Uitzetten voor één plek: \`<!-- wetlint-disable-next-line ${r.code}: reden -->\``, '');
  return lines.join('\n');
}

/** Rule code from a diagnostic code, a word under the cursor etc. */
export function findRule(rules: RuleDoc[], codeOrName: string | undefined): RuleDoc | undefined {
  if (!codeOrName) {
    return undefined;
  }
  const k = codeOrName.trim().toLowerCase();
  return rules.find((r) => r.code.toLowerCase() === k || r.name.toLowerCase() === k);
}
