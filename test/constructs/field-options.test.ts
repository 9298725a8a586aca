import { App, CfnParameter, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleDefinition, CaseRuleValue, FieldOptionMapping } from '../../lib';
import { FieldOption, FieldOptions } from '../../lib/field-options';
import { newStack, onlyResource, synth } from './helpers';

const FIELD_OPTIONS_TYPE = 'Custom::ConnectCasesFieldOptions';

/** The messages of the validation errors `app.synth()` reports, without the construct path prefix. */
function validationErrors(app: App, path: string): string[] {
  try {
    app.synth();
  } catch (error) {
    const lines = String((error as Error).message).split('\n').slice(1).map((line) => line.trim());
    const prefix = `[${path}] `;
    return lines.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
  }
  throw new Error('expected synth to fail');
}

const billing = (overrides: Partial<FieldOption> = {}): FieldOption => ({ name: 'Billing', value: 'billing', ...overrides });

describe('FieldOptions resource', () => {
  test('GIVEN options with and without active WHEN synthesized THEN it writes exactly the contract properties, active defaulting to true', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new FieldOptions(stack, 'Categories', {
      domainId: 'domain-1',
      fieldId: 'field-1',
      options: [billing(), { name: 'Technical', value: 'technical', active: false }],
    });

    // THEN
    const template = synth(stack);
    const { properties, resource } = onlyResource(template, FIELD_OPTIONS_TYPE);
    const handler = Object.keys(template.findResources('AWS::Lambda::Function'));
    expect(handler).toHaveLength(1);
    expect(properties).toStrictEqual({
      ServiceToken: { 'Fn::GetAtt': [handler[0], 'Arn'] },
      ServiceTimeout: '900',
      DomainId: 'domain-1',
      FieldId: 'field-1',
      Options: [
        { name: 'Billing', value: 'billing', active: true },
        { name: 'Technical', value: 'technical', active: false },
      ],
    });
    expect(resource.DeletionPolicy).toBe('Delete');
    expect(resource.UpdateReplacePolicy).toBe('Delete');
  });

  test('GIVEN RemovalPolicy.RETAIN WHEN synthesized THEN CloudFormation keeps the options (never sends Delete)', () => {
    const { stack } = newStack();
    new FieldOptions(stack, 'Categories', { domainId: 'd', fieldId: 'f', options: [billing()], removalPolicy: RemovalPolicy.RETAIN });
    const { resource } = onlyResource(synth(stack), FIELD_OPTIONS_TYPE);
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.UpdateReplacePolicy).toBe('Retain');
  });

  test('GIVEN addOption after construction and a push onto the props array WHEN synthesized THEN only added options follow the given ones', () => {
    // GIVEN
    const { stack } = newStack();
    const given = [billing()];
    const categories = new FieldOptions(stack, 'Categories', { domainId: 'd', fieldId: 'f', options: given });

    // WHEN
    categories.addOption({ name: 'Technical', value: 'technical' });
    categories.addOption({ name: 'Legacy', value: 'legacy', active: false });
    given.push({ name: 'Ignored', value: 'ignored' });

    // THEN
    expect(onlyResource(synth(stack), FIELD_OPTIONS_TYPE).properties.Options).toStrictEqual([
      { name: 'Billing', value: 'billing', active: true },
      { name: 'Technical', value: 'technical', active: true },
      { name: 'Legacy', value: 'legacy', active: false },
    ]);
  });

  test('GIVEN a FieldOptions WHEN its fieldId is read THEN it is the resource attribute, so users of it come after the options', () => {
    const { stack } = newStack();
    const categories = new FieldOptions(stack, 'Categories', { domainId: 'domain-1', fieldId: 'field-1', options: [billing()] });
    const { logicalId } = onlyResource(synth(stack), FIELD_OPTIONS_TYPE);
    expect(stack.resolve(categories.fieldId)).toStrictEqual({ 'Fn::GetAtt': [logicalId, 'FieldId'] });
    expect(categories.domainId).toBe('domain-1');
  });

  test('GIVEN a CaseRule and two FieldOptions in one stack WHEN synthesized THEN they share the one handler function', () => {
    const { stack } = newStack();
    new FieldOptions(stack, 'A', { domainId: 'd', fieldId: 'a', options: [billing()] });
    new FieldOptions(stack, 'B', { domainId: 'd', fieldId: 'b', options: [billing()] });
    new CaseRule(stack, 'Rule', { domainId: 'd', rule: CaseRuleDefinition.hidden({ defaultValue: false }) });
    const template = synth(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs(FIELD_OPTIONS_TYPE, 2);
  });
});

