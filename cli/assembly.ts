import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from './retry';

/**
 * The stacks of a cloud assembly (`cdk synth`'s output directory), nested assemblies (stages)
 * included, read from `manifest.json` without the CDK libraries.
 */

export interface SynthesizedStack {
  /** The CloudFormation stack name. */
  readonly stackName: string;
  /** The path in the app, e.g. `Prod/Support` (what `cdk` commands show). */
  readonly displayName: string;
  readonly artifactId: string;
  readonly template: CfnTemplate;
}

export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

interface Manifest {
  readonly artifacts?: Record<string, {
    readonly type: string;
    readonly displayName?: string;
    readonly properties?: { readonly templateFile?: string; readonly stackName?: string; readonly directoryName?: string };
  }>;
}

export function readAssembly(directory: string): SynthesizedStack[] {
  const manifestFile = path.join(directory, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new CliError(`no cloud assembly in ${directory} (${manifestFile} does not exist): run \`cdk synth\` first, or pass --app DIR`);
  }
  const manifest = readJson<Manifest>(manifestFile);
  const stacks: SynthesizedStack[] = [];
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      stacks.push({
        artifactId,
        stackName: artifact.properties.stackName ?? artifactId,
        displayName: artifact.displayName ?? artifactId,
        template: readJson<CfnTemplate>(path.join(directory, artifact.properties.templateFile)),
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      stacks.push(...readAssembly(path.join(directory, artifact.properties.directoryName)));
    }
  }
  return stacks;
}

/** The stacks `--stack NAME` selects (by stack name, display name or artifact id); all without it. */
export function selectStacks(stacks: SynthesizedStack[], name: string | undefined, directory: string): SynthesizedStack[] {
  if (name === undefined) return stacks;
  const selected = stacks.filter((stack) => [stack.stackName, stack.displayName, stack.artifactId].includes(name));
  if (selected.length === 0) {
    const available = stacks.map((stack) => stack.displayName).join(', ') || 'none';
    throw new CliError(`no stack '${name}' in ${directory} (stacks: ${available})`);
  }
  return selected;
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
