import { HandlerFailure } from '../errors';

/** A member the API documents as required in a response; its absence is a service fault. */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new HandlerFailure(`the Cases API response lacks ${what}`);
  return value;
}

/**
 * A JSON text that is the same for equal API values whatever their key order, with absent members,
 * empty lists, empty objects and empty strings treated alike (the API does not tell `[]` or `{}`
 * from absent on read). Dropping `{}` is safe for unions: `{ emptyValue: {} }` still differs from
 * any other member.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(normalize(value)) ?? 'null';
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(normalize);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort()
      .map((key) => [key, normalize((value as Record<string, unknown>)[key])] as const)
      .filter(([, member]) => member !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value === '' || value === null ? undefined : value;
}

/** One page of a paginated list. */
export interface Page<T> {
  readonly items: T[] | undefined;
  readonly nextToken?: string | null;
}

/** The first item that `matches`, reading pages only until one holds it. */
export async function findInPages<T>(page: (nextToken: string | undefined) => Promise<Page<T>>, matches: (item: T) => boolean): Promise<T | undefined> {
  let found: T | undefined;
  await eachPage(page, (items) => {
    found = items.find(matches);
    return found === undefined;
  });
  return found;
}

/** Every item of every page. */
export async function allPages<T>(page: (nextToken: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  await eachPage(page, (items) => {
    all.push(...items);
    return true;
  });
  return all;
}

/** Reads pages in order while `more(items)` says to go on and a next page exists. */
async function eachPage<T>(page: (nextToken: string | undefined) => Promise<Page<T>>, more: (items: T[]) => boolean): Promise<void> {
  let nextToken: string | undefined;
  do {
    const { items, nextToken: next } = await page(nextToken);
    if (!more(items ?? [])) return;
    nextToken = next ?? undefined;
  } while (nextToken);
}
