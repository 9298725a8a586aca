import { CasesModel } from './cases-model';
import { MemberRef, Shape, TRAIT, Traits } from './smithy-types';

/**
 * Checks a JSON value against a shape the way a restJson1 service does: required members, JSON
 * types (a string "true" is not a boolean), length, range, pattern, enum, unique items, sparse
 * collections, and unions with exactly one member set. Unknown members are ignored, and a member
 * sent as null counts as absent. Returns one message per violation, naming the member path.
 */
export function validateShape(model: CasesModel, shapeId: string, value: unknown): string[] {
  const violations: string[] = [];
  new Validator(model, violations).check({ target: shapeId }, value, '');
  return violations;
}

/** The AWS wording: `1 validation error detected: Value at 'name' failed to satisfy constraint: ...`. */
export function validationMessage(violations: string[]): string {
  const count = violations.length;
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`;
}

type Json = Record<string, unknown>;

class Validator {
  constructor(private readonly model: CasesModel, private readonly violations: string[]) {}

  check(ref: MemberRef, value: unknown, path: string): void {
    const shape = this.model.shape(ref.target);
    const traits = this.model.effectiveTraits(ref);
    switch (shape.type) {
      case 'structure': return this.checkStructure(shape, value, path);
      case 'union': return this.checkUnion(shape, value, path);
      case 'list':
      case 'set': return this.checkList(shape, traits, value, path);
      case 'map': return this.checkMap(shape, traits, value, path);
      case 'string':
      case 'enum': return this.checkString(shape, traits, value, path);
      case 'boolean':
        if (typeof value !== 'boolean') this.fail(path, 'Member must be a boolean', value);
        return;
      case 'byte':
      case 'short':
      case 'integer':
      case 'long':
      case 'intEnum':
      case 'bigInteger':
        if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(path, 'Member must be an integer', value);
        return this.checkRange(traits, value, path);
      case 'float':
      case 'double':
      case 'bigDecimal':
        if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return;
        if (typeof value !== 'number') return this.fail(path, 'Member must be a number', value);
        return this.checkRange(traits, value, path);
      case 'timestamp': return this.checkTimestamp(traits, value, path);
      case 'blob':
        if (typeof value !== 'string') this.fail(path, 'Member must be a base64 string', value);
        return;
      case 'document': return;
      default: throw new Error(`validator does not know shape type '${shape.type}' (${ref.target})`);
    }
  }

  private checkStructure(shape: Shape, value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'Member must be a structure (JSON object)', value);
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      const memberValue = value[name];
      const memberPath = join(path, name);
      if (memberValue === undefined || memberValue === null) {
        if (member.traits?.[TRAIT.required] !== undefined) this.fail(memberPath, 'Member must not be null');
        continue;
      }
      this.check(member, memberValue, memberPath);
    }
  }

  private checkUnion(shape: Shape, value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'Member must be a union (JSON object)', value);
    const members = shape.members ?? {};
    const set = Object.keys(members).filter((name) => value[name] !== undefined && value[name] !== null);
    if (set.length !== 1) {
      const found = set.length === 0 ? 'none' : set.join(', ');
      return this.fail(path, `Union must have exactly one member set (one of ${Object.keys(members).join(', ')}; found ${found})`);
    }
    this.check(members[set[0]], value[set[0]], join(path, set[0]));
  }

  private checkList(shape: Shape, traits: Traits, value: unknown, path: string): void {
    if (!Array.isArray(value)) return this.fail(path, 'Member must be a list (JSON array)', value);
    this.checkLength(traits, value.length, path, 'items');
    const sparse = traits[TRAIT.sparse] !== undefined;
    value.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (item === null) {
        if (!sparse) this.fail(itemPath, 'Member must not be null (the list is not sparse)');
        return;
      }
      this.check(shape.member!, item, itemPath);
    });
    if (traits[TRAIT.uniqueItems] !== undefined) {
      const seen = new Set(value.map((item) => JSON.stringify(item)));
      if (seen.size !== value.length) this.fail(path, 'Member must have unique items');
    }
  }

  private checkMap(shape: Shape, traits: Traits, value: unknown, path: string): void {
    if (!isObject(value)) return this.fail(path, 'Member must be a map (JSON object)', value);
    const entries = Object.entries(value);
    this.checkLength(traits, entries.length, path, 'entries');
    const sparse = traits[TRAIT.sparse] !== undefined;
    for (const [key, entryValue] of entries) {
      const entryPath = `${path}[${JSON.stringify(key)}]`;
      this.check(shape.key!, key, `${entryPath} (key)`);
      if (entryValue === null) {
        if (!sparse) this.fail(entryPath, 'Member must not be null (the map is not sparse)');
        continue;
      }
      this.check(shape.value!, entryValue, entryPath);
    }
  }

  private checkString(shape: Shape, traits: Traits, value: unknown, path: string): void {
    if (typeof value !== 'string') return this.fail(path, 'Member must be a string', value);
    const allowed = this.model.enumValues(shape);
    if (allowed && !allowed.includes(value)) {
      return this.fail(path, `Member must satisfy enum value set: [${allowed.join(', ')}]`, value);
    }
    // Smithy measures string length in Unicode code points.
    this.checkLength(traits, [...value].length, path, 'characters', value);
    const pattern = traits[TRAIT.pattern] as string | undefined;
    if (pattern !== undefined && !new RegExp(pattern).test(value)) {
      this.fail(path, `Member must satisfy regular expression pattern: ${pattern}`, value);
    }
  }

  private checkTimestamp(traits: Traits, value: unknown, path: string): void {
    const format = (traits[TRAIT.timestampFormat] as string | undefined) ?? 'epoch-seconds';
    const ok = format === 'epoch-seconds'
      ? typeof value === 'number'
      : typeof value === 'string' && !Number.isNaN(Date.parse(value));
    if (!ok) this.fail(path, `Member must be a timestamp in ${format} format`, value);
  }

  private checkLength(traits: Traits, length: number, path: string, unit: string, value?: unknown): void {
    const limits = traits[TRAIT.length] as { min?: number; max?: number } | undefined;
    if (limits?.min !== undefined && length < limits.min) {
      this.fail(path, `Member must have length greater than or equal to ${limits.min} (${unit})`, value);
    }
    if (limits?.max !== undefined && length > limits.max) {
      this.fail(path, `Member must have length less than or equal to ${limits.max} (${unit}; got ${length})`);
    }
  }

  private checkRange(traits: Traits, value: number, path: string): void {
    const limits = traits[TRAIT.range] as { min?: number; max?: number } | undefined;
    if (limits?.min !== undefined && value < limits.min) this.fail(path, `Member must have value greater than or equal to ${limits.min}`, value);
    if (limits?.max !== undefined && value > limits.max) this.fail(path, `Member must have value less than or equal to ${limits.max}`, value);
  }

  private fail(path: string, constraint: string, value?: unknown): void {
    const received = value === undefined ? '' : ` (received ${describe(value)})`;
    this.violations.push(`Value at '${path || '<input>'}' failed to satisfy constraint: ${constraint}${received}`);
  }
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a JSON array';
  if (typeof value === 'object') return 'a JSON object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
