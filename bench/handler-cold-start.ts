import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BuildOptions, build } from 'esbuild';
import { HANDLER_BUNDLE, ROOT } from './library-build';
import { Spread, spread } from './stats';

/** The esbuild options of scripts/bundle-handler.mjs, so that the baseline is bundled the same way. */
const BUNDLE_OPTIONS: BuildOptions = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'handler-bundle-options.json'), 'utf8'));
const COLD_START = path.join(__dirname, 'cold-start.js');
/** Lambda's heap limits for the function's 256 MB (see test/permissions/handler-footprint.test.ts). */
const LAMBDA_HEAP_FLAGS = ['--max-semi-space-size=12', '--max-old-space-size=231'];

/** SDK commands the handler sources import from the Cases client, so that the baseline follows the handler. */
export function sdkCommandsUsedByHandler(): string[] {
  const commands = new Set<string>();
  for (const file of listFiles(path.join(ROOT, 'lambda')).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const [, names] of source.matchAll(/import\s*(?:type\s*)?{([^}]*)}\s*from\s*'@aws-sdk\/client-connectcases'/g)) {
      for (const name of names.split(',').map((n) => n.trim())) if (/^\w+Command$/.test(name)) commands.add(name);
    }
  }
  if (commands.size === 0) throw new Error('found no @aws-sdk/client-connectcases command imports under lambda/');
  return [...commands].sort();
}

/**
 * The smallest bundle that can make the handler's calls: the client and the commands, nothing
 * else, bundled with the handler's own esbuild options.
 */
export async function minimalBundle(workDir: string, commands: readonly string[]): Promise<string> {
  const names = ['ConnectCasesClient', ...new Set([...commands, 'CreateCaseRuleCommand'])];
  const outfile = path.join(workDir, 'minimal', 'index.js');
  await build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: ROOT,
    // Resolved from the repo, so that it bundles the same SDK version as the handler.
    stdin: { contents: `export { ${names.join(', ')} } from '@aws-sdk/client-connectcases';\n`, resolveDir: ROOT, loader: 'ts', sourcefile: 'minimal.ts' },
    outfile,
  });
  return outfile;
}

export interface ColdStart {
  readonly initMs: number;
  readonly firstCallMs: number;
  readonly maxRssMb: number;
}

/** One cold start (see bench/cold-start.js) against the Cases endpoint in `env`. */
export function coldStart(mode: 'handler' | 'minimal', bundle: string, inputFile: string, env: NodeJS.ProcessEnv): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...LAMBDA_HEAP_FLAGS, COLD_START, mode, bundle, inputFile], { env, maxBuffer: 8 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`cold start of the ${mode} bundle failed: ${error.message}\n${stderr.split('\n').slice(-10).join('\n')}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as ColdStart);
    });
  });
}

export interface BundleComparison {
  readonly sdkCommands: string[];
  readonly handlerBytes: number;
  readonly minimalBytes: number;
  readonly handler: Record<keyof ColdStart, Spread>;
  readonly minimal: Record<keyof ColdStart, Spread>;
  /** handler / minimal, per pair. */
  readonly ratio: Record<'bytes' | 'initMs' | 'totalMs', Spread>;
  readonly pairs: number;
}

/** Event and input for one pair of cold starts, each creating a new rule. */
export interface ColdStartInputs {
  readonly handlerEventFile: string;
  readonly minimalInputFile: string;
}

/**
 * Alternating cold starts of the handler (a case rule's Create event) and of the minimal bundle
 * (one CreateCaseRule), `pairs` of each, in fresh processes.
 */
export async function compareBundles(
  workDir: string, pairs: number, env: NodeJS.ProcessEnv, inputs: (pair: number) => ColdStartInputs,
): Promise<BundleComparison> {
  const sdkCommands = sdkCommandsUsedByHandler();
  const minimal = await minimalBundle(workDir, sdkCommands);
  const handlerRuns: ColdStart[] = [];
  const minimalRuns: ColdStart[] = [];
  for (let i = 0; i < pairs; i++) {
    const { handlerEventFile, minimalInputFile } = inputs(i);
    if (i % 2 === 0) {
      handlerRuns.push(await coldStart('handler', HANDLER_BUNDLE, handlerEventFile, env));
      minimalRuns.push(await coldStart('minimal', minimal, minimalInputFile, env));
    } else {
      minimalRuns.push(await coldStart('minimal', minimal, minimalInputFile, env));
      handlerRuns.push(await coldStart('handler', HANDLER_BUNDLE, handlerEventFile, env));
    }
  }
  const spreadOf = (runs: ColdStart[]) => ({
    initMs: spread(runs.map((r) => r.initMs)),
    firstCallMs: spread(runs.map((r) => r.firstCallMs)),
    maxRssMb: spread(runs.map((r) => r.maxRssMb)),
  });
  const handlerBytes = fs.statSync(HANDLER_BUNDLE).size;
  const minimalBytes = fs.statSync(minimal).size;
  const total = (r: ColdStart) => r.initMs + r.firstCallMs;
  return {
    sdkCommands,
    handlerBytes,
    minimalBytes,
    handler: spreadOf(handlerRuns),
    minimal: spreadOf(minimalRuns),
    ratio: {
      bytes: spread([handlerBytes / minimalBytes]),
      initMs: spread(handlerRuns.map((r, i) => r.initMs / minimalRuns[i].initMs)),
      totalMs: spread(handlerRuns.map((r, i) => total(r) / total(minimalRuns[i]))),
    },
    pairs,
  };
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}