describe('FieldOptions validation', () => {
  test.each<[string, Partial<FieldOption>, string]>([
    ['an empty name', { name: '' }, "FieldOptions property 'options[0].name' must be 1-100 characters; received '' (0 characters)"],
    ['a 101-character name', { name: 'n'.repeat(101) }, `FieldOptions property 'options[0].name' must be 1-100 characters; received '${'n'.repeat(40)}...' (101 characters)`],
    ['a name ending in white space', { name: 'Billing\t' }, "FieldOptions property 'options[0].name' must not end in white space; received 'Billing\\t' (8 characters)"],
    ['an empty value', { value: '' }, "FieldOptions property 'options[0].value' must be 1-100 characters; received '' (0 characters)"],
    ['a 101-character value', { value: 'v'.repeat(101) }, `FieldOptions property 'options[0].value' must be 1-100 characters; received '${'v'.repeat(40)}...' (101 characters)`],
    ['a value ending in white space', { value: 'billing ' }, "FieldOptions property 'options[0].value' must not end in white space; received 'billing ' (8 characters)"],
    ['a value holding a line break', { value: 'bill\ning' }, "FieldOptions property 'options[0].value' must not contain a line break; received 'bill\\ning' (8 characters)"],
  ])('GIVEN %s WHEN synthesized THEN the error names the property, the limit and the value', (_name, overrides, message) => {
    const { app, stack } = newStack();
    new FieldOptions(stack, 'Categories', { domainId: 'd', fieldId: 'f', options: [billing(overrides)] });
    expect(validationErrors(app, 'Stack/Categories')).toStrictEqual([message]);
  });

  test('GIVEN names and values of exactly 1 and 100 characters WHEN synthesized THEN they pass', () => {
    const { stack } = newStack();
    new FieldOptions(stack, 'Categories', {
      domainId: 'd'.repeat(500),
      fieldId: 'f'.repeat(500),
      options: [{ name: 'n', value: 'v' }, { name: 'n'.repeat(100), value: 'v'.repeat(100) }],
    });
    expect(() => synth(stack)).not.toThrow();
  });

  test.each<[string, string, string, string]>([
    ['an empty domain id', 'domainId', '', "FieldOptions property 'domainId' must be 1-500 characters; received '' (0 characters)"],
    ['a 501-character domain id', 'domainId', 'd'.repeat(501), `FieldOptions property 'domainId' must be 1-500 characters; received '${'d'.repeat(40)}...' (501 characters)`],
    ['an empty field id', 'fieldId', '', "FieldOptions property 'fieldId' must be 1-500 characters; received '' (0 characters)"],
    ['a 501-character field id', 'fieldId', 'f'.repeat(501), `FieldOptions property 'fieldId' must be 1-500 characters; received '${'f'.repeat(40)}...' (501 characters)`],
    ['the system status field', 'fieldId', 'status',
      "FieldOptions property 'fieldId' must not be the system field 'status', whose options (open and closed) cannot be changed; received 'status' (6 characters)"],
  ])('GIVEN %s WHEN synthesized THEN the error names it', (_name, property, value, message) => {
    const { app, stack } = newStack();
    new FieldOptions(stack, 'Categories', { domainId: 'd', fieldId: 'f', options: [billing()], [property]: value });
    expect(validationErrors(app, 'Stack/Categories')).toStrictEqual([message]);
  });

  test('GIVEN no option WHEN synthesized THEN at least one is required', () => {
    const { app, stack } = newStack();
    new FieldOptions(stack, 'Categories', { domainId: 'd', fieldId: 'f', options: [] });
    expect(validationErrors(app, 'Stack/Categories')).toStrictEqual(["FieldOptions property 'options' must hold at least 1 option; received 0"]);
  });

  test('GIVEN no option at construction WHEN one is added later THEN it synthesizes', () => {
    const { stack } = newStack();
    const categories = new FieldOptions(stack, 'Categories', { domainId: 'd', fieldId: 'f', options: [] });
    categories.addOption(billing());
    expect(() => synth(stack)).not.toThrow();
  });

  test('GIVEN a value declared twice, once through addOption WHEN synthesized THEN the repeat is reported once', () => {
    const { app, stack } = newStack();
    const categories = new FieldOptions(stack, 'Categories', { domainId: 'd', fieldId: 'f', options: [billing(), billing({ name: 'Billing again' })] });
    categories.addOption(billing({ name: 'Billing a third time' }));
    expect(validationErrors(app, 'Stack/Categories')).toStrictEqual([
      "FieldOptions property 'options' must not hold the same value twice; received 'billing' (7 characters) more than once",
    ]);
  });

  test('GIVEN several problems WHEN synthesized THEN all are reported at once', () => {
    const { app, stack } = newStack();
    new FieldOptions(stack, 'Categories', {
      domainId: '',
      fieldId: 'status',
      options: [billing({ name: 'Billing ' }), billing({ value: '' }), billing()],
    });
    expect(validationErrors(app, 'Stack/Categories')).toStrictEqual([
      "FieldOptions property 'domainId' must be 1-500 characters; received '' (0 characters)",
      "FieldOptions property 'fieldId' must not be the system field 'status', whose options (open and closed) cannot be changed; received 'status' (6 characters)",
      "FieldOptions property 'options[0].name' must not end in white space; received 'Billing ' (8 characters)",
      "FieldOptions property 'options[1].value' must be 1-100 characters; received '' (0 characters)",
      "FieldOptions property 'options' must not hold the same value twice; received 'billing' (7 characters) more than once",
    ]);
  });

  test('GIVEN tokens for the ids, a name and a value WHEN synthesized THEN they are not checked', () => {
    const { stack } = newStack();
    const token = (name: string) => new CfnParameter(stack, name).valueAsString;
    new FieldOptions(stack, 'Categories', {
      domainId: token('Domain'),
      fieldId: token('Field'),
      options: [{ name: Lazy.string({ produce: () => 'Billing ' }), value: token('Value') }],
    });
    expect(() => synth(stack)).not.toThrow();
  });

  test('GIVEN two values whose names differ only in case WHEN synthesized THEN a warning names both values', () => {
    const { stack } = newStack();
    new FieldOptions(stack, 'Categories', { domainId: 'd', fieldId: 'f', options: [billing(), { name: 'BILLING', value: 'billing-2' }] });
    Annotations.fromStack(stack).hasWarning('/Stack/Categories', Match.stringLikeRegexp(
      "^FieldOptions property 'options' names the values 'billing' and 'billing-2' alike \\('BILLING' \\(7 characters\\)\\); "
      + 'agents cannot tell them apart, and the service may refuse the second',
    ));
  });
});

