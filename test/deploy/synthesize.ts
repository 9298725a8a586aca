import { App, Stack } from 'aws-cdk-lib';
import { CfnTemplate } from './simulator';

/** The CloudFormation template of the stack `build` adds to a fresh app, as `cdk synth` writes it. */
export function synthesize(build: (app: App) => Stack): CfnTemplate {
  const app = new App();
  const stack = build(app);
  return app.synth().getStackByName(stack.stackName).template as CfnTemplate;
}
