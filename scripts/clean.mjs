// Removes what `npm run build` generates, so that a build never ships or tests leftovers: a lib/x.js
// whose lib/x.ts was deleted would still be packed (files: lib/**/*.js) and still be importable.
// lib/ holds only TypeScript sources; every .js and .d.ts in it is jsii's output (see .gitignore).
// TypeScript's incremental state goes too: with it, jsii would skip emitting files it believes are
// up to date, even though they were just deleted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function removeBuildOutput(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) removeBuildOutput(file);
    else if (entry.name.endsWith('.js') || entry.name.endsWith('.d.ts')) fs.rmSync(file);
  }
}

removeBuildOutput(path.join(root, 'lib'));
for (const generated of ['.jsii', '.jsii.gz', 'tsconfig.jsii.json', 'tsconfig.tsbuildinfo', 'dist']) {
  fs.rmSync(path.join(root, generated), { recursive: true, force: true });
}
