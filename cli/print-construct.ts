import { GetCaseRuleResponse, GetTemplateResponse } from '@aws-sdk/client-connectcases';
import {
  BooleanConditionShape,
  CaseRuleDetailsShape,
  ConditionalCaseRuleShape,
  FieldOptionsCaseRuleShape,
  OperandTwoShape,
  OWNER_TAG_KEY,
} from '../lib/private/contract';
import { SystemFieldId } from '../lib/system-fields';
import { array, call, commentText, Expr, Item, object, print, str } from './code';
import { camelCase, constantCase, NameScope, pascalCase } from './names';
import { fieldIdsReferenced, LiveDomain, LiveField } from './read-domain';

/**
 * Prints a live domain as one TypeScript file: a construct class that declares its field options,
 * case rules and templates with this library's constructs, each adopting the record it came from.
 * Everything is sorted by name, then id, and every name is derived from those, so the same domain
 * always prints the same bytes.
 */

export interface PrintOptions {
  readonly className: string;
  /** Where the domain was read, for the header. */
  readonly region: string;
}

export interface PrintedConstruct {
  readonly source: string;
  /** What the library cannot express (each also marked `FIXME` in the source). Empty when exact. */
  readonly problems: string[];
}

/** System field id -> its `SystemFieldId` member, e.g. `status` -> `SystemFieldId.STATUS`. */
export const SYSTEM_FIELD_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SystemFieldId)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([member, id]) => [id, `SystemFieldId.${member}`]),
);

export function printConstruct(domain: LiveDomain, options: PrintOptions): PrintedConstruct {
  return new ConstructPrinter(domain, options).print();
}

/** An id constant: `export const FIELD_CATEGORY = '...'; // "Category" (SingleSelect)`. */
interface IdConstant {
  readonly name: string;
  readonly id: string;
  readonly comment: string;
}

class ConstructPrinter {
  private readonly problems: string[] = [];
  /** Names imported from each module, as the body uses them. */
  private readonly imports = new Map<string, Set<string>>();
  private readonly constants = new NameScope();
  private readonly fieldConstants = new Map<string, IdConstant>();
  private readonly layoutConstants = new Map<string, IdConstant>();
  private readonly constructIds = new NameScope();
  private readonly variables: NameScope;
  private readonly ruleVariables = new Map<string, string>();
  private readonly fieldsById: Map<string, LiveField>;
  private readonly caseRules: GetCaseRuleResponse[];
  private readonly templates: GetTemplateResponse[];

  constructor(private readonly domain: LiveDomain, private readonly options: PrintOptions) {
    this.variables = new NameScope(['domainId', 'props', 'scope', 'id', options.className]);
    this.fieldsById = new Map(domain.fields.map((field) => [field.fieldId, field]));
    this.caseRules = byNameThenId(domain.caseRules, (rule) => [rule.name!, rule.caseRuleId!]);
    this.templates = byNameThenId(domain.templates, (template) => [template.name!, template.templateId!]);
  }

  public print(): PrintedConstruct {
    this.declareIdConstants();
    // A rule needs a variable when a template uses it or tags are added to it.
    const referenced = new Set(this.templates.flatMap((template) => (template.rules ?? []).map((rule) => rule.caseRuleId!)));
    for (const rule of this.caseRules) {
      if (referenced.has(rule.caseRuleId!) || userTags(rule.tags).length > 0) {
        this.ruleVariables.set(rule.caseRuleId!, this.variables.unique(camelCase(rule.name!), 'rule', camelJoin));
      }
    }

    const sections = [
      this.section('Options of single-select fields', this.fieldOptionsStatements()),
      this.section('Case rules', this.caseRuleStatements()),
      this.section('Case rules that templates use but the domain no longer has', this.missingRuleStatements()),
      this.section('Templates', this.templateStatements()),
    ].filter((section) => section !== '');
    const body = sections.join('\n\n');

    const source = [
      this.header(),
      this.importLines(),
      this.constantLines(),
      this.classDeclaration(body),
    ].filter((part) => part !== '').join('\n\n') + '\n';
    return { source, problems: this.problems };
  }

  // ---- ids of fields and layouts ------------------------------------------------------------

