// Drives a real VS Code (code-server) in Debian chromium with playwright-core.
// Run by scripts/e2e-vscode.sh; environment:
//   E2E_URL        code-server base URL (http://127.0.0.1:PORT)
//   E2E_FOLDER     absolute path of fixtures/drafts/voorbeeldwet
//   E2E_OUT        directory for screenshots and the result file
//   PLAYWRIGHT_DIR directory whose node_modules holds playwright-core
//   CHROMIUM       the browser (default /usr/bin/chromium)
// Prints one `ok …` / `not ok …` line per check. Every wait is a wait for a
// condition with a timeout, never a bare sleep.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(path.join(process.env.PLAYWRIGHT_DIR, 'node_modules', 'x.js'));
const { chromium } = require('playwright-core');

const URL = process.env.E2E_URL;
const FOLDER = process.env.E2E_FOLDER;
const OUT = process.env.E2E_OUT;
const results = [];
const log = (s) => {
  console.log(s);
  fs.appendFileSync(path.join(OUT, 'result.txt'), `${s}\n`);
};
fs.writeFileSync(path.join(OUT, 'result.txt'), '');

async function check(name, fn) {
  const t = Date.now();
  try {
    const detail = await fn();
    results.push(true);
    log(`ok ${name}${detail ? ` (${detail})` : ''} [${Date.now() - t} ms]`);
    return true;
  } catch (err) {
    results.push(false);
    log(`not ok ${name}: ${String(err?.message ?? err).split('\n').slice(0, 6).join(' | ')}`);
    return false;
  }
}

