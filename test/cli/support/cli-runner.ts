import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeCases } from '../../fake';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The command exactly as it ships: `bin` -> `assets/cli/index.js`. */
export const CLI_BUNDLE = path.join(ROOT, 'assets', 'cli', 'index.js');

/** Builds the CLI bundle (jest's global setup builds only the handler's). */
export function bundleCli(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle-cli.mjs')], { stdio: 'inherit' });
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the bundled CLI as a user would, against the fake: endpoint through
 * AWS_ENDPOINT_URL_CONNECTCASES, dummy credentials and region through the standard environment
 * variables, no profile or config file of this machine. Asynchronous, because the fake answers
 * from this very process.
 */
export function runCli(fake: FakeCases, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...fake.clientEnvironment(),
    AWS_CONFIG_FILE: path.join(os.tmpdir(), 'cdk-connect-cases-no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(os.tmpdir(), 'cdk-connect-cases-no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...options.env,
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_BUNDLE, ...args], { env, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh temporary directory, removed by the returned function. */
export function temporaryDirectory(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `cdk-connect-cases-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
