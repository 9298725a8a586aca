import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OWNER_TAG_KEY, RESOURCE_TYPES } from '../../lib/private/contract';
import { FakeCases } from '../fake';
import { bundleCli, runCli, temporaryDirectory } from './support/cli-runner';
import { synthesizeGenerated, typeCheck } from './support/generated-code';
import { HandBuiltDomain, seedHandBuiltDomain } from './support/hand-built-domain';

/**
 * `cdk-connect-cases export`, run as shipped (the bundled CLI, the real SDK client) against the
 * loopback Cases fake holding a domain built through the API by hand.
 */
let fake: FakeCases;
let domain: HandBuiltDomain;
let work: ReturnType<typeof temporaryDirectory>;
let source: string;

beforeAll(async () => {
  bundleCli();
  fake = await FakeCases.start();
  domain = await seedHandBuiltDomain(fake);
  work = temporaryDirectory('export');
  const run = await runCli(fake, ['export', '--domain-id', domain.domainId, '--out', path.join(work.dir, 'support-domain.ts'), '--class-name', 'SupportDomain']);
  if (run.code !== 0) throw new Error(`export failed (${run.code}): ${run.stderr}`);
  source = readFileSync(path.join(work.dir, 'support-domain.ts'), 'utf8');
});

afterAll(async () => {
  await fake.close();
  work.remove();
});

/** The generated class synthesized into a stack, once (synthesis loads aws-cdk-lib: slow). */
let synthesized: any;
const generatedStack = (): any => (synthesized ??= synthesizeGenerated(source, 'SupportDomain', domain.domainId));

const resourcesOf = (template: any, type: string): any[] =>
  Object.values(template.Resources).filter((resource: any) => resource.Type === type).map((resource: any) => resource.Properties);

test('the generated file compiles with strict TypeScript (unused locals and parameters refused) against the library', () => {
  expect(typeCheck(source)).toEqual({ code: 0, output: '' });
});

test('the generated construct declares every rule exactly as it is live, each adopting its record with RETAIN', () => {
  // WHEN the generated class is synthesized into a stack
  const template = generatedStack();

  // THEN each case rule resource carries the live rule in the API's shape, its name, description and id to adopt
  const declared = resourcesOf(template, RESOURCE_TYPES.caseRule)
    .map((p) => ({ name: p.Name, description: p.Description, rule: p.Rule, adoptId: p.AdoptId, domainId: p.DomainId }))
    .sort(byName);
  const live = fake.caseRules(domain.domainId)
    .map((r) => ({ name: r.name, description: r.description, rule: r.rule, adoptId: r.caseRuleId, domainId: domain.domainId }))
    .sort(byName);
  expect(live).toHaveLength(34);
  expect(declared).toStrictEqual(live);
  const retained = Object.values(template.Resources as Record<string, any>).filter((r) => r.Type.startsWith('Custom::ConnectCases'));
  expect(retained.map((r) => r.DeletionPolicy)).toStrictEqual(retained.map(() => 'Retain'));
});

test('the generated construct declares every template as it is live, rules referring to the generated rules', () => {
  const template = generatedStack();
  const adoptIdByLogicalId = Object.fromEntries(Object.entries(template.Resources as Record<string, any>)
    .filter(([, r]) => r.Type === RESOURCE_TYPES.caseRule)
    .map(([logicalId, r]) => [logicalId, r.Properties.AdoptId]));

  const declared = resourcesOf(template, RESOURCE_TYPES.template).map((p) => ({
    name: p.Name,
    description: p.Description,
    status: p.Status,
    layoutConfiguration: p.LayoutConfiguration,
    requiredFields: p.RequiredFields ?? [],
    // A template refers to its rules by Fn::GetAtt; the rule resource names the live id it adopts.
    rules: (p.Rules ?? []).map((rule: any) => ({ ...rule, caseRuleId: adoptIdByLogicalId[rule.caseRuleId['Fn::GetAtt'][0]] })),
    tagPropagationConfigurations: p.TagPropagationConfigurations,
    adoptId: p.AdoptId,
  })).sort(byName);
  const live = fake.templates(domain.domainId).map((t) => ({
    name: t.name,
    description: t.description,
    status: t.status,
    layoutConfiguration: t.layoutConfiguration,
    requiredFields: t.requiredFields,
    rules: t.rules,
    tagPropagationConfigurations: t.tagPropagationConfigurations,
    adoptId: t.templateId,
  })).sort(byName);
  expect(live).toHaveLength(5);
  expect(declared).toStrictEqual(live);
});

