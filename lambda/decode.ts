import { OWNER_TAG_KEY } from '../lib/private/resource-properties';
import { wireBoolean, wireNumber } from '../lib/private/wire-scalars';
import { DecodeFailure } from './errors';

/**
 * Decoding primitives for resource properties as CloudFormation delivers them: every scalar is a
 * string, so booleans and numbers are decoded by the schema the caller states, never guessed. An
 * absent list is an empty list. Each failure names the property path.
 */

/** Properties CloudFormation adds to every custom resource; not part of the contract. */
const CLOUDFORMATION_PROPERTIES = ['ServiceToken', 'ServiceTimeout'];

type Fields = Record<string, unknown>;

/** `Rule` + `Conditions` -> `Rule.Conditions`. */
export function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The resource properties object, rejecting members the contract does not know. */
export function decodeProperties(value: unknown, allowedKeys: readonly string[]): Fields {
  return decodeObject(value, '', [...allowedKeys, ...CLOUDFORMATION_PROPERTIES]);
}

/** An object with only `allowedKeys` (an unknown key is most likely a contract mismatch). */
export function decodeObject(value: unknown, path: string, allowedKeys: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeFailure(path || '(properties)', `expected an object, received ${describe(value)}`);
  }
  const unknown = Object.keys(value).filter((key) => !allowedKeys.includes(key));
  if (unknown.length > 0) {
    throw new DecodeFailure(childPath(path, unknown[0]), `unknown property; expected one of ${allowedKeys.join(', ')}`);
  }
  return value as Fields;
}

export function requiredString(fields: Fields, key: string, path: string): string {
  const value = fields[key];
  if (value === undefined || value === null) throw new DecodeFailure(childPath(path, key), 'required, but absent');
  return decodeString(value, childPath(path, key));
}

export function optionalString(fields: Fields, key: string, path: string): string | undefined {
  const value = fields[key];
  return value === undefined || value === null ? undefined : decodeString(value, childPath(path, key));
}

export function decodeString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new DecodeFailure(path, `expected a string, received ${describe(value)}`);
  return value;
}

/** A boolean from "true"/"false" (as CloudFormation delivers it) or a real boolean. */
export function requiredBoolean(fields: Fields, key: string, path: string): boolean {
  const value = fields[key];
  const decoded = wireBoolean(value);
  if (decoded === undefined) {
    throw new DecodeFailure(childPath(path, key), `expected a boolean ("true" or "false"), received ${describe(value)}`);
  }
  return decoded;
}

/** A finite number from a numeric string (as CloudFormation delivers it) or a real number. */
export function decodeNumber(value: unknown, path: string): number {
  const number = wireNumber(value);
  if (number === undefined) throw new DecodeFailure(path, `expected a finite number, received ${describe(value)}`);
  return number;
}

/** One of `allowed`. */
export function requiredEnum<T extends string>(fields: Fields, key: string, path: string, allowed: readonly T[]): T {
  const value = requiredString(fields, key, path);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new DecodeFailure(childPath(path, key), `expected one of ${allowed.join(', ')}, received ${describe(value)}`);
  }
  return value as T;
}

/** A list whose items are decoded by `item`; absent (or null) means empty. */
export function optionalList<T>(fields: Fields, key: string, path: string, item: (value: unknown, path: string) => T): T[] {
  const value = fields[key];
  const at = childPath(path, key);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DecodeFailure(at, `expected a list, received ${describe(value)}`);
  return value.map((entry, index) => item(entry, `${at}[${index}]`));
}

/**
 * User tags, a list of `{ Key, Value }` so that an empty map never has to survive CloudFormation.
 * The owner tag is reserved: the handler sets it.
 */
export function optionalTags(fields: Fields, key: string, path: string): Record<string, string> {
  const tags: Record<string, string> = {};
  optionalList(fields, key, path, (value, at) => {
    const tag = decodeObject(value, at, ['Key', 'Value']);
    const tagKey = requiredString(tag, 'Key', at);
    if (tagKey === OWNER_TAG_KEY) throw new DecodeFailure(childPath(at, 'Key'), `the tag key ${OWNER_TAG_KEY} is reserved`);
    if (tagKey in tags) throw new DecodeFailure(childPath(at, 'Key'), `duplicate tag key ${describe(tagKey)}`);
    tags[tagKey] = requiredString(tag, 'Value', at);
  });
  return tags;
}

/** A short description of a received value; long strings are cut so messages stay readable. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

/**
 * Only the domain of possibly older properties (OldResourceProperties on Update, or the properties
 * of a Delete): all that is needed to find the resource, so other members are not checked.
 */
export function domainIdOf(properties: unknown, path: string): string {
  if (typeof properties !== 'object' || properties === null) throw new DecodeFailure(path, `expected an object, received ${describe(properties)}`);
  return requiredString(properties as Fields, 'DomainId', path);
}
