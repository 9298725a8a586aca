import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CdkEnvironment, environmentFor } from './cdk-environment';
import { Spread, fitLine, median, spread } from './stats';

/** The apps of bench/synth-app.js (see there). */
const VARIANTS = ['library', 'l1', 'l1-handler', 'l1-lambda', 'handler', 'l1-modules', 'empty'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The apps synthesized at every size, compared per rule with the library's. */
const COMPARED: readonly Variant[] = ['library', 'l1', 'l1-handler', 'l1-lambda'];

/** One app synthesized in its own process. */
export interface SynthSample {
  readonly variant: Variant;
  readonly rules: number;
  readonly validation: boolean;
  readonly repetition: number;
  /** Process lifetime, Node.js start-up included. */
  readonly ms: number;
  /** CPU time of the process (all threads). */
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly heapMb: number;
  /**
   * Most JavaScript heap in use at any collection (V8's `total_size_before`), measured only in the
   * runs with the young generation fixed (`youngGenerationFixed`); 0 otherwise.
   */
  readonly peakHeapMb: number;
  /** Run with V8's young generation at its maximum from the start (see YOUNG_GENERATION_FIXED). */
  readonly youngGenerationFixed: boolean;
  readonly templateBytes: number;
  /** Resources of the stack, by type. */
  readonly resourceTypes: Record<string, number>;
}

export interface SynthPlan {
  /** Numbers of rules (with a tenth as many templates). */
  readonly sizes: readonly number[];
  readonly repetitions: number;
  /** Runs with CDK's validation plugin on (`true`) and off (`CDK_VALIDATION=false`). */
  readonly validations: readonly boolean[];
}

const APP = path.join(__dirname, 'synth-app.js');
const MEASURE = path.join(__dirname, 'measure.js');

/**
 * V8 flags that hold the young generation at its default maximum (16 MB semi-spaces) from the
 * start, and print each collection's figures on stdout. V8 otherwise doubles the young generation
 * once enough bytes have survived collections, a one-time step of 15-25 MB in peak RSS whose place
 * (which number of rules) depends on everything the app loaded before: with it held, what is left
 * is what each rule adds to the peak.
 */
const YOUNG_GENERATION_FIXED = ['--min-semi-space-size=16', '--trace-gc-nvp'];

/** Synthesizes one app in a fresh process with the environment `cdk synth` gives it. */
export function runSynth(
  libDir: string, cdkEnv: CdkEnvironment, workDir: string, variant: Variant, rules: number, validation: boolean, repetition: number,
  youngGenerationFixed = false,
): SynthSample {
  const outdir = fs.mkdtempSync(path.join(workDir, 'cdk.out-'));
  const measureFile = path.join(outdir, 'measure.json');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...environmentFor(cdkEnv, outdir),
    BENCH_MEASURE_FILE: measureFile,
    ...(validation ? {} : { CDK_VALIDATION: 'false' }),
    ...(process.env.BENCH_RULES_PER_TEMPLATE ? { BENCH_RULES_PER_TEMPLATE: process.env.BENCH_RULES_PER_TEMPLATE } : {}),
  };
  let stdout: string;
  try {
    const flags = youngGenerationFixed ? YOUNG_GENERATION_FIXED : [];
    stdout = execFileSync(process.execPath, [...flags, '--expose-gc', '-r', MEASURE, APP, variant, String(rules), libDir],
      { env, cwd: workDir, stdio: 'pipe', maxBuffer: 64 << 20, encoding: 'utf8' });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n').slice(-15).join('\n');
    throw new Error(`synth of the ${variant} app with ${rules} rules failed:\n${stderr}`);
  }
  const measured = JSON.parse(fs.readFileSync(measureFile, 'utf8')) as { ms: number; cpuMs: number; peakRssMb: number; heapMb: number };
  const templateFile = path.join(outdir, 'Bench.template.json');
  const template = JSON.parse(fs.readFileSync(templateFile, 'utf8')) as { Resources: Record<string, { Type: string }> };
  const resourceTypes: Record<string, number> = {};
  for (const { Type } of Object.values(template.Resources)) resourceTypes[Type] = (resourceTypes[Type] ?? 0) + 1;
  const sample = {
    variant, rules, validation, repetition, ...measured, peakHeapMb: youngGenerationFixed ? peakHeapMb(stdout) : 0, youngGenerationFixed,
    templateBytes: fs.statSync(templateFile).size, resourceTypes,
  };
  fs.rmSync(outdir, { recursive: true, force: true });
  return sample;
}

