import { array, call, MAX_LINE, object, print, str } from '../../cli/code';
import { camelCase, constantCase, NameScope, pascalCase } from '../../cli/names';

describe('string literals', () => {
  test.each([
    ['plain', "'plain'"],
    ["it's", '"it\'s"'],
    ['both \' and "', "'both \\' and \"'"],
    ['back\\slash', "'back\\\\slash'"],
    ['two\nlines\ttab', "'two\\nlines\\ttab'"],
    ['\u2028', "'\\u2028'"],
    ['Überprüfung', "'Überprüfung'"],
  ])('%j is written %s, which evaluates back to it', (value, literal) => {
    expect(str(value)).toBe(literal);
    expect(new Function(`return ${literal};`)()).toBe(value);
  });
});

describe('layout', () => {
  test('an expression that fits stays on one line, with shorthand members and quoted keys', () => {
    const expr = call('f', object(['domainId', 'domainId'], ['cost center', str('b')], ['skipped', undefined]));
    expect(print(expr, 1, 'const x = ', ';')).toBe("  const x = f({ domainId, 'cost center': 'b' });");
  });

  test('an expression too long for one line breaks one member per line, hugging the last argument', () => {
    const values = Array.from({ length: 12 }, (_, i) => str(`value-number-${i}`));
    const text = print(call('new Thing', 'this', str('Id'), object(['domainId', 'domainId'], ['values', array(values)])), 2, '', ';');
    const lines = text.split('\n');
    expect(lines[0]).toBe("    new Thing(this, 'Id', {");
    expect(lines[1]).toBe('      domainId,');
    expect(lines[2]).toBe('      values: [');
    expect(lines[3]).toBe("        'value-number-0',");
    expect(lines[lines.length - 1]).toBe('    });');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(MAX_LINE);
  });

  test('a comment on an element breaks its array and goes above the element', () => {
    const text = print(array([{ value: '1', comment: ['FIXME: why'] }, '2']), 0);
    expect(text).toBe('[\n  // FIXME: why\n  1,\n  2,\n]');
  });
});

describe('names', () => {
  test.each([
    ['Close reason required', 'closeReasonRequired', 'CloseReasonRequired', 'CLOSE_REASON_REQUIRED'],
    ['VIP: title required', 'vipTitleRequired', 'VIPTitleRequired', 'VIP_TITLE_REQUIRED'],
    ['iPhone issues', 'iPhoneIssues', 'IPhoneIssues', 'IPHONE_ISSUES'],
    ['Überprüfung nötig', 'überprüfungNötig', 'ÜberprüfungNötig', 'ÜBERPRÜFUNG_NÖTIG'],
    ['--', '', '', ''],
  ])('%j -> %s / %s / %s', (name, camel, pascal, constant) => {
    expect(camelCase(name)).toBe(camel);
    expect(pascalCase(name)).toBe(pascal);
    expect(constantCase(name)).toBe(constant);
  });

  test('a scope hands out each name once, in request order, and never a reserved word or a leading digit', () => {
    const scope = new NameScope(['domainId']);
    const join = (p: string, n: string) => p + n[0].toUpperCase() + n.slice(1);
    expect(scope.unique('closeReason', 'rule', join)).toBe('closeReason');
    expect(scope.unique('closeReason', 'rule', join)).toBe('closeReason2');
    expect(scope.unique('closeReason', 'rule', join)).toBe('closeReason3');
    expect(scope.unique('domainId', 'rule', join)).toBe('domainId2');
    expect(scope.unique('delete', 'rule', join)).toBe('deleteRule');
    expect(scope.unique('2faCheck', 'rule', join)).toBe('rule2faCheck');
    expect(scope.unique('', 'rule', join)).toBe('rule');
    expect(scope.unique('route1', 'rule', join)).toBe('route1');
    expect(scope.unique('route1', 'rule', join)).toBe('route1_2');
  });
});
