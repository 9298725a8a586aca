import { validationError } from '../http/cases-error';

/**
 * ListCaseRules and ListTemplates both default to 20 items when `maxResults` is omitted; the fake
 * uses the same default for ListFields, ListLayouts and ListFieldOptions (an inference), and 10,
 * the largest page it allows, for ListDomains.
 */
export const DEFAULT_PAGE_SIZE = 20;

interface PageToken {
  /** Which listing issued the token, so one cannot be replayed against another. */
  scope: string;
  /** Creation sequence number of the last item returned. */
  after: number;
}

/**
 * One page of `items` (already in creation order). The token is opaque to clients but is a cursor
 * on the creation order, so items created or deleted between pages do not shift later pages.
 */
export function paginate<T extends { seq: number }>(items: T[], scope: string, maxResults: number | undefined,
  nextToken: string | undefined, defaultPageSize = DEFAULT_PAGE_SIZE): { page: T[]; nextToken?: string } {
  const after = nextToken === undefined ? 0 : decodeToken(nextToken, scope);
  const remaining = items.filter((item) => item.seq > after);
  const page = remaining.slice(0, maxResults ?? defaultPageSize);
  if (page.length === remaining.length) return { page };
  const token: PageToken = { scope, after: page[page.length - 1].seq };
  return { page, nextToken: Buffer.from(JSON.stringify(token)).toString('base64url') };
}

function decodeToken(nextToken: string, scope: string): number {
  try {
    const token = JSON.parse(Buffer.from(nextToken, 'base64url').toString('utf8')) as PageToken;
    if (token.scope === scope && Number.isInteger(token.after)) return token.after;
  } catch {
    // fall through to the error below
  }
  throw validationError(`Invalid nextToken '${nextToken}'`);
}
