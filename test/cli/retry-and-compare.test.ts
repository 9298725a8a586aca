import { ConnectCasesClient, ListFieldsCommand } from '@aws-sdk/client-connectcases';
import { Comparison, tokenMark } from '../../cli/compare';
import { CasesApi, CliError, RetryPolicy } from '../../cli/retry';

/** A client whose `send` answers from a script: an error to throw or a value to return, per call. */
function scriptedClient(script: Array<Error | object>): { client: ConnectCasesClient; calls: () => number } {
  let calls = 0;
  const client = {
    send: async () => {
      const next = script[Math.min(calls++, script.length - 1)];
      if (next instanceof Error) throw next;
      return next;
    },
    config: { region: async () => 'eu-central-1' },
  } as unknown as ConnectCasesClient;
  return { client, calls: () => calls };
}

function serviceError(name: string, extra: object = {}): Error {
  return Object.assign(new Error(`${name} message`), { name, ...extra });
}

function recordingPolicy(): RetryPolicy & { delays: number[] } {
  const delays: number[] = [];
  return { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250, sleep: async (ms) => { delays.push(ms); }, random: () => 0.999, delays };
}

describe('CasesApi.send', () => {
  test('throttling is retried with capped exponential backoff, then succeeds', async () => {
    const { client, calls } = scriptedClient([serviceError('ThrottlingException'), serviceError('InternalServerException'), { fields: [] }]);
    const policy = recordingPolicy();
    const result = await new CasesApi(client, policy).send(new ListFieldsCommand({ domainId: 'd' }), { domainId: 'd' });
    expect(result).toEqual({ fields: [] });
    expect(calls()).toBe(3);
    expect(policy.delays).toEqual([99, 199]);
  });

  test('throttling that never stops ends in a clear error after the last attempt', async () => {
    const { client, calls } = scriptedClient([serviceError('ThrottlingException')]);
    const policy = recordingPolicy();
    const failure = new CasesApi(client, policy).send(new ListFieldsCommand({ domainId: 'd' }), { domainId: 'd' });
    await expect(failure).rejects.toThrow(CliError);
    await expect(failure).rejects.toThrow(/kept refusing ListFields \(4 attempts with backoff; last: ThrottlingException: ThrottlingException message\).*try again later/);
    expect(calls()).toBe(4);
    expect(policy.delays).toEqual([99, 199, 249]);
  });

  test.each([
    ['ResourceNotFoundException', { resourceType: 'Domain' }, false, 'domain d-9 not found in region eu-central-1'],
    ['ResourceNotFoundException', {}, true, 'domain d-9 not found in region eu-central-1'],
    ['ResourceNotFoundException', { resourceType: 'Field' }, false, 'ListFields failed on domain d-9: ResourceNotFoundException: ResourceNotFoundException message'],
    ['AccessDeniedException', {}, false, 'access denied to cases:ListFields on domain d-9: the credentials in use need the IAM action cases:ListFields'],
    ['ValidationException', {}, false, 'ListFields failed on domain d-9: ValidationException: ValidationException message'],
  ])('%s %j (domain-level call: %s) is not retried and says: %s', async (name, extra, domainLevel, message) => {
    const { client, calls } = scriptedClient([serviceError(name, extra)]);
    const failure = new CasesApi(client, recordingPolicy()).send(new ListFieldsCommand({ domainId: 'd-9' }), { domainId: 'd-9', domainLevel });
    await expect(failure).rejects.toThrow(message);
    expect(calls()).toBe(1);
  });
});

describe('Comparison', () => {
  test('paths name the differing member; a union whose member changed is one difference', () => {
    const template = { required: { defaultValue: false, conditions: [
      { equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'closed' }, result: true } },
      { equalTo: { operandOne: { fieldId: 'f' }, operandTwo: { stringValue: 'x' }, result: true } },
    ] } };
    const live = { required: { defaultValue: true, conditions: [
      { equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'resolved' }, result: true } },
      { equalTo: { operandOne: { fieldId: 'f' }, operandTwo: { booleanValue: true }, result: true } },
      { notEqualTo: { operandOne: { fieldId: 'g' }, operandTwo: { emptyValue: {} }, result: false } },
    ] } };
    const { differences } = new Comparison().compare('CaseRuleDetails', template, live, 'rule');
    expect(differences).toEqual([
      { path: 'rule.required.defaultValue', template: false, live: true },
      { path: 'rule.required.conditions[0].equalTo.operandTwo.stringValue', template: 'closed', live: 'resolved' },
      { path: 'rule.required.conditions[1].equalTo.operandTwo', template: { stringValue: 'x' }, live: { booleanValue: true } },
      { path: 'rule.required.conditions[2]', template: undefined, live: live.required.conditions[2] },
    ]);
  });

  test('absent equals empty (lists, maps, structures, strings); tokens are not compared', () => {
    const comparison = new Comparison()
      .compare({ type: 'list', member: 'RequiredField' }, undefined, [], 'requiredFields')
      .compare('LayoutConfiguration', undefined, {}, 'layoutConfiguration')
      .compare({ type: 'string' }, undefined, '', 'description')
      .compare({ type: 'list', member: 'TemplateRule' }, [{ caseRuleId: tokenMark({ 'Fn::GetAtt': ['R', 'CaseRuleId'] }), fieldId: 'f' }], [{ caseRuleId: 'r-1', fieldId: 'f' }], 'rules')
      .compare({ type: 'list', member: 'TagPropagationConfiguration' }, [{ resourceType: 'Cases', tagMap: { a: '1' } }], [{ resourceType: 'Cases', tagMap: { a: '2', 'b c': '3' } }], 't');
    expect(comparison.differences).toEqual([
      { path: 't[0].tagMap.a', template: '1', live: '2' },
      { path: 't[0].tagMap["b c"]', template: undefined, live: '3' },
    ]);
    expect(comparison.unchecked).toEqual([{ path: 'rules[0].caseRuleId', reason: 'the template holds a token: {"Fn::GetAtt":["R","CaseRuleId"]}' }]);
  });
});
