import path from 'node:path';
import {
  BatchPutFieldOptionsCommand, DeleteTemplateCommand, UpdateCaseRuleCommand,
} from '@aws-sdk/client-connectcases';
import { App, Aws, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { CaseRule, CaseRuleDefinition, Template } from '../../lib';
import { RESOURCE_TYPES } from '../../lib/private/contract';
import { FakeCases } from '../fake';
import { bundleCli, runCli, temporaryDirectory } from './support/cli-runner';
import { synthesizeGenerated } from './support/generated-code';
import { apiClient, HandBuiltDomain, seedHandBuiltDomain } from './support/hand-built-domain';

/**
 * `cdk-connect-cases drift`, run as shipped, on stacks synthesized from an exported domain and
 * on hand-written ones, against the fake. Each test gets its own domain and cloud assembly.
 */
let fake: FakeCases;
let work: ReturnType<typeof temporaryDirectory>;

beforeAll(async () => {
  bundleCli();
  fake = await FakeCases.start();
  work = temporaryDirectory('drift');
});

afterAll(async () => {
  await fake.close();
  work.remove();
});

interface Exported {
  readonly domain: HandBuiltDomain;
  /** The cloud assembly directory of stack `Support`, holding the generated construct. */
  readonly app: string;
  readonly template: any;
}

let assemblies = 0;

/** A hand-built domain, exported, and the generated construct synthesized into its own cloud assembly. */
async function exportedDomain(): Promise<Exported> {
  const domain = await seedHandBuiltDomain(fake);
  const run = await runCli(fake, ['export', '--domain-id', domain.domainId, '--class-name', 'SupportDomain']);
  if (run.code !== 0) throw new Error(`export failed: ${run.stderr}`);
  const app = path.join(work.dir, `assembly-${++assemblies}`);
  const template = synthesizeGenerated(run.stdout, 'SupportDomain', domain.domainId, { outdir: app });
  return { domain, app, template };
}

function logicalIdOf(template: any, type: string, name: string): string {
  const [logicalId] = Object.entries(template.Resources as Record<string, any>)
    .find(([, r]) => r.Type === type && (r.Properties.Name === name || r.Properties.FieldId === name)) ?? [];
  if (logicalId === undefined) throw new Error(`no ${type} ${name} in the template`);
  return logicalId;
}

test('right after export and synth: no drift, every rule, template and field options resource in sync (exit 0)', async () => {
  const { app } = await exportedDomain();

  const text = await runCli(fake, ['drift', '--app', app]);
  expect(text.stderr).toBe('');
  expect(text.code).toBe(0);
  expect(text.stdout.trim()).toBe('No drift: 42 resources in Support: 42 in sync, 0 drifted, 0 missing, 0 cannot be checked.');

  const json = await runCli(fake, ['drift', '--app', app, '--json']);
  expect(json.code).toBe(0);
  const report = JSON.parse(json.stdout);
  expect(report.drift).toBe(false);
  expect(report.summary).toEqual({ 'checked': 42, 'in-sync': 42, 'drifted': 0, 'missing': 0, 'cannot-check': 0 });
  // Templates refer to rules by Fn::GetAtt: resolved to the rules' live ids, so nothing is left unchecked.
  expect(report.resources.flatMap((r: any) => r.unchecked)).toEqual([]);
  expect(report.resources.map((r: any) => r.kind).sort()).toEqual([
    ...Array(34).fill('CaseRule'), ...Array(3).fill('FieldOptions'), ...Array(5).fill('Template'),
  ]);
});

test('a rule changed out of band: drift reports exactly that field with both values (exit 1)', async () => {
  // GIVEN the stack as exported, then a condition changed in the admin website
  const { domain, app, template } = await exportedDomain();
  const client = apiClient(fake);
  await client.send(new UpdateCaseRuleCommand({
    domainId: domain.domainId,
    caseRuleId: domain.rules['Close reason required'],
    rule: { required: { defaultValue: false, conditions: [{ equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'resolved' }, result: true } }] } },
  }));
  client.destroy();
  const logicalId = logicalIdOf(template, RESOURCE_TYPES.caseRule, 'Close reason required');

  // WHEN
  const text = await runCli(fake, ['drift', '--app', app, '--stack', 'Support']);
  const json = await runCli(fake, ['drift', '--app', app, '--json']);

  // THEN
  expect(text.code).toBe(1);
  expect(text.stdout.trim().split('\n')).toEqual([
    `CaseRule ${logicalId} 'Close reason required': rule.required.conditions[0].equalTo.operandTwo.stringValue: template "closed", live "resolved"`,
    'Drift: 42 resources in Support: 41 in sync, 1 drifted, 0 missing, 0 cannot be checked.',
  ]);
  expect(json.code).toBe(1);
  const drifted = JSON.parse(json.stdout).resources.filter((r: any) => r.status !== 'in-sync');
  expect(drifted).toEqual([expect.objectContaining({
    stack: 'Support',
    logicalId,
    kind: 'CaseRule',
    type: RESOURCE_TYPES.caseRule,
    status: 'drifted',
    domainId: domain.domainId,
    name: 'Close reason required',
    liveId: domain.rules['Close reason required'],
    differences: [{ path: 'rule.required.conditions[0].equalTo.operandTwo.stringValue', template: 'closed', live: 'resolved' }],
  })]);
});

