import { App, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue } from '../../../lib';

export type DomainName = 'DomainA' | 'DomainB';

/** Where the stack's case rules live; an absent rule is not in the app. */
export interface TwoDomainRules {
  /** The domain of the rule `Moving` (named "Moving rule"). */
  readonly moving?: DomainName;
  /** The domain of the rule `Anchor` (named "Anchor rule"), which keeps the handler in the stack when `Moving` leaves. */
  readonly anchor?: DomainName;
}

/**
 * Two domains, each with a custom State field (a custom "Status" would clash with the system
 * field), and the case rules `rules` places in them.
 */
export function twoDomainStack(stackName: string, rules: TwoDomainRules): (app: App) => Stack {
  return (app) => {
    const stack = new Stack(app, stackName);
    const domains = {
      DomainA: new cases.CfnDomain(stack, 'DomainA', { name: 'a' }).attrDomainId,
      DomainB: new cases.CfnDomain(stack, 'DomainB', { name: 'b' }).attrDomainId,
    };
    const state = {
      DomainA: new cases.CfnField(stack, 'StatusA', { domainId: domains.DomainA, name: 'State', type: 'Text' }).attrFieldId,
      DomainB: new cases.CfnField(stack, 'StatusB', { domainId: domains.DomainB, name: 'State', type: 'Text' }).attrFieldId,
    };
    const rule = (id: 'Moving' | 'Anchor', domain: DomainName) => new CaseRule(stack, id, {
      domainId: domains[domain],
      caseRuleName: `${id} rule`,
      rule: CaseRuleDefinition.required({
        conditions: [CaseRuleCondition.notEqualTo({ fieldId: state[domain], value: CaseRuleValue.fromString('open'), result: true })],
        defaultValue: false,
      }),
    });
    if (rules.moving !== undefined) Tags.of(rule('Moving', rules.moving)).add('purpose', 'domain-change');
    if (rules.anchor !== undefined) rule('Anchor', rules.anchor);
    return stack;
  };
}

/** The field the rules' conditions use in `domain`. */
export const STATUS_FIELD: Record<DomainName, string> = { DomainA: 'StatusA', DomainB: 'StatusB' };