  private declareIdConstants(): void {
    // Every custom field gets a constant; a system field only when the library has no name for it and it is used.
    const referenced = fieldIdsReferenced(this.domain.caseRules, this.domain.templates);
    const fields = byNameThenId(
      this.domain.fields.filter((field) => !SYSTEM_FIELD_IDS[field.fieldId] && (field.namespace !== 'System' || referenced.has(field.fieldId))),
      (field) => [field.name, field.fieldId],
    );
    for (const field of fields) {
      const state = field.deleted ? ', deleted' : '';
      this.fieldConstants.set(field.fieldId, this.idConstant('FIELD', field.name, field.fieldId, `${JSON.stringify(field.name)} (${field.type}${state})`));
    }
    for (const layout of byNameThenId(this.domain.layouts, (l) => [l.name!, l.layoutId!])) {
      this.layoutConstants.set(layout.layoutId!, this.idConstant('LAYOUT', layout.name!, layout.layoutId!, JSON.stringify(layout.name)));
    }
  }

  private idConstant(kind: string, name: string, id: string, comment: string): IdConstant {
    const base = constantCase(name);
    return { name: this.constants.unique(base === '' ? kind : `${kind}_${base}`, kind, (p, n) => `${p}_${n}`), id, comment };
  }

  /** The expression for a field id: a `SystemFieldId` member, or the field's constant. */
  private field(fieldId: string): string {
    const system = SYSTEM_FIELD_IDS[fieldId];
    if (system) {
      this.use('cdk-connect-cases', 'SystemFieldId');
      return system;
    }
    let constant = this.fieldConstants.get(fieldId);
    if (!constant) {
      // Referenced, but neither ListFields nor BatchGetField knows it.
      constant = this.idConstant('UNKNOWN', 'field', fieldId, 'not a field of this domain');
      this.fieldConstants.set(fieldId, constant);
    }
    return constant.name;
  }

  private layout(layoutId: string): string {
    let constant = this.layoutConstants.get(layoutId);
    if (!constant) {
      constant = this.idConstant('UNKNOWN', 'layout', layoutId, 'not a layout of this domain');
      this.layoutConstants.set(layoutId, constant);
    }
    return constant.name;
  }

  // ---- statements ---------------------------------------------------------------------------

  private fieldOptionsStatements(): string[] {
    const entries = byNameThenId(this.domain.fieldOptions, ({ fieldId }) => [this.fieldsById.get(fieldId)?.name ?? '', fieldId]);
    return entries.map(({ fieldId, options }) => {
      this.use('cdk-connect-cases', 'FieldOptions');
      const name = this.fieldsById.get(fieldId)?.name ?? '';
      const constructId = this.constructIds.unique(pascalCase(name) === '' ? 'FieldOptions' : `${pascalCase(name)}Options`, 'FieldOptions');
      const props = object(
        ['domainId', 'domainId'],
        ['fieldId', this.field(fieldId)],
        ['options', array(options.map((option) => object(
          ['name', str(option.name!)],
          ['value', str(option.value!)],
          // Active is what an option is unless it says otherwise.
          ['active', option.active === false ? 'false' : undefined],
        )))],
        ['removalPolicy', this.retain()],
      );
      return print(call('new FieldOptions', 'this', str(constructId), props), 2, '', ';');
    });
  }

  private caseRuleStatements(): string[] {
    return this.caseRules.map((rule) => {
      this.use('cdk-connect-cases', 'CaseRule');
      const constructId = this.constructIds.unique(pascalCase(rule.name!), 'CaseRule');
      const props = object(
        ['domainId', 'domainId'],
        ['caseRuleName', str(rule.name!)],
        ['description', rule.description ? str(rule.description) : undefined],
        ['rule', this.definition(rule.name!, rule.rule as CaseRuleDetailsShape)],
        ['adoptCaseRuleId', str(rule.caseRuleId!)],
        ['removalPolicy', this.retain()],
      );
      const variable = this.ruleVariables.get(rule.caseRuleId!);
      const statement = print(call('new CaseRule', 'this', str(constructId), props), 2, variable ? `const ${variable} = ` : '', ';');
      return [statement, ...this.tagLines(variable, rule.tags)].join('\n');
    });
  }

  /** Rules that templates refer to but that are not in the domain (deleted): imported by id. */
  private missingRuleStatements(): string[] {
    const live = new Set(this.caseRules.map((rule) => rule.caseRuleId!));
    const missing = [...new Set(this.templates.flatMap((t) => (t.rules ?? []).map((r) => r.caseRuleId!)))].filter((id) => !live.has(id)).sort();
    return missing.map((caseRuleId, index) => {
      this.use('cdk-connect-cases', 'CaseRule');
      const variable = this.variables.unique(`missingCaseRule${index + 1}`, 'rule');
      this.ruleVariables.set(caseRuleId, variable);
      const constructId = this.constructIds.unique(`MissingCaseRule${index + 1}`, 'CaseRule');
      const attributes = object(['domainId', 'domainId'], ['caseRuleId', str(caseRuleId)]);
      return print(call('CaseRule.fromCaseRuleAttributes', 'this', str(constructId), attributes), 2, `const ${variable} = `, ';');
    });
  }

