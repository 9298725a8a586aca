import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installConsumerApp, readmeExample, readmeExampleAsJs, synthesizeWithoutTools } from './consumer-app';
import { PackedTarball, packFromSource } from './pack';

/**
 * The published package, end to end: build (jsii and the bundles) and pack from source, install the
 * tarball into a fresh app, synthesize the README's usage example there, and check that the
 * handler is the pre-built bundle from the tarball (nothing bundled at synth time) and that the
 * jsii assembly is what other languages and Construct Hub read.
 */

/** Custom resource type of each construct the README example may declare. */
const RESOURCE_TYPE_OF = {
  CaseRule: 'Custom::ConnectCasesCaseRule',
  Template: 'Custom::ConnectCasesTemplate',
  FieldOptions: 'Custom::ConnectCasesFieldOptions',
} as const;

/** Everything the tarball may hold: assembly, compiled library and declarations, bundles, docs. */
const ALLOWED_FILE = /^(package\.json|README\.md|LICENSE|API\.md|CHANGELOG\.md|\.jsii|assets\/(handler|cli)\/index\.js|lib\/.+\.(js|d\.ts))$/;

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
}, 180_000);

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const installed = () => path.join(appDir, 'node_modules', 'cdk-connect-cases');
const readInstalled = (file: string) => JSON.parse(fs.readFileSync(path.join(installed(), file), 'utf8'));
const stackTemplate = (): { Resources: Record<string, CfnResource> } =>
  JSON.parse(fs.readFileSync(path.join(outdir, 'Support.template.json'), 'utf8'));
const resourcesOfType = (type: string) => Object.values(stackTemplate().Resources).filter((r) => r.Type === type);

describe('the tarball', () => {
  test('holds the jsii assembly, the compiled library, its declarations, the handler bundle and the docs', () => {
    expect(packed.files).toEqual(expect.arrayContaining([
      '.jsii', 'lib/index.js', 'lib/index.d.ts', 'assets/handler/index.js',
      'README.md', 'LICENSE', 'API.md', 'CHANGELOG.md', 'package.json',
    ]));
  });

  test('holds nothing else: no tests, no handler or TypeScript sources, no build state, no node_modules', () => {
    expect(packed.files.filter((file) => !ALLOWED_FILE.test(file))).toEqual([]);
    expect(packed.files.filter((file) => /^(test|lambda|bench|bin|cli|scripts|dist|node_modules)\//.test(file))).toEqual([]);
    expect(packed.files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  test('ships a declaration file beside every compiled module', () => {
    const compiled = packed.files.filter((file) => file.startsWith('lib/') && file.endsWith('.js'));
    expect(compiled.length).toBeGreaterThan(1);
    expect(compiled.map((file) => file.replace(/\.js$/, '.d.ts')).filter((file) => !packed.files.includes(file))).toEqual([]);
  });

  test('every command in `bin` is a file of the tarball, installed as a command of the consumer app', () => {
    const commands = Object.entries(readInstalled('package.json').bin ?? {}) as Array<[string, string]>;
    expect(commands.map(([name]) => name)).toEqual(['cdk-connect-cases']);
    for (const [name, file] of commands) {
      expect(packed.files).toContain(path.normalize(file));
      expect(fs.existsSync(path.join(appDir, 'node_modules', '.bin', name))).toBe(true);
    }
  });

  test('installs without esbuild: nothing in the consumer app can bundle', () => {
    // Resolved by a plain node process: jest's own resolver does not behave like node's here.
    const resolveEsbuild = `require.resolve('esbuild', { paths: ${JSON.stringify([appDir, installed()])} })`;
    expect(() => execFileSync(process.execPath, ['-e', resolveEsbuild], { cwd: appDir, stdio: 'pipe' })).toThrow(/Cannot find module 'esbuild'/);
  });
});

describe('the jsii assembly of the installed package', () => {
  test('describes this package, built by jsii 5.9, with the Python, Java, .NET and Go targets', () => {
    const assembly = readInstalled('.jsii');
    const manifest = readInstalled('package.json');
    expect(assembly).toMatchObject({ schema: 'jsii/0.10.0', name: manifest.name, version: manifest.version, license: 'Apache-2.0' });
    expect(assembly.jsiiVersion).toMatch(/^5\.9\./);
    expect(assembly.targets).toMatchObject({
      python: { module: 'cdk_connect_cases', distName: 'cdk-connect-cases' },
      java: { package: expect.any(String) },
      dotnet: { namespace: expect.any(String) },
      go: { moduleName: expect.any(String) },
    });
  });

  test('declares every class and enum the package exports at run time', () => {
    // GIVEN what `require('cdk-connect-cases')` exports in the consumer app (interfaces have no run-time value)
    const exported: string[] = JSON.parse(execFileSync(process.execPath,
      ['-e', "console.log(JSON.stringify(Object.keys(require('cdk-connect-cases'))))"], { cwd: appDir, encoding: 'utf8' }));
    // THEN each is a type of the assembly, so other languages see it too
    const types = readInstalled('.jsii').types as Record<string, { kind: string }>;
    expect(exported).toEqual(expect.arrayContaining(['CaseRule', 'Template']));
    expect(exported.filter((name) => !(`cdk-connect-cases.${name}` in types))).toEqual([]);
  });

  test("meets Construct Hub's listing rules: a jsii assembly, the aws-cdk keyword, a permissive license", () => {
    const manifest = readInstalled('package.json');
    expect(fs.existsSync(path.join(installed(), '.jsii'))).toBe(true);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['aws-cdk', 'cdk', 'awscdk']));
    expect(['Apache-2.0', 'MIT', 'BSD-3-Clause', 'BSD-2-Clause']).toContain(manifest.license);
    expect(manifest.main).toBe('lib/index.js');
    expect(manifest.types).toBe('lib/index.d.ts');
  });
});

describe('the README usage example, synthesized in the consumer app', () => {
  beforeAll(() => {
    fs.writeFileSync(path.join(appDir, 'app.js'), readmeExampleAsJs('usage'));
    synthesizeWithoutTools(appDir, outdir);
  }, 60_000);

  test('declares one custom resource per CaseRule, Template and FieldOptions of the example', () => {
    const source = readmeExample('usage');
    const declared = (construct: string) => source.split(`new ${construct}(`).length - 1;
    expect(declared('CaseRule') + declared('Template')).toBeGreaterThan(0);
    for (const [construct, type] of Object.entries(RESOURCE_TYPE_OF)) {
      expect({ construct, resources: resourcesOfType(type).length }).toEqual({ construct, resources: declared(construct) });
    }
    const templateNames = [...source.matchAll(/templateName: '([^']+)'/g)].map((match) => match[1]);
    expect(resourcesOfType(RESOURCE_TYPE_OF.Template).map((template) => template.Properties!.Name)).toEqual(expect.arrayContaining(templateNames));
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
