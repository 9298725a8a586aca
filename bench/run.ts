// `npm run bench`: what a synth with this library costs next to the same stack written with the
// CloudFormation L1s, what the handler costs at a cold start next to a bare SDK client, and how
// many Cases calls each event makes. Prints tables; not a test (timings vary between machines).
//
// Settings (environment): BENCH_REPETITIONS (pairs per size, default 5), BENCH_SIZES (default
// 50,100,200,400 rules; a tenth as many templates), BENCH_VALIDATION (both | off | on, default
// both), BENCH_COLD_STARTS (pairs, default 10), BENCH_RULES_PER_TEMPLATE (default 10; 1 gives as
// many templates as rules).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CallCount, countApiCalls } from './api-calls';
import { captureCdkEnvironment } from './cdk-environment';
import { BundleComparison, compareBundles } from './handler-cold-start';
import { buildLibrary } from './library-build';
import { Spread, formatSpread, kb, mb, ms, ratio, table, verdict } from './stats';
import { Comparison, FixedCost, HeldSlope, SynthPlan, compare, measureSynth } from './synth-time';

const GOALS = { msPerRuleRatio: 1.1, memoryPerRuleRatio: 1.5 };

function plan(): SynthPlan {
  const validation = process.env.BENCH_VALIDATION ?? 'both';
  if (!['both', 'on', 'off'].includes(validation)) throw new Error(`BENCH_VALIDATION must be both, on or off; got '${validation}'`);
  return {
    sizes: (process.env.BENCH_SIZES ?? '50,100,200,400').split(',').map(Number),
    repetitions: Number(process.env.BENCH_REPETITIONS ?? 5),
    validations: validation === 'both' ? [false, true] : [validation === 'on'],
  };
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  const settings = plan();
  if (settings.repetitions < 1 || settings.sizes.length < 2) throw new Error('need at least one repetition and two sizes');
  const coldStarts = Number(process.env.BENCH_COLD_STARTS ?? 10);
  console.log('cdk-connect-cases benchmark (npm run bench)');
  console.log(`date:     ${new Date().toISOString()}`);
  console.log(`machine:  ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`node:     ${process.version}`);
  console.log(`settings: BENCH_REPETITIONS=${settings.repetitions} BENCH_SIZES=${settings.sizes.join(',')} `
    + `BENCH_VALIDATION=${process.env.BENCH_VALIDATION ?? 'both'} BENCH_COLD_STARTS=${coldStarts} BENCH_RULES_PER_TEMPLATE=${process.env.BENCH_RULES_PER_TEMPLATE ?? 10}\n`);

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-cases-bench-'));
  try {
    const libDir = await buildLibrary(path.join(workDir, 'package'));
    const cdkEnv = captureCdkEnvironment(workDir);
    console.log(`Synthesis: each app in a fresh process with the environment cdk synth gives it (${cdkEnv.source}):`);
    console.log(`${Object.keys(cdkEnv.variables).sort().join(', ')}. The library app and the L1 app declare the same domain,`);
    const perTemplate = Number(process.env.BENCH_RULES_PER_TEMPLATE ?? 10);
    console.log(`20 fields, N required rules and N/${perTemplate} templates of ${perTemplate} rules; times are whole processes (Node.js start-up and`);
    console.log('module loading included). Per-rule figures are slopes of lines fitted over the sizes within one repetition;');
    console.log('ratios are library / L1 within each repetition; every cell is min / median / max over the repetitions.\n');

    const samples = measureSynth(settings, libDir, cdkEnv, workDir, (line) => console.log(line));
    console.log();
    for (const validation of settings.validations) printComparison(compare(samples, validation));
    const largest = samples.find((s) => s.variant === 'library' && s.rules === Math.max(...settings.sizes));
    if (largest) {
      console.log(`Resources of the library stack with ${largest.rules} rules: `
        + Object.entries(largest.resourceTypes).sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => `${type} ${n}`).join(', '));
      console.log();
    }

    await printSection('Handler bundle and cold start', () => coldStartSection(workDir, coldStarts));
    await printSection('Cases API calls per event', async () => printCalls(await countApiCalls()));
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function printComparison(c: Comparison): void {
  // A spread wider than the median itself says little about the value on this machine: flag it.
  const noisy = (value: Spread) => value.max - value.min > Math.abs(value.median) || value.min < 0;
  const s = (value: Spread, format: (v: number) => string) => `${formatSpread(value, format)}${noisy(value) ? ' *' : ''}`;
  const perRuleMs = (v: number) => `${v.toFixed(3)} ms`;
  const goal = (value: Spread, max: number) => `<= ${max}x: ${noisy(value) ? 'inconclusive *' : verdict(value.median <= max)}`;
  const fixed = (cost: FixedCost) => `${s(cost.ms, ms)} (CPU ${s(cost.cpuMs, ms)}), ${s(cost.peakRssMb, mb)}`;
  // The per-rule slopes of the library beside those of `other`, with their ratios.
  const perRuleRows = (other: Comparison['l1'], ratios: Comparison['ratio']): string[][] => [
    ['synth time per rule', s(c.library.msPerRule, perRuleMs), s(other.msPerRule, perRuleMs), s(ratios.msPerRule, ratio), goal(ratios.msPerRule, GOALS.msPerRuleRatio)],
    ['synth CPU time per rule', s(c.library.cpuMsPerRule, perRuleMs), s(other.cpuMsPerRule, perRuleMs), s(ratios.cpuMsPerRule, ratio), '(steadier when busy)'],
    ['peak RSS per rule', s(c.library.peakRssKbPerRule, kb), s(other.peakRssKbPerRule, kb), s(ratios.peakRssKbPerRule, ratio), goal(ratios.peakRssKbPerRule, GOALS.memoryPerRuleRatio)],
    ['heap kept after synth per rule', s(c.library.heapKbPerRule, kb), s(other.heapKbPerRule, kb), s(ratios.heapKbPerRule, ratio), goal(ratios.heapKbPerRule, GOALS.memoryPerRuleRatio)],
  ];
  const heldRow = (label: string, held: HeldSlope): string[] =>
    [label, s(held.library, kb), s(held.l1, kb), s(held.ratio, ratio), goal(held.ratio, GOALS.memoryPerRuleRatio)];
  const peakRssBySize = (other: (p: Comparison['peakRssBySize'][number]) => number): string[] => [
    `peak RSS at ${c.peakRssBySize.map((p) => p.rules).join(' / ')} rules (median)`,
    c.peakRssBySize.map((p) => p.libraryMb.toFixed(0)).join(' / ') + ' MB', c.peakRssBySize.map((p) => other(p).toFixed(0)).join(' / ') + ' MB', '', '',
  ];
  console.log(`CDK validation plugin ${c.validation ? 'ON (the default)' : 'OFF (CDK_VALIDATION=false)'}, ${c.repetitions} repetitions`);
  console.log(table(['', 'library (min / median / max)', 'L1 (min / median / max)', 'library / L1 (min / median / max)', 'goal (median)'], [
    ...perRuleRows(c.l1, c.ratio),
    heldRow('peak RSS per rule, young generation held', c.peakRssPerRuleHeld),
    heldRow('peak heap per rule, young generation held', c.peakHeapPerRule),
    ['template bytes per rule', s(c.library.templateBytesPerRule, (v) => `${v.toFixed(0)} B`), s(c.l1.templateBytesPerRule, (v) => `${v.toFixed(0)} B`),
      s(c.ratio.templateBytesPerRule, ratio), ''],
    [`synth of ${c.largest.rules} rules`, s(c.largest.libraryMs, ms), s(c.largest.l1Ms, ms), s(c.largest.msRatio, ratio), ''],
    [`synth CPU time, ${c.largest.rules} rules`, s(c.largest.libraryCpuMs, ms), s(c.largest.l1CpuMs, ms), s(c.largest.cpuMsRatio, ratio), ''],
    [`peak RSS, ${c.largest.rules} rules`, s(c.largest.libraryPeakRssMb, mb), s(c.largest.l1PeakRssMb, mb), s(c.largest.peakRssRatio, ratio), ''],
    peakRssBySize((p) => p.l1Mb),
    ['handler fixed cost (1 rule minus none)', fixed(c.handlerFixed), '', '', ''],
    ['  of which loading aws-lambda, aws-iam, aws-logs', fixed(c.modulesFixed), '', '', ''],
    ['app with only the domain and fields', s(c.emptyMs, ms), '', '', ''],
  ]));
  console.log('Per rule at equal fixed cost: the library against the same L1 app plus one library rule, which brings the');
  console.log('library\'s handler, its modules and its role, so that both sides start from the same fixed cost.');
  console.log(table(['', 'library (min / median / max)', 'L1 + handler (min / median / max)', 'library / (L1 + handler)', 'goal (median)'], [
    ...perRuleRows(c.l1WithHandler, c.ratioAtEqualFixedCost),
    peakRssBySize((p) => p.l1WithHandlerMb),
  ]));
  console.log('Per rule in an ordinary L1 stack: the same L1 app plus one Lambda function written with the L1s (CfnFunction, CfnRole,');
  console.log('CfnPolicy, CfnLogGroup) and no code of this library, as most stacks hold some function.');
  console.log(table(['', 'library (min / median / max)', 'L1 + a function (min / median / max)', 'library / (L1 + a function)', 'goal (median)'], [
    ...perRuleRows(c.l1WithLambda, c.ratioToL1WithLambda),
    peakRssBySize((p) => p.l1WithLambdaMb),
  ]));
  console.log('* spread wider than the median: too noisy on this machine to conclude from that cell.');
  console.log('Peak RSS moves in steps: V8 doubles its young generation (up to 2 x 16 MB) once enough objects have survived');
  console.log('collections, so a stack that starts with more (the handler\'s modules and constructs) reaches a step at fewer');
  console.log('rules and its fitted slope jumps; the table at equal fixed cost separates that from what each rule costs.');
  console.log('"... young generation held" runs both apps again with V8\'s young generation at its 16 MB maximum from the');
  console.log('start (--min-semi-space-size=16), so that no step falls between the sizes: peak RSS, and the most JavaScript heap');
  console.log('in use at any collection, per rule. "heap kept after synth" (after a full GC, the construct tree still referenced)');
  console.log('is the memory each rule keeps for the rest of the process.');
  console.log();
}

async function coldStartSection(workDir: string, pairs: number): Promise<void> {
  const { FakeCases } = await import('../test/fake');
  const { ResponseCollector } = await import('../test/support/response-collector');
  const { EventBuilder } = await import('../test/support/events');
  const { RESOURCE_TYPES } = await import('../lib/private/contract');
  const fake = await FakeCases.start();
  const responses = await ResponseCollector.start();
  try {
    const domainId = fake.addDomain();
    const events = new EventBuilder(responses);
    const details = { required: { defaultValue: false, conditions: [] } };
    const inputs = (pair: number) => {
      const handlerEventFile = path.join(workDir, `handler-${pair}.json`);
      const minimalInputFile = path.join(workDir, `minimal-${pair}.json`);
      const event = events.create(RESOURCE_TYPES.caseRule, { DomainId: domainId, Name: `Cold start handler ${pair}`, Rule: details });
      fs.writeFileSync(handlerEventFile, JSON.stringify(event));
      fs.writeFileSync(minimalInputFile, JSON.stringify({ domainId, name: `Cold start minimal ${pair}`, rule: details }));
      return { handlerEventFile, minimalInputFile };
    };
    const env = {
      PATH: process.env.PATH,
      ...fake.clientEnvironment(),
      // The SDK warns about Node.js 20 on stderr; Lambda runs Node.js 24.
      NODE_NO_WARNINGS: '1',
    };
    printBundles(await compareBundles(workDir, pairs, env, inputs));
    const failed = fake.caseRules(domainId).length !== 2 * pairs;
    if (failed) console.log(`(expected ${2 * pairs} rules created in the fake, found ${fake.caseRules(domainId).length}: some cold start did not create its rule)`);
  } finally {
    await Promise.all([fake.close(), responses.close()]);
  }
}

function printBundles(b: BundleComparison): void {
  const s = formatSpread;
  console.log(`Handler bundle vs a minimal esbuild bundle (same options) of the Cases client and the ${b.sdkCommands.length} commands the handler imports`);
  console.log(`(${b.sdkCommands.join(', ')}). Cold start in a fresh process with Lambda's heap limits for 256 MB, ${b.pairs} alternating pairs,`);
  console.log('against the loopback Cases fake: init = require(); first event = the handler on a case rule\'s Create event (its calls and its');
  console.log('answer to CloudFormation), or the minimal bundle creating the client and sending one CreateCaseRule.');
  console.log(table(['', 'handler (min / median / max)', 'minimal (min / median / max)', 'handler / minimal'], [
    ['size', kb(b.handlerBytes / 1024), kb(b.minimalBytes / 1024), ratio(b.ratio.bytes.median)],
    ['init', s(b.handler.initMs, ms), s(b.minimal.initMs, ms), s(b.ratio.initMs, ratio)],
    ['first event', s(b.handler.firstCallMs, ms), s(b.minimal.firstCallMs, ms), ''],
    ['init + first event', '', '', s(b.ratio.totalMs, ratio)],
    ['peak RSS', s(b.handler.maxRssMb, mb), s(b.minimal.maxRssMb, mb), ''],
  ]));
}

function printCalls(calls: CallCount[]): void {
  console.log('Counted at the loopback fake (test/fake), the bundled handler driven in process (test/support/handler-harness).');
  console.log(table(['resource', 'event', 'calls', 'by operation'], calls.map((c) => [
    c.resource,
    c.request,
    c.total === undefined ? '-' : String(c.total),
    [
      Object.entries(c.byOperation ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([op, n]) => `${op} ${n}`).join(', '),
      c.notCounted ? `NOT COUNTED: ${c.notCounted}` : '',
    ].filter(Boolean).join('; '),
  ])));
}

/** Prints a section, or why it could not be measured, so that one broken part does not hide the rest. */
async function printSection(title: string, body: () => Promise<void>): Promise<void> {
  console.log(`${title}`);
  try {
    await body();
  } catch (error) {
    console.log(`NOT MEASURED: ${String(error instanceof Error ? error.message : error).split('\n').slice(0, 6).join('\n  ')}`);
    console.log('(this part uses test/fake and test/support, which may be mid-change; the synth figures above do not depend on them)');
  }
  console.log();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
