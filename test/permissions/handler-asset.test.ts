import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { CaseRule, CaseRuleDefinition } from '../../lib';

/**
 * The handler's code asset: the pre-bundled `assets/handler/index.js`, staged in the cloud assembly
 * and published as a zip, under a name that depends on the bundle's bytes alone.
 */

const BUNDLE = path.resolve(__dirname, '..', '..', 'assets', 'handler', 'index.js');

function appWithRule(outdir: string, context: Record<string, unknown> = {}): { app: App; stack: Stack } {
  const app = new App({ outdir, context });
  const stack = new Stack(app, 'Asset');
  new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: CaseRuleDefinition.required({ conditions: [], defaultValue: true }) });
  return { app, stack };
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

let outdir: string;
beforeEach(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'handler-asset-'));
});
afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

test('the bundle is staged in the assembly under its SHA-256 and published as a zip with that key', () => {
  // GIVEN a stack with a rule, WHEN synthesized
  const { app } = appWithRule(outdir);
  const assembly = app.synth();

  // THEN the function's code is the staged copy of the bundle, keyed by the bundle's hash
  const hash = sha256(BUNDLE);
  const stagedFile = path.join(outdir, `asset.${hash}`, 'index.js');
  expect(fs.readFileSync(stagedFile)).toEqual(fs.readFileSync(BUNDLE));
  const template = assembly.getStackByName('Asset').template;
  const [fn] = Object.values(template.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::Lambda::Function');
  expect(fn.Properties.Code.S3Key).toBe(`${hash}.zip`);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'Asset.assets.json'), 'utf8'));
  expect(manifest.files[hash].source).toEqual({ path: `asset.${hash}`, packaging: 'zip' });
});

test('SAM and other local tools find the code through the asset metadata, when the CLI asks for it', () => {
  const { app } = appWithRule(outdir, { 'aws:cdk:enable-asset-metadata': true });
  const template = app.synth().getStackByName('Asset').template;
  const [fn] = Object.values(template.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::Lambda::Function');
  expect(fn.Metadata).toMatchObject({
    'aws:asset:path': `asset.${sha256(BUNDLE)}`,
    'aws:asset:is-bundled': false,
    'aws:asset:property': 'Code',
  });
});

test('with staging disabled (cdk synth --no-staging) the assembly points at the package\'s own bundle', () => {
  const { app } = appWithRule(outdir, { 'aws:cdk:disable-asset-staging': true });
  app.synth();
  const hash = sha256(BUNDLE);
  expect(fs.existsSync(path.join(outdir, `asset.${hash}`))).toBe(false);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'Asset.assets.json'), 'utf8'));
  expect(manifest.files[hash].source.path).toBe(path.dirname(BUNDLE));
});

test('a stack in a nested Stage refers to the one staged copy at the assembly root', () => {
  // GIVEN two stages, each with a stack using the handler
  const app = new App({ outdir });
  for (const name of ['Dev', 'Prod']) {
    const stack = new Stack(new Stage(app, name), 'Cases');
    new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: CaseRuleDefinition.required({ conditions: [], defaultValue: true }) });
  }

  // WHEN synthesized
  app.synth();

  // THEN the bundle is staged once, and each stage's manifest points to it from its own directory
  const hash = sha256(BUNDLE);
  expect(fs.readdirSync(outdir).filter((entry) => entry.startsWith('asset.'))).toEqual([`asset.${hash}`]);
  for (const name of ['Dev', 'Prod']) {
    const stageDir = path.join(outdir, `assembly-${name}`);
    const [manifestFile] = fs.readdirSync(stageDir).filter((entry) => entry.endsWith('.assets.json'));
    const manifest = JSON.parse(fs.readFileSync(path.join(stageDir, manifestFile), 'utf8'));
    const source = manifest.files[hash].source;
    expect(path.resolve(stageDir, source.path)).toBe(path.join(outdir, `asset.${hash}`));
  }
});
