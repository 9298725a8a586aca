// `node scripts/run-if-present.mjs scripts/x.mjs`: runs the script with node when it exists, so that
// the build can name a step whose script has not landed yet (the CLI bundle) and still pass.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/run-if-present.mjs <script> [args...]');
  process.exit(2);
}
if (!fs.existsSync(path.join(root, script))) {
  console.log(`skipped ${script}: not present`);
  process.exit(0);
}
const result = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
