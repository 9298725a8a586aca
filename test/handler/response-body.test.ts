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

describe('truncated reasons never split a surrogate pair', () => {
  /** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
  const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const EMOJI = '\ud83d\ude00';
  // A leading run of 'a' moves every cut point by one UTF-16 unit, so some alignment cuts a pair.
  const ALIGNMENTS = Array.from({ length: 11 }, (_, n) => 'a'.repeat(n));

  test.each(ALIGNMENTS.slice(0, 2))('GIVEN a reason of emoji after "%s" WHEN cut to the character limit THEN only whole characters remain', (prefix) => {
    const rendered = renderResponse({ ...identity, Status: 'FAILED', Reason: `${prefix}${EMOJI.repeat(5_000)}` });

    const reason: string = JSON.parse(rendered).Reason;
    expect(reason).toMatch(/ \[truncated\]$/);
    expect(reason).not.toMatch(LONE_SURROGATE);
    expect(rendered).not.toMatch(/\\ud[89a-f]/i);
  });

  test.each(ALIGNMENTS)('GIVEN long ids and a reason of 3-byte characters and emoji after "%s" WHEN cut to the byte limit THEN only whole characters remain', (prefix) => {
    const response = {
      ...identity, LogicalResourceId: 'L'.repeat(255), PhysicalResourceId: '\u00e9'.repeat(500), Status: 'FAILED' as const,
      Reason: `${prefix}${`${'\u4e2d'.repeat(9)}${EMOJI}`.repeat(500)}`,
    };

    const rendered = renderResponse(response);

    const reason: string = JSON.parse(rendered).Reason;
    expect(Buffer.byteLength(rendered)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(reason.length).toBeLessThan(1000 - ' [truncated]'.length); // the byte limit, not the character limit, cut it
    expect(reason).toMatch(/ \[truncated\]$/);
    expect(reason).not.toMatch(LONE_SURROGATE);
    expect(rendered).not.toMatch(/\\ud[89a-f]/i);
  });
});
