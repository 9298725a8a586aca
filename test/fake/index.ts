export { FakeCases } from './fake-cases';
export type { FakeCasesOptions, SeedDomain, SeedField, SeedFieldOption, SeedLayout } from './fake-cases';
export type { FaultDecision, FaultOptions } from './faults/fault-plan';
export type { AuthorizationDecision, AuthorizationRequest, Authorizer } from './http/authorization';
export type { InjectedFault } from './http/cases-server';
export type {
  CaseRuleRecord, DomainRecord, FieldOptionRecord, FieldRecord, FieldType, LayoutRecord, TemplateRecord,
} from './store/records';
export { MAX_DELETED_TEMPLATES_PER_DOMAIN } from './operations/templates';
export { MAX_COMPOUND_NESTING, MAX_CONDITIONS_WITH_COMPOUNDS } from './operations/condition-limits';
export { SYSTEM_FIELDS } from './store/system-fields';
export type { SystemFieldDefinition } from './store/system-fields';
