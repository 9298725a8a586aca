import { MAX_RESPONSE_BYTES, renderResponse } from '../../lambda/response';

const identity = {
  PhysicalResourceId: 'c0ffee00-0000-4000-8000-000000000000',
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/S/4b1e3c50-1f2a-11f0-9c4e-0a1b2c3d4e5f',
  RequestId: '8e7b0c4e-2f0a-4d0c-9f39-7f3c2b1a0e9d',
  LogicalResourceId: 'Resource',
};

describe('renderResponse', () => {
  test('GIVEN a short reason WHEN rendered THEN it is kept whole', () => {
    const body = JSON.parse(renderResponse({ ...identity, Status: 'FAILED', Reason: 'UpdateCaseRule failed: ValidationException: bad' }));

    expect(body.Reason).toBe('UpdateCaseRule failed: ValidationException: bad');
  });

  test.each([
    ['ASCII', 'x'],
    ['multi-byte', '\u00e9\u4e2d\ud83d\ude00'],
  ])('GIVEN a 20000-character %s reason and long ids WHEN rendered THEN the body stays under the limit and says it was truncated', (_name, unit) => {
    const response = { ...identity, LogicalResourceId: 'L'.repeat(255), PhysicalResourceId: 'p'.repeat(500), Status: 'FAILED' as const, Reason: unit.repeat(20_000) };

    const rendered = renderResponse(response);

    expect(Buffer.byteLength(rendered)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(MAX_RESPONSE_BYTES).toBeLessThan(4096);
    expect(JSON.parse(rendered).Reason).toMatch(/ \[truncated\]$/);
  });
});
