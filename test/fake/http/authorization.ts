import { CasesStore, DomainResourceKind } from '../store/cases-store';

/** What IAM is asked for one request: the action and every resource it is authorized against. */
export interface AuthorizationRequest {
  /** Model operation name, e.g. `CreateCaseRule`. */
  readonly operation: string;
  /** IAM action, e.g. `cases:CreateCaseRule`. */
  readonly action: string;
  /** ARNs the action must be allowed on, all of them; `*` for an action that names no resource type. */
  readonly resources: readonly string[];
}

/** `'allow'`, or the message of the 403 AccessDeniedException the request is answered with. */
export type AuthorizationDecision = 'allow' | string;

export type Authorizer = (request: AuthorizationRequest) => AuthorizationDecision;

type Input = Record<string, unknown>;

/** Where, besides the domain, an operation is authorized. `newId`: the id a create assigns. */
type ResourceRule = (input: Input, newId: string) => Array<[DomainResourceKind, unknown]>;

const none: ResourceRule = () => [];
const labelled = (kind: DomainResourceKind, member: string): ResourceRule => (input) => [[kind, input[member]]];
const created = (kind: DomainResourceKind): ResourceRule => (_input, newId) => [[kind, newId]];
const listed = (kind: DomainResourceKind, member: string): ResourceRule => (input) =>
  (Array.isArray(input[member]) ? input[member] as { id?: unknown }[] : []).map((item) => [kind, item?.id]);

/**
 * The resources each operation is authorized against, per the Service Authorization Reference for
 * Amazon Connect Cases (the mapping `lib/private/cases-permissions.ts` assumes): every operation
 * on a domain's contents needs the Domain; operations on one record need its ARN too (a create:
 * the ARN of the record it is about to create; CreateTemplate also the default layout it names);
 * batch reads need the ARN of each record asked for; field options need the Field.
 */
const DOMAIN_OPERATIONS: Record<string, ResourceRule> = {
  CreateCaseRule: created('case-rule'),
  UpdateCaseRule: labelled('case-rule', 'caseRuleId'),
  DeleteCaseRule: labelled('case-rule', 'caseRuleId'),
  BatchGetCaseRule: listed('case-rule', 'caseRules'),
  ListCaseRules: none,
  CreateTemplate: (input, newId) => {
    const layout = (input.layoutConfiguration as { defaultLayout?: unknown } | undefined)?.defaultLayout;
    return [['template', newId], ...(typeof layout === 'string' ? [['layout', layout] as [DomainResourceKind, unknown]] : [])];
  },
  GetTemplate: labelled('template', 'templateId'),
  UpdateTemplate: labelled('template', 'templateId'),
  DeleteTemplate: labelled('template', 'templateId'),
  ListTemplates: none,
  CreateField: created('field'),
  UpdateField: labelled('field', 'fieldId'),
  DeleteField: labelled('field', 'fieldId'),
  BatchGetField: listed('field', 'fields'),
  ListFields: none,
  BatchPutFieldOptions: labelled('field', 'fieldId'),
  ListFieldOptions: labelled('field', 'fieldId'),
  CreateLayout: created('layout'),
  GetLayout: labelled('layout', 'layoutId'),
  UpdateLayout: labelled('layout', 'layoutId'),
  DeleteLayout: labelled('layout', 'layoutId'),
  ListLayouts: none,
  GetDomain: none,
};

export function authorizationRequest(store: CasesStore, operation: string, input: Input, newId: string): AuthorizationRequest {
  const action = `cases:${operation}`;
  let resources: string[];
  if (operation === 'TagResource' || operation === 'UntagResource') {
    resources = [String(input.arn)];
  } else if (DOMAIN_OPERATIONS[operation] && typeof input.domainId === 'string') {
    const domainId = input.domainId;
    resources = [store.domainArn(domainId), ...DOMAIN_OPERATIONS[operation](input, newId)
      .filter((entry): entry is [DomainResourceKind, string] => typeof entry[1] === 'string')
      .map(([kind, id]) => store.arn(domainId, kind, id))];
  } else {
    // ListDomains and ListTagsForResource name no resource type: IAM needs `*` for them.
    resources = ['*'];
  }
  return { operation, action, resources: [...new Set(resources)] };
}
