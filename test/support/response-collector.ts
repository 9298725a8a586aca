import { AddressInfo } from 'node:net';
import http from 'node:http';
import type { CloudFormationResponse } from '../../lambda/response';

/** What the handler PUT to its ResponseURL, as CloudFormation would receive it. */
export interface CapturedResponse {
  /** The parsed JSON body. */
  readonly body: CloudFormationResponse;
  /** Size of the body in bytes (CloudFormation rejects 4096 and more). */
  readonly bytes: number;
  /** The content-type header as sent (the presigned URL requires it empty). */
  readonly contentType: string | undefined;
}

/**
 * A loopback stand-in for CloudFormation's presigned response URLs: one URL per RequestId, every
 * PUT captured. It can answer the first PUTs with 503 to prove the handler retries its answer.
 */
export class ResponseCollector {
  public static async start(): Promise<ResponseCollector> {
    const collector = new ResponseCollector();
    await new Promise<void>((resolve) => collector.server.listen(0, '127.0.0.1', resolve));
    return collector;
  }

  private readonly received = new Map<string, CapturedResponse[]>();
  private failuresLeft = 0;
  private readonly server = http.createServer((request, reply) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (this.failuresLeft > 0) {
        this.failuresLeft--;
        reply.writeHead(503).end();
        return;
      }
      const requestId = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.split('/').pop() ?? '');
      const raw = Buffer.concat(chunks);
      const captured: CapturedResponse = {
        body: request.method === 'PUT' ? JSON.parse(raw.toString('utf8')) : { method: request.method },
        bytes: raw.length,
        contentType: request.headers['content-type'],
      };
      this.received.set(requestId, [...(this.received.get(requestId) ?? []), captured]);
      reply.writeHead(200).end();
    });
  });

  private constructor() {}

  /** A presigned-looking URL for `requestId`; the signature lets tests check it is never logged. */
  public urlFor(requestId: string): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/cloudformation-responses/${encodeURIComponent(requestId)}?X-Amz-Signature=${SECRET_SIGNATURE}`;
  }

  /** Every response received for `requestId`, in order. */
  public responsesFor(requestId: string): CapturedResponse[] {
    return this.received.get(requestId) ?? [];
  }

  /** Answers the next `count` PUTs with 503. */
  public failNext(count: number): void {
    this.failuresLeft = count;
  }

  public close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Part of every ResponseURL; it must never appear in the handler's logs. */
export const SECRET_SIGNATURE = 'presigned-signature-0123456789abcdef';
