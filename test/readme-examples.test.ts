import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Template as Assertions, Match } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';
import { SYSTEM_FIELDS } from './fake/store/system-fields';

/**
 * The README's examples are code users copy: each block marked `<!-- readme-example: NAME -->`
 * (the marker on the line before a ```ts fence) is type-checked against the library and run here,
 * so the README cannot drift from the API. `usage` and `local-evaluation` must exist and are
 * checked in detail below; an example that calls `test(...)` has its tests run as part of this
 * suite; any other marked example must run without throwing (an app it synthesizes goes to a
 * temporary directory).
 */

const ROOT = path.join(__dirname, '..');
const LIB_INDEX = path.join(ROOT, 'lib', 'index.ts');
const README = path.join(ROOT, 'README.md');
const MARKER = /<!-- readme-example: ([\w-]+) -->\s*```ts\n([\s\S]*?)```/g;

/** Every marked example of the README, by name. */
function readmeExamples(): Map<string, string> {
  const examples = new Map<string, string>();
  for (const [, name, code] of fs.readFileSync(README, 'utf8').matchAll(MARKER)) {
    if (examples.has(name)) throw new Error(`README.md marks two examples 'readme-example: ${name}'`);
    examples.set(name, code);
  }
  return examples;
}

const EXAMPLES = readmeExamples();

function readmeExample(name: string): string {
  const code = EXAMPLES.get(name);
  if (code === undefined) throw new Error(`README.md has no example marked 'readme-example: ${name}'`);
  return code;
}

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
  const files = new Map([...EXAMPLES.keys()].map((name) => [path.join(dir, `${name}.ts`), name]));
  files.forEach((name, file) => fs.writeFileSync(file, EXAMPLES.get(name)!));
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
  const errors = new Map([...EXAMPLES.keys()].map((name): [string, string[]] => [name, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    // A diagnostic outside the examples (e.g. in the library) is charged to every example.
    const name = diagnostic.file && files.get(diagnostic.file.fileName);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    (name ? [errors.get(name)!] : [...errors.values()]).forEach((list) => list.push(message));
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

/** Runs `action` with apps synthesizing into a fresh temporary directory, which it returns. */
function inTemporaryOutdir(action: () => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-example-out-'));
  const previous = process.env.CDK_OUTDIR;
  process.env.CDK_OUTDIR = outdir;
  try {
    action();
  } finally {
    if (previous === undefined) delete process.env.CDK_OUTDIR;
    else process.env.CDK_OUTDIR = previous;
  }
  return outdir;
}

/** Whether an example declares jest tests of its own. */
const declaresTests = (code: string) => /\btest\(/.test(code);

describe('README usage example', () => {
  const code = readmeExample('usage');
  /** The example's stack and where its app synthesized, from one run shared by the tests below. */
  let ran: { stack: Stack; outdir: string } | undefined;
  const runUsage = () => {
    if (ran === undefined) {
      let stack: Stack | undefined;
      const outdir = inTemporaryOutdir(() => {
        stack = run(code, ['stack']).stack as Stack;
      });
      ran = { stack: stack!, outdir };
    }
    return ran;
  };

  test('type-checks against the library', () => {
    expect(typeErrors('usage')).toEqual([]);
  });

  test('synthesizes a required and a field-options rule, one template and one handler function', () => {
    // GIVEN the README's code
    // WHEN it runs
    const { stack, outdir } = runUsage();

    // THEN the stack holds what the README says
    const template = Assertions.fromStack(stack);
    template.resourceCountIs('Custom::ConnectCasesCaseRule', 2);
    template.resourceCountIs('Custom::ConnectCasesTemplate', 1);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('Custom::ConnectCasesCaseRule', {
      Name: 'Close reason required when closed',
      Rule: { required: Match.objectLike({ defaultValue: false }) },
    });
    template.hasResourceProperties('Custom::ConnectCasesCaseRule', { Rule: { fieldOptions: Match.anyValue() } });
    template.hasResourceProperties('Custom::ConnectCasesTemplate', {
      Name: 'Escalation',
      Status: 'Active',
      Tags: Match.arrayWith([{ Key: 'team', Value: 'support' }]),
    });
    expect(fs.existsSync(path.join(outdir, 'Support.template.json'))).toBe(true);
  });

  test('declares no custom field named like a system field (a real domain refuses it)', () => {
    const taken = new Set(SYSTEM_FIELDS.flatMap((field) => [field.name, field.fieldId]).map((name) => name.toLowerCase()));
    const fields = Assertions.fromStack(runUsage().stack).findResources('AWS::Cases::Field');
    const names = Object.values(fields).map((field) => String(field.Properties.Name));
    expect(names.filter((name) => taken.has(name.toLowerCase()))).toEqual([]);
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

describe('other README examples', () => {
  const others = [...EXAMPLES.keys()].filter((name) => name !== 'usage' && name !== 'local-evaluation');
  for (const name of others) {
    const code = EXAMPLES.get(name)!;
    test(`${name} type-checks against the library`, () => {
      expect(typeErrors(name)).toEqual([]);
    });
    if (declaresTests(code)) {
      describe(name, () => {
        run(code, [], { test, expect });
      });
    } else {
      test(`${name} runs`, () => {
        expect(() => inTemporaryOutdir(() => run(code, []))).not.toThrow();
      });
    }
  }
});