  private templateStatements(): string[] {
    return this.templates.map((template) => {
      this.use('cdk-connect-cases', 'Template');
      this.use('cdk-connect-cases', 'TemplateStatus');
      const constructId = this.constructIds.unique(pascalCase(template.name!), 'Template');
      const layoutId = template.layoutConfiguration?.defaultLayout;
      const requiredFields = template.requiredFields ?? [];
      const rules = template.rules ?? [];
      const tagPropagation = template.tagPropagationConfigurations ?? [];
      const props = object(
        ['domainId', 'domainId'],
        ['templateName', str(template.name!)],
        ['description', template.description ? str(template.description) : undefined],
        ['status', `TemplateStatus.${template.status === 'Inactive' ? 'INACTIVE' : 'ACTIVE'}`],
        ['layoutId', layoutId ? this.layout(layoutId) : undefined],
        ['requiredFields', requiredFields.length ? array(requiredFields.map((field) => this.field(field.fieldId!))) : undefined],
        ['rules', rules.length ? array(rules.map((rule) => object(
          ['caseRule', this.ruleVariables.get(rule.caseRuleId!)!],
          ['fieldId', rule.fieldId ? this.field(rule.fieldId) : undefined],
        ))) : undefined],
        ['tagPropagationConfigurations', tagPropagation.length ? array(tagPropagation.map((configuration) => {
          if (configuration.resourceType !== 'Cases') {
            this.problem(`template '${template.name}': tag propagation to resource type '${configuration.resourceType}' `
              + "is not supported by this library (only 'Cases')");
          }
          const tags = Object.entries(configuration.tagMap ?? {}).sort(([a], [b]) => compare(a, b));
          return object(['tags', object(...tags.map(([key, value]): [string, Expr] => [key, str(value ?? '')]))]);
        })) : undefined],
        ['adoptTemplateId', str(template.templateId!)],
        ['removalPolicy', this.retain()],
      );
      const tags = userTags(template.tags);
      const variable = tags.length > 0 ? this.variables.unique(`${camelCase(template.name!)}Template`, 'template', camelJoin) : undefined;
      const statement = print(call('new Template', 'this', str(constructId), props), 2, variable ? `const ${variable} = ` : '', ';');
      return [statement, ...this.tagLines(variable, template.tags)].join('\n');
    });
  }

  /** `Tags.of(x).add(key, value);` for the record's own tags, so that adopting it keeps them. */
  private tagLines(variable: string | undefined, tags: Record<string, string | null> | undefined): string[] {
    if (variable === undefined) return [];
    return userTags(tags).map(([key, value]) => {
      this.use('aws-cdk-lib', 'Tags');
      return print(call(`Tags.of(${variable}).add`, str(key), str(value)), 2, '', ';');
    });
  }

  // ---- rules --------------------------------------------------------------------------------

  private definition(ruleName: string, details: CaseRuleDetailsShape): Expr {
    this.use('cdk-connect-cases', 'CaseRuleDefinition');
    if (details.required) return call('CaseRuleDefinition.required', this.conditional(ruleName, details.required));
    if (details.hidden) return call('CaseRuleDefinition.hidden', this.conditional(ruleName, details.hidden));
    if (details.fieldOptions) return call('CaseRuleDefinition.fieldOptions', this.fieldOptionsRule(ruleName, details.fieldOptions));
    this.problem(`case rule '${ruleName}': rule type ${Object.keys(details).join(', ')} is not supported by this library`);
    return call('CaseRuleDefinition.required', object(['defaultValue', 'false']));
  }

  private conditional(ruleName: string, rule: ConditionalCaseRuleShape): Expr {
    const conditions = rule.conditions ?? [];
    return object(
      ['conditions', conditions.length ? array(conditions.map((condition) => this.topLevelCondition(ruleName, condition))) : undefined],
      ['defaultValue', String(rule.defaultValue)],
    );
  }

