import { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { CasesModel } from '../model/cases-model';
import { isBoundOutsideBody, TRAIT } from '../model/smithy-types';
import { CasesError } from './cases-error';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  res.end(text);
}

/**
 * Writes an error the restJson1 way: the model's status code, `x-amzn-ErrorType: <ShapeName>`, and
 * a JSON body with the shape's body members (header-bound members such as `Retry-After` go in headers).
 */
export function sendError(res: ServerResponse, model: CasesModel, error: CasesError): void {
  const errorShape = model.errorShape(error.shapeName);
  const body: Record<string, unknown> = { message: error.message };
  const headers: Record<string, string> = { 'x-amzn-errortype': error.shapeName };
  for (const [name, member] of Object.entries(errorShape?.shape.members ?? {})) {
    const value = error.members[name];
    if (value === undefined) continue;
    const header = member.traits?.[TRAIT.httpHeader] as string | undefined;
    if (header) headers[header.toLowerCase()] = String(value);
    else if (!isBoundOutsideBody(member)) body[name] = value;
  }
  // Errors outside the model (e.g. an unknown route) fall back to 400, or to 501 for "not implemented".
  const status = errorShape?.status ?? (error.shapeName === 'NotImplementedException' ? 501 : 400);
  sendJson(res, status, body, headers);
}
