// Builds a platform-specific VSIX with the wetlint server inside:
//   node scripts/package-target.mjs linux-x64 [--out file.vsix]
// Builds `cargo build --release -p wetlint_cli` (unless WETLINT_BIN points
// at a built binary), copies it to server/<target>/wetlint(.exe), strips
// debug info when `strip` is available, and runs `vsce package --target`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repo = path.resolve(here, '..', '..');
const target = process.argv[2];
const targets = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64', 'alpine-x64'];
if (!targets.includes(target)) {
  console.error(`usage: package-target.mjs <${targets.join('|')}> [--out file.vsix]`);
  process.exit(2);
}
const outIdx = process.argv.indexOf('--out');
const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const out = path.resolve(outIdx > 0 ? process.argv[outIdx + 1] : path.join(here, `wetlint-${target}-${pkg.version}.vsix`));
const exe = target.startsWith('win32') ? 'wetlint.exe' : 'wetlint';

const run = (cmd, args, opts = {}) => {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', ...opts });
};

let bin = process.env.WETLINT_BIN;
if (!bin) {
  const host = `${process.platform}-${process.arch}`;
  if (host !== target) {
    console.error(`cross-building is not set up here: build wetlint for ${target} and set WETLINT_BIN`);
    process.exit(2);
  }
  run('cargo', ['build', '--release', '-p', 'wetlint_cli'], { cwd: repo });
  bin = path.join(repo, 'target', 'release', exe);
}
const dest = path.join(here, 'server', target, exe);
fs.rmSync(path.join(here, 'server'), { recursive: true, force: true });
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.copyFileSync(bin, dest);
fs.chmodSync(dest, 0o755);
if (target.startsWith('linux') && process.platform === 'linux') {
  try {
    execFileSync('strip', ['--strip-debug', dest], { stdio: 'inherit' });
  } catch {
    console.log('strip not available; the server keeps its debug info');
  }
}
console.log(`server: ${dest} (${(fs.statSync(dest).size / 1e6).toFixed(1)} MB)`);
const vsce = path.join(here, 'node_modules', '@vscode', 'vsce', 'vsce');
run(process.execPath, [vsce, 'package', '--target', target, '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: here });
console.log(`VSIX: ${out}`);
