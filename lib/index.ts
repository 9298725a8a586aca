// Public API of cdk-connect-cases.
export * from './system-fields';
export * from './field-option-mapping';
export * from './case-rule-value';
export * from './case-rule-condition';
export * from './case-rule-type';
export * from './case-rule-definition';
export * from './rule-evaluation';
export * from './case-rule';
export * from './template';
export * from './field-options';
export * from './field-options-csv';
