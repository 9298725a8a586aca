import { caseRuleOperations } from './case-rules';
import { domainOperations } from './domains';
import { fieldOptionOperations } from './field-options';
import { fieldOperations } from './fields';
import { layoutOperations } from './layouts';
import { OperationHandler } from './operation';
import { tagOperations } from './tags';
import { templateOperations } from './templates';

/** Every operation the fake implements, by model operation name. */
export const OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  ...caseRuleOperations,
  ...templateOperations,
  ...fieldOperations,
  ...fieldOptionOperations,
  ...layoutOperations,
  ...domainOperations,
  ...tagOperations,
};
