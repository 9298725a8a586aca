import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './library-build';

/** What `cdk synth` hands an app, with the assembly directory as a placeholder. */
export interface CdkEnvironment {
  /** Variables the CLI set (CDK_CONTEXT_JSON, CDK_OUTDIR, ...), `{outdir}` where the assembly goes. */
  readonly variables: Record<string, string>;
  /** Where they come from: the CLI version that was asked, or why it could not be. */
  readonly source: string;
}

const OUTDIR_PLACEHOLDER = '{outdir}';

/**
 * Asks the installed CDK CLI what environment it gives an app: runs `cdk synth` once with an app
 * that records its environment and synthesizes nothing. The benchmark then starts each app with
 * exactly that environment (context, path and asset metadata, version reporting, performance
 * counters, ...) without paying for the CLI on every run.
 */
export function captureCdkEnvironment(workDir: string): CdkEnvironment {
  const dir = fs.mkdtempSync(path.join(workDir, 'cdk-env-'));
  const dump = path.join(dir, 'env.json');
  const app = path.join(dir, 'app.js');
  fs.writeFileSync(app, [
    "const fs = require('node:fs');",
    `fs.writeFileSync(${JSON.stringify(dump)}, JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('CDK_')))));`,
    // An empty assembly: the CLI then says "This app contains no stacks" and exits 1, which is fine here.
    "fs.mkdirSync(process.env.CDK_OUTDIR, { recursive: true });",
    "fs.writeFileSync(require('node:path').join(process.env.CDK_OUTDIR, 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: {} }));",
  ].join('\n'));
  const cli = path.join(ROOT, 'node_modules', '.bin', 'cdk');
  try {
    const version = execFileSync(cli, ['--version'], { cwd: dir, encoding: 'utf8', env: cliEnv() }).trim();
    try {
      execFileSync(cli, ['synth', '--app', `node ${app}`, '--output', 'cdk.out', '--quiet'], { cwd: dir, stdio: 'pipe', env: cliEnv() });
    } catch (error) {
      if (!fs.existsSync(dump)) throw error;
    }
    const captured = JSON.parse(fs.readFileSync(dump, 'utf8')) as Record<string, string>;
    const outdir = captured.CDK_OUTDIR;
    const given = cliEnv();
    const variables = Object.fromEntries(Object.entries(captured)
      // Only what the CLI added; not the region of whoever runs the benchmark, which would make runs differ between machines.
      .filter(([key]) => !(key in given) && key !== 'CDK_DEFAULT_REGION' && key !== 'CDK_DEFAULT_ACCOUNT')
      .map(([key, value]) => [key, outdir && value.startsWith(outdir) ? OUTDIR_PLACEHOLDER + value.slice(outdir.length) : value]));
    return { variables, source: `asked aws-cdk CLI ${version}` };
  } catch (error) {
    return {
      variables: FALLBACK,
      source: `aws-cdk CLI could not be asked (${String(error).split('\n')[0]}); using what CLI 2.1148.1 sets`,
    };
  }
}

/** `variables` for one run writing its assembly to `outdir`. */
export function environmentFor(env: CdkEnvironment, outdir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(env.variables).map(([key, value]) => [key, value.split(OUTDIR_PLACEHOLDER).join(outdir)]));
}

/** No credentials, no instance metadata lookups: the CLI must not wait on the network. */
function cliEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, AWS_EC2_METADATA_DISABLED: 'true', CDK_DISABLE_CLI_TELEMETRY: 'true' };
}

/** What aws-cdk CLI 2.1148.1 sets for `cdk synth` (recorded the same way). */
const FALLBACK: Record<string, string> = {
  CDK_OUTDIR: OUTDIR_PLACEHOLDER,
  CDK_ERROR_FILE: `${OUTDIR_PLACEHOLDER}/error.txt`,
  CDK_PERF_COUNTERS_FILE: `${OUTDIR_PLACEHOLDER}/performance-counters.json`,
  CDK_CLI_VERSION: '2.1148.1',
  CDK_CLI_ASM_VERSION: '55.0.0',
  CDK_CONTEXT_JSON: JSON.stringify({
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:version-reporting': true,
    'aws:cdk:bundling-stacks': ['**'],
    '@aws-cdk/core:failSynthOnValidationErrors': false,
  }),
};
