import { App, Stack } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { CaseRuleCondition, CaseRuleDefinition, CaseRuleValue } from '../../lib';

/** Resource types the constructs emit, spelled out so a changed contract fails the tests. */
export const CASE_RULE_TYPE = 'Custom::ConnectCasesCaseRule';
export const TEMPLATE_TYPE = 'Custom::ConnectCasesTemplate';

/** A fresh app and environment-agnostic stack per test. */
export function newStack(): { app: App; stack: Stack } {
  const app = new App();
  return { app, stack: new Stack(app, 'Stack') };
}

/** Synthesizes `stack` (running every construct validation) into assertable form. */
export function synth(stack: Stack): Assertions {
  return Assertions.fromStack(stack);
}

/** A small valid required rule, for tests about something else. */
export function requiredWhenClosed(statusFieldId = 'status-field'): CaseRuleDefinition {
  return CaseRuleDefinition.required({
    conditions: [CaseRuleCondition.equalTo(statusFieldId, CaseRuleValue.string('closed'), true)],
    defaultValue: false,
  });
}

/** The only resource of `type` in the template, with its logical id. */
export function onlyResource(template: Assertions, type: string): { logicalId: string; properties: any; resource: any } {
  const resources = template.findResources(type);
  const ids = Object.keys(resources);
  if (ids.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${ids.length}`);
  }
  return { logicalId: ids[0], properties: resources[ids[0]].Properties, resource: resources[ids[0]] };
}
