/**
 * Names for generated code, derived from the records' names: words of letters and digits, joined
 * in the case each kind of name uses, made unique by a numeric suffix in the order names are
 * requested (callers request them in a sorted order, so the same domain gives the same names).
 */

/** Words reserved in TypeScript (or too confusing as variable names in the generated class). */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'as',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'any',
  'boolean', 'constructor', 'declare', 'get', 'module', 'require', 'number', 'set', 'string', 'symbol', 'type',
  'from', 'of', 'await', 'async', 'undefined', 'arguments', 'eval',
]);

/** The words of a name: runs of letters and digits. */
export function words(name: string): string[] {
  return name.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** `Close reason required` -> `closeReasonRequired`; an all-caps first word is lowered (`VIP list` -> `vipList`). */
export function camelCase(name: string): string {
  const [first = '', ...rest] = words(name);
  const head = first === first.toUpperCase() ? first.toLowerCase() : first[0].toLowerCase() + first.slice(1);
  return head + rest.map(capitalize).join('');
}

/** `Close reason required` -> `CloseReasonRequired`. */
export function pascalCase(name: string): string {
  return words(name).map(capitalize).join('');
}

/** `Close reason` -> `CLOSE_REASON`. */
export function constantCase(name: string): string {
  return words(name).map((word) => word.toUpperCase()).join('_');
}

function capitalize(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * Hands out unique names. `fallback` replaces a name that has no letters or digits, and a name
 * that does not start with a letter gets `fallback` in front (identifiers cannot start with a digit).
 */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** A unique name; `join` puts a prefix in front of a name (e.g. camelCase joining). */
  public unique(base: string, fallback: string, join: (prefix: string, name: string) => string = (p, n) => p + n): string {
    let name = base === '' ? fallback : /^\p{L}/u.test(base) ? base : join(fallback, base);
    if (RESERVED.has(name)) name = join(name, fallback);
    let candidate = name;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${name}${/\d$/.test(name) ? '_' : ''}${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}