describe('option builders', () => {
  test('GIVEN plain values WHEN optionsFromValues THEN each option is named like its value and active, in order', () => {
    expect(FieldOptions.optionsFromValues(['refund', 'invoice'])).toStrictEqual([
      { name: 'refund', value: 'refund', active: true },
      { name: 'invoice', value: 'invoice', active: true },
    ]);
  });

  test('GIVEN a CSV with a header in any order and case WHEN read THEN name, value and active come from their columns', () => {
    const csv = [
      'Value, NAME ,Active',
      'billing,Billing,true',
      'technical,"Technical, general",FALSE',
      'legacy,,',
      '"quoted ""one""",Quoted,',
      '',
    ].join('\r\n');
    expect(FieldOptions.optionsFromCsv(csv)).toStrictEqual([
      { name: 'Billing', value: 'billing', active: true },
      { name: 'Technical, general', value: 'technical', active: false },
      { name: 'legacy', value: 'legacy', active: true },
      { name: 'Quoted', value: 'quoted "one"', active: true },
    ]);
  });

  test('GIVEN a CSV header with only the value column WHEN read THEN each option is named like its value', () => {
    expect(FieldOptions.optionsFromCsv('value\nrefund\ninvoice\n')).toStrictEqual([
      { name: 'refund', value: 'refund', active: true },
      { name: 'invoice', value: 'invoice', active: true },
    ]);
  });

  test('GIVEN one value per line without a header, blank lines and a BOM WHEN read THEN each line is an active option', () => {
    expect(FieldOptions.optionsFromCsv('\uFEFFrefund\n\n  invoice  \n"a, b"\n')).toStrictEqual([
      { name: 'refund', value: 'refund', active: true },
      { name: 'invoice', value: 'invoice', active: true },
      { name: 'a, b', value: 'a, b', active: true },
    ]);
  });

  test.each<[string, string, string]>([
    ['an empty file', '\n\n', "FieldOptions.optionsFromCsv line 1: the file is empty; expected one value per line, or a header row such as 'name,value,active' and one option per row"],
    ['a header without rows', 'name,value\n', 'FieldOptions.optionsFromCsv line 1: the file has a header but no option rows'],
    ['a first row that is neither a header nor one value', 'Billing,billing\n',
      "FieldOptions.optionsFromCsv line 1: expected a header row naming the columns value, name and active (name and active optional, any order), or one value per line; received 'Billing,billing'"],
    ['a header naming a column twice', 'value,name,value\n', "FieldOptions.optionsFromCsv line 1: the header names the column 'value' twice"],
    ['a row narrower than the header', 'name,value,active\nBilling,billing,true\nTechnical,technical\n',
      'FieldOptions.optionsFromCsv line 3: expected 3 values, as the header names; received 2'],
    ['two values on a line without a header', 'refund\ninvoice,credit\n',
      "FieldOptions.optionsFromCsv line 2: expected one value per line (the file has no header row); received 2 values; quote a value that holds a comma, or start the file with a header row such as 'name,value,active'"],
    ['an empty value', 'name,value\nBilling,\n', "FieldOptions.optionsFromCsv line 2: value must be 1-100 characters; received '' (0 characters)"],
    ['a value over 100 characters', `refund\n${'x'.repeat(101)}\n`, `FieldOptions.optionsFromCsv line 2: value must be 1-100 characters; received '${'x'.repeat(40)}...' (101 characters)`],
    ['a quoted name ending in white space', 'name,value\n"Billing ",billing\n', "FieldOptions.optionsFromCsv line 2: name must not end in white space; received 'Billing ' (8 characters)"],
    ['a quoted value holding a line break', 'value\n"bill\ning"\n',
      "FieldOptions.optionsFromCsv line 2: value must not contain a line break; received 'bill\\ning' (8 characters)"],
    ['an active that is not a boolean', 'name,value,active\nBilling,billing,yes\n', "FieldOptions.optionsFromCsv line 2: active must be true, false or empty (true); received 'yes'"],
    ['a repeated value', 'value,name\nbilling,Billing\nrefund,Refund\nbilling,Billing again\n', "FieldOptions.optionsFromCsv line 4: value 'billing' repeats line 2; each value may appear once"],
    ['an unterminated quote', 'value\n"billing\n', 'FieldOptions.optionsFromCsv line 2: unterminated quoted value: the quote opened here is never closed'],
    ['a quote inside an unquoted value', 'value\nbil"ling\n', 'FieldOptions.optionsFromCsv line 2: a quote inside an unquoted value; put the whole value in quotes and double the quote ("")'],
  ])('GIVEN %s WHEN read THEN the error names the line and the problem', (_name, csv, message) => {
    expect(() => FieldOptions.optionsFromCsv(csv)).toThrow(new Error(message));
  });
});

