import {
  BatchGetCaseRuleCommand, BatchPutFieldOptionsCommand, CreateCaseRuleCommand, CreateTemplateCommand, ListDomainsCommand,
  ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand,
} from '@aws-sdk/client-connectcases';
import { AuthorizationRequest } from './index';
import { errorOf, statusOf, useFakeAndClient } from './sdk-test-client';

const t = useFakeAndClient();
let domainId: string;
let domainArn: string;
let seen: AuthorizationRequest[];
beforeEach(() => {
  domainId = t.fake.addDomain();
  domainArn = `arn:aws:cases:us-east-1:123456789012:domain/${domainId}`;
  seen = [];
  t.fake.setAuthorizer((request) => {
    seen.push(request);
    return 'allow';
  });
});

const rule = { required: { defaultValue: true, conditions: [] } };

describe('the authorization hook', () => {
  test('a create is authorized on the domain and on the ARN of the record it then creates', async () => {
    const layoutId = t.fake.addLayout(domainId, { name: 'Main' });

    const created = await t.cases.send(new CreateCaseRuleCommand({ domainId, name: 'R', rule }));
    const template = await t.cases.send(new CreateTemplateCommand({ domainId, name: 'T', layoutConfiguration: { defaultLayout: layoutId } }));

    expect(seen).toStrictEqual([
      { operation: 'CreateCaseRule', action: 'cases:CreateCaseRule', resources: [domainArn, created.caseRuleArn] },
      { operation: 'CreateTemplate', action: 'cases:CreateTemplate', resources: [domainArn, template.templateArn, `${domainArn}/layout/${layoutId}`] },
    ]);
  });

  test('batch reads name every record asked for; field options the field; tags the tagged resource; ARN-less actions *', async () => {
    const { caseRuleId, caseRuleArn } = await t.cases.send(new CreateCaseRuleCommand({ domainId, name: 'R', rule }));
    const category = t.fake.addField(domainId, { name: 'Category', type: 'SingleSelect' });
    seen.length = 0;

    await t.cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: [{ id: caseRuleId! }, { id: 'other' }] }));
    await t.cases.send(new BatchPutFieldOptionsCommand({ domainId, fieldId: category, options: [{ name: 'A', value: 'a', active: true }] }));
    await t.cases.send(new TagResourceCommand({ arn: caseRuleArn, tags: { k: 'v' } }));
    await t.cases.send(new UntagResourceCommand({ arn: `${domainArn}/field/${category}`, tagKeys: ['k'] }));
    await t.cases.send(new ListTagsForResourceCommand({ arn: caseRuleArn }));
    await t.cases.send(new ListDomainsCommand({}));

    expect(seen.map(({ action, resources }) => [action, resources])).toStrictEqual([
      ['cases:BatchGetCaseRule', [domainArn, caseRuleArn, `${domainArn}/case-rule/other`]],
      ['cases:BatchPutFieldOptions', [domainArn, `${domainArn}/field/${category}`]],
      ['cases:TagResource', [caseRuleArn]],
      ['cases:UntagResource', [`${domainArn}/field/${category}`]],
      ['cases:ListTagsForResource', ['*']],
      ['cases:ListDomains', ['*']],
    ]);
  });

  test('a refusal is a 403 AccessDeniedException with the authorizer\'s message, and nothing is written', async () => {
    t.fake.setAuthorizer(({ action, resources }) => (action === 'cases:CreateCaseRule' ? `not authorized to perform: ${action} on resource: ${resources[1]}` : 'allow'));

    const error = await errorOf(t.cases.send(new CreateCaseRuleCommand({ domainId, name: 'R', rule })));

    expect(statusOf(error)).toStrictEqual(['AccessDeniedException', 403]);
    expect(error.message).toMatch(new RegExp(`^not authorized to perform: cases:CreateCaseRule on resource: ${domainArn}/case-rule/[0-9a-f-]{36}$`));
    expect(t.fake.caseRules(domainId, { includeDeleted: true })).toStrictEqual([]);
    t.fake.setAuthorizer(undefined);
    await expect(t.cases.send(new CreateCaseRuleCommand({ domainId, name: 'R', rule }))).resolves.toHaveProperty('caseRuleId');
  });
});
