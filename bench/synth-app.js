// One benchmark app, run in a fresh Node.js process as `cdk synth` runs an app (the parent passes the
// environment the CLI sets: CDK_OUTDIR, CDK_CONTEXT_JSON, ...). Plain JavaScript against the compiled
// library, as an installed package is loaded, so no TypeScript compilation is timed.
//
// Usage: node [--expose-gc -r bench/measure.js] bench/synth-app.js <variant> <rules> <libDir>
//   variant: library  CaseRule + Template (this library)
//            l1       CfnCaseRule + CfnTemplate (aws-cdk-lib/aws-cases)
//            l1-handler  the l1 app plus one library CaseRule: the L1s with the library's fixed parts
//                     (its handler, modules and role), so that per-rule costs compare at equal fixed cost
//            l1-lambda  the l1 app plus one ordinary Lambda function written with the L1s (CfnFunction,
//                     CfnRole, CfnPolicy, CfnLogGroup) and no library code: an L1 stack as most apps have one
//            handler  the library's handler alone (one rule), for its fixed cost
//            l1-modules  the domain and fields plus the aws-cdk-lib modules of the handler's L1 classes
//                     (aws-lambda, aws-iam, aws-logs), loaded and unused: that part of the handler's fixed cost
//            empty    the domain and fields only: what both variants share
// Every variant declares the same domain and fields; rules / 10 templates, 10 rules each.
'use strict';
const path = require('node:path');

const [variant, rulesArg, libDir] = process.argv.slice(2);
const RULES = Number(rulesArg);
// BENCH_RULES_PER_TEMPLATE=1 gives as many templates as rules, to weigh templates as much as rules.
const RULES_PER_TEMPLATE = Number(process.env.BENCH_RULES_PER_TEMPLATE ?? 10);
const TEMPLATES = Math.ceil(RULES / RULES_PER_TEMPLATE);
const FIELDS = 20;

const { App, Stack } = require('aws-cdk-lib');
const cases = require('aws-cdk-lib/aws-cases');

const app = new App();
const stack = new Stack(app, 'Bench');
const domainId = new cases.CfnDomain(stack, 'Domain', { name: 'bench' }).attrDomainId;
const fieldIds = Array.from({ length: FIELDS }, (_, i) =>
  new cases.CfnField(stack, `Field${i}`, { domainId, name: `Field ${i}`, type: 'Text' }).attrFieldId);
/** Field the rule `i` depends on, and the field it is attached to in its template. */
const conditionField = (i) => fieldIds[i % FIELDS];
const targetField = (i) => fieldIds[(i + 1) % FIELDS];
const templateRules = (t) => Array.from({ length: Math.min(RULES_PER_TEMPLATE, RULES - t * RULES_PER_TEMPLATE) }, (_, k) => t * RULES_PER_TEMPLATE + k);

const variants = {
  library() {
    const lib = require(path.resolve(libDir));
    const rules = Array.from({ length: RULES }, (_, i) => new lib.CaseRule(stack, `Rule${i}`, {
      domainId,
      caseRuleName: `Rule ${i}`,
      rule: lib.CaseRuleDefinition.required({ conditions: [equalTo(lib, conditionField(i), `value ${i}`, true)], defaultValue: false }),
    }));
    for (let t = 0; t < TEMPLATES; t++) {
      new lib.Template(stack, `Template${t}`, {
        domainId,
        templateName: `Template ${t}`,
        requiredFields: [fieldIds[t % FIELDS]],
        // `fieldId` is the target API's name, `field` the 0.1 one; each version ignores the other.
        rules: templateRules(t).map((i) => ({ caseRule: rules[i], fieldId: targetField(i), field: targetField(i) })),
      });
    }
  },
  l1() {
    const rules = Array.from({ length: RULES }, (_, i) => new cases.CfnCaseRule(stack, `Rule${i}`, {
      domainId,
      name: `Rule ${i}`,
      rule: {
        required: {
          conditions: [{ equalTo: { operandOne: { fieldId: conditionField(i) }, operandTwo: { stringValue: `value ${i}` }, result: true } }],
          defaultValue: false,
        },
      },
    }));
    for (let t = 0; t < TEMPLATES; t++) {
      new cases.CfnTemplate(stack, `Template${t}`, {
        domainId,
        name: `Template ${t}`,
        status: 'Active',
        requiredFields: [{ fieldId: fieldIds[t % FIELDS] }],
        rules: templateRules(t).map((i) => ({ caseRuleId: rules[i].attrCaseRuleId, fieldId: targetField(i) })),
      });
    }
  },
  'l1-handler'() {
    variants.l1();
    oneLibraryRule('HandlerRule');
  },
  'l1-lambda'() {
    variants.l1();
    const iam = require('aws-cdk-lib/aws-iam');
    const lambda = require('aws-cdk-lib/aws-lambda');
    const logs = require('aws-cdk-lib/aws-logs');
    const logGroup = new logs.CfnLogGroup(stack, 'FunctionLogs', { retentionInDays: 30 });
    const role = new iam.CfnRole(stack, 'FunctionRole', {
      assumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }], Version: '2012-10-17' },
    });
    new iam.CfnPolicy(stack, 'FunctionPolicy', {
      policyName: 'logs',
      roles: [role.ref],
      policyDocument: { Statement: [{ Action: 'logs:PutLogEvents', Effect: 'Allow', Resource: logGroup.attrArn }], Version: '2012-10-17' },
    });
    new lambda.CfnFunction(stack, 'Function', {
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      role: role.attrArn,
      code: { zipFile: 'exports.handler = async () => ({});' },
      loggingConfig: { logGroup: logGroup.ref },
    });
  },
  handler() {
    oneLibraryRule('Rule0');
  },
  'l1-modules'() {
    // As lib/private/cases-handler.ts imports them.
    void [require('aws-cdk-lib/aws-lambda').CfnFunction, require('aws-cdk-lib/aws-iam').CfnRole, require('aws-cdk-lib/aws-iam').CfnPolicy,
      require('aws-cdk-lib/aws-logs').CfnLogGroup];
  },
  empty() {},
};

/** One library CaseRule, which brings the library's handler into the stack. */
function oneLibraryRule(id) {
  const lib = require(path.resolve(libDir));
  new lib.CaseRule(stack, id, {
    domainId,
    caseRuleName: id,
    rule: lib.CaseRuleDefinition.required({ conditions: [equalTo(lib, conditionField(0), 'value 0', true)], defaultValue: false }),
  });
}

/**
 * `CaseRuleCondition.equalTo({ fieldId, value, result })` with `CaseRuleValue.fromString` (the target
 * API), or the 0.1 positional form with `CaseRuleValue.string`, whichever the compiled library has.
 */
function equalTo(lib, fieldId, text, result) {
  if (typeof lib.CaseRuleValue.fromString === 'function') {
    return lib.CaseRuleCondition.equalTo({ fieldId, value: lib.CaseRuleValue.fromString(text), result });
  }
  return lib.CaseRuleCondition.equalTo(fieldId, lib.CaseRuleValue.string(text), result);
}

if (!variants[variant]) throw new Error(`unknown variant '${variant}'`);
variants[variant]();
app.synth();
// Kept reachable so that bench/measure.js weighs the construct tree after synthesis.
globalThis.benchApp = app;
