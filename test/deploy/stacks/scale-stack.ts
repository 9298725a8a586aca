import { App, Stack } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, Template } from '../../../lib';

export interface ScaleShape {
  readonly fields: number;
  readonly templates: number;
  /** Rules per template; each rule is used by exactly one template. */
  readonly rulesPerTemplate: number;
}

export const ruleName = (i: number) => `Scale rule ${String(i).padStart(3, '0')}`;
export const templateName = (t: number) => `Scale template ${String(t).padStart(2, '0')}`;
/** Rule i is conditioned on field i mod n and attached to field i+1 mod n (construct ids `Field<k>`). */
export const conditionField = (i: number, shape: ScaleShape) => `Field${i % shape.fields}`;
export const attachedField = (i: number, shape: ScaleShape) => `Field${(i + 1) % shape.fields}`;
/** Template t requires fields t and t+1 mod n. */
export const requiredFieldsOf = (t: number, shape: ScaleShape) => [`Field${t % shape.fields}`, `Field${(t + 1) % shape.fields}`];

/** Many rules and templates in one domain: rule `t * rulesPerTemplate + k` belongs to template t. */
export function scaleStack(stackName: string, shape: ScaleShape): (app: App) => Stack {
  return (app) => {
    const stack = new Stack(app, stackName);
    const domainId = new cases.CfnDomain(stack, 'Domain', { name: 'scale' }).attrDomainId;
    const fields = new Map<string, string>();
    for (let k = 0; k < shape.fields; k++) {
      fields.set(`Field${k}`, new cases.CfnField(stack, `Field${k}`, { domainId, name: `Field ${k}`, type: 'Text' }).attrFieldId);
    }
    for (let t = 0; t < shape.templates; t++) {
      const template = new Template(stack, `Template${t}`, {
        domainId,
        templateName: templateName(t),
        requiredFields: requiredFieldsOf(t, shape).map((id) => fields.get(id)!),
      });
      for (let k = 0; k < shape.rulesPerTemplate; k++) {
        const i = t * shape.rulesPerTemplate + k;
        const rule = new CaseRule(stack, `Rule${i}`, {
          domainId,
          caseRuleName: ruleName(i),
          rule: CaseRuleDefinition.required({
            conditions: [CaseRuleCondition.equalTo({ fieldId: fields.get(conditionField(i, shape))!, value: CaseRuleValue.fromNumber(i), result: true })],
            defaultValue: false,
          }),
        });
        template.addRule(rule, fields.get(attachedField(i, shape))!);
      }
    }
    return stack;
  };
}
