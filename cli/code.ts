/**
 * A tiny code layout engine for the generated TypeScript: expressions are built as a tree and
 * printed on one line when they fit, otherwise broken one member per line with trailing commas,
 * the way a person (or Prettier) would write them.
 */

/** A printed expression: raw text, or a call, object or array that may break over lines. */
export type Expr = string | Call | ObjectLiteral | ArrayLiteral;

export interface Call {
  readonly kind: 'call';
  readonly callee: string;
  readonly args: Expr[];
}

export interface ObjectLiteral {
  readonly kind: 'object';
  readonly entries: Entry[];
}

export interface ArrayLiteral {
  readonly kind: 'array';
  readonly items: Item[];
}

/** An object member; `comment` lines go above it (and force the object to break). */
export interface Entry {
  readonly key: string;
  readonly value: Expr;
  readonly comment?: string[];
}

/** An array element; `comment` lines go above it (and force the array to break). */
export interface Item {
  readonly value: Expr;
  readonly comment?: string[];
}

export const MAX_LINE = 120;
const INDENT = '  ';

export function call(callee: string, ...args: Expr[]): Call {
  return { kind: 'call', callee, args };
}

/** An object literal from `[key, value]` pairs; undefined values are left out. */
export function object(...entries: Array<[string, Expr | undefined] | Entry>): ObjectLiteral {
  const kept: Entry[] = [];
  for (const entry of entries) {
    if (Array.isArray(entry)) {
      if (entry[1] !== undefined) kept.push({ key: entry[0], value: entry[1] });
    } else {
      kept.push(entry);
    }
  }
  return { kind: 'object', entries: kept };
}

export function array(items: Array<Expr | Item>): ArrayLiteral {
  return { kind: 'array', items: items.map((item) => (typeof item === 'object' && 'value' in item ? item : { value: item })) };
}

/** A TypeScript string literal: single-quoted, or double-quoted when that saves escaping a quote. */
export function str(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replace(/[\\'"\u0000-\u001f\u2028\u2029\u007f]/g, (char) => {
    switch (char) {
      case '\\': return '\\\\';
      case "'":
      case '"': return char === quote ? `\\${char}` : char;
      case '\n': return '\\n';
      case '\r': return '\\r';
      case '\t': return '\\t';
      default: return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `${quote}${escaped}${quote}`;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : str(name);
}

/** Text safe inside a `//` comment (one line). */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/**
 * `expr` laid out at `indent` (a number of levels), with `prefix` before it on the first line
 * (e.g. `const x = `) and `suffix` after it on the last line (e.g. `;`).
 */
export function print(expr: Expr, indent: number, prefix = '', suffix = ''): string {
  const pad = INDENT.repeat(indent);
  const flat = flatten(expr);
  if (flat !== undefined && pad.length + prefix.length + flat.length + suffix.length <= MAX_LINE) {
    return `${pad}${prefix}${flat}${suffix}`;
  }
  return `${pad}${prefix}${broken(expr, indent)}${suffix}`;
}

/** One-line form, or undefined when the expression holds comments and so cannot be one line. */
function flatten(expr: Expr): string | undefined {
  if (typeof expr === 'string') return expr;
  switch (expr.kind) {
    case 'call': {
      const args = expr.args.map(flatten);
      return args.includes(undefined) ? undefined : `${expr.callee}(${args.join(', ')})`;
    }
    case 'object': {
      if (expr.entries.some((entry) => entry.comment?.length)) return undefined;
      const members = expr.entries.map((entry) => {
        const value = flatten(entry.value);
        return value === undefined ? undefined : shorthand(entry) ?? `${key(entry.key)}: ${value}`;
      });
      if (members.includes(undefined)) return undefined;
      return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
    }
    case 'array': {
      if (expr.items.some((item) => item.comment?.length)) return undefined;
      const items = expr.items.map((item) => flatten(item.value));
      return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
    }
  }
}

/** The broken form: starts on the current line, continues on lines indented by `indent`. */
function broken(expr: Expr, indent: number): string {
  if (typeof expr === 'string') return expr;
  const pad = INDENT.repeat(indent);
  switch (expr.kind) {
    case 'call': {
      // A call whose last argument is an object or array, the others short, hugs it: `f(a, {` ... `})`.
      const last = expr.args[expr.args.length - 1];
      const others = expr.args.slice(0, -1).map(flatten);
      if (last !== undefined && typeof last !== 'string' && last.kind !== 'call' && !others.includes(undefined)) {
        return `${expr.callee}(${[...others, broken(last, indent)].join(', ')})`;
      }
      return `${expr.callee}(\n${expr.args.map((arg) => print(arg, indent + 1, '', ',')).join('\n')}\n${pad})`;
    }
    case 'object': {
      if (expr.entries.length === 0) return '{}';
      const lines = expr.entries.map((entry) => member(entry.comment, indent + 1, shorthand(entry) !== undefined
        ? `${INDENT.repeat(indent + 1)}${entry.key},`
        : print(entry.value, indent + 1, `${key(entry.key)}: `, ',')));
      return `{\n${lines.join('\n')}\n${pad}}`;
    }
    case 'array': {
      if (expr.items.length === 0) return '[]';
      const lines = expr.items.map((item) => member(item.comment, indent + 1, print(item.value, indent + 1, '', ',')));
      return `[\n${lines.join('\n')}\n${pad}]`;
    }
  }
}

/** `{ domainId }` rather than `{ domainId: domainId }`. */
function shorthand(entry: Entry): string | undefined {
  return entry.value === entry.key ? entry.key : undefined;
}

function member(comment: string[] | undefined, indent: number, line: string): string {
  const pad = INDENT.repeat(indent);
  return [...(comment ?? []).map((text) => `${pad}// ${commentText(text)}`), line].join('\n');
}
