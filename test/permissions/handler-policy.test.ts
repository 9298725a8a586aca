import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, CfnParameter, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template as Assertions } from 'aws-cdk-lib/assertions';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, Template } from '../../lib';
import { FieldOptions } from '../../lib/field-options';
import { CASES_DOMAIN_ARN_PREFIX, ReadStatement, allStatements, renderValue } from './policy-reader';
import { ARN_SUFFIX, CASES_AUTHORIZATION } from './service-authorization';

const LAMBDA_DIR = path.join(__dirname, '..', '..', 'lambda');
const GET_ATT = '${Support.DomainId}';

function requiredWhenClosed(): CaseRuleDefinition {
  return CaseRuleDefinition.required({
    conditions: [CaseRuleCondition.equalTo({ fieldId: 'status', value: CaseRuleValue.fromString('closed'), result: true })],
    defaultValue: false,
  });
}

/** Two rules, a template and field options in `domainId`, with construct ids suffixed by `suffix`. */
function addDomainResources(stack: Stack, domainId: string, suffix: string): void {
  const a = new CaseRule(stack, `A${suffix}`, { domainId, rule: requiredWhenClosed() });
  const b = new CaseRule(stack, `B${suffix}`, { domainId, rule: requiredWhenClosed() });
  new Template(stack, `T${suffix}`, { domainId, layoutId: 'layout-1', rules: [{ caseRule: a, fieldId: 'f1' }, { caseRule: b, fieldId: 'f2' }] });
  new FieldOptions(stack, `O${suffix}`, { domainId, fieldId: `field-${suffix}`, options: FieldOptions.optionsFromValues(['a', 'b']) });
}

/** Rules, templates and field options in a literal domain id and in a domain created in the stack. */
function twoDomainTemplate(): Record<string, any> {
  const stack = new Stack(new App(), 'TwoDomains');
  const created = new cases.CfnDomain(stack, 'Support', { name: 'support' }).attrDomainId;
  addDomainResources(stack, 'domain-1', '0');
  addDomainResources(stack, created, '1');
  return Assertions.fromStack(stack).toJSON();
}

function casesStatements(statements: ReadStatement[]): ReadStatement[] {
  return statements.filter((s) => s.actions.some((a) => a === '*' || a.startsWith('cases:')));
}

/** The domain an ARN of `domain/<id>[/...]` names, as `renderValue` spells it. */
function domainOf(arn: string): string {
  return arn.slice(CASES_DOMAIN_ARN_PREFIX.length).split('/')[0];
}

/** Logical ids of the IAM policies holding Cases statements, by the one domain each names. */
function policiesByDomain(template: Record<string, any>): Map<string, string> {
  const byDomain = new Map<string, string>();
  for (const s of casesStatements(allStatements(template))) {
    for (const resource of s.resources) {
      const existing = byDomain.get(domainOf(resource));
      if (existing !== undefined && existing !== s.holder) throw new Error(`domain ${domainOf(resource)} is in ${existing} and ${s.holder}`);
      byDomain.set(domainOf(resource), s.holder);
    }
  }
  return byDomain;
}

/** The Cases operations the handler sends, from `new XCommand(` in its sources. */
function operationsTheHandlerSends(): string[] {
  const operations = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) {
        for (const match of fs.readFileSync(file, 'utf8').matchAll(/new (\w+)Command\(/g)) operations.add(`cases:${match[1]}`);
      }
    }
  };
  visit(LAMBDA_DIR);
  return [...operations].sort();
}

