import { parseOptions, UsageError, USAGE, valueOf } from './args';
import { drift, DRIFT_OPTIONS } from './drift';
import { EXPORT_OPTIONS, exportDomain, Io } from './export';
import { CliError, createCasesApi, RetryPolicy } from './retry';

/**
 * `cdk-connect-cases <command>`: `export` a live domain as a construct, or check a synthesized
 * stack for `drift`. Exit codes: export 0 ok, 1 error; drift 0 in sync, 1 drift, 2 error.
 */
export async function run(argv: readonly string[], io: Io, retryPolicy?: RetryPolicy): Promise<number> {
  const [command, ...args] = argv;
  const errorCode = command === 'drift' ? 2 : 1;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout(USAGE);
      return command === undefined ? 1 : 0;
    }
    if (command === 'export') {
      const options = parseOptions(command, args, EXPORT_OPTIONS);
      return await exportDomain(options, createCasesApi(valueOf(options, 'region'), retryPolicy), io);
    }
    if (command === 'drift') {
      const options = parseOptions(command, args, DRIFT_OPTIONS);
      return await drift(options, createCasesApi(valueOf(options, 'region'), retryPolicy), io);
    }
    throw new UsageError(`unknown command '${command}' (commands: export, drift)`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cdk-connect-cases ${error.message}\n\n${USAGE}`);
    } else if (error instanceof CliError) {
      io.stderr(`cdk-connect-cases ${command}: ${error.message}`);
    } else {
      io.stderr(`cdk-connect-cases ${command}: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    return errorCode;
  }
}

if (require.main === module) {
  // The SDK's warning about Node.js versions concerns its future releases; the bundled copy is fixed.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const io: Io = {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  };
  void run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
