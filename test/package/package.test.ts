import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installConsumerApp, readmeExampleAsJs, synthesizeWithoutTools } from './consumer-app';
import { PackedTarball, packFromSource } from './pack';

/**
 * The published package, end to end: build and pack from source, install the tarball into a fresh
 * app, synthesize the README's usage example there, and check that the handler is the pre-built
 * bundle from the tarball (nothing bundled at synth time).
 */

const CASE_RULE_TYPE = 'Custom::ConnectCasesCaseRule';
const TEMPLATE_TYPE = 'Custom::ConnectCasesTemplate';

/** Everything the tarball may hold: compiled library, its declarations, the handler bundle, docs. */
const ALLOWED_FILE = /^(package\.json|README\.md|LICENSE|API\.md|assets\/handler\/index\.js|dist\/.+\.(js|d\.ts))$/;

interface CfnResource { Type: string; Properties?: Record<string, any> }

let workDir: string;
let packed: PackedTarball;
let appDir: string;
let outdir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-cases-package-'));
  packed = packFromSource(workDir);
  appDir = path.join(workDir, 'app');
  outdir = path.join(appDir, 'cdk.out');
  installConsumerApp(appDir, packed.tarball);
  fs.writeFileSync(path.join(appDir, 'app.js'), readmeExampleAsJs('usage'));
  synthesizeWithoutTools(appDir, outdir);
}, 120_000);

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const installed = () => path.join(appDir, 'node_modules', 'cdk-connect-cases');
const stackTemplate = (): { Resources: Record<string, CfnResource> } =>
  JSON.parse(fs.readFileSync(path.join(outdir, 'Support.template.json'), 'utf8'));
const resourcesOfType = (type: string) => Object.values(stackTemplate().Resources).filter((r) => r.Type === type);

describe('the tarball', () => {
  test('holds the compiled library, its declarations, the handler bundle, README and LICENSE', () => {
    expect(packed.files).toEqual(expect.arrayContaining([
      'dist/index.js', 'dist/index.d.ts', 'dist/case-rule.js', 'dist/template.d.ts',
      'assets/handler/index.js', 'README.md', 'LICENSE', 'package.json',
    ]));
  });

  test('holds nothing else: no tests, no handler sources, no TypeScript sources, no node_modules', () => {
    expect(packed.files.filter((file) => !ALLOWED_FILE.test(file))).toEqual([]);
    expect(packed.files.filter((file) => /^(test|lambda|lib|bench|scripts|node_modules)\//.test(file))).toEqual([]);
  });

  test('installs without esbuild: nothing in the consumer app can bundle', () => {
    // Resolved by a plain node process: jest's own resolver does not behave like node's here.
    const resolveEsbuild = `require.resolve('esbuild', { paths: ${JSON.stringify([appDir, installed()])} })`;
    expect(() => execFileSync(process.execPath, ['-e', resolveEsbuild], { cwd: appDir, stdio: 'pipe' })).toThrow(/Cannot find module 'esbuild'/);
  });
});

describe('the README usage example, synthesized in the consumer app', () => {
  test('declares the case rules and the template as custom resources', () => {
    expect(resourcesOfType(CASE_RULE_TYPE)).toHaveLength(2);
    expect(resourcesOfType(TEMPLATE_TYPE)).toHaveLength(1);
    expect(resourcesOfType(TEMPLATE_TYPE)[0].Properties).toMatchObject({ Name: 'Escalation', Status: 'Active' });
  });

  test('has exactly one Lambda function, whose code is a file asset in cdk.out', () => {
    const functions = resourcesOfType('AWS::Lambda::Function');
    expect(functions).toHaveLength(1);
    const assetHash = handlerAssetHash();
    expect(functions[0].Properties!.Code.S3Key).toBe(`${assetHash}.zip`);
  });

  test('uses the handler bundle from the tarball byte for byte: nothing was bundled at synth time', () => {
    const assetDir = path.join(outdir, assetManifest().files[handlerAssetHash()].source.path);
    expect(fs.readdirSync(assetDir)).toEqual(['index.js']);
    const shipped = fs.readFileSync(path.join(installed(), 'assets', 'handler', 'index.js'));
    expect(fs.readFileSync(path.join(assetDir, 'index.js')).equals(shipped)).toBe(true);
    expect(assetManifest().dockerImages).toEqual({});
  });
});

function assetManifest(): { files: Record<string, { source: { path: string; packaging: string } }>; dockerImages: object } {
  return JSON.parse(fs.readFileSync(path.join(outdir, 'Support.assets.json'), 'utf8'));
}

/** The hash of the one zipped directory asset (the handler); the stack template itself is the other asset. */
function handlerAssetHash(): string {
  const zipped = Object.entries(assetManifest().files).filter(([, asset]) => asset.source.packaging === 'zip');
  expect(zipped).toHaveLength(1);
  return zipped[0][0];
}
