import { ConnectCasesClient } from '@aws-sdk/client-connectcases';
import { FakeCases, FakeCasesOptions } from './fake-cases';

/** The fake's own tests: a fresh fake and a real SDK client (no retries) per test. */
export interface FakeAndClient {
  fake: FakeCases;
  cases: ConnectCasesClient;
}

/** Registers beforeEach/afterEach that start a fake with `options` and a client pointed at it. */
export function useFakeAndClient(options: FakeCasesOptions = {}): FakeAndClient {
  // Dummy credentials: the fake checks the SigV4 scope, never the signature.
  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKECASES';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret';
  process.env.AWS_REGION = 'us-east-1';
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  const context = {} as FakeAndClient;
  beforeEach(async () => {
    context.fake = await FakeCases.start(options);
    context.cases = new ConnectCasesClient({ endpoint: context.fake.endpoint, maxAttempts: 1 });
  });
  afterEach(async () => {
    context.cases.destroy();
    await context.fake.close();
  });
  return context;
}

export type SdkError = Error & { $metadata: { httpStatusCode?: number }; [key: string]: unknown };

/** The SDK error a call rejects with, for assertions on name, status and members. */
export async function errorOf(call: Promise<unknown>): Promise<SdkError> {
  try {
    await call;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** [name, HTTP status] of an SDK error. */
export function statusOf(error: SdkError): [string, number | undefined] {
  return [error.name, error.$metadata?.httpStatusCode];
}
