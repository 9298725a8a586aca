import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArnFormat, CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';

/**
 * How long CloudFormation waits for the handler's answer. Longer than three Lambda attempts of two
 * minutes each, far shorter than the one-hour default that would leave a stuck stack waiting.
 */
const SERVICE_TIMEOUT = Duration.minutes(15);

/** Package-qualified id of the one handler per stack, so it cannot clash with user constructs. */
const HANDLER_ID = 'cdk-connect-cases.CasesHandler';

/**
 * The pre-bundled handler (`npm run build` writes it). Resolved from this file so that it works
 * both from `lib/private` (ts-jest, ts-node) and from `dist/private` (the published package).
 */
const HANDLER_ASSET_DIR = path.join(__dirname, '..', '..', 'assets', 'handler');

/**
 * Everything the handler calls, for both resource types. Resource types checked against the IAM
 * Service Authorization Reference for Amazon Connect Cases (service prefix `cases`):
 * - ARNs: Domain `arn:${Partition}:cases:${Region}:${Account}:domain/${DomainId}`,
 *   CaseRule `.../domain/${DomainId}/case-rule/${CaseRuleId}`,
 *   Template `.../domain/${DomainId}/template/${TemplateId}`,
 *   Layout `.../domain/${DomainId}/layout/${LayoutId}`.
 * - Case-rule actions require CaseRule* and Domain*; ListCaseRules and ListTemplates Domain* only;
 *   Get/Update/DeleteTemplate Domain* and Template*.
 * - CreateTemplate requires Domain*, Template* AND Layout* (the default layout it names), hence the
 *   layout ARN below.
 * - TagResource/UntagResource accept CaseRule and Template ARNs.
 * - ListTagsForResource lists no resource type, which in that reference means `*`. We still scope
 *   it to our ARNs (never `*`); if the service refuses that, the handler should diff tags from
 *   `OldResourceProperties` instead of listing them.
 */
const CASES_ACTIONS = [
  'cases:CreateCaseRule',
  'cases:UpdateCaseRule',
  'cases:DeleteCaseRule',
  'cases:BatchGetCaseRule',
  'cases:ListCaseRules',
  'cases:CreateTemplate',
  'cases:UpdateTemplate',
  'cases:GetTemplate',
  'cases:DeleteTemplate',
  'cases:ListTemplates',
  'cases:TagResource',
  'cases:UntagResource',
  'cases:ListTagsForResource',
];

/**
 * The one custom-resource handler of a stack, shared by every CaseRule and Template in it.
 * Constructs ask it for its service token and for access to their domain; it adds no resource
 * per construct, only one policy statement per domain.
 */
export class CasesHandler extends Construct {
  /** The stack's handler, created at the stack root on first use. */
  public static of(scope: IConstruct): CasesHandler {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(HANDLER_ID);
    if (existing === undefined) {
      return new CasesHandler(stack, HANDLER_ID);
    }
    if (!(existing instanceof CasesHandler)) {
      throw new Error(`[${stack.node.path}] the id '${HANDLER_ID}' is reserved for the cdk-connect-cases handler; found another construct there`);
    }
    return existing;
  }

  /** ARN of the handler function, for `CustomResource.serviceToken`. */
  public readonly serviceToken: string;

  private readonly role: iam.Role;
  /** Resolved domain ids (tokens included, as their resolved JSON) already granted. */
  private readonly grantedDomains = new Set<string>();

  private constructor(scope: Stack, id: string) {
    super(scope, id);

    if (!fs.existsSync(path.join(HANDLER_ASSET_DIR, 'index.js'))) {
      throw new Error(
        `cdk-connect-cases: the handler bundle ${path.join(HANDLER_ASSET_DIR, 'index.js')} is missing; run npm run build`,
      );
    }

    const logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // No managed policy (AWSLambdaBasicExecutionRole would allow writing to every log group).
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Manages Amazon Connect Cases case rules and templates for cdk-connect-cases',
    });
    logGroup.grantWrite(this.role);

    const fn = new lambda.Function(this, 'Function', {
      description: 'cdk-connect-cases: CloudFormation custom resources for Amazon Connect Cases',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(HANDLER_ASSET_DIR),
      handler: 'index.handler',
      memorySize: 256,
      // Cases API calls are short; two minutes leaves room for retries with backoff.
      timeout: Duration.minutes(2),
      role: this.role,
      logGroup,
    });
    this.serviceToken = fn.functionArn;
  }

  /**
   * Lets the handler manage case rules and templates in `domainId`. Idempotent per domain: the
   * role gets one statement per distinct domain, however many constructs use it.
   */
  public grantDomain(domainId: string): void {
    const stack = Stack.of(this);
    const key = JSON.stringify(stack.resolve(domainId));
    if (this.grantedDomains.has(key)) return;
    this.grantedDomains.add(key);

    const inDomain = (resourceName: string) =>
      stack.formatArn({ service: 'cases', resource: 'domain', resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: CASES_ACTIONS,
      resources: [
        inDomain(domainId),
        inDomain(`${domainId}/case-rule/*`),
        inDomain(`${domainId}/template/*`),
        inDomain(`${domainId}/layout/*`),
      ],
    }));
  }

  /**
   * The one CloudFormation resource behind a CaseRule or Template: a custom resource served by
   * this handler, which is granted access to the resource's domain.
   */
  public newResource(scope: Construct, options: CasesResourceOptions): CustomResource {
    this.grantDomain(options.domainId);
    const resource = new CustomResource(scope, 'Resource', {
      resourceType: options.resourceType,
      serviceToken: this.serviceToken,
      serviceTimeout: SERVICE_TIMEOUT,
      properties: { ...options.properties },
    });
    resource.applyRemovalPolicy(options.removalPolicy);
    return resource;
  }
}

/** What `CasesHandler.newResource` needs. */
export interface CasesResourceOptions {
  readonly resourceType: string;
  readonly domainId: string;
  readonly properties: object;
  readonly removalPolicy: RemovalPolicy;
}
