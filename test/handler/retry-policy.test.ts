import { backoffMs, isRetryable } from '../../lambda/retry';

function serviceError(name: string, status: number): Error {
  return Object.assign(new Error('message'), { name, $metadata: { httpStatusCode: status } });
}

describe('isRetryable', () => {
  test.each([
    ['ThrottlingException', serviceError('ThrottlingException', 429), true],
    ['InternalServerException', serviceError('InternalServerException', 500), true],
    ['any 5xx', serviceError('UnknownError', 503), true],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['ValidationException', serviceError('ValidationException', 400), false],
    ['ConflictException', serviceError('ConflictException', 409), false],
    ['ResourceNotFoundException', serviceError('ResourceNotFoundException', 404), false],
    ['our own abort', Object.assign(new Error('aborted'), { name: 'AbortError' }), false],
    ['a programming error', new TypeError('x is undefined'), false],
  ])('GIVEN %s THEN retryable is %s', (_name, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('backoffMs', () => {
  test('GIVEN the largest random draw THEN the delay doubles per attempt up to the 5 s cap', () => {
    const almostOne = () => 0.999999;

    expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffMs(attempt, almostOne))).toStrictEqual([199, 399, 799, 1599, 3199, 4999, 4999]);
  });

  test('GIVEN the smallest random draw THEN there is no delay (full jitter)', () => {
    expect(backoffMs(8, () => 0)).toBe(0);
  });
});