/** A stack with SingleSelect fields Category and Subcategory, their options, and a rule mapping them. */
function ruleStack(options: {
  categories?: FieldOption[];
  subcategories?: FieldOption[];
  mappings?: FieldOptionMapping[];
  childFieldOf?: (fields: { subcategory: cases.CfnField; subcategoryOptions: FieldOptions }) => string;
  ruleDomainId?: string;
} = {}) {
  const { app, stack } = newStack();
  const domainId = new cases.CfnDomain(stack, 'Domain', { name: 'support' }).attrDomainId;
  const category = new cases.CfnField(stack, 'Category', { domainId, name: 'Category', type: 'SingleSelect' });
  const subcategory = new cases.CfnField(stack, 'Subcategory', { domainId, name: 'Subcategory', type: 'SingleSelect' });
  const categoryOptions = new FieldOptions(stack, 'CategoryOptions', {
    domainId,
    fieldId: category.attrFieldId,
    options: options.categories ?? FieldOptions.optionsFromValues(['billing', 'technical']),
  });
  const subcategoryOptions = new FieldOptions(stack, 'SubcategoryOptions', {
    domainId,
    fieldId: subcategory.attrFieldId,
    options: options.subcategories ?? FieldOptions.optionsFromValues(['refund', 'invoice', 'outage', 'bug']),
  });
  const rule = CaseRuleDefinition.fieldOptions({
    parentFieldId: category.attrFieldId,
    childFieldId: options.childFieldOf?.({ subcategory, subcategoryOptions }) ?? subcategory.attrFieldId,
    mappings: options.mappings ?? [
      { parentValue: 'billing', childValues: ['refund', 'invoice'] },
      { parentValue: 'technical', childValues: ['outage', 'bug'] },
    ],
  });
  new CaseRule(stack, 'Subcategories', { domainId: options.ruleDomainId ?? domainId, rule });
  return { app, stack, rule, category, subcategory, categoryOptions, subcategoryOptions };
}

