import { caseRuleOperations } from './case-rules';
import { OperationHandler } from './operation';
import { tagOperations } from './tags';
import { templateOperations } from './templates';

/** Every operation the fake implements, by model operation name. */
export const OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  ...caseRuleOperations,
  ...templateOperations,
  ...tagOperations,
};
