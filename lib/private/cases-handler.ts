import * as fs from 'node:fs';
import * as path from 'node:path';
import { CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { CasesPermissions, WILDCARD_DOMAIN_RESOURCES, domainResourceArn } from './cases-permissions';
import { WILDCARD_RESOURCE_REASON, acknowledgeWildcardResources } from './nag-acknowledgements';

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
 * The one custom-resource handler of a stack, shared by every CaseRule and Template in it.
 * Constructs ask it for its service token and for access to their domain; it adds no resource
 * per construct, only the domain's ARNs to the role's policy (see `cases-permissions.ts`).
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
  private readonly permissions = new CasesPermissions();
  /**
   * Domain ids already granted, as given: a token's string is stable, and two tokens cannot be told
   * apart by resolving them here (another stack's `Domain.DomainId` resolves like this stack's until
   * CDK turns it into an import at synthesis). Two tokens of the same value only repeat an ARN,
   * which the policy statement renders once.
   */
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
    const role = this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Manages Amazon Connect Cases case rules and templates for cdk-connect-cases',
    });
    logGroup.grantWrite(role);
    acknowledgeWildcardResources(this, role, () => this.wildcardArns(), WILDCARD_RESOURCE_REASON);

    const fn = new lambda.Function(this, 'Function', {
      description: 'cdk-connect-cases: CloudFormation custom resources for Amazon Connect Cases',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(HANDLER_ASSET_DIR),
      handler: 'index.handler',
      // Measured by test/permissions/handler-footprint.test.ts (cold process, Lambda's heap flags,
      // against the Cases fake): peak RSS 66-77 MB and at most 1.7 s (init included) for the largest
      // required rule (100 conditions of 1,500 characters), a 0.95 MB field-options rule (about the
      // most a 1 MB template can carry) and a template with 50 rules and 100 required fields.
      // 128 MB would hold that, but CPU scales with memory: 256 MB halves the cold start and the
      // JSON work on a 1 MB event, and leaves 3x headroom.
      memorySize: 256,
      // A handful of calls per event, each well under a second; the rest is for retries when the
      // service throttles a large stack (backoff up to 5 s). The handler stops 10 s before the
      // timeout to answer FAILED itself, so the timeout bounds how long a stuck call can hold a deploy.
      timeout: Duration.minutes(2),
      role,
      logGroup,
    });
    this.serviceToken = fn.functionArn;
  }

  /**
   * Lets the handler manage case rules and templates in `domainId`. Idempotent per domain: each
   * distinct domain adds its ARNs to the role's Cases statements once, however many constructs use it.
   */
  public grantDomain(domainId: string): void {
    if (this.grantedDomains.has(domainId)) return;
    if (this.grantedDomains.size === 0) {
      // Added with the first domain: a statement without resources would be invalid.
      for (const statement of this.permissions.policyStatements) this.role.addToPrincipalPolicy(statement);
    }
    this.grantedDomains.add(domainId);
    this.permissions.addDomain(Stack.of(this), domainId);
  }

  /** The granted ARNs that end in a wildcard (case rules, templates, layouts of each domain). */
  private wildcardArns(): string[] {
    const stack = Stack.of(this);
    return [...this.grantedDomains].flatMap((domainId) =>
      WILDCARD_DOMAIN_RESOURCES.map((resource) => domainResourceArn(stack, domainId, resource)));
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
