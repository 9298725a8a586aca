// Synthesizes the integration tests (test/integ.*.ts) and compares them with their committed
// snapshots (test/integ.*.ts.snapshot/), or rewrites the snapshots with --update. No AWS account.
//
// Why not `integ-runner`: its latest release (2.197.10) reads cloud assemblies up to schema 53,
// and aws-cdk-lib 2.276 writes schema 55, so it rejects every assembly of this project. This
// script writes the snapshot the way integ-runner does (same context, same env, asset
// directories removed), so integ-runner can take over once it supports schema 55.
//
// Determinism: @aws-cdk/integ-tests-alpha salts each assertion with Date.now() (to re-run it on
// every deployment); the clock is frozen during synthesis, so a snapshot is the same on every run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testDir = path.join(root, 'test');
const FROZEN_NOW = Date.UTC(2026, 0, 1);
const recommendedFlags = JSON.parse(fs.readFileSync(
  path.join(root, 'node_modules', '@aws-cdk', 'integ-runner', 'lib', 'recommended-feature-flags.json'), 'utf8'));

/** What integ-runner passes to a test app (DEFAULT_SYNTH_OPTIONS, no lookups). */
const CONTEXT = {
  ...recommendedFlags,
  'aws:cdk:version-reporting': false,
  'aws:cdk:enable-path-metadata': false,
  'aws:cdk:enable-asset-metadata': false,
  // Creation stack traces hold absolute paths of this machine.
  'aws:cdk:disable-stack-trace': true,
  'aws:cdk:disable-creation-stack-traces': true,
};
const ENV = {
  CDK_INTEG_ACCOUNT: '12345678',
  CDK_INTEG_REGION: 'test-region',
  CDK_INTEG_HOSTED_ZONE_ID: 'Z23ABC4XYZL05B',
  CDK_INTEG_HOSTED_ZONE_NAME: 'example.com',
};

function synthesize(testFile, outdir) {
  fs.rmSync(outdir, { recursive: true, force: true });
  const entry = `Date.now = () => ${FROZEN_NOW}; require(${JSON.stringify(testFile)});`;
  execFileSync(process.execPath, ['-r', 'ts-node/register', '-e', entry], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...ENV, TS_NODE_TRANSPILE_ONLY: 'true', CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(CONTEXT) },
  });
  for (const name of fs.readdirSync(outdir)) {
    const file = path.join(outdir, name);
    // Like integ-runner: assets are referenced by hash in the templates, their contents are not kept.
    if (name.startsWith('asset.') || name === '.cache') fs.rmSync(file, { recursive: true, force: true });
    else if (name.endsWith('.json')) fs.writeFileSync(file, withoutTraces(fs.readFileSync(file, 'utf8')));
  }
  for (const [name, contents] of filesOf(outdir)) {
    if (contents.includes(root)) throw new Error(`${name} in ${outdir} holds the machine-specific path ${root}: the snapshot would not be reproducible`);
  }
}

/** Metadata entries may carry a stack `trace` (absolute paths of this machine): debug-only, dropped. */
function withoutTraces(json) {
  const parsed = JSON.parse(json);
  const strip = (value) => {
    if (Array.isArray(value)) value.forEach(strip);
    else if (value && typeof value === 'object') {
      if (Array.isArray(value.trace)) delete value.trace;
      Object.values(value).forEach(strip);
    }
  };
  strip(parsed);
  const indent = json.startsWith('{\n') ? json.slice(2).match(/^ */)[0].length : 0;
  return JSON.stringify(parsed, null, indent) + (json.endsWith('\n') ? '\n' : '');
}

/** Relative path -> contents of every file under `dir`. */
function filesOf(dir) {
  const files = new Map();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
  }
  return files;
}

function differences(expectedDir, actualDir) {
  if (!fs.existsSync(expectedDir)) return [`${path.relative(root, expectedDir)} does not exist`];
  const expected = filesOf(expectedDir);
  const actual = filesOf(actualDir);
  const problems = [];
  for (const [file, contents] of actual) {
    if (!expected.has(file)) problems.push(`${file}: synthesized, not in the snapshot`);
    else if (expected.get(file) !== contents) problems.push(`${file}: differs from the snapshot`);
  }
  for (const file of expected.keys()) if (!actual.has(file)) problems.push(`${file}: in the snapshot, no longer synthesized`);
  return problems;
}

const update = process.argv.includes('--update');
const tests = fs.readdirSync(testDir).filter((name) => /^integ\.(?!.*\.d\.ts$).*\.ts$/.test(name));
if (tests.length === 0) throw new Error(`no integration test (integ.*.ts) in ${testDir}`);
let failed = false;
for (const test of tests) {
  const testFile = path.join(testDir, test);
  const snapshotDir = `${testFile}.snapshot`;
  if (update) {
    synthesize(testFile, snapshotDir);
    console.log(`UPDATED  ${path.relative(root, snapshotDir)}`);
    continue;
  }
  const actualDir = fs.mkdtempSync(path.join(os.tmpdir(), 'integ-actual-'));
  try {
    synthesize(testFile, actualDir);
    const problems = differences(snapshotDir, actualDir);
    if (problems.length === 0) {
      console.log(`UNCHANGED  ${test}`);
    } else {
      failed = true;
      console.error(`CHANGED  ${test}\n${problems.map((p) => `  ${p}`).join('\n')}`);
      // The template diff says what changed; the snapshot is then regenerated with `npm run integ:update`.
      for (const p of problems.filter((p) => p.endsWith('.template.json: differs from the snapshot'))) {
        const file = p.split(':')[0];
        try {
          execFileSync('diff', ['-u', path.join(snapshotDir, file), path.join(actualDir, file)], { stdio: 'inherit' });
        } catch { /* diff exits 1 when files differ */ }
      }
    }
  } finally {
    fs.rmSync(actualDir, { recursive: true, force: true });
  }
}
if (failed) {
  console.error('Integration test snapshots are out of date: review the changes above, then run `npm run integ:update` and commit the snapshots.');
  process.exit(1);
}
