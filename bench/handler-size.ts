import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, BuildOptions } from 'esbuild';
import { median } from './stats';

const ROOT = path.resolve(__dirname, '..');
export const HANDLER_BUNDLE = path.join(ROOT, 'assets', 'handler', 'index.js');

/** The esbuild options of scripts/bundle-handler.mjs, so the baseline is bundled the same way. */
const BUNDLE_OPTIONS: BuildOptions = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'handler-bundle-options.json'), 'utf8'));

export interface HandlerSizeResult {
  readonly sdkCommands: string[];
  readonly handlerBytes: number;
  readonly minimalBytes: number;
  readonly handlerLoadMs: number;
  readonly minimalLoadMs: number;
  readonly repetitions: number;
}

/** SDK commands the handler sources import from the Cases client, so the baseline follows the handler. */
export function sdkCommandsUsedByHandler(): string[] {
  const commands = new Set<string>();
  const lambdaDir = path.join(ROOT, 'lambda');
  for (const file of fs.readdirSync(lambdaDir).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(lambdaDir, file), 'utf8');
    for (const [, names] of source.matchAll(/import\s*{([^}]*)}\s*from\s*'@aws-sdk\/client-connectcases'/g)) {
      for (const name of names.split(',').map((n) => n.trim())) if (/^\w+Command$/.test(name)) commands.add(name);
    }
  }
  if (commands.size === 0) throw new Error(`found no @aws-sdk/client-connectcases command imports under ${lambdaDir}`);
  return [...commands].sort();
}

/** The smallest bundle that can make those calls: the client and the commands, nothing else. */
async function minimalBundle(workDir: string, commands: string[]): Promise<string> {
  const names = ['ConnectCasesClient', ...commands];
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

/** Time to require `file` in a fresh node process, measured inside that process. */
function coldLoadMs(file: string): number {
  const script = `const t = performance.now(); require(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const output = execFileSync(process.execPath, ['-e', script], {
    // NODE_NO_WARNINGS: the SDK warns about Node.js 20 on stderr; Lambda runs Node.js 24.
    env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', NODE_NO_WARNINGS: '1' },
    encoding: 'utf8',
  });
  return Number(output);
}

export async function measureHandlerSize(repetitions: number): Promise<HandlerSizeResult> {
  if (!fs.existsSync(HANDLER_BUNDLE)) throw new Error(`${HANDLER_BUNDLE} is missing: run node scripts/bundle-handler.mjs`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-handler-'));
  try {
    const sdkCommands = sdkCommandsUsedByHandler();
    const minimal = await minimalBundle(workDir, sdkCommands);
    // Alternating fresh processes, so that both see the same machine state and a cold module cache.
    const loads = { handler: [] as number[], minimal: [] as number[] };
    for (let i = 0; i < repetitions; i++) {
      loads.handler.push(coldLoadMs(HANDLER_BUNDLE));
      loads.minimal.push(coldLoadMs(minimal));
    }
    return {
      sdkCommands,
      handlerBytes: fs.statSync(HANDLER_BUNDLE).size,
      minimalBytes: fs.statSync(minimal).size,
      handlerLoadMs: median(loads.handler),
      minimalLoadMs: median(loads.minimal),
      repetitions,
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
