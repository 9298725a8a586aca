// `npm run bench`: how this library compares with the CloudFormation L1s and with a minimal
// handler, on this machine. Prints tables; not a test (timings vary between machines).
import * as os from 'node:os';
import { countApiCalls } from './api-calls';
import { measureHandlerSize } from './handler-size';
import { RULES, TEMPLATES } from './stacks';
import { ms, ratio, table, verdict } from './stats';
import { measureSynth } from './synth-time';

const SYNTH_REPETITIONS = Number(process.env.BENCH_SYNTH_REPETITIONS ?? 7);
const LOAD_REPETITIONS = Number(process.env.BENCH_LOAD_REPETITIONS ?? 15);

const GOALS = { synthRatio: 1.2, lambdaFunctions: 1, sizeRatio: 1.1 };

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log('cdk-connect-cases benchmark');
  console.log(`date:    ${new Date().toISOString()}`);
  console.log(`machine: ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`);
  console.log(`node:    ${process.version}\n`);

  const synth = await measureSynth(SYNTH_REPETITIONS);
  const synthRatio = synth.constructsMs / synth.l1Ms;
  console.log(`Synthesis of a stack with ${RULES} case rules and ${TEMPLATES} templates (median of ${synth.repetitions}, alternating, after one warm-up each)`);
  console.log(table(['stack', 'synth time', 'ratio', `goal <= ${GOALS.synthRatio}x`], [
    ['CaseRule + Template (this library)', ms(synth.constructsMs), ratio(synthRatio), verdict(synthRatio <= GOALS.synthRatio)],
    ['CfnCaseRule + CfnTemplate (L1)', ms(synth.l1Ms), ratio(1), ''],
  ]));
  console.log();
  console.log(table(['in the library stack', 'count', 'goal'], [
    ['AWS::Lambda::Function', String(synth.lambdaFunctions), `${GOALS.lambdaFunctions}: ${verdict(synth.lambdaFunctions === GOALS.lambdaFunctions)}`],
    ['case rule and template custom resources', String(synth.customResources), `${RULES + TEMPLATES}`],
  ]));
  console.log();

  const handler = await measureHandlerSize(LOAD_REPETITIONS);
  const sizeRatio = handler.handlerBytes / handler.minimalBytes;
  console.log(`Handler bundle vs a minimal esbuild bundle of the Cases client and the ${handler.sdkCommands.length} commands the handler imports`);
  console.log(`(${handler.sdkCommands.join(', ')}); cold require() time in fresh node processes, median of ${handler.repetitions}, alternating`);
  console.log(table(['bundle', 'size', 'ratio', `goal <= ${GOALS.sizeRatio}x`, 'cold load'], [
    ['assets/handler/index.js', `${(handler.handlerBytes / 1024).toFixed(1)} KiB`, ratio(sizeRatio), verdict(sizeRatio <= GOALS.sizeRatio), ms(handler.handlerLoadMs)],
    ['minimal (client + commands only)', `${(handler.minimalBytes / 1024).toFixed(1)} KiB`, ratio(1), '', ms(handler.minimalLoadMs)],
  ]));
  console.log();

  const calls = await countApiCalls();
  console.log('Cases API calls per custom-resource request, counted at the loopback fake (test/fake) driven through the bundled handler');
  console.log(table(['resource', 'request', 'calls', 'by operation'], calls.map((c) => [
    c.resource, c.request, String(c.total),
    Object.entries(c.byOperation).sort(([a], [b]) => a.localeCompare(b)).map(([op, n]) => `${op} ${n}`).join(', '),
  ])));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
