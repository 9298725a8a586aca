// Public API of cdk-connect-cases.
export * from './field-option-mapping';
export * from './case-rule-value';
export * from './case-rule-condition';
export * from './case-rule-type';
export * from './case-rule-definition';
export * from './case-rule';
export * from './template';
export type { CaseRuleEvaluation } from './rule-evaluation';
export * from './field-options-csv';
