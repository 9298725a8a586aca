import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { ConnectCasesClient, CreateCaseRuleCommand } from '@aws-sdk/client-connectcases';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { buildExampleStack } from '../../bin/example';
import type { BooleanConditionShape, CaseRuleProperties, TemplateProperties } from '../../lib/private/contract';
import { FakeCases } from '../fake';
import { EventBuilder } from '../support/events';
import { ResponseCollector } from '../support/response-collector';

/**
 * Sizes the handler's memory and timeout from measurements: each event runs through the shipped
 * bundle in its own cold Node.js process (as a new Lambda environment would) against the Cases
 * fake, for the largest rules and template a stack can hold. Set PRINT_FOOTPRINT=1 to see the numbers.
 */

const BUNDLE = path.resolve(__dirname, '..', '..', 'assets', 'handler', 'index.js');
const INVOKE_ONCE = path.join(__dirname, 'footprint', 'invoke-once.js');
const CASE_RULE = 'Custom::ConnectCasesCaseRule';
const TEMPLATE = 'Custom::ConnectCasesTemplate';

interface Measurement {
  readonly initMs: number;
  readonly durationMs: number;
  readonly maxRssMb: number;
}

let fake: FakeCases;
let responses: ResponseCollector;
let events: EventBuilder;
let workDir: string;
const measured: Array<{ name: string } & Measurement> = [];

interface FunctionSettings {
  readonly memoryMb: number;
  readonly timeoutMs: number;
}

/** The function's settings as synthesized (MemorySize in MB, Timeout in seconds). */
function configuredFunction(): FunctionSettings {
  const template = Assertions.fromStack(buildExampleStack(new App())).findResources('AWS::Lambda::Function');
  const [fn] = Object.values(template);
  return { memoryMb: fn.Properties.MemorySize, timeoutMs: fn.Properties.Timeout * 1000 };
}

beforeAll(async () => {
  fake = await FakeCases.start();
  responses = await ResponseCollector.start();
  events = new EventBuilder(responses);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footprint-'));
});

afterAll(async () => {
  if (process.env.PRINT_FOOTPRINT) console.log(JSON.stringify(measured, null, 1));
  await Promise.all([fake.close(), responses.close()]);
});

/**
 * The heap limits Lambda's Node.js bootstrap derives from the function's memory: a tenth for the
 * young generation (half of it per semi-space), the rest for the old generation.
 */
