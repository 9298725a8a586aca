export * from './field-option';
export * from './field-options';
