import { IncomingHttpHeaders } from 'node:http';
import { accessDenied } from './cases-error';

const SIGV4 = /^AWS4-HMAC-SHA256 Credential=[^/\s,]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request\s*,/;

/**
 * Requires a SigV4 Authorization header scoped to the service's signing name and the fake's
 * region. Signatures are not verified: this catches unsigned or mis-scoped clients only.
 */
export function requireSigV4(headers: IncomingHttpHeaders, signingName: string, region: string): void {
  const authorization = headers.authorization;
  if (!authorization) throw accessDenied('Missing Authentication Token: the request has no Authorization header');
  const scope = SIGV4.exec(authorization);
  if (!scope) throw accessDenied(`Authorization header is not AWS4-HMAC-SHA256 with a credential scope: ${authorization.slice(0, 80)}`);
  const [, scopeRegion, scopeService] = scope;
  if (scopeService !== signingName) {
    throw accessDenied(`Credential should be scoped to correct service: '${signingName}' (the request is signed for '${scopeService}')`);
  }
  if (scopeRegion !== region) {
    throw accessDenied(`Credential should be scoped to a valid region: '${region}' (the request is signed for '${scopeRegion}')`);
  }
}
