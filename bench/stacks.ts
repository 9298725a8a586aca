import { App, Stack } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, Template } from '../lib';

/**
 * The benchmark's stack, built twice: with this library's constructs and with the CloudFormation
 * L1s (`CfnCaseRule`, `CfnTemplate`). Same domain, fields, rules and templates in both; required
 * rules only, the one kind both can express.
 */
export const RULES = 400;
export const TEMPLATES = 40;
const FIELDS = 20;
const RULES_PER_TEMPLATE = RULES / TEMPLATES;

interface Fields { readonly domainId: string; readonly fieldIds: string[] }

function domainWithFields(stack: Stack): Fields {
  const domain = new cases.CfnDomain(stack, 'Domain', { name: 'bench' });
  const domainId = domain.attrDomainId;
  const fieldIds = Array.from({ length: FIELDS }, (_, i) =>
    new cases.CfnField(stack, `Field${i}`, { domainId, name: `Field ${i}`, type: 'Text' }).attrFieldId);
  return { domainId, fieldIds };
}

/** Field the rule `i` depends on, and the field it is attached to in its template. */
const conditionField = (f: Fields, i: number) => f.fieldIds[i % FIELDS];
const targetField = (f: Fields, i: number) => f.fieldIds[(i + 1) % FIELDS];

export function constructsStack(app: App): Stack {
  const stack = new Stack(app, 'Bench');
  const f = domainWithFields(stack);
  const rules = Array.from({ length: RULES }, (_, i) => new CaseRule(stack, `Rule${i}`, {
    domainId: f.domainId,
    caseRuleName: `Rule ${i}`,
    rule: CaseRuleDefinition.required({
      conditions: [CaseRuleCondition.equalTo(conditionField(f, i), CaseRuleValue.string(`value ${i}`), true)],
      defaultValue: false,
    }),
  }));
  for (let t = 0; t < TEMPLATES; t++) {
    const mine = rules.slice(t * RULES_PER_TEMPLATE, (t + 1) * RULES_PER_TEMPLATE);
    new Template(stack, `Template${t}`, {
      domainId: f.domainId,
      templateName: `Template ${t}`,
      requiredFields: [f.fieldIds[t % FIELDS]],
      rules: mine.map((caseRule, k) => ({ caseRule, field: targetField(f, t * RULES_PER_TEMPLATE + k) })),
    });
  }
  return stack;
}

export function l1Stack(app: App): Stack {
  const stack = new Stack(app, 'Bench');
  const f = domainWithFields(stack);
  const rules = Array.from({ length: RULES }, (_, i) => new cases.CfnCaseRule(stack, `Rule${i}`, {
    domainId: f.domainId,
    name: `Rule ${i}`,
    rule: {
      required: {
        conditions: [{ equalTo: { operandOne: { fieldId: conditionField(f, i) }, operandTwo: { stringValue: `value ${i}` }, result: true } }],
        defaultValue: false,
      },
    },
  }));
  for (let t = 0; t < TEMPLATES; t++) {
    const mine = rules.slice(t * RULES_PER_TEMPLATE, (t + 1) * RULES_PER_TEMPLATE);
    new cases.CfnTemplate(stack, `Template${t}`, {
      domainId: f.domainId,
      name: `Template ${t}`,
      status: 'Active',
      requiredFields: [{ fieldId: f.fieldIds[t % FIELDS] }],
      rules: mine.map((rule, k) => ({ caseRuleId: rule.attrCaseRuleId, fieldId: targetField(f, t * RULES_PER_TEMPLATE + k) })),
    });
  }
  return stack;
}
