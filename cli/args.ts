/**
 * Command-line arguments: `cdk-connect-cases <command> --option value --flag`. Options may also
 * be written `--option=value`. Anything unknown is an error that says what is accepted.
 */

export const USAGE = `Usage:
  cdk-connect-cases export --domain-id ID [--region REGION] [--out FILE] [--class-name NAME]
      Reads a live Amazon Connect Cases domain and writes a TypeScript construct that declares its
      field options, case rules and templates with cdk-connect-cases, each adopting its record.
      Writes to stdout unless --out is given. Exit code 0 on success, 1 on error.

  cdk-connect-cases drift [--app DIR] [--stack NAME] [--domain-id ID] [--region REGION] [--json]
      Compares the case rules, templates and field options of synthesized stacks (cloud assembly
      DIR, default cdk.out) with the live records, found by name. --domain-id is used where the
      template holds the domain id as a token. Exit code 0 in sync, 1 drift, 2 error.

AWS credentials and region come from the standard AWS chain (AWS_PROFILE, AWS_REGION, ...);
AWS_ENDPOINT_URL_CONNECTCASES overrides the Cases endpoint.`;

/** A usage mistake: reported with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  /** Options that take a value, without `--`. */
  readonly values: readonly string[];
  /** Options that take none. */
  readonly flags: readonly string[];
  /** Options that must be given. */
  readonly required?: readonly string[];
}

export type Options = Readonly<Record<string, string | true | undefined>>;

/** Parses the arguments after the command name. */
export function parseOptions(command: string, args: readonly string[], spec: OptionSpec): Options {
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new UsageError(`${command}: unexpected argument '${arg}'`);
    const [, name, inline] = match;
    if (name in options) throw new UsageError(`${command}: --${name} given twice`);
    if (spec.flags.includes(name)) {
      if (inline !== undefined) throw new UsageError(`${command}: --${name} takes no value`);
      options[name] = true;
    } else if (spec.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`${command}: --${name} needs a value`);
      if (value === '') throw new UsageError(`${command}: --${name} must not be empty`);
      options[name] = value;
    } else {
      const known = [...spec.values, ...spec.flags].map((option) => `--${option}`).join(', ');
      throw new UsageError(`${command}: unknown option --${name} (accepted: ${known})`);
    }
  }
  for (const name of spec.required ?? []) {
    if (options[name] === undefined) throw new UsageError(`${command}: --${name} is required`);
  }
  return options;
}

/** The value of a value option (undefined when absent). */
export function valueOf(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}