test('the generated construct declares the options of the three single-select fields that have any, retired ones inactive', () => {
  const template = generatedStack();
  const declared = resourcesOf(template, RESOURCE_TYPES.fieldOptions).map((p) => [p.FieldId, p.Options]).sort();
  const live = [domain.fields.category, domain.fields.priority, domain.fields.subcategory]
    .map((fieldId) => [fieldId, fake.fieldOptions(domain.domainId, fieldId)]).sort();
  expect(declared).toStrictEqual(live);
  // The system field `status` has options too, but they are not the domain's to declare.
  expect(declared.map(([fieldId]) => fieldId)).not.toContain('status');
});

test('reads like hand-written code: id constants with names, SystemFieldId, variables named after the rules', () => {
  const { fields, layouts, rules, templates } = domain;
  expect(source).toContain(`export const FIELD_CATEGORY = '${fields.category}'; // "Category" (SingleSelect)`);
  expect(source).toContain(`export const FIELD_REFUND_AMOUNT = '${fields.refundAmount}'; // "Refund amount" (Number)`);
  expect(source).toContain(`export const LAYOUT_MAIN_LAYOUT = '${layouts.main}'; // "Main layout"`);
  expect(source).toContain([
    '          CaseRuleCondition.equalTo({',
    '            fieldId: SystemFieldId.STATUS,',
    "            value: CaseRuleValue.fromString('closed'),",
    '            result: true,',
    '          }),',
  ].join('\n'));
  expect(source).not.toMatch(/fieldId: 'status'/);

  // Two names that make the same identifier get distinct variables and construct ids.
  expect(source).toContain("const closeReasonRequired = new CaseRule(this, 'CloseReasonRequired', {");
  expect(source).toContain("const closeReasonRequired2 = new CaseRule(this, 'CloseReasonRequired2', {");
  // A reserved word, a leading digit and non-ASCII letters still make valid identifiers.
  expect(source).toContain("const deleteRule = new CaseRule(this, 'Delete', {");
  expect(source).toContain("const rule2faCheck = new CaseRule(this, 'CaseRule2FACheck', {");
  expect(source).toContain("const überprüfungNötig = new CaseRule(this, 'ÜberprüfungNötig', {");
  expect(source).toContain(`adoptCaseRuleId: '${rules['Close reason required']}',`);
  expect(source).toContain(`adoptTemplateId: '${templates.Escalation}',`);
  expect(source).toContain('{ caseRule: closeReasonRequired, fieldId: FIELD_CLOSE_REASON },');

  // Nested compounds: the compound carries the result, nested comparisons do not.
  expect(source).toContain([
    '          CaseRuleCondition.anyOf({',
    '            conditions: [',
    "              CaseRuleCondition.equalTo({ fieldId: FIELD_PRIORITY, value: CaseRuleValue.fromString('urgent') }),",
    '              CaseRuleCondition.allOf({',
    '                conditions: [',
    "                  CaseRuleCondition.equalTo({ fieldId: FIELD_PRIORITY, value: CaseRuleValue.fromString('high') }),",
    '                  CaseRuleCondition.equalTo({ fieldId: FIELD_VIP_CUSTOMER, value: CaseRuleValue.fromBoolean(true) }),',
    '                ],',
    '              }),',
    '            ],',
    '            result: true,',
    '          }),',
  ].join('\n'));
  expect(source).toContain("{ name: 'Legacy', value: 'legacy', active: false }");
  expect(source).toContain('export class SupportDomain extends Construct {');
  expect(source).toContain('const domainId = props.domainId;');
  expect(source).toMatch(/^\/\/ Generated from a live Amazon Connect Cases domain by `cdk-connect-cases export`:\n/);
  expect(source).toContain(`//   npx cdk-connect-cases export --domain-id ${domain.domainId} --region us-east-1\n`);
  expect(source).toContain('RemovalPolicy.DESTROY');
  expect(source.split('\n').filter((line) => line.length > 120)).toEqual([]);
});

