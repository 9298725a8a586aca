import { Logger } from './log';

/**
 * The answer to CloudFormation: a JSON document PUT to the presigned ResponseURL. CloudFormation
 * rejects responses of 4096 bytes or more, so the Reason is shortened to fit.
 */

export interface CloudFormationResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** Largest body we send; below CloudFormation's 4096-byte limit. */
export const MAX_RESPONSE_BYTES = 4000;
/** A longer Reason is not read by anyone; it is cut here first. */
const MAX_REASON_CHARACTERS = 1000;
const TRUNCATED = ' [truncated]';

/** The response body, with the Reason shortened until the body fits `MAX_RESPONSE_BYTES`. */
export function renderResponse(response: CloudFormationResponse): string {
  let reason = response.Reason === undefined ? undefined : shorten(response.Reason, MAX_REASON_CHARACTERS);
  let body = JSON.stringify({ ...response, Reason: reason });
  while (Buffer.byteLength(body) > MAX_RESPONSE_BYTES && reason !== undefined && reason.length > TRUNCATED.length) {
    const excess = Buffer.byteLength(body) - MAX_RESPONSE_BYTES;
    reason = shorten(reason, reason.length - excess - TRUNCATED.length);
    body = JSON.stringify({ ...response, Reason: reason });
  }
  return body;
}

function shorten(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  let end = Math.max(0, maxCharacters - TRUNCATED.length);
  // Never split a UTF-16 surrogate pair: half of one is not valid text (JSON would escape it as \udXXX).
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}${TRUNCATED}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const PUT_ATTEMPTS = 4;
const PUT_TIMEOUT_MS = 10_000;

/**
 * PUTs the body to the ResponseURL, retrying network errors and 5xx. The empty content-type
 * matters: the URL is presigned without one. Never logs the URL: it grants answering for the stack.
 */
export async function sendResponse(responseUrl: string, body: string, log: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let problem: string;
    try {
      const reply = await fetch(responseUrl, {
        method: 'PUT',
        headers: { 'content-type': '' },
        body,
        signal: AbortSignal.timeout(PUT_TIMEOUT_MS),
      });
      await reply.arrayBuffer(); // drain, so the connection is released
      if (reply.ok) return;
      problem = `HTTP ${reply.status}`;
      if (reply.status < 500) throw new Error(`CloudFormation rejected the response: ${problem}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('CloudFormation rejected')) throw error;
      problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (attempt >= PUT_ATTEMPTS) throw new Error(`could not send the response after ${attempt} attempts: ${problem}`);
    const delayMs = Math.floor(Math.random() * 250 * 2 ** attempt);
    log.warn('retrying the response to CloudFormation', { attempt, delayMs, error: problem });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}
