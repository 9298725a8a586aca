import { OWNER_TAG_KEY, ShapeName, ShapeRef, ShapeSpec, resolveShape } from '../lib/private/contract';
import { DecodeFailure } from './errors';

/**
 * Resource properties as CloudFormation delivers them, decoded by the member types in the contract's
 * `SHAPES`: every scalar arrives as a string and is turned back into the type the model states
 * ("true" -> true only where the member is a boolean, so a string "true" stays a string); members
 * that CloudFormation dropped because they were `{}` or `[]` are restored where the model requires
 * them. Unknown members are refused: they mean the construct and the handler disagree. Each failure
 * names the property path, e.g. `Rule.required.conditions[0].equalTo.result`.
 */

/** Properties CloudFormation adds to every custom resource; not part of the contract. */
const CLOUDFORMATION_PROPERTIES = ['ServiceToken', 'ServiceTimeout'];

/** Decodes the properties of a resource as `shape` (one of the `...Properties` shapes). */
export function decodeProperties<T>(properties: unknown, shape: ShapeName): T {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw new DecodeFailure('(properties)', `expected an object, received ${describe(properties)}`);
  }
  const own = Object.fromEntries(Object.entries(properties).filter(([key]) => !CLOUDFORMATION_PROPERTIES.includes(key)));
  return decodeShape(own, shape, '') as T;
}

/** Decodes `value` as the shape `ref` (a named shape or an inline spec) at `path`. */
export function decodeShape(value: unknown, ref: ShapeSpec | ShapeRef, path: string): unknown {
  const spec = resolveShape(ref);
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') throw new DecodeFailure(path, `expected a string, received ${describe(value)}`);
      return value;
    case 'boolean': {
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw new DecodeFailure(path, `expected a boolean ("true" or "false"), received ${describe(value)}`);
    }
    case 'number':
      return decodeNumber(value, path);
    case 'empty':
      if (value === undefined || value === null || value === '' || isEmptyObject(value)) return {};
      throw new DecodeFailure(path, `expected an empty object, received ${describe(value)}`);
    case 'list':
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) throw new DecodeFailure(path, `expected a list, received ${describe(value)}`);
      return value.map((item, index) => decodeShape(item, spec.member, `${path}[${index}]`));
    case 'stringMap': {
      const fields = decodeObject(value ?? {}, path);
      return Object.fromEntries(Object.entries(fields).map(([key, member]) => [key, decodeShape(member, { type: 'string' }, childPath(path, key))]));
    }
    case 'structure':
      return decodeStructure(decodeObject(value ?? {}, path), spec, path);
    case 'union':
      return decodeUnion(decodeObject(value ?? {}, path), spec, path);
  }
}

type StructureSpec = Extract<ShapeSpec, { type: 'structure' }>;
type UnionSpec = Extract<ShapeSpec, { type: 'union' }>;

function decodeStructure(fields: Record<string, unknown>, spec: StructureSpec, path: string): Record<string, unknown> {
  rejectUnknown(fields, Object.keys(spec.members), path);
  const decoded: Record<string, unknown> = {};
  for (const [name, memberRef] of Object.entries(spec.members)) {
    const value = fields[name];
    const at = childPath(path, name);
    if (value === undefined || value === null) {
      if (!spec.required.includes(name)) continue;
      if (!restorable(memberRef)) throw new DecodeFailure(at, 'required, but absent');
    }
    decoded[name] = decodeShape(value, memberRef, at);
  }
  return decoded;
}

/** Exactly one member; none at all means the one empty-structure member, dropped on the way. */
function decodeUnion(fields: Record<string, unknown>, spec: UnionSpec, path: string): Record<string, unknown> {
  rejectUnknown(fields, Object.keys(spec.members), path);
  const present = Object.keys(fields).filter((name) => fields[name] !== undefined && fields[name] !== null);
  if (present.length === 0) {
    const empty = Object.keys(spec.members).filter((name) => resolveShape(spec.members[name]).type === 'empty');
    if (empty.length === 1) return { [empty[0]]: {} };
    throw new DecodeFailure(path || '(properties)', `expected exactly one of ${Object.keys(spec.members).join(', ')}, received none`);
  }
  if (present.length > 1) {
    throw new DecodeFailure(path || '(properties)', `expected exactly one of ${Object.keys(spec.members).join(', ')}, received ${present.join(' and ')}`);
  }
  const [name] = present;
  return { [name]: decodeShape(fields[name], spec.members[name], childPath(path, name)) };
}

/** A required member CloudFormation may have dropped (`{}`, `[]`, or an object left empty) is restored. */
function restorable(ref: ShapeSpec | ShapeRef): boolean {
  const spec = resolveShape(ref);
  switch (spec.type) {
    case 'list':
    case 'stringMap':
    case 'empty':
      return true;
    case 'structure':
      return spec.required.every((name) => restorable(spec.members[name]));
    case 'union':
      return Object.values(spec.members).some((member) => resolveShape(member).type === 'empty');
    default:
      return false;
  }
}

function decodeObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeFailure(path || '(properties)', `expected an object, received ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function rejectUnknown(fields: Record<string, unknown>, allowed: string[], path: string): void {
  const unknown = Object.keys(fields).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw new DecodeFailure(childPath(path, unknown), `unknown property; expected one of ${allowed.join(', ')}`);
  }
}

/** Decimal notation only: `Number()` alone would also take "0x10", "" and " ". */
const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function decodeNumber(value: unknown, path: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new DecodeFailure(path, `expected a finite number, received ${describe(value)}`);
  return number;
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** `Rule` + `required` -> `Rule.required`. */
export function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** User tags as a map. The owner tag is reserved: the handler sets it. */
export function userTags(tags: ReadonlyArray<{ Key: string; Value: string }> | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  (tags ?? []).forEach((tag, index) => {
    const at = `Tags[${index}].Key`;
    if (tag.Key === OWNER_TAG_KEY) throw new DecodeFailure(at, `the tag key ${OWNER_TAG_KEY} is reserved`);
    if (tag.Key in map) throw new DecodeFailure(at, `duplicate tag key ${describe(tag.Key)}`);
    map[tag.Key] = tag.Value;
  });
  return map;
}

/** A property that must not be empty (the decoder accepts "", the API does not). */
export function nonEmpty(value: string, property: string): string {
  if (value === '') throw new DecodeFailure(property, 'must not be empty');
  return value;
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
  if (typeof properties !== 'object' || properties === null) throw new DecodeFailure(path || '(properties)', `expected an object, received ${describe(properties)}`);
  const domainId = (properties as Record<string, unknown>).DomainId;
  if (typeof domainId !== 'string' || domainId === '') {
    throw new DecodeFailure(childPath(path, 'DomainId'), `expected a non-empty domain id, received ${describe(domainId)}`);
  }
  return domainId;
}