/** The largest `total_size_before` of the collections V8 traced (`--trace-gc-nvp`), in MB. */
function peakHeapMb(trace: string): number {
  const sizes = [...trace.matchAll(/total_size_before=(\d+)/g)].map((match) => Number(match[1]));
  if (sizes.length === 0) throw new Error('no garbage collection was traced: cannot tell the peak heap');
  return Math.max(...sizes) / 2 ** 20;
}

/**
 * Runs the plan: in each repetition, for each validation setting and size, the library app, the
 * L1 app, the L1 app with the library's handler and the L1 app with a Lambda function back to back (in an order that rotates, so that
 * a drift in the machine's speed hits all alike), then the library and L1 apps with the young
 * generation held, then the handler-only, modules-only and empty apps. One untimed warm-up of each
 * variant first.
 */
export function measureSynth(
  plan: SynthPlan, libDir: string, cdkEnv: CdkEnvironment, workDir: string, progress: (line: string) => void,
): SynthSample[] {
  for (const variant of VARIANTS) runSynth(libDir, cdkEnv, workDir, variant, plan.sizes[0], false, -1);
  const samples: SynthSample[] = [];
  for (let repetition = 0; repetition < plan.repetitions; repetition++) {
    const started = Date.now();
    for (const validation of plan.validations) {
      plan.sizes.forEach((rules, i) => {
        const shift = (repetition + i) % COMPARED.length;
        for (const variant of [...COMPARED.slice(shift), ...COMPARED.slice(0, shift)]) samples.push(runSynth(libDir, cdkEnv, workDir, variant, rules, validation, repetition));
        const held: Variant[] = (repetition + i) % 2 === 0 ? ['library', 'l1'] : ['l1', 'library'];
        for (const variant of held) samples.push(runSynth(libDir, cdkEnv, workDir, variant, rules, validation, repetition, true));
      });
      const fixed: Variant[] = repetition % 2 === 0 ? ['handler', 'l1-modules', 'empty'] : ['empty', 'l1-modules', 'handler'];
      for (const variant of fixed) samples.push(runSynth(libDir, cdkEnv, workDir, variant, 1, validation, repetition));
    }
    progress(`  repetition ${repetition + 1}/${plan.repetitions} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return samples;
}

/** Per-rule costs of one variant in one repetition: slopes of the lines fitted over the sizes. */
export interface Slopes {
  readonly msPerRule: number;
  readonly cpuMsPerRule: number;
  readonly peakRssKbPerRule: number;
  readonly heapKbPerRule: number;
  readonly templateBytesPerRule: number;
}

export function slopes(samples: readonly SynthSample[]): Slopes {
  const fit = (value: (s: SynthSample) => number) => fitLine(samples.map((s) => [s.rules, value(s)] as const)).slope;
  return {
    msPerRule: fit((s) => s.ms),
    cpuMsPerRule: fit((s) => s.cpuMs),
    peakRssKbPerRule: fit((s) => s.peakRssMb * 1024),
    heapKbPerRule: fit((s) => s.heapMb * 1024),
    templateBytesPerRule: fit((s) => s.templateBytes),
  };
}

/** What one app adds to the empty app, each figure over the repetitions. */
export interface FixedCost {
  readonly ms: Spread;
  readonly cpuMs: Spread;
  readonly peakRssMb: Spread;
}

/** The library against the L1s for one validation setting, each figure over the repetitions. */
export interface Comparison {
  readonly validation: boolean;
  readonly repetitions: number;
  readonly library: Record<keyof Slopes, Spread>;
  readonly l1: Record<keyof Slopes, Spread>;
  /** The L1 app plus one library rule: the L1s carrying the library's fixed parts. */
  readonly l1WithHandler: Record<keyof Slopes, Spread>;
  /** The L1 app plus one Lambda function written with the L1s, no library code. */
  readonly l1WithLambda: Record<keyof Slopes, Spread>;
  /** library / L1, computed within each repetition (a pair), then spread over the repetitions. */
  readonly ratio: Record<keyof Slopes, Spread>;
  /** library / (L1 + handler): the per-rule cost at equal fixed cost. */
  readonly ratioAtEqualFixedCost: Record<keyof Slopes, Spread>;
  /** library / (L1 + a Lambda function). */
  readonly ratioToL1WithLambda: Record<keyof Slopes, Spread>;
  /** Peak JavaScript heap per rule with the young generation held (slopes in KB; ratio within each repetition). */
  readonly peakHeapPerRule: HeldSlope;
  /** Peak RSS per rule with the young generation held: the process's memory, without V8's one-time step. */
  readonly peakRssPerRuleHeld: HeldSlope;
  /** At the largest size. */
  readonly largest: {
    readonly rules: number;
    readonly libraryMs: Spread;
    readonly l1Ms: Spread;
    readonly msRatio: Spread;
    readonly libraryCpuMs: Spread;
    readonly l1CpuMs: Spread;
    readonly cpuMsRatio: Spread;
    readonly libraryPeakRssMb: Spread;
    readonly l1PeakRssMb: Spread;
    readonly peakRssRatio: Spread;
  };
  /** Median peak RSS at each size, which shows where V8 grows its heap in steps. */
  readonly peakRssBySize: ReadonlyArray<{
    readonly rules: number; readonly libraryMb: number; readonly l1Mb: number; readonly l1WithHandlerMb: number; readonly l1WithLambdaMb: number;
  }>;
  /** What the handler adds to a synth: handler-only app minus empty app, per repetition. */
  readonly handlerFixed: FixedCost;
  /** The part of it that is loading the modules of the handler's L1 classes: modules-only app minus empty app. */
  readonly modulesFixed: FixedCost;
  readonly emptyMs: Spread;
}

/** A per-rule slope of the runs with the young generation held: library, L1 and library / L1 (KB per rule). */
export interface HeldSlope {
  readonly library: Spread;
  readonly l1: Spread;
  readonly ratio: Spread;
}

export function compare(samples: readonly SynthSample[], validation: boolean): Comparison {
  const measured = samples.filter((s) => s.validation === validation && s.repetition >= 0);
  const mine = measured.filter((s) => !s.youngGenerationFixed);
  const held = measured.filter((s) => s.youngGenerationFixed);
  const repetitions = [...new Set(mine.map((s) => s.repetition))].sort((a, b) => a - b);
  const of = (variant: Variant, repetition: number) => mine.filter((s) => s.variant === variant && s.repetition === repetition);
  // Library and L1 slopes of one measure of the held runs, in KB per rule, and their ratio within each repetition.
  const heldSlope = (megabytes: (s: SynthSample) => number): HeldSlope => {
    const slope = (variant: Variant, repetition: number) => fitLine(held
      .filter((s) => s.variant === variant && s.repetition === repetition)
      .map((s) => [s.rules, megabytes(s) * 1024] as const)).slope;
    const pairs = repetitions.map((r) => ({ library: slope('library', r), l1: slope('l1', r) }));
    return {
      library: spread(pairs.map((p) => p.library)),
      l1: spread(pairs.map((p) => p.l1)),
      ratio: spread(pairs.map((p) => p.library / p.l1)),
    };
  };
  const perRep = repetitions.map((r) => ({
    library: slopes(of('library', r)), l1: slopes(of('l1', r)), l1WithHandler: slopes(of('l1-handler', r)), l1WithLambda: slopes(of('l1-lambda', r)),
  }));
  const keys = Object.keys(perRep[0].library) as Array<keyof Slopes>;
  const collect = (pick: (p: (typeof perRep)[number]) => Slopes) =>
    Object.fromEntries(keys.map((k) => [k, spread(perRep.map((p) => pick(p)[k]))])) as Record<keyof Slopes, Spread>;
  // library / other, within each repetition (a pair), then spread over the repetitions.
  const ratioTo = (other: (p: (typeof perRep)[number]) => Slopes) =>
    Object.fromEntries(keys.map((k) => [k, spread(perRep.map((p) => p.library[k] / other(p)[k]))])) as Record<keyof Slopes, Spread>;
  const largestRules = Math.max(...mine.map((s) => s.rules));
  const at = (variant: Variant, r: number) => of(variant, r).find((s) => s.rules === largestRules)!;
  const one = (variant: Variant, r: number) => of(variant, r)[0];
  const medianPeakRss = (variant: Variant, rules: number) => median(mine.filter((s) => s.variant === variant && s.rules === rules).map((s) => s.peakRssMb));
  const fixedCost = (variant: Variant): FixedCost => {
    const minusEmpty = (value: (s: SynthSample) => number) => spread(repetitions.map((r) => value(one(variant, r)) - value(one('empty', r))));
    return { ms: minusEmpty((s) => s.ms), cpuMs: minusEmpty((s) => s.cpuMs), peakRssMb: minusEmpty((s) => s.peakRssMb) };
  };
  return {
    validation,
    repetitions: repetitions.length,
    library: collect((p) => p.library),
    l1: collect((p) => p.l1),
    l1WithHandler: collect((p) => p.l1WithHandler),
    l1WithLambda: collect((p) => p.l1WithLambda),
    ratio: ratioTo((p) => p.l1),
    ratioAtEqualFixedCost: ratioTo((p) => p.l1WithHandler),
    ratioToL1WithLambda: ratioTo((p) => p.l1WithLambda),
    peakHeapPerRule: heldSlope((s) => s.peakHeapMb),
    peakRssPerRuleHeld: heldSlope((s) => s.peakRssMb),
    largest: {
      rules: largestRules,
      libraryMs: spread(repetitions.map((r) => at('library', r).ms)),
      l1Ms: spread(repetitions.map((r) => at('l1', r).ms)),
      msRatio: spread(repetitions.map((r) => at('library', r).ms / at('l1', r).ms)),
      libraryCpuMs: spread(repetitions.map((r) => at('library', r).cpuMs)),
      l1CpuMs: spread(repetitions.map((r) => at('l1', r).cpuMs)),
      cpuMsRatio: spread(repetitions.map((r) => at('library', r).cpuMs / at('l1', r).cpuMs)),
      libraryPeakRssMb: spread(repetitions.map((r) => at('library', r).peakRssMb)),
      l1PeakRssMb: spread(repetitions.map((r) => at('l1', r).peakRssMb)),
      peakRssRatio: spread(repetitions.map((r) => at('library', r).peakRssMb / at('l1', r).peakRssMb)),
    },
    peakRssBySize: [...new Set(mine.filter((s) => s.variant === 'l1').map((s) => s.rules))].sort((a, b) => a - b).map((rules) => ({
      rules,
      libraryMb: medianPeakRss('library', rules),
      l1Mb: medianPeakRss('l1', rules),
      l1WithHandlerMb: medianPeakRss('l1-handler', rules),
      l1WithLambdaMb: medianPeakRss('l1-lambda', rules),
    })),
    handlerFixed: fixedCost('handler'),
    modulesFixed: fixedCost('l1-modules'),
    emptyMs: spread(repetitions.map((r) => one('empty', r).ms)),
  };
}
