// Runs one CloudFormation custom-resource event through the bundled handler in a fresh Node.js
// process, as a cold Lambda environment would, and prints what Lambda would bill and limit:
// `{ initMs, durationMs, maxRssMb }`. Usage: node invoke-once.js <bundle> <event.json> <timeoutMs>
// The Cases endpoint, region and credentials come from the environment (AWS_ENDPOINT_URL_CONNECTCASES...).
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

async function main() {
  const [bundle, eventFile, timeoutMs] = process.argv.slice(2);
  const initStart = performance.now();
  const { handler } = require(bundle);
  const initMs = performance.now() - initStart;

  const event = JSON.parse(fs.readFileSync(eventFile, 'utf8'));
  const start = performance.now();
  const endsAt = Date.now() + Number(timeoutMs);
  await handler(event, { awsRequestId: event.RequestId, getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()) });
  const durationMs = performance.now() - start;
  const maxRssMb = peakRssMb();
  process.stdout.write(`${JSON.stringify({ initMs, durationMs, maxRssMb })}\n`);
}

/**
 * Peak resident memory of this process (what Lambda reports as "Max Memory Used"): VmHWM, the high
 * water mark of this address space. Not `resourceUsage().maxRSS`, which on Linux still counts the
 * forked parent's memory from before exec (here the jest worker's).
 */
function peakRssMb() {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!kb) throw new Error('no VmHWM in /proc/self/status');
  return Number(kb[1]) / 1024;
}

// The handler logs with console.log: keep stdout for the result line only.
console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