test('options retired or renamed out of band and a template deleted: each reported (exit 1)', async () => {
  const { domain, app, template } = await exportedDomain();
  const client = apiClient(fake);
  await client.send(new BatchPutFieldOptionsCommand({
    domainId: domain.domainId,
    fieldId: domain.fields.subcategory,
    options: [{ name: 'Refund', value: 'refund', active: false }, { name: 'Defect', value: 'bug', active: true }],
  }));
  await client.send(new DeleteTemplateCommand({ domainId: domain.domainId, templateId: domain.templates['Legacy intake'] }));
  client.destroy();

  const run = await runCli(fake, ['drift', '--app', app]);

  const options = logicalIdOf(template, RESOURCE_TYPES.fieldOptions, domain.fields.subcategory);
  const legacy = logicalIdOf(template, RESOURCE_TYPES.template, 'Legacy intake');
  expect(run.code).toBe(1);
  expect(run.stdout.trim().split('\n').sort()).toEqual([
    `FieldOptions ${options} (field ${domain.fields.subcategory}): options[value="bug"].name: template "Bug", live "Defect"`,
    `FieldOptions ${options} (field ${domain.fields.subcategory}): options[value="refund"].active: template true, live false`,
    `Template ${legacy} 'Legacy intake': missing: no template named 'Legacy intake' in domain ${domain.domainId}`,
    'Drift: 42 resources in Support: 40 in sync, 1 drifted, 1 missing, 0 cannot be checked.',
  ].sort());
});

describe('tokens in the template', () => {
  let app: string;
  let domainId: string;

  beforeAll(() => {
    // GIVEN a hand-written stack whose domain is a parameter and one rule's name a token
    domainId = fake.addDomain();
    app = path.join(work.dir, 'tokens');
    const cdkApp = new App({ outdir: app });
    const stack = new Stack(cdkApp, 'Tokens');
    const domain = new CfnParameter(stack, 'DomainId').valueAsString;
    const rule = new CaseRule(stack, 'Always', { domainId: domain, caseRuleName: 'Always required', rule: CaseRuleDefinition.required({ defaultValue: true }) });
    new CaseRule(stack, 'Named', { domainId: domain, caseRuleName: Fn.join('-', [Aws.STACK_NAME, 'named']), rule: CaseRuleDefinition.hidden({ defaultValue: true }) });
    new Template(stack, 'Intake', { domainId: domain, templateName: 'Intake', rules: [{ caseRule: rule, fieldId: 'title' }] });
    cdkApp.synth();
  });

  test('a DomainId that is a token needs --domain-id: without it nothing can be checked (exit 0)', async () => {
    const run = await runCli(fake, ['drift', '--app', app]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cannot check: DomainId is a token ({"Ref":"DomainId"}): pass --domain-id');
    expect(run.stdout).toContain('No drift: 3 resources in Tokens: 0 in sync, 0 drifted, 0 missing, 3 cannot be checked.');
  });

  test('with --domain-id: records found by name are compared; a name that is a token cannot be', async () => {
    // The domain has neither the rule nor the template yet.
    const run = await runCli(fake, ['drift', '--app', app, '--domain-id', domainId]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^CaseRule Always\\w+ 'Always required': missing: no case rule named 'Always required' in domain ${domainId}$`)));
    expect(lines).toContainEqual(expect.stringMatching(/^CaseRule Named\w+: cannot check: Name is a token \(\{"Fn::Join":.*\), known only at deployment$/));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Template Intake\\w+ 'Intake': missing: no template named 'Intake' in domain ${domainId}$`)));
  });
});

describe('errors (exit 2)', () => {
  test('no cloud assembly', async () => {
    const run = await runCli(fake, ['drift', '--app', path.join(work.dir, 'nowhere')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no cloud assembly in');
    expect(run.stderr).toContain('run `cdk synth` first');
  });

  test('an unknown stack names the stacks there are', async () => {
    const { app } = await exportedDomain();
    const run = await runCli(fake, ['drift', '--app', app, '--stack', 'Nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no stack 'Nope' in");
    expect(run.stderr).toContain('(stacks: Support)');
  });

  test('a domain that does not exist', async () => {
    const { app, domain } = await exportedDomain();
    fake.deleteDomain(domain.domainId);
    const run = await runCli(fake, ['drift', '--app', app]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`domain ${domain.domainId} not found in region us-east-1`);
  });

  test('an unknown option', async () => {
    const run = await runCli(fake, ['drift', '--apps', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('drift: unknown option --apps (accepted: --app, --stack, --domain-id, --region, --json)');
  });
});
