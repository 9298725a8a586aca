import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, Template } from '../../lib';
import { CASES_DOMAIN_ARN_PREFIX, ReadStatement, allStatements } from './policy-reader';
import { ARN_SUFFIX, CASES_AUTHORIZATION } from './service-authorization';

const LAMBDA_DIR = path.join(__dirname, '..', '..', 'lambda');

function requiredWhenClosed(): CaseRuleDefinition {
  return CaseRuleDefinition.required({
    conditions: [CaseRuleCondition.equalTo('status', CaseRuleValue.string('closed'), true)],
    defaultValue: false,
  });
}

/** Rules and templates in a literal domain id and in a domain created in the stack. */
function twoDomainTemplate(): Record<string, any> {
  const app = new App();
  const stack = new Stack(app, 'TwoDomains');
  const created = new cases.CfnDomain(stack, 'Support', { name: 'support' }).attrDomainId;
  ['domain-1', created].forEach((domainId, i) => {
    const a = new CaseRule(stack, `A${i}`, { domainId, rule: requiredWhenClosed() });
    const b = new CaseRule(stack, `B${i}`, { domainId, rule: requiredWhenClosed() });
    new Template(stack, `T${i}`, { domainId, layout: 'layout-1', rules: [{ caseRule: a, field: 'f1' }, { caseRule: b, field: 'f2' }] });
  });
  return Assertions.fromStack(stack).toJSON();
}

/** `arn:...:domain/<domain><suffix>` for each suffix. */
function inDomain(domain: string, ...suffixes: string[]): string[] {
  return suffixes.map((suffix) => `${CASES_DOMAIN_ARN_PREFIX}${domain}${suffix}`);
}

function casesStatements(statements: ReadStatement[]): ReadStatement[] {
  return statements.filter((s) => s.actions.some((a) => a === '*' || a.startsWith('cases:')));
}

/** The Cases operations the handler sends, from `new XCommand(` in its sources. */
function operationsTheHandlerSends(): string[] {
  const operations = new Set<string>();
  for (const file of fs.readdirSync(LAMBDA_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(LAMBDA_DIR, file), 'utf8');
    for (const match of source.matchAll(/new (\w+)Command\(/g)) operations.add(`cases:${match[1]}`);
  }
  return [...operations].sort();
}

describe('the handler role\'s Cases permissions', () => {
  const GET_ATT = '${Support.DomainId}';

  test('are five statements, one per action group, each listing both domains\' ARNs', () => {
    const statements = casesStatements(allStatements(twoDomainTemplate()));
    expect(statements.map(({ actions, resources, effect }) => ({ effect, actions, resources }))).toEqual([
      {
        effect: 'Allow',
        actions: ['cases:CreateCaseRule', 'cases:UpdateCaseRule', 'cases:DeleteCaseRule', 'cases:BatchGetCaseRule'],
        resources: [...inDomain('domain-1', '', '/case-rule/*'), ...inDomain(GET_ATT, '', '/case-rule/*')],
      },
      {
        effect: 'Allow',
        actions: ['cases:CreateTemplate'],
        resources: [...inDomain('domain-1', '', '/template/*', '/layout/*'), ...inDomain(GET_ATT, '', '/template/*', '/layout/*')],
      },
      {
        effect: 'Allow',
        actions: ['cases:UpdateTemplate', 'cases:GetTemplate', 'cases:DeleteTemplate'],
        resources: [...inDomain('domain-1', '', '/template/*'), ...inDomain(GET_ATT, '', '/template/*')],
      },
      {
        effect: 'Allow',
        actions: ['cases:ListCaseRules', 'cases:ListTemplates'],
        resources: [...inDomain('domain-1', ''), ...inDomain(GET_ATT, '')],
      },
      {
        effect: 'Allow',
        actions: ['cases:TagResource', 'cases:UntagResource'],
        resources: [...inDomain('domain-1', '/case-rule/*', '/template/*'), ...inDomain(GET_ATT, '/case-rule/*', '/template/*')],
      },
    ]);
  });

  test('no statement of any IAM policy grants a Cases action on every resource, or every Cases action', () => {
    const statements = allStatements(twoDomainTemplate());
    expect(statements.length).toBeGreaterThan(5);
    const tooBroad = casesStatements(statements).filter((s) =>
      s.resources.some((r) => r === '*' || /:cases:[^:]*:[^:]*:\*$/.test(r) || r === `${CASES_DOMAIN_ARN_PREFIX}*`)
      || s.actions.some((a) => a === '*' || a === 'cases:*'));
    expect(tooBroad).toEqual([]);
  });

  test('grant exactly the operations the handler sends', () => {
    const granted = new Set(casesStatements(allStatements(twoDomainTemplate())).flatMap((s) => s.actions));
    const sent = operationsTheHandlerSends();
    expect(sent).toHaveLength(12);
    expect([...granted].sort()).toEqual(sent);
    // ListTagsForResource is authorized only on `*`: the handler must keep reading tags another way.
    expect(sent).not.toContain('cases:ListTagsForResource');
  });

  test('each action is allowed on every resource type IAM requires for it, and on nothing else', () => {
    const statements = casesStatements(allStatements(twoDomainTemplate()));
    for (const action of operationsTheHandlerSends()) {
      const authorization = CASES_AUTHORIZATION[action];
      expect(authorization).toBeDefined();
      const types = [...authorization.required, ...(authorization.optional ?? [])];
      // An action IAM authorizes only on `*` could not be granted without `Resource: "*"`.
      expect(types.length).toBeGreaterThan(0);
      const expected = ['domain-1', GET_ATT].flatMap((domain) => types.map((type) => `${CASES_DOMAIN_ARN_PREFIX}${domain}${ARN_SUFFIX[type]}`));
      const allowed = statements.filter((s) => s.actions.includes(action)).flatMap((s) => s.resources);
      expect({ action, resources: [...allowed].sort() }).toEqual({ action, resources: [...expected].sort() });
    }
  });
});

describe('the shared handler at scale', () => {
  test('400 CaseRules and 40 Templates in one stack stay far under 500 resources, with one role and one policy', () => {
    // GIVEN 40 templates of 10 rules each, in two domains
    const app = new App();
    const stack = new Stack(app, 'Scale');
    for (let t = 0; t < 40; t++) {
      const domainId = t % 2 === 0 ? 'domain-even' : 'domain-odd';
      const rules = Array.from({ length: 10 }, (_, r) => new CaseRule(stack, `Rule${t}-${r}`, { domainId, rule: requiredWhenClosed() }));
      new Template(stack, `Template${t}`, { domainId, rules: rules.map((caseRule, r) => ({ caseRule, field: `field-${r}` })) });
    }

    // WHEN synthesized
    const template = Assertions.fromStack(stack).toJSON();

    // THEN the only resources besides the 440 custom resources are the handler's four
    const types = Object.values(template.Resources as Record<string, { Type: string }>).map((r) => r.Type);
    const count = (type: string) => types.filter((t) => t === type).length;
    expect(count('Custom::ConnectCasesCaseRule')).toBe(400);
    expect(count('Custom::ConnectCasesTemplate')).toBe(40);
    expect(types.filter((t) => !t.startsWith('Custom::')).sort()).toEqual([
      'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::Lambda::Function', 'AWS::Logs::LogGroup',
    ]);
    expect(types.length).toBe(444);
    // Two domains: each ARN once, so the policy does not grow with the number of constructs.
    const statements = casesStatements(allStatements(template));
    expect(statements.flatMap((s) => s.resources)).toHaveLength(20);
  });
});
