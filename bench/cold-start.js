// One cold start in a fresh Node.js process, as a new Lambda environment would run it, printing
// `{ initMs, firstCallMs, maxRssMb }` on stdout:
//   node cold-start.js handler <bundle> <event.json>   require the handler, then handle the event
//   node cold-start.js minimal <bundle> <input.json>   require a bare client bundle, then create the
//                                                      client and send one CreateCaseRule with input
// The Cases endpoint, region and credentials come from the environment (AWS_ENDPOINT_URL_CONNECTCASES...).
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

async function main() {
  const [mode, bundle, inputFile] = process.argv.slice(2);
  const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
  const initStart = performance.now();
  const loaded = require(bundle);
  const initMs = performance.now() - initStart;
  const start = performance.now();
  if (mode === 'handler') {
    const endsAt = Date.now() + 120_000;
    await loaded.handler(input, { awsRequestId: input.RequestId, getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()) });
  } else if (mode === 'minimal') {
    const client = new loaded.ConnectCasesClient({ maxAttempts: 1 });
    await client.send(new loaded.CreateCaseRuleCommand(input));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const firstCallMs = performance.now() - start;
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const maxRssMb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)[1]) / 1024;
  process.stdout.write(`${JSON.stringify({ initMs, firstCallMs, maxRssMb })}\n`);
}

// The handler logs with console.log: keep stdout for the result line only.
console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