describe('cross-check with field-options case rules', () => {
  test('GIVEN a rule whose parent and child values are all active declared options WHEN synthesized THEN it passes', () => {
    const { stack } = ruleStack();
    expect(() => synth(stack)).not.toThrow();
  });

  test('GIVEN child values that are not declared or declared inactive WHEN synthesized THEN the error names the rule, the field and each value', () => {
    // GIVEN
    const { app } = ruleStack({
      subcategories: [
        { name: 'refund', value: 'refund' },
        { name: 'invoice', value: 'invoice', active: false },
        { name: 'outage', value: 'outage' },
      ],
    });

    // THEN
    expect(validationErrors(app, 'Stack/SubcategoryOptions')).toStrictEqual([
      "FieldOptions property 'options' lacks child values that the case rule 'Stack/Subcategories' uses for field "
      + '{"Fn::GetAtt":["Subcategory","FieldId"]}; each must be an active option: \'invoice\' (declared inactive), \'bug\' (not declared)',
    ]);
  });

  test('GIVEN a parent value that is not declared WHEN synthesized THEN the parent field\'s FieldOptions reports it', () => {
    const { app } = ruleStack({ categories: FieldOptions.optionsFromValues(['billing']) });
    expect(validationErrors(app, 'Stack/CategoryOptions')).toStrictEqual([
      "FieldOptions property 'options' lacks parent values that the case rule 'Stack/Subcategories' uses for field "
      + '{"Fn::GetAtt":["Category","FieldId"]}; each must be an active option: \'technical\' (not declared)',
    ]);
  });

  test('GIVEN a rule whose child field is the FieldOptions\' own fieldId attribute WHEN a child value is missing THEN it is still found', () => {
    const { app } = ruleStack({
      subcategories: FieldOptions.optionsFromValues(['refund', 'invoice', 'outage']),
      childFieldOf: ({ subcategoryOptions }) => subcategoryOptions.fieldId,
    });
    expect(validationErrors(app, 'Stack/SubcategoryOptions')).toStrictEqual([
      "FieldOptions property 'options' lacks child values that the case rule 'Stack/Subcategories' uses for field "
      + '{"Fn::GetAtt":["Subcategory","FieldId"]}; each must be an active option: \'bug\' (not declared)',
    ]);
  });

  test('GIVEN a rule naming the field through another read of the same attribute WHEN a value is missing THEN tokens that resolve alike count as the same field', () => {
    const { app } = ruleStack({
      subcategories: FieldOptions.optionsFromValues(['refund', 'invoice', 'outage']),
      childFieldOf: ({ subcategory }) => subcategory.getAtt('FieldId').toString(),
    });
    expect(validationErrors(app, 'Stack/SubcategoryOptions')).toHaveLength(1);
  });

  test('GIVEN a rule in another domain WHEN its values are not declared here THEN it is not checked', () => {
    const { stack } = ruleStack({ subcategories: FieldOptions.optionsFromValues(['refund']), ruleDomainId: 'another-domain' });
    expect(() => synth(stack)).not.toThrow();
  });

  test('GIVEN a rule in another stack of the app WHEN a literal child value is missing THEN it is reported', () => {
    // GIVEN literal ids, as for fields created outside the app
    const app = new App();
    const options = new FieldOptions(new Stack(app, 'Options'), 'Subcategories', {
      domainId: 'domain-1', fieldId: 'subcategory', options: FieldOptions.optionsFromValues(['refund']),
    });
    new CaseRule(new Stack(app, 'Rules'), 'Rule', {
      domainId: 'domain-1',
      rule: CaseRuleDefinition.fieldOptions({ parentFieldId: 'category', childFieldId: 'subcategory', mappings: [{ parentValue: 'billing', childValues: ['refund', 'invoice'] }] }),
    });

    // THEN
    expect(validationErrors(app, options.node.path)).toStrictEqual([
      "FieldOptions property 'options' lacks child values that the case rule 'Rules/Rule' uses for field 'subcategory'; each must be an active option: 'invoice' (not declared)",
    ]);
  });

  test('GIVEN two FieldOptions for the same field WHEN synthesized THEN each names the other', () => {
    const { app, stack } = newStack();
    new FieldOptions(stack, 'First', { domainId: 'd', fieldId: 'f', options: [billing()] });
    new FieldOptions(stack, 'Second', { domainId: 'd', fieldId: 'f', options: [billing()] });
    new FieldOptions(stack, 'OtherDomain', { domainId: 'e', fieldId: 'f', options: [billing()] });
    const message = (other: string) => `FieldOptions property 'fieldId' names the same field as the FieldOptions at '${other}': `
      + "declare each field's options in one FieldOptions (each would deactivate the options the other declares); received 'f'";
    expect(validationErrors(app, 'Stack/First')).toStrictEqual([message('Stack/Second')]);
    expect(validationErrors(app, 'Stack/Second')).toStrictEqual([message('Stack/First')]);
  });
});