function lambdaHeapFlags(memoryMb: number): string[] {
  const newSpaceMb = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpaceMb / 2)}`, `--max-old-space-size=${memoryMb - newSpaceMb}`];
}

/** Runs `event` in a cold process and returns its measurement and the response CloudFormation got. */
async function invokeCold(name: string, event: CloudFormationCustomResourceEvent, { memoryMb, timeoutMs }: FunctionSettings) {
  const eventFile = path.join(workDir, `${event.RequestId}.json`);
  fs.writeFileSync(eventFile, JSON.stringify(event));
  const env = {
    PATH: process.env.PATH,
    ...fake.clientEnvironment(),
  };
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [...lambdaHeapFlags(memoryMb), INVOKE_ONCE, BUNDLE, eventFile, String(timeoutMs)], { env, maxBuffer: 1 << 20 }, (error, out, err) =>
      (error ? reject(new Error(`${name}: ${error.message}\n${err}`)) : resolve(out)));
  });
  const measurement = JSON.parse(stdout.trim()) as Measurement;
  measured.push({ name, ...measurement });
  const [response] = responses.responsesFor(event.RequestId);
  expect({ name, status: response?.body.Status, reason: response?.body.Reason }).toEqual({ name, status: 'SUCCESS', reason: undefined });
  return { measurement, physicalId: response.body.PhysicalResourceId };
}

/** A string of `length` characters, distinct per `seed`. */
function text(seed: string, length: number): string {
  return `${seed}-`.padEnd(length, 'x');
}

/** The largest required rule the API accepts: 100 conditions on 1500-character strings. */
function largestConditionalRule(domainId: string, fieldId: string, variant: string): CaseRuleProperties {
  const conditions: BooleanConditionShape[] = Array.from({ length: 100 }, (_, i) => {
    const operands = { operandOne: { fieldId }, operandTwo: { stringValue: text(`${variant}${i}`, 1500) }, result: i % 3 === 0 };
    return i % 2 === 0 ? { equalTo: operands } : { notEqualTo: operands };
  });
  return {
    DomainId: domainId,
    Name: text(`largest-required-${variant}`, 100),
    Description: text(variant, 255),
    Rule: { required: { defaultValue: false, conditions } },
    Tags: Array.from({ length: 40 }, (_, i) => ({ Key: `key-${i}`, Value: text(variant, 256) })),
  };
}

/**
 * A field-options rule as large as a stack can carry: CloudFormation accepts templates up to 1 MB,
 * so 200 mappings of 45 options of 100 characters (about 0.95 MB) is near the most that reaches the
 * handler. (The API alone would take 200 x 1500 options, 30 MB, which no template can hold.)
 */
function largestDeployableOptionsRule(domainId: string, parent: string, child: string, variant: string): CaseRuleProperties {
  return {
    DomainId: domainId,
    Name: `largest-options-${variant}`,
    Rule: {
      fieldOptions: {
        parentFieldId: parent,
        childFieldId: child,
        parentChildFieldOptionsMappings: Array.from({ length: 200 }, (_, m) => ({
          parentFieldOptionValue: text(`parent${m}`, 100),
          childFieldOptionValues: Array.from({ length: 45 }, (_, c) => text(`${variant}${m}.${c}`, 100)),
        })),
      },
    },
  };
}

describe('the handler fits its memory and timeout with room to spare', () => {
  const settings = configuredFunction();
  const { memoryMb, timeoutMs } = settings;
  /** Peak RSS may use at most half the memory: the rest absorbs SDK growth and larger responses. */
  const memoryBudgetMb = memoryMb / 2;
  /** Against the loopback fake an invocation may use at most 5% of the timeout; real API latency and retries get the rest. */
  const durationBudgetMs = timeoutMs / 20;

  test('the settings measured here are 256 MB and 2 minutes', () => {
    expect({ memoryMb, timeoutMs }).toEqual({ memoryMb: 256, timeoutMs: 120_000 });
  });

  test.each([
    ['largest required rule', 'conditional'],
    ['largest deployable field-options rule', 'options'],
  ])('%s: create, update, delete', async (_name, kind) => {
    const domainId = fake.addDomain();
    const parent = fake.addField(domainId);
    const child = fake.addField(domainId);
    const properties = (variant: string) => (kind === 'conditional'
      ? largestConditionalRule(domainId, parent, variant)
      : largestDeployableOptionsRule(domainId, parent, child, variant));

    const v1 = properties('a');
    const created = await invokeCold(`${kind} create`, events.create(CASE_RULE, v1), settings);
    const updated = await invokeCold(`${kind} update`, events.update(CASE_RULE, created.physicalId, properties('b'), v1), settings);
    const deleted = await invokeCold(`${kind} delete`, events.delete(CASE_RULE, created.physicalId, properties('b')), settings);

    for (const { measurement } of [created, updated, deleted]) {
      expect(measurement.maxRssMb).toBeLessThan(memoryBudgetMb);
      expect(measurement.initMs + measurement.durationMs).toBeLessThan(durationBudgetMs);
    }
  });

  test('largest template (50 rules, 100 required fields, every attribute): create, update, delete', async () => {
    const domainId = fake.addDomain();
    const layoutId = fake.addLayout(domainId);
    const fields = Array.from({ length: 100 }, () => fake.addField(domainId));
    const client = new ConnectCasesClient({
      endpoint: fake.endpoint, region: fake.region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const ruleIds: string[] = [];
    for (let i = 0; i < 50; i++) {
      const rule = { required: { defaultValue: true, conditions: [] } };
      ruleIds.push((await client.send(new CreateCaseRuleCommand({ domainId, name: `rule-${i}`, rule }))).caseRuleId!);
    }
    const properties = (variant: string): TemplateProperties => ({
      DomainId: domainId,
      Name: text(`largest-template-${variant}`, 100),
      Description: text(variant, 255),
      Status: variant === 'a' ? 'Active' : 'Inactive',
      LayoutConfiguration: { defaultLayout: layoutId },
      RequiredFields: fields.map((fieldId) => ({ fieldId })),
      Rules: ruleIds.map((caseRuleId, i) => ({ caseRuleId, fieldId: fields[i] })),
      TagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, text(variant, 256)])) }],
      Tags: Array.from({ length: 40 }, (_, i) => ({ Key: `key-${i}`, Value: text(variant, 256) })),
    });

    const v1 = properties('a');
    const created = await invokeCold('template create', events.create(TEMPLATE, v1), settings);
    const updated = await invokeCold('template update', events.update(TEMPLATE, created.physicalId, properties('b'), v1), settings);
    const deleted = await invokeCold('template delete', events.delete(TEMPLATE, created.physicalId, properties('b')), settings);

    for (const { measurement } of [created, updated, deleted]) {
      expect(measurement.maxRssMb).toBeLessThan(memoryBudgetMb);
      expect(measurement.initMs + measurement.durationMs).toBeLessThan(durationBudgetMs);
    }
  });
});
