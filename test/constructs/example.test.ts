import { App } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { buildExampleStack } from '../../bin/example';
import { CASE_RULE_TYPE, TEMPLATE_TYPE } from './helpers';

describe('example app', () => {
  test('synthesizes environment-agnostic, without lookups, to the recorded template', () => {
    const app = new App();
    const stack = buildExampleStack(app);
    const template = Assertions.fromStack(stack);

    expect(stack.resolve(stack.region)).toEqual({ Ref: 'AWS::Region' });
    expect(app.synth().manifest.missing).toBeUndefined();
    template.resourceCountIs(CASE_RULE_TYPE, 3);
    template.resourceCountIs(TEMPLATE_TYPE, 1);
    // The handler asset hash is part of the template: it changes only when the bundled handler does.
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('builds the same template twice (no random names)', () => {
    const first = Assertions.fromStack(buildExampleStack(new App())).toJSON();
    const second = Assertions.fromStack(buildExampleStack(new App())).toJSON();
    expect(second).toEqual(first);
  });
});