describe('allowedOptions', () => {
  const subcategories: FieldOption[] = [
    { name: 'Refund', value: 'refund' },
    { name: 'Invoice', value: 'invoice' },
    { name: 'Old invoice', value: 'old-invoice', active: false },
    { name: 'Outage', value: 'outage' },
  ];

  test('GIVEN a parent value the rule maps WHEN evaluated THEN the active declared options it allows, in declared order', () => {
    const { rule, category, subcategoryOptions } = ruleStack({
      subcategories,
      mappings: [{ parentValue: 'billing', childValues: ['invoice', 'refund', 'old-invoice', 'undeclared'] }],
    });
    expect(subcategoryOptions.allowedOptions(rule, { [category.attrFieldId]: CaseRuleValue.fromString('billing') })).toStrictEqual([
      { name: 'Refund', value: 'refund', active: true },
      { name: 'Invoice', value: 'invoice', active: true },
    ]);
  });

  test.each<[string, { [fieldId: string]: CaseRuleValue } | 'unmapped']>([
    ['the parent has no value', {}],
    ['the parent has a value the rule does not map', 'unmapped'],
  ])('GIVEN %s WHEN evaluated THEN every active option', (_name, values) => {
    const { rule, category, subcategoryOptions } = ruleStack({ subcategories, mappings: [{ parentValue: 'billing', childValues: ['refund'] }] });
    const fieldValues = values === 'unmapped' ? { [category.attrFieldId]: CaseRuleValue.fromString('technical') } : values;
    expect(subcategoryOptions.allowedOptions(rule, fieldValues).map((option) => option.value)).toStrictEqual(['refund', 'invoice', 'outage']);
  });

  test('GIVEN a parent value mapped to no child value WHEN evaluated THEN no option', () => {
    const { rule, category, subcategoryOptions } = ruleStack({ subcategories, mappings: [{ parentValue: 'billing', childValues: [] }] });
    expect(subcategoryOptions.allowedOptions(rule, { [category.attrFieldId]: CaseRuleValue.fromString('billing') })).toStrictEqual([]);
  });

  test('GIVEN a rule on the FieldOptions\' fieldId attribute WHEN evaluated THEN it is accepted as this field', () => {
    const { rule, category, subcategoryOptions } = ruleStack({ childFieldOf: ({ subcategoryOptions: own }) => own.fieldId });
    expect(subcategoryOptions.allowedOptions(rule, { [category.attrFieldId]: CaseRuleValue.fromString('technical') }).map((o) => o.value))
      .toStrictEqual(['outage', 'bug']);
  });

  test('GIVEN a rule whose child is another field WHEN evaluated THEN it throws naming both fields', () => {
    const { rule, categoryOptions } = ruleStack();
    expect(() => categoryOptions.allowedOptions(rule, {})).toThrow(new Error(
      '[Stack/CategoryOptions] allowedOptions takes a rule whose child field is this FieldOptions\' field {"Fn::GetAtt":["Category","FieldId"]}; '
      + 'the rule\'s child field is {"Fn::GetAtt":["Subcategory","FieldId"]}',
    ));
  });

  test('GIVEN a required rule WHEN evaluated THEN it throws', () => {
    const { subcategoryOptions } = ruleStack();
    expect(() => subcategoryOptions.allowedOptions(CaseRuleDefinition.required({ defaultValue: true }), {}))
      .toThrow(new Error('[Stack/SubcategoryOptions] allowedOptions takes a field-options rule; received a Required rule'));
  });
});