test('the same domain exports byte-identical files; stdout is the file when --out is absent', async () => {
  const again = await runCli(fake, ['export', '--domain-id', domain.domainId, '--class-name', 'SupportDomain']);
  expect(again.code).toBe(0);
  expect(again.stdout).toBe(source);
});

test('progress goes to stderr, counting batches of case rules and templates', async () => {
  const run = await runCli(fake, ['export', '--domain-id', domain.domainId, '--out', path.join(work.dir, 'progress.ts')]);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`Reading domain ${domain.domainId} in us-east-1`);
  expect(run.stderr).toContain('25/34 case rules');
  expect(run.stderr).toContain('34/34 case rules');
  expect(run.stderr).toContain('5/5 templates');
  expect(run.stderr).toContain('options of 3 single-select fields');
});

test('tags people put on rules and templates are declared, so adoption keeps them; the owner tag is not', async () => {
  // GIVEN tags on a rule and a template, and an owner tag as a deployed stack leaves it
  const ruleArn = fake.caseRules(domain.domainId).find((r) => r.name === 'Subcategories')!.caseRuleArn;
  const templateArn = fake.templates(domain.domainId).find((t) => t.name === 'Billing')!.templateArn;
  fake.tag(ruleArn, { owner: 'billing team', [OWNER_TAG_KEY]: 'abc' });
  fake.tag(templateArn, { env: 'prod' });

  // WHEN
  const run = await runCli(fake, ['export', '--domain-id', domain.domainId]);

  // THEN
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("Tags.of(subcategories).add('owner', 'billing team');");
  expect(run.stdout).toContain("const billingTemplate = new Template(this, 'Billing', {");
  expect(run.stdout).toContain("Tags.of(billingTemplate).add('env', 'prod');");
  expect(run.stdout).not.toContain(OWNER_TAG_KEY);
  expect(typeCheck(run.stdout)).toEqual({ code: 0, output: '' });
});

describe('errors', () => {
  test('an unknown domain: exit 1, "domain X not found in region R", no file', async () => {
    const out = path.join(work.dir, 'nothing.ts');
    const run = await runCli(fake, ['export', '--domain-id', 'no-such-domain', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('domain no-such-domain not found in region us-east-1');
    expect(existsSync(out)).toBe(false);
  });

  test('a missing permission: exit 1, naming the IAM action', async () => {
    fake.setAuthorizer((request) => (request.action === 'cases:BatchGetCaseRule' ? 'User is not authorized to perform cases:BatchGetCaseRule' : 'allow'));
    try {
      const run = await runCli(fake, ['export', '--domain-id', domain.domainId]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('the IAM action cases:BatchGetCaseRule');
    } finally {
      fake.setAuthorizer(undefined);
    }
  });

  test('throttling: retried with backoff until the export succeeds, with the same file', async () => {
    const unthrottled = await runCli(fake, ['export', '--domain-id', domain.domainId]);
    fake.setFaults({ throttleRate: 0.3, seed: 11 });
    fake.resetInjectedFaults();
    try {
      const run = await runCli(fake, ['export', '--domain-id', domain.domainId]);
      expect(fake.injectedFaults().length).toBeGreaterThan(0);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(unthrottled.stdout);
    } finally {
      fake.setFaults({});
    }
  });

  test('usage mistakes: exit 1 with the usage text', async () => {
    const missing = await runCli(fake, ['export']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('export: --domain-id is required');
    expect(missing.stderr).toContain('Usage:');
    const badName = await runCli(fake, ['export', '--domain-id', domain.domainId, '--class-name', 'not-a-class']);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain("--class-name must be a class name");
  });
});

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