  /** A condition of the rule's list: it carries `result` (a compound, the common result of its operands). */
  private topLevelCondition(ruleName: string, condition: BooleanConditionShape): Item {
    const { expr, results } = this.condition(ruleName, condition, true);
    const distinct = [...new Set(results)];
    if (distinct.length === 1) return { value: expr };
    const reason = distinct.length === 0
      ? 'it has no comparison to take a result from'
      : `its comparisons give different results (${results.join(', ')}), while a compound condition here has one result`;
    this.problem(`case rule '${ruleName}': a compound condition cannot be expressed exactly: ${reason}`);
    return {
      value: expr,
      comment: [
        "FIXME: the live rule's compound condition cannot be expressed exactly:",
        `${reason}.`,
        'The result below is a placeholder: decide what the rule should do.',
      ],
    };
  }

  /**
   * A condition and the results of its comparisons. Only top-level conditions print `result`;
   * a nested comparison takes its compound's result.
   */
  private condition(ruleName: string, condition: BooleanConditionShape, topLevel: boolean): { expr: Expr; results: boolean[] } {
    this.use('cdk-connect-cases', 'CaseRuleCondition');
    const comparison = condition.equalTo ?? condition.notEqualTo;
    if (comparison) {
      const factory = condition.equalTo ? 'equalTo' : 'notEqualTo';
      const expr = call(`CaseRuleCondition.${factory}`, object(
        ['fieldId', this.field(comparison.operandOne.fieldId)],
        ['value', this.value(ruleName, comparison.operandTwo)],
        ['result', topLevel ? String(comparison.result) : undefined],
      ));
      return { expr, results: [comparison.result] };
    }
    const compound = condition.andAll ?? condition.orAll;
    if (compound) {
      const nested = (compound.conditions ?? []).map((inner) => this.condition(ruleName, inner, false));
      const results = nested.flatMap((inner) => inner.results);
      const expr = call(`CaseRuleCondition.${condition.andAll ? 'allOf' : 'anyOf'}`, object(
        ['conditions', array(nested.map((inner) => inner.expr))],
        ['result', topLevel ? String(results[0] ?? false) : undefined],
      ));
      return { expr, results };
    }
    this.problem(`case rule '${ruleName}': condition ${JSON.stringify(condition)} is not supported by this library`);
    return { expr: `/* unsupported condition: ${JSON.stringify(condition).replace(/\*\//g, '* /')} */ undefined as never`, results: [] };
  }

  private value(ruleName: string, operand: OperandTwoShape): Expr {
    this.use('cdk-connect-cases', 'CaseRuleValue');
    if (operand.stringValue !== undefined) return call('CaseRuleValue.fromString', str(operand.stringValue));
    if (operand.booleanValue !== undefined) return call('CaseRuleValue.fromBoolean', String(operand.booleanValue));
    if (operand.doubleValue !== undefined) return call('CaseRuleValue.fromNumber', String(operand.doubleValue));
    if (operand.emptyValue !== undefined) return call('CaseRuleValue.empty');
    this.problem(`case rule '${ruleName}': value ${JSON.stringify(operand)} is not supported by this library`);
    return call('CaseRuleValue.empty');
  }

  private fieldOptionsRule(ruleName: string, rule: FieldOptionsCaseRuleShape): Expr {
    if (!rule.parentFieldId || !rule.childFieldId) {
      this.problem(`case rule '${ruleName}': a field-options rule without parentFieldId and childFieldId is not supported by this library`);
    }
    return object(
      ['parentFieldId', rule.parentFieldId ? this.field(rule.parentFieldId) : "''"],
      ['childFieldId', rule.childFieldId ? this.field(rule.childFieldId) : "''"],
      ['mappings', array(rule.parentChildFieldOptionsMappings.map((mapping) => object(
        ['parentValue', str(mapping.parentFieldOptionValue)],
        ['childValues', array(mapping.childFieldOptionValues.map(str))],
      )))],
    );
  }

  // ---- file parts ---------------------------------------------------------------------------

