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

/**
 * The message of the error `app.synth()` throws: CDK's validation lists every problem of every
 * construct, one line each, prefixed with the construct path.
 */
export function synthError(app: App): string {
  try {
    app.synth();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected synthesis to fail, but it succeeded');
}

/** The problem lines of a validation error (`[path] message`), without CDK's heading. */
export function problemLines(message: string): string[] {
  return message.split('\n').slice(1).map((line) => line.trim());
}

/** A small valid required rule, for tests about something else. */
export function requiredWhenClosed(statusFieldId = 'status-field'): CaseRuleDefinition {
  return CaseRuleDefinition.required({
    conditions: [CaseRuleCondition.equalTo({ fieldId: statusFieldId, value: CaseRuleValue.fromString('closed'), result: true })],
    defaultValue: false,
  });
}

/** The API's shape of `requiredWhenClosed(statusFieldId)`, as the construct must render it. */
export function requiredWhenClosedShape(statusFieldId = 'status-field'): object {
  return {
    required: {
      defaultValue: false,
      conditions: [{ equalTo: { operandOne: { fieldId: statusFieldId }, operandTwo: { stringValue: 'closed' }, result: true } }],
    },
  };
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
