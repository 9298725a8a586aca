import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { constructsStack, l1Stack } from './stacks';
import { alternate, median } from './stats';

export interface SynthResult {
  readonly constructsMs: number;
  readonly l1Ms: number;
  readonly repetitions: number;
  /** AWS::Lambda::Function resources in the constructs stack. */
  readonly lambdaFunctions: number;
  readonly customResources: number;
}

/** Builds the stack in a fresh app and synthesizes it to disk, as `cdk synth` would. */
function synthesize(build: (app: App) => Stack, workDir: string): Record<string, any> {
  const outdir = fs.mkdtempSync(path.join(workDir, 'out-'));
  const app = new App({ outdir });
  const stack = build(app);
  const template = app.synth().getStackByName(stack.stackName).template;
  fs.rmSync(outdir, { recursive: true, force: true });
  return template;
}

export async function measureSynth(repetitions: number): Promise<SynthResult> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  try {
    const times = await alternate({
      constructs: () => synthesize(constructsStack, workDir),
      l1: () => synthesize(l1Stack, workDir),
    }, repetitions);
    const resources = Object.values(synthesize(constructsStack, workDir).Resources as Record<string, { Type: string }>);
    const count = (type: string) => resources.filter((r) => r.Type === type).length;
    return {
      constructsMs: median(times.constructs),
      l1Ms: median(times.l1),
      repetitions,
      lambdaFunctions: count('AWS::Lambda::Function'),
      customResources: count('Custom::ConnectCasesCaseRule') + count('Custom::ConnectCasesTemplate'),
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
