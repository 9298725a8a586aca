import { App, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue } from '../../../lib';

export type DomainName = 'DomainA' | 'DomainB';

/** Two domains, each with a custom State field (a custom "Status" would clash with the system field), and one case rule that lives in `ruleDomain`. */
export function twoDomainStack(stackName: string, ruleDomain: DomainName): (app: App) => Stack {
  return (app) => {
    const stack = new Stack(app, stackName);
    const domains = {
      DomainA: new cases.CfnDomain(stack, 'DomainA', { name: 'a' }).attrDomainId,
      DomainB: new cases.CfnDomain(stack, 'DomainB', { name: 'b' }).attrDomainId,
    };
    const status = {
      DomainA: new cases.CfnField(stack, 'StatusA', { domainId: domains.DomainA, name: 'State', type: 'Text' }).attrFieldId,
      DomainB: new cases.CfnField(stack, 'StatusB', { domainId: domains.DomainB, name: 'State', type: 'Text' }).attrFieldId,
    };
    const rule = new CaseRule(stack, 'Moving', {
      domainId: domains[ruleDomain],
      caseRuleName: 'Moving rule',
      rule: CaseRuleDefinition.required({
        conditions: [CaseRuleCondition.notEqualTo({ fieldId: status[ruleDomain], value: CaseRuleValue.fromString('open'), result: true })],
        defaultValue: false,
      }),
    });
    Tags.of(rule).add('purpose', 'domain-change');
    return stack;
  };
}

/** The field the rule's condition uses in `domain`. */
export const STATUS_FIELD: Record<DomainName, string> = { DomainA: 'StatusA', DomainB: 'StatusB' };
