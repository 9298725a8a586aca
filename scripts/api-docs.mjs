// Generates API.md, the API reference, from the doc comments of lib/ (typedoc + markdown plugin,
// settings in typedoc.json). With --check, regenerates into a temporary directory and fails when
// the committed API.md differs, so that CI catches a reference gone stale.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = path.join(root, 'API.md');
const HEADER = '<!-- Generated from the doc comments in lib/ by `npm run docs`. Do not edit by hand. -->\n\n';

function generate() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'api-docs-'));
  try {
    const typedoc = path.join(root, 'node_modules', 'typedoc', 'bin', 'typedoc');
    execFileSync(process.execPath, [typedoc, '--options', 'typedoc.json', '--out', out, '--logLevel', 'Warn'], { cwd: root, stdio: 'inherit' });
    return HEADER + fs.readFileSync(path.join(out, 'API.md'), 'utf8');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const generated = generate();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
  if (current !== generated) {
    console.error('API.md is out of date with the doc comments in lib/: run `npm run docs` and commit API.md.');
    process.exit(1);
  }
  console.log('API.md is up to date.');
} else {
  fs.writeFileSync(committed, generated);
  console.log(`wrote ${path.relative(process.cwd(), committed) || committed}`);
}