describe('each Cases domain has its own IAM policy', () => {
  test('one policy per domain, attached to the handler\'s role, naming only that domain', () => {
    // GIVEN rules, templates and field options in two domains
    const template = twoDomainTemplate();

    // THEN each domain's ARNs are in exactly one policy, a different one per domain
    const byDomain = policiesByDomain(template);
    expect([...byDomain.keys()].sort()).toEqual([GET_ATT, 'domain-1'].sort());
    expect(new Set(byDomain.values()).size).toBe(2);
    const [roleId] = Object.keys(template.Resources).filter((id) => template.Resources[id].Type === 'AWS::IAM::Role');
    for (const policyId of byDomain.values()) {
      const policy = template.Resources[policyId];
      expect(policy.Type).toBe('AWS::IAM::Policy');
      expect(policy.Properties.Roles).toEqual([{ Ref: roleId }]);
      // Inline policy names must be unique per role: the logical id is unique in the stack.
      expect(policy.Properties.PolicyName).toBe(policyId);
    }
  });

  test('a domain\'s statements: each action on every resource type IAM requires for it, and on nothing else', () => {
    const statements = casesStatements(allStatements(twoDomainTemplate()));
    const sent = operationsTheHandlerSends();
    for (const domain of ['domain-1', GET_ATT]) {
      const mine = statements.filter((s) => s.resources.every((r) => domainOf(r) === domain));
      expect(mine.length).toBeGreaterThan(0);
      for (const action of sent) {
        const authorization = CASES_AUTHORIZATION[action];
        expect({ action, known: authorization !== undefined }).toEqual({ action, known: true });
        const types = [...authorization.required, ...(authorization.optional ?? [])];
        // An action IAM authorizes only on `*` could not be granted without `Resource: "*"`.
        expect(types.length).toBeGreaterThan(0);
        const expected = types.map((type) => `${CASES_DOMAIN_ARN_PREFIX}${domain}${ARN_SUFFIX[type]}`);
        const allowed = mine.filter((s) => s.actions.includes(action)).flatMap((s) => s.resources);
        expect({ action, resources: [...allowed].sort() }).toEqual({ action, resources: [...expected].sort() });
      }
    }
  });

  test('the policies grant exactly the operations the handler sends, field options included', () => {
    const granted = new Set(casesStatements(allStatements(twoDomainTemplate())).flatMap((s) => s.actions));
    const sent = operationsTheHandlerSends();
    expect(sent).toEqual(expect.arrayContaining(['cases:BatchPutFieldOptions', 'cases:ListFieldOptions']));
    expect([...granted].sort()).toEqual(sent);
    // ListTagsForResource is authorized only on `*`: the handler must keep reading tags another way.
    expect(sent).not.toContain('cases:ListTagsForResource');
  });

  test('no statement of any IAM policy grants a Cases action on every resource, or every Cases action', () => {
    const statements = allStatements(twoDomainTemplate());
    const tooBroad = casesStatements(statements).filter((s) =>
      s.resources.some((r) => r === '*' || /:cases:[^:]*:[^:]*:\*$/.test(r) || r === `${CASES_DOMAIN_ARN_PREFIX}*`)
      || s.actions.some((a) => a === '*' || a === 'cases:*'));
    expect(tooBroad).toEqual([]);
  });

  test('the role\'s default policy keeps only the grant to write to the handler\'s log group', () => {
    const template = twoDomainTemplate();
    const byDomain = new Set(policiesByDomain(template).values());
    const others = Object.entries(template.Resources as Record<string, any>)
      .filter(([id, r]) => r.Type === 'AWS::IAM::Policy' && !byDomain.has(id));
    const [logGroupId] = Object.keys(template.Resources).filter((id) => template.Resources[id].Type === 'AWS::Logs::LogGroup');
    expect(others.map(([, r]) => r.Properties.PolicyDocument.Statement)).toEqual([[
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
    ]]);
    expect(Object.values(template.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::IAM::ManagedPolicy')).toEqual([]);
  });
});

describe('a domain\'s policy outlives the resources that need it', () => {
  test('every custom resource depends on its own domain\'s policy, and on no other domain\'s', () => {
    // GIVEN resources of every kind in two domains
    const template = twoDomainTemplate();
    const byDomain = policiesByDomain(template);
    const domainPolicies = new Set(byDomain.values());

    // THEN CloudFormation creates the grants before the resource's first call, and deletes the
    // resource (also an old one being replaced, in cleanup) before its grants
    const custom = Object.entries(template.Resources as Record<string, any>).filter(([, r]) => r.Type.startsWith('Custom::ConnectCases'));
    expect(custom.map(([, r]) => r.Type).sort()).toEqual([
      ...Array(4).fill('Custom::ConnectCasesCaseRule'), ...Array(2).fill('Custom::ConnectCasesFieldOptions'), ...Array(2).fill('Custom::ConnectCasesTemplate'),
    ]);
    for (const [id, resource] of custom) {
      const domain = renderValue(resource.Properties.DomainId);
      const dependsOnPolicies = (resource.DependsOn ?? []).filter((d: string) => domainPolicies.has(d));
      expect({ id, dependsOnPolicies }).toEqual({ id, dependsOnPolicies: [byDomain.get(domain)] });
    }
  });

  test('the function needs only the log grant, so a domain\'s policy can be created and deleted without it', () => {
    const template = twoDomainTemplate();
    const domainPolicies = new Set(policiesByDomain(template).values());
    const [fn] = Object.values(template.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::Lambda::Function');
    const policies = Object.keys(template.Resources).filter((id) => template.Resources[id].Type === 'AWS::IAM::Policy');
    const logPolicy = policies.find((id) => !domainPolicies.has(id));
    expect(fn.DependsOn).toEqual(expect.arrayContaining([logPolicy]));
    expect(fn.DependsOn.filter((d: string) => domainPolicies.has(d))).toEqual([]);
  });

  test('a domain\'s policy keeps its logical id and document when other domains and resources come and go', () => {
    // GIVEN a stack with one domain, and the same stack with another domain and more resources
    // added before it (construct order changed)
    const build = (withOther: boolean) => {
      const stack = new Stack(new App(), 'Stable');
      if (withOther) {
        const other = new cases.CfnDomain(stack, 'Other', { name: 'other' }).attrDomainId;
        addDomainResources(stack, other, 'x');
      }
      const domainId = new cases.CfnDomain(stack, 'Support', { name: 'support' }).attrDomainId;
      new CaseRule(stack, withOther ? 'Renamed' : 'Rule', { domainId, rule: requiredWhenClosed() });
      return Assertions.fromStack(stack).toJSON();
    };
    const alone = build(false);
    const withOther = build(true);

    // THEN the support domain's policy is the same resource, unchanged: an update leaves it alone
    const id = policiesByDomain(alone).get(GET_ATT)!;
    expect(policiesByDomain(withOther).get(GET_ATT)).toBe(id);
    expect(withOther.Resources[id]).toEqual(alone.Resources[id]);
  });

  test('the policy derives from the domain id as the template spells it: two tokens of one domain share one policy', () => {
    const stack = new Stack(new App(), 'SameDomain');
    const domain = new cases.CfnDomain(stack, 'Support', { name: 'support' });
    new CaseRule(stack, 'ViaAttr', { domainId: domain.attrDomainId, rule: requiredWhenClosed() });
    new CaseRule(stack, 'ViaGetAtt', { domainId: Token.asString(domain.getAtt('DomainId')), rule: requiredWhenClosed() });
    new CaseRule(stack, 'Literal', { domainId: 'domain-1', rule: requiredWhenClosed() });
    new CaseRule(stack, 'SameLiteral', { domainId: 'domain-1', rule: requiredWhenClosed() });

    const template = Assertions.fromStack(stack);
    expect([...policiesByDomain(template.toJSON()).keys()].sort()).toEqual([GET_ATT, 'domain-1'].sort());
    template.resourceCountIs('AWS::IAM::Policy', 3);
  });

  test('another stack\'s domain with the same logical id as a local one gets a policy of its own', () => {
    // GIVEN a local domain `Support` and another stack's domain also called `Support`
    const app = new App({ context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
    const shared = new Stack(app, 'Shared');
    const sharedDomain = new cases.CfnDomain(shared, 'Support', { name: 'shared' }).attrDomainId;
    const stack = new Stack(app, 'Local');
    const localDomain = new cases.CfnDomain(stack, 'Support', { name: 'local' }).attrDomainId;
    new CaseRule(stack, 'Local', { domainId: localDomain, rule: requiredWhenClosed() });
    new CaseRule(stack, 'Imported', { domainId: sharedDomain, rule: requiredWhenClosed() });

    // THEN each has its own policy: one with the local GetAtt, one with the import
    const byDomain = policiesByDomain(Assertions.fromStack(stack).toJSON());
    expect(byDomain.size).toBe(2);
    expect([...byDomain.keys()]).toEqual(expect.arrayContaining([GET_ATT, expect.stringMatching(/^\$\{Import:Shared:ExportsOutputFnGetAttSupportDomainId/)]));
  });
});

describe('the shared handler at scale', () => {
  test('400 CaseRules and 40 Templates in one domain add no IAM resource per construct', () => {
    // GIVEN 40 templates of 10 rules each in one domain
    const stack = new Stack(new App(), 'Scale');
    const domainId = new CfnParameter(stack, 'DomainId').valueAsString;
    for (let t = 0; t < 40; t++) {
      const rules = Array.from({ length: 10 }, (_, r) => new CaseRule(stack, `Rule${t}-${r}`, { domainId, rule: requiredWhenClosed() }));
      new Template(stack, `Template${t}`, { domainId, rules: rules.map((caseRule, r) => ({ caseRule, fieldId: `field-${r}` })) });
    }

    // WHEN synthesized
    const template = Assertions.fromStack(stack).toJSON();

    // THEN besides the 440 custom resources there are only the handler's five: one policy for the
    // domain, one for the logs, and each resource names the domain's policy once
    const types = Object.values(template.Resources as Record<string, { Type: string }>).map((r) => r.Type);
    expect(types.filter((t) => t.startsWith('Custom::')).length).toBe(440);
    expect(types.filter((t) => !t.startsWith('Custom::')).sort()).toEqual([
      'AWS::IAM::Policy', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup',
    ]);
    const statements = casesStatements(allStatements(template));
    expect(statements.flatMap((s) => s.resources)).toHaveLength(5);
  });

  test('while the policies surely fit IAM\'s 10,240 characters for a role there is no warning; beyond, a warning says so', () => {
    const stackWith = (domains: number) => {
      const stack = new Stack(new App(), `Domains${domains}`);
      for (let i = 0; i < domains; i++) new CaseRule(stack, `Rule${i}`, { domainId: `domain-${i}`, rule: requiredWhenClosed() });
      return stack;
    };
    const warnings = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('Cases domains in one stack'));

    // The worst case: the longest partition and region, a 36-character domain id, per domain.
    const withinLimit = stackWith(6);
    const resolvedPolicies = Object.values(Assertions.fromStack(withinLimit).toJSON().Resources as Record<string, any>)
      .filter((r) => r.Type === 'AWS::IAM::Policy');
    expect(resolvedPolicies).toHaveLength(7);
    expect(warnings(withinLimit)).toEqual([]);

    const beyond = stackWith(7);
    expect(warnings(beyond)).toHaveLength(1);
    expect(warnings(beyond)[0].entry.data).toMatch(/characters .*10240.*Split the domains across stacks/s);
  });
});
