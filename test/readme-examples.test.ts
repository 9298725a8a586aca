import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';

/**
 * The README's examples are code users copy: each block marked `<!-- readme-example: NAME -->`
 * is type-checked against the library and run here, so the README cannot drift from the API.
 */

const ROOT = path.join(__dirname, '..');
const LIB_INDEX = path.join(ROOT, 'lib', 'index.ts');

function readmeExample(name: string): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = new RegExp(`<!-- readme-example: ${name} -->\\s*\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match) throw new Error(`README.md has no example marked 'readme-example: ${name}'`);
  return match[1];
}

const EXAMPLES = ['usage', 'local-evaluation'];

/**
 * Type errors of each example, compiled as a module that imports 'cdk-connect-cases' from this
 * repo. One program for all examples: loading aws-cdk-lib's declarations is the slow part.
 */
const typeErrors = (() => {
  let errors: Map<string, string[]> | undefined;
  return (name: string): string[] => {
    errors ??= compileExamples();
    return errors.get(name) ?? [`no example '${name}'`];
  };
})();

function compileExamples(): Map<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-example-'));
  const files = new Map(EXAMPLES.map((name) => [path.join(dir, `${name}.ts`), name]));
  files.forEach((name, file) => fs.writeFileSync(file, readmeExample(name)));
  const program = ts.createProgram([...files.keys()], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    baseUrl: ROOT,
    paths: { 'cdk-connect-cases': [LIB_INDEX], '*': ['node_modules/*'] },
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    types: ['node', 'jest'],
  });
  const errors = new Map(EXAMPLES.map((name): [string, string[]] => [name, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const name = (diagnostic.file && files.get(diagnostic.file.fileName)) ?? 'usage';
    errors.get(name)!.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }
  return errors;
}

/** Runs `code` as a CommonJS module whose 'cdk-connect-cases' is this repo's lib; returns its exports. */
function run(code: string, exportNames: string[], globals: Record<string, unknown> = {}): Record<string, unknown> {
  const source = `${code}\nmodule.exports = { ${exportNames.join(', ')} };`;
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  const localRequire = (id: string) => require(id === 'cdk-connect-cases' ? LIB_INDEX : id);
  const names = Object.keys(globals);
  new Function('require', 'module', 'exports', ...names, js)(localRequire, module, module.exports, ...names.map((n) => globals[n]));
  return module.exports;
}

describe('README usage example', () => {
  const code = readmeExample('usage');

  test('type-checks against the library', () => {
    expect(typeErrors('usage')).toEqual([]);
  });

  test('synthesizes two case rules, one template and one handler function', () => {
    // GIVEN the README's code, synthesizing into a temporary directory
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-usage-'));
    const previous = process.env.CDK_OUTDIR;
    process.env.CDK_OUTDIR = outdir;
    let stack: Stack;
    try {
      // WHEN it runs
      stack = run(code, ['stack']).stack as Stack;
    } finally {
      if (previous === undefined) delete process.env.CDK_OUTDIR;
      else process.env.CDK_OUTDIR = previous;
    }

    // THEN the stack holds what the README says
    const template = Assertions.fromStack(stack);
    template.resourceCountIs('Custom::ConnectCasesCaseRule', 2);
    template.resourceCountIs('Custom::ConnectCasesTemplate', 1);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('Custom::ConnectCasesCaseRule', {
      Name: 'Close reason required when closed',
      Rule: { Type: 'Required', DefaultValue: false },
    });
    template.hasResourceProperties('Custom::ConnectCasesCaseRule', { Rule: { Type: 'FieldOptions' } });
    template.hasResourceProperties('Custom::ConnectCasesTemplate', {
      Name: 'Escalation',
      Status: 'Active',
      Tags: [{ Key: 'team', Value: 'support' }],
    });
    expect(fs.existsSync(path.join(outdir, 'Support.template.json'))).toBe(true);
  });
});

describe('README local evaluation example', () => {
  const code = readmeExample('local-evaluation');

  test('type-checks against the library', () => {
    expect(typeErrors('local-evaluation')).toEqual([]);
  });

  // The example's own tests are registered here, and run as part of this suite.
  run(code, [], { test, expect });
});
