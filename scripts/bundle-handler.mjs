// Pre-bundles the custom-resource handler (with the Cases SDK client) into one self-contained
// file at package build time, so that consumers need neither esbuild nor Docker to synthesize and
// the asset hash is the same on every machine (esbuild output depends only on locked inputs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: ['lambda/index.ts'],
  outfile: 'assets/handler/index.js',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  keepNames: true,
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
});
