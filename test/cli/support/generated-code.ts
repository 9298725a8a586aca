import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as ts from 'typescript';
import * as library from '../../../lib';
import { temporaryDirectory } from './cli-runner';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Type-checks a generated file as a user's project would (strict, unused locals and parameters
 * refused), with `cdk-connect-cases` resolved to this repository's `lib/`. Returns tsc's output,
 * empty when the file compiles.
 */
export function typeCheck(source: string): { code: number; output: string } {
  const { dir, remove } = temporaryDirectory('tsc');
  try {
    writeFileSync(path.join(dir, 'generated.ts'), source);
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        moduleResolution: 'node',
        lib: ['ES2022'],
        strict: true,
        noImplicitReturns: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noFallthroughCasesInSwitch: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        types: ['node'],
        baseUrl: ROOT,
        paths: {
          'cdk-connect-cases': ['lib/index.ts'],
          'aws-cdk-lib': ['node_modules/aws-cdk-lib'],
          'aws-cdk-lib/*': ['node_modules/aws-cdk-lib/*'],
          'constructs': ['node_modules/constructs'],
        },
      },
      files: ['generated.ts'],
    }));
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
    return { code: tsc.status ?? -1, output: `${tsc.stdout}${tsc.stderr}`.trim() };
  } finally {
    remove();
  }
}

type ConstructClass = new (scope: Construct, id: string, props: { domainId: string }) => Construct;

/** The generated file as a module: transpiled, with `cdk-connect-cases` bound to this repository's `lib/`. */
export function loadGenerated(source: string): Record<string, unknown> {
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const exports: Record<string, unknown> = {};
  const load = (name: string): unknown => (name === 'cdk-connect-cases' ? library : require(name));
  new Function('require', 'exports', 'module', outputText)(load, exports, { exports });
  return exports;
}

/**
 * Synthesizes a stack `stackName` holding the generated class (as `Cases`) into `outdir`, as
 * `cdk synth` would, and returns the stack's template.
 */
export function synthesizeGenerated(source: string, className: string, domainId: string, options: { outdir?: string; stackName?: string } = {}): any {
  const generated = loadGenerated(source)[className] as ConstructClass | undefined;
  if (generated === undefined) throw new Error(`the generated file exports no class ${className}`);
  const app = new App({ outdir: options.outdir });
  const stack = new Stack(app, options.stackName ?? 'Support');
  new generated(stack, 'Cases', { domainId });
  return app.synth().getStackByName(stack.stackName).template;
}