  private header(): string {
    const { domainId } = this.domain;
    const lines = [
      `Generated from a live Amazon Connect Cases domain by \`cdk-connect-cases export\`:`,
      `  npx cdk-connect-cases export --domain-id ${domainId} --region ${this.options.region}`,
      'It is yours now: edit it like any other code.',
      '',
      'Adoption: every construct below names the record it was exported from (adoptCaseRuleId,',
      'adoptTemplateId; FieldOptions needs none). The first deployment takes those records over in place:',
      'same ids, declared state written, tagged as owned by the stack; nothing is created.',
      'Compare the live domain with your stack at any time: npx cdk-connect-cases drift',
      '',
      'Removal: everything here is RemovalPolicy.RETAIN, so removing a construct or deleting the stack',
      'leaves its record in the domain. Once this stack is where the configuration is managed, set',
      "removalPolicy: RemovalPolicy.DESTROY (the library's default) where CloudFormation should delete it.",
    ];
    if (this.problems.length > 0) {
      lines.push('', `FIXME: ${this.problems.length} part(s) of the live domain cannot be expressed exactly; search for FIXME.`);
    }
    return lines.map((line) => (line === '' ? '//' : `// ${commentText(line)}`)).join('\n');
  }

  private importLines(): string {
    this.use('constructs', 'Construct');
    return ['aws-cdk-lib', 'constructs', 'cdk-connect-cases']
      .filter((module) => this.imports.has(module))
      .map((module) => {
        const names = [...this.imports.get(module)!].sort(compare);
        const line = `import { ${names.join(', ')} } from ${str(module)};`;
        return line.length <= 120 ? line : `import {\n  ${names.join(', ')},\n} from ${str(module)};`;
      })
      .join('\n');
  }

  private constantLines(): string {
    const block = (title: string, constants: IdConstant[]): string => constants.length === 0 ? '' : [
      `// ${title}`,
      ...constants.map((c) => `export const ${c.name} = ${str(c.id)}; // ${commentText(c.comment)}`),
    ].join('\n');
    const fields = [...this.fieldConstants.values()];
    return [
      block('Ids of the custom fields (system fields are SystemFieldId members)', fields),
      block('Ids of the layouts', [...this.layoutConstants.values()]),
    ].filter((part) => part !== '').join('\n\n');
  }

  private classDeclaration(body: string): string {
    const { className } = this.options;
    const domainId = this.domain.domainId.replace(/\*\//g, '*\\/');
    const counts = [
      plural(this.domain.fieldOptions.length, 'field with options', 'fields with options'),
      plural(this.caseRules.length, 'case rule', 'case rules'),
      plural(this.templates.length, 'template', 'templates'),
    ].join(', ');
    const usesDomain = body !== '';
    return [
      `export interface ${className}Props {`,
      '  /**',
      `   * The Cases domain, e.g. \`'${domainId}'\` (the domain this file was exported from).`,
      '   */',
      '  readonly domainId: string;',
      '}',
      '',
      '/**',
      ` * The configuration of the Amazon Connect Cases domain ${domainId}:`,
      ` * ${counts}.`,
      ' *',
      ` * @example new ${className}(stack, 'Cases', { domainId: '${domainId}' });`,
      ' */',
      `export class ${className} extends Construct {`,
      `  constructor(scope: Construct, id: string, ${usesDomain ? 'props' : '_props'}: ${className}Props) {`,
      '    super(scope, id);',
      ...(usesDomain ? ['    const domainId = props.domainId;', '', body] : []),
      '  }',
      '}',
    ].join('\n');
  }

  private section(title: string, statements: string[]): string {
    return statements.length === 0 ? '' : [`    // ${title}`, ...statements].join('\n');
  }

  /** Exported records are retained: a mistaken destroy must not wipe a production configuration. */
  private retain(): string {
    this.use('aws-cdk-lib', 'RemovalPolicy');
    return 'RemovalPolicy.RETAIN';
  }

  private use(module: string, name: string): void {
    if (!this.imports.has(module)) this.imports.set(module, new Set());
    this.imports.get(module)!.add(name);
  }

  private problem(message: string): void {
    this.problems.push(message);
  }
}

/**
 * Tags a person put on the record, sorted by key: not the handler's owner tag (the stack sets it)
 * nor `aws:` tags (AWS sets them).
 */
function userTags(tags: Record<string, string | null> | undefined): Array<[string, string]> {
  return Object.entries(tags ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[0] !== OWNER_TAG_KEY && !entry[0].startsWith('aws:'))
    .sort(([a], [b]) => compare(a, b));
}

/** A copy sorted by name, then id (code point order, independent of the locale). */
function byNameThenId<T>(items: readonly T[], keyOf: (item: T) => [string, string]): T[] {
  return [...items].sort((a, b) => {
    const [nameA, idA] = keyOf(a);
    const [nameB, idB] = keyOf(b);
    return compare(nameA, nameB) || compare(idA, idB);
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function camelJoin(prefix: string, name: string): string {
  return prefix + name[0].toUpperCase() + name.slice(1);
}