async function until(what, fn, timeout = 30000, every = 250) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`timeout waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

const norm = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

// Snapshot of the fixture folder: the test must not change it.
const snapshot = () =>
  Object.fromEntries(fs.readdirSync(FOLDER).sort().map((f) => [f, fs.statSync(path.join(FOLDER, f)).isFile() ? fs.readFileSync(path.join(FOLDER, f), 'utf8') : 'dir']));
const before = snapshot();
const bill = fs.readFileSync(path.join(FOLDER, 'wetsvoorstel.md'), 'utf8').split('\n');
const refLine = bill.findIndex((l) => l.includes('artikel 3.5 lid 1'));
const refCol = bill[refLine].indexOf('artikel 3.5 lid 1') + 'artikel 3.5 '.length; // 0-based, at "lid 1"

// A fresh, empty browser profile for every run.
const profile = path.join(OUT, 'chromium-profile');
fs.rmSync(profile, { recursive: true, force: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
});
const page = await context.newPage();
const consoleErrors = [];
page.on('console', (m) => {
  if (m.type() === 'error') consoleErrors.push(m.text());
});

async function palette(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10000 });
  await page.keyboard.press('Enter');
}

async function problemsText() {
  return norm(await page.locator('.markers-panel').innerText({ timeout: 2000 }));
}

/** Error and warning counts of the status bar's problems item. */
async function problemCounts() {
  const label = (await page.locator('#status\\.problems').getAttribute('aria-label', { timeout: 2000 })) ?? '';
  const text = await page.locator('#status\\.problems').innerText({ timeout: 2000 });
  const nums = (/(\d+)\D+(\d+)/.exec(text) ?? []).slice(1).map(Number);
  if (nums.length !== 2) {
    if (/No Problems/i.test(label)) return { errors: 0, warnings: 0 };
    throw new Error(`problems item: ${text} / ${label}`);
  }
  return { errors: nums[0], warnings: nums[1] };
}

async function statusMode() {
  return (await page.locator('#status\\.editor\\.mode').innerText({ timeout: 2000 })).trim();
}

async function frameWith(pred, timeout = 30000) {
  return until('a webview frame', async () => {
    for (const f of page.frames()) {
      const html = await f.content().catch(() => '');
      if (pred(html)) return f;
    }
    return undefined;
  }, timeout, 500);
}

let ok = await check('workbench opens the folder fixtures/drafts/voorbeeldwet', async () => {
  await page.goto(`${URL}/?folder=${encodeURIComponent(FOLDER)}`);
  await page.locator('.explorer-folders-view .monaco-list-row .label-name', { hasText: /^wetsvoorstel\.md$/ }).waitFor({ timeout: 90000 });
  return `VS Code ${await page.evaluate(() => document.title)}`;
});

if (ok) {
  await check('wetsvoorstel.md opens with language wetgeving', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row .label-name', { hasText: /^wetsvoorstel\.md$/ }).click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30000 });
    // Wait for the language to settle (the status bar may show a default first).
    const mode = await until('language Wetgeving in the status bar', async () => ((await statusMode()) === 'Wetgeving' ? 'Wetgeving' : undefined), 15000).catch(() => statusMode());
    if (mode !== 'Wetgeving') {
      await palette('wetlint: Behandel dit bestand als wetgeving');
      await until('language Wetgeving', async () => (await statusMode()) === 'Wetgeving');
      return `was ${mode}, switched with the command`;
    }
    return 'by file name';
  });

  await check('the Problems panel shows wetlint diagnostics (LEG-002, UITV-003)', async () => {
    await page.keyboard.press('Control+Shift+M');
    const text = await until('LEG-002 and UITV-003 in Problems', async () => {
      const t = await problemsText();
      return /wetlint\s*\(?LEG-002/.test(t) && /UITV-003/.test(t) ? t : undefined;
    }, 60000);
    const n = (text.match(/wetlint\s*\(?[A-Z]+-\d{3}/g) ?? []).length;
    return `${n} wetlint diagnostics listed`;
  });

  await check('hovering over the "lid 1" diagnostic shows the rule page', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.type(`${refLine + 1}:${refCol + 2}`);
    await page.keyboard.press('Enter');
    await until('the cursor on the reference', async () =>
      (await page.locator('#status\\.editor\\.selection').innerText()).includes(`Ln ${refLine + 1}, Col ${refCol + 2}`),
    );
    // A real mouse hover over the squiggled text at the cursor.
    const cursor = await until('the cursor', async () => page.locator('.monaco-editor.focused .cursor').first().boundingBox());
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'LEG-002' }).first();
    let how = 'mouse';
    await page.mouse.move(cursor.x + 200, cursor.y - 200);
    await page.mouse.move(cursor.x + 6, cursor.y + cursor.height / 2, { steps: 5 });
    try {
      await hover.waitFor({ state: 'visible', timeout: 8000 });
    } catch {
      how = 'keyboard (Ctrl+K Ctrl+I)';
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await hover.waitFor({ state: 'visible', timeout: 10000 });
    }
    const text = norm(await hover.innerText());
    if (!/interne-verwijzing-ongeldig/.test(text)) throw new Error(`hover without the rule page: ${text.slice(0, 300)}`);
    if (!/eerste lid/.test(text)) throw new Error(`hover without the diagnostic: ${text.slice(0, 300)}`);
    await page.screenshot({ path: path.join(OUT, 'screenshot.png') });
    return `${how}; screenshot.png`;
  });

  await check('Ctrl+. on "lid 1" offers the quick fix and applies it', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Vervang door' }).first();
    await until('the quick fix in the Ctrl+. menu', async () => {
      if (await fix.isVisible()) return true;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      await fix.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
      return fix.isVisible();
    }, 30000, 500);
    const countsBefore = await problemCounts();
    const title = norm(await fix.innerText());
    const offered = norm(await page.locator('.action-widget:not(.action-list-submenu-panel)').first().innerText());
    await fix.click();
    await until('the corrected reference in the editor', async () =>
      norm((await page.locator('.monaco-editor .view-lines').first().innerText())).includes('artikel 3.5, eerste lid'),
    );
    // The server republishes: one warning fewer, the other findings stay.
    const countsAfter = await until('one warning fewer in the status bar', async () => {
      const c = await problemCounts();
      return c.warnings === countsBefore.warnings - 1 && c.errors === countsBefore.errors ? c : undefined;
    }, 30000);
    await until('no squiggle left on the corrected reference', async () => {
      const line = page.locator('.monaco-editor .view-line', { hasText: 'artikel 3.5, eerste lid' }).first();
      const box = await line.boundingBox();
      const squiggles = await page.locator('.monaco-editor .view-overlays [class*="squiggly-"]').evaluateAll(
        (els, b) => els.filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.top >= b.y - 1 && r.bottom <= b.y + b.height + 1; }).length,
        box,
      );
      return squiggles === 0;
    }, 30000);
    const still = await problemsText();
    if (!/UITV-003/.test(still)) throw new Error('other diagnostics disappeared too');
    await page.screenshot({ path: path.join(OUT, 'after-fix.png') });
    return `"${title}" of [${offered.slice(0, 160)}]; problems ${countsBefore.errors}/${countsBefore.warnings} → ${countsAfter.errors}/${countsAfter.warnings} (errors/warnings)`;
  });

  await check('wetlint: Toon regeldocumentatie shows a rule page in a Markdown preview', async () => {
    await page.keyboard.press('Escape');
    await palette('wetlint: Toon regeldocumentatie');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'UITV-003' }).first().waitFor({ state: 'visible', timeout: 20000 });
    await input.fill('LEG-002');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'interne-verwijzing-ongeldig' }).first().waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'LEG-002' }).first().waitFor({ timeout: 20000 });
    await frameWith((h) => h.includes('LEG-002 interne-verwijzing-ongeldig') && h.includes('Wat het controleert'));
    return 'preview tab "' + norm(await page.locator('.tab', { hasText: 'LEG-002' }).first().innerText()) + '"';
  });

  await check('wetlint: Open bijbehorend document opens the memorie van toelichting', async () => {
    await page.locator('.tab', { hasText: /^wetsvoorstel\.md/ }).first().click();
    await until('wetsvoorstel.md active', async () => (await statusMode()) === 'Wetgeving');
    await palette('wetlint: Open bijbehorend document');
    await page.locator('.tab.active', { hasText: 'memorie-van-toelichting.md' }).first().waitFor({ timeout: 20000 });
    const sel = await page.locator('#status\\.editor\\.selection').innerText();
    return `cursor at ${sel}`;
  });

  await check('wetlint: Toon waardendekking shows the heatmap in a webview', async () => {
    await palette('wetlint: Toon waardendekking');
    await page.locator('.tab', { hasText: 'Waardendekking' }).first().waitFor({ timeout: 30000 });
    const f = await frameWith((h) => h.includes('publieke waarden') && h.includes('<svg'));
    const cells = await f.locator('rect.cell').count();
    // The nonce'd stylesheet applied under the CSP: cells are coloured.
    const fill = await f.locator('rect.cell.c2').first().evaluate((el) => getComputedStyle(el).fill);
    await page.screenshot({ path: path.join(OUT, 'waardendekking.png') });
    if (!cells || !fill || fill === 'rgb(0, 0, 0)') throw new Error(`cells=${cells} fill=${fill}`);
    // The nonce'd script runs: clicking a section column reveals it in the toelichting.
    const col = f.locator('g.col').nth(2);
    const label = norm(await col.locator('title').textContent());
    await col.click();
    const sel = await until('the toelichting scrolled to the section', async () => {
      const t = await page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
      return /\(\d+ selected\)/.test(t) && !t.startsWith('Ln 255,') ? t : undefined;
    }, 15000);
    return `${cells} cells, argued fill ${fill}; click on "${label}" → ${sel}; waardendekking.png`;
  });

  await check('wetlint: Controleer werkruimte reports the findings of the folder', async () => {
    await palette('wetlint: Controleer werkruimte');
    const toast = page.locator('.notification-toast', { hasText: /wetlint: \d+ bevinding/ }).first();
    await toast.waitFor({ state: 'visible', timeout: 60000 });
    return norm(await toast.innerText()).slice(0, 120);
  });
}

await check('the fixture folder is unchanged (no save, no cache files)', async () => {
  const after = snapshot();
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]);
  if (changed.length) throw new Error(`changed: ${changed.join(', ')}`);
});

const own = consoleErrors.filter((e) => /wetlint/i.test(e));
if (own.length) log(`# wetlint errors in the browser console: ${own.slice(0, 5).join(' | ')}`);
await context.close();
const passed = results.filter(Boolean).length;
log(`# ${passed} passed, ${results.length - passed} failed`);
process.exit(results.every(Boolean) ? 0 : 1);
