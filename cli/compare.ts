import { ShapeRef, ShapeSpec, resolveShape } from '../lib/private/contract';

/**
 * Field-by-field comparison of a declared value with a live one, walking the contract's `SHAPES`
 * (the API's own member types), so paths read as in the API reference:
 * `rule.required.conditions[0].equalTo.operandTwo.stringValue`.
 *
 * The handler writes the full declared state, so an absent list equals `[]`, an absent map `{}`,
 * an absent structure one with no members, and an absent string `''`. A union whose members
 * differ (e.g. a string value against a boolean one) is one difference at the union's path.
 */

export interface Difference {
  readonly path: string;
  /** `undefined` means absent. */
  readonly template: unknown;
  readonly live: unknown;
}

/** A declared value that is a CloudFormation token (unknown until deployment): not compared. */
export interface Unchecked {
  readonly path: string;
  readonly reason: string;
}

export interface ComparisonResult {
  readonly differences: Difference[];
  readonly unchecked: Unchecked[];
}

/** Marks a token in decoded properties: a string that the decoder accepts and no real value starts with. */
export const TOKEN_MARK = '\u0000token:';

export function tokenMark(token: unknown): string {
  return TOKEN_MARK + JSON.stringify(token);
}

export class Comparison implements ComparisonResult {
  public readonly differences: Difference[] = [];
  public readonly unchecked: Unchecked[] = [];

  /** Compares `template` with `live` as shape `ref`, reporting under `path`. */
  public compare(ref: ShapeSpec | ShapeRef, template: unknown, live: unknown, path: string): this {
    const spec = resolveShape(ref);
    if (isToken(template)) {
      this.unchecked.push({ path, reason: `the template holds a token: ${(template as string).slice(TOKEN_MARK.length)}` });
      return this;
    }
    switch (spec.type) {
      case 'string':
        if ((template ?? '') !== (live ?? '')) this.differ(path, template, live);
        break;
      case 'boolean':
      case 'number':
        if (template !== live) this.differ(path, template, live);
        break;
      case 'empty':
        if ((template === undefined) !== (live === undefined)) this.differ(path, template, live);
        break;
      case 'list': {
        const declared = asList(template);
        const actual = asList(live);
        for (let i = 0; i < Math.max(declared.length, actual.length); i++) {
          const at = `${path}[${i}]`;
          if (i >= declared.length || i >= actual.length) this.differ(at, declared[i], actual[i]);
          else this.compare(spec.member, declared[i], actual[i], at);
        }
        break;
      }
      case 'stringMap': {
        const declared = asObject(template);
        const actual = asObject(live);
        for (const key of [...new Set([...Object.keys(declared), ...Object.keys(actual)])].sort()) {
          this.compare({ type: 'string' }, declared[key] ?? undefined, actual[key] ?? undefined, memberPath(path, key));
        }
        break;
      }
      case 'structure': {
        if (template === undefined && live === undefined) break;
        const declared = asObject(template);
        const actual = asObject(live);
        for (const [name, member] of Object.entries(spec.members)) {
          this.compare(member, declared[name], actual[name], memberPath(path, name));
        }
        break;
      }
      case 'union': {
        const declared = asObject(template);
        const actual = asObject(live);
        const declaredMember = setMember(declared);
        const liveMember = setMember(actual);
        if (declaredMember === undefined && liveMember === undefined) break;
        if (declaredMember !== liveMember || declaredMember === undefined || !(declaredMember in spec.members)) {
          this.differ(path, template, live);
          break;
        }
        this.compare(spec.members[declaredMember], declared[declaredMember], actual[declaredMember], memberPath(path, declaredMember));
        break;
      }
    }
    return this;
  }

  /** Records a difference found by the caller (e.g. a missing field option). */
  public differ(path: string, template: unknown, live: unknown): this {
    this.differences.push({ path, template, live });
    return this;
  }
}

export function isToken(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(TOKEN_MARK);
}

/** `rules` + `0` -> `rules[0]`; `tagMap` + `a b` -> `tagMap["a b"]`; otherwise dotted. */
function memberPath(path: string, name: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `${path}[${JSON.stringify(name)}]`;
  return path ? `${path}.${name}` : name;
}

function setMember(value: Record<string, unknown>): string | undefined {
  return Object.keys(value).find((name) => value[name] !== undefined && value[name] !== null);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
