// Pre-bundles the custom-resource handler (with the Cases SDK client) into one self-contained
// file at package build time, so that consumers need neither esbuild nor Docker to synthesize and
// the asset hash is the same on every machine (esbuild output depends only on locked inputs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The options live in a JSON file so that the benchmark builds its baseline bundle with the same ones.
const options = JSON.parse(readFileSync(path.join(root, 'scripts', 'handler-bundle-options.json'), 'utf8'));

await build({
  ...options,
  absWorkingDir: root,
  entryPoints: ['lambda/index.ts'],
  outfile: 'assets/handler/index.js',
});
