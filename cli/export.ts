import { writeFileSync } from 'node:fs';
import { Options, UsageError, valueOf } from './args';
import { printConstruct } from './print-construct';
import { readDomain } from './read-domain';
import { CasesApi, CliError } from './retry';

/** What a command writes; the process streams in production, buffers in tests. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const EXPORT_OPTIONS = { values: ['domain-id', 'region', 'out', 'class-name'], flags: [], required: ['domain-id'] } as const;

const DEFAULT_CLASS_NAME = 'CasesDomain';

/** `export`: reads the domain, prints the construct, writes it. Returns the exit code. */
export async function exportDomain(options: Options, api: CasesApi, io: Io): Promise<number> {
  const domainId = valueOf(options, 'domain-id')!;
  const className = valueOf(options, 'class-name') ?? DEFAULT_CLASS_NAME;
  if (!/^[A-Z][A-Za-z0-9_]*$/.test(className)) {
    throw new UsageError(`export: --class-name must be a class name (a letter A-Z, then letters, digits or _), received '${className}'`);
  }
  const out = valueOf(options, 'out');
  const region = await api.region();

  io.stderr(`Reading domain ${domainId} in ${region}`);
  const domain = await readDomain(api, domainId, (message) => io.stderr(`  ${message}`));
  const { source, problems } = printConstruct(domain, { className, region });

  if (out === undefined) {
    io.stdout(source);
  } else {
    try {
      writeFileSync(out, source);
    } catch (error) {
      throw new CliError(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
    }
    io.stderr(`Wrote ${out}: class ${className} with the options of ${domain.fieldOptions.length} fields, `
      + `${domain.caseRules.length} case rules and ${domain.templates.length} templates`);
  }
  if (problems.length > 0) {
    throw new CliError([
      `${problems.length} part(s) of the domain cannot be expressed with this library (marked FIXME in the output):`,
      ...problems.map((problem) => `  - ${problem}`),
    ].join('\n'));
  }
  return 0;
}
