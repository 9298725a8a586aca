import { flattenCfnReference as nagFlatten } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import { flattenCfnReference } from '../../lib/private/nag-acknowledgements';

// The library spells acknowledged finding ids itself (it must not depend on cdk-nag at runtime);
// they only match if it flattens ARNs exactly as the installed cdk-nag does.
const ARN_PARTS = ['arn:', { Ref: 'AWS::Partition' }, ':cases:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':domain/'];

test.each([
  ['a literal', 'arn:aws:cases:us-east-1:123456789012:domain/d-1/case-rule/*'],
  ['a GetAtt domain', { 'Fn::Join': ['', [...ARN_PARTS, { 'Fn::GetAtt': ['Domain', 'DomainId'] }, '/template/*']] }],
  ['a parameter domain', { 'Fn::Join': ['', [...ARN_PARTS, { Ref: 'DomainParam' }, '/layout/*']] }],
  ['an imported domain', { 'Fn::Join': ['', [...ARN_PARTS, { 'Fn::ImportValue': 'Shared:ExportsOutputDomainId' }, '/case-rule/*']] }],
  ['a Fn::Sub string', { 'Fn::Sub': 'arn:${AWS::Partition}:cases:${AWS::Region}:${AWS::AccountId}:domain/x/*' }],
  ['a Fn::Select (unknown to both)', { 'Fn::Join': ['', [...ARN_PARTS, { 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b'] }] }, '/*']] }],
])('%s is flattened as cdk-nag flattens it', (_name, value) => {
  expect(flattenCfnReference(value)).toBe(nagFlatten(value));
});
