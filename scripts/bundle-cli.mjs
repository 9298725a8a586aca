// Bundles the `cdk-connect-cases` command (cli/index.ts, with the Cases SDK client) into one
// self-contained file, the package's `bin` entry, so that `npx cdk-connect-cases` needs nothing
// but Node.js. Same options as the handler bundle, except what a command run by users needs.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const options = JSON.parse(readFileSync(path.join(root, 'scripts', 'handler-bundle-options.json'), 'utf8'));
const outfile = path.join(root, 'assets', 'cli', 'index.js');

const result = await build({
  ...options,
  // Runs on the user's machine: the package's oldest supported Node.js, not the Lambda runtime.
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  absWorkingDir: root,
  entryPoints: ['cli/index.ts'],
  outfile,
  write: false,
});

// Written under another name and renamed, so that a build running meanwhile (parallel test files)
// never leaves a half-written bundle for a reader.
mkdirSync(path.dirname(outfile), { recursive: true });
const temporary = `${outfile}.${process.pid}.tmp`;
writeFileSync(temporary, result.outputFiles[0].contents, { mode: 0o755 });
renameSync(temporary, outfile);
