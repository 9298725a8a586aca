import { ConnectCasesClient } from '@aws-sdk/client-connectcases';

/**
 * The one Cases client of this Lambda environment, reused across invocations. Its own retries are
 * off: `retry.ts` retries within the invocation's deadline instead.
 */
export const cases = new ConnectCasesClient({ maxAttempts: 1 });
