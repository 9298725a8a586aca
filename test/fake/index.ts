export { FakeCases } from './fake-cases';
export type { FakeCasesOptions } from './fake-cases';
export type { FaultOptions } from './faults/fault-plan';
export type { CaseRuleRecord, TemplateRecord } from './store/records';
export { MAX_DELETED_TEMPLATES_PER_DOMAIN } from './operations/templates';
