import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Annotations, Aspects, CfnElement, CfnResource, FileAssetPackaging, IResolvable, Lazy, RemovalPolicy, Stack, Stage,
  TagManager, Token, Tokenization,
} from 'aws-cdk-lib';
import { CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import {
  ASSET_RESOURCE_METADATA_ENABLED_CONTEXT, ASSET_RESOURCE_METADATA_IS_BUNDLED_KEY, ASSET_RESOURCE_METADATA_PATH_KEY, ASSET_RESOURCE_METADATA_PROPERTY_KEY,
  DISABLE_ASSET_STAGING_CONTEXT,
} from 'aws-cdk-lib/cx-api';
import { Construct, IConstruct } from 'constructs';
import {
  ROLE_INLINE_POLICIES_MAX_CHARACTERS, WILDCARD_DOMAIN_RESOURCES, domainPolicyDocument, domainPolicyMaxCharacters, domainResourceArn,
} from './cases-permissions';
import { WILDCARD_RESOURCE_REASON, acknowledgeWildcardResources } from './nag-acknowledgements';

/**
 * How long CloudFormation waits for the handler's answer, in seconds. Longer than three Lambda
 * attempts of two minutes each, far shorter than the one-hour default that would leave a stuck
 * stack waiting.
 */
const SERVICE_TIMEOUT_SECONDS = 15 * 60;

/** Package-qualified id of the one handler per stack, so it cannot clash with user constructs. */
const HANDLER_ID = 'cdk-connect-cases.CasesHandler';

/**
 * The pre-bundled handler (`npm run build` writes it). Resolved from this file, two levels below
 * the package root both as source (ts-jest, ts-node) and as the published `lib/private/*.js`.
 */
const HANDLER_ASSET_DIR = path.join(__dirname, '..', '..', 'assets', 'handler');
const HANDLER_BUNDLE = path.join(HANDLER_ASSET_DIR, 'index.js');

/**
 * Why each resource depends on its domain's policy, for CDK's dependency reports. Given, so that CDK
 * does not spell out both construct paths for every resource.
 */
const DOMAIN_POLICY_DEPENDENCY = 'cdk-connect-cases: the handler may call Cases for a resource only while its domain\'s policy exists';

/** Below `AspectPriority.MUTATING` (200), the lowest aws-cdk-lib defines. */
const PIN_LOGICAL_IDS_PRIORITY = 0;

/** Only the log grant: each domain's Cases grants are a policy of their own. */
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/**
 * The one custom-resource handler of a stack, shared by every resource of the library in it:
 * a function, its log group, its role, and one IAM policy per Cases domain.
 *
 * Written with the L1s (`CfnFunction`, `CfnRole`, ...) and the asset added through the stack's
 * synthesizer: the L2s (`lambda.Function`, `Code.fromAsset`, `iam.Role`) cost every synth about
 * 60 ms more (measured in a fresh process, see `npm run bench`) and add nothing this fixed
 * configuration needs. The construct paths, hence the logical ids, are those the L2s gave, so
 * existing stacks update in place (only the code's S3 key changes once: see `addCodeAsset`).
 * The L1 classes, not bare `CfnResource`s, so that cdk-nag's rules still recognize and check them.
 *
 * Each domain's policy is a separate `AWS::IAM::Policy` whose logical id derives from the domain,
 * and every resource of that domain depends on it. CloudFormation therefore deletes a resource
 * (also the old one of a replacement, in the cleanup phase) before the policy that lets the
 * handler delete it, even when the resource moved to another domain or was the domain's last.
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

  /** ARN of the handler function: the `ServiceToken` of every resource. */
  public readonly serviceToken: string;

  private readonly roleScope: Construct;
  private readonly roleName: string;
  /** Domain policies by their key (see `domainKey`). */
  private readonly policiesByKey = new Map<string, DomainPolicy>();
  /** The same policies by the domain id string as given: a token's string is stable, so this spares resolving it again. */
  private readonly policiesByDomainId = new Map<string, DomainPolicy>();
  /** The function and the policies, whose logical ids are fixed at synthesis (see `pinLogicalIds`). */
  private readonly elements: CfnElement[] = [];
  /** The ids `pinLogicalIds` fixed, by element: to tell them from the app's overrides. */
  private readonly pinnedLogicalIds = new Map<CfnElement, string>();

  private constructor(scope: Stack, id: string) {
    super(scope, id);

    const logGroup = new CfnLogGroup(new Construct(this, 'LogGroup'), 'Resource', { retentionInDays: 30 });
    logGroup.applyRemovalPolicy(RemovalPolicy.DESTROY);

    // No managed policy (AWSLambdaBasicExecutionRole would allow writing to every log group).
    this.roleScope = new Construct(this, 'Role');
    const role = new CfnRole(this.roleScope, 'Resource', {
      assumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
        Version: '2012-10-17',
      },
      description: 'Manages Amazon Connect Cases case rules and templates for cdk-connect-cases',
    });
    this.roleName = role.ref;
    const logPolicy = this.newPolicy(new Construct(this.roleScope, 'DefaultPolicy'), 'Resource', {
      Statement: [{ Action: LOG_ACTIONS, Effect: 'Allow', Resource: logGroup.attrArn }],
      Version: '2012-10-17',
    });

    const fnScope = new Construct(this, 'Function');
    const code = this.addCodeAsset(`${id}/Function/Code`);
    const fn = new CfnFunction(fnScope, 'Resource', {
      description: 'cdk-connect-cases: CloudFormation custom resources for Amazon Connect Cases',
      runtime: 'nodejs24.x',
      architectures: ['arm64'],
      code: { s3Bucket: code.bucketName, s3Key: code.objectKey },
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
      timeout: 120,
      role: role.attrArn,
      loggingConfig: { logGroup: logGroup.ref },
    });
    // Logs from the first invocation on; the Cases grants are not needed here (see newResource). The
    // role needs no `DependsOn`: `Fn::GetAtt` orders it already, and a second entry would make CDK sort
    // the list with `localeCompare`, whose first call loads ICU's collation data (about 10 ms and 3 MB
    // per synth, measured in a fresh process).
    fn.addResourceDependency(logPolicy);
    code.addResourceMetadata(fn);
    this.elements.push(fn);
    this.serviceToken = fn.attrArn;

    // At the lowest priority: CDK refuses to run an aspect on a node after one of higher priority ran
    // there, so any other would make a lower-priority aspect added later (Tags from another stack's
    // aspect, say) fail on the handler's nodes. Renames in the app's code are known by then; those of
    // later aspects are applied by the validation, which runs after every aspect.
    Aspects.of(this).add({ visit: (node) => { if (node === this) this.pinLogicalIds(); } }, { priority: PIN_LOGICAL_IDS_PRIORITY });
    this.node.addValidation({ validate: () => { this.pinLogicalIds(); return []; } });

    acknowledgeWildcardResources(this, () => [...this.policiesByKey.values()].map(({ policy, domainId }) => ({
      policy,
      arns: WILDCARD_DOMAIN_RESOURCES.map((resource) => domainResourceArn(Stack.of(this), domainId, resource)),
    })), WILDCARD_RESOURCE_REASON);
  }

  /**
   * The one CloudFormation resource behind a construct of this library: a custom resource served by
   * this handler, which depends on its domain's policy (created with the domain's first resource).
   */
  public newResource(scope: Construct, options: CasesResourceOptions): CasesResource {
    const resource = new CasesResource(scope, 'Resource', {
      type: options.resourceType,
      properties: { ServiceToken: this.serviceToken, ServiceTimeout: String(SERVICE_TIMEOUT_SECONDS) },
      renderProperties: options.renderProperties,
      tags: options.tags,
    });
    resource.applyRemovalPolicy(options.removalPolicy);
    resource.addResourceDependency(this.domainPolicy(options.domainId), DOMAIN_POLICY_DEPENDENCY);
    return resource;
  }

  /** The policy of `domainId`'s grants, created on first use. */
  private domainPolicy(domainId: string): CfnPolicy {
    const known = this.policiesByDomainId.get(domainId);
    if (known !== undefined) return known.policy;
    const key = domainKey(Stack.of(this), domainId);
    let entry = this.policiesByKey.get(key);
    if (entry === undefined) {
      const id = `Domain${createHash('sha256').update(key).digest('hex').slice(0, 8).toUpperCase()}`;
      entry = { domainId, policy: this.newPolicy(this.roleScope, id, domainPolicyDocument(Stack.of(this), domainId)) };
      this.policiesByKey.set(key, entry);
      this.warnWhenPoliciesMayNotFit();
    }
    this.policiesByDomainId.set(domainId, entry);
    return entry.policy;
  }

  /** An inline policy of the role, named like its logical id (unique in the stack, hence in the role). */
  private newPolicy(scope: Construct, id: string, policyDocument: object): CfnPolicy {
    const policy: CfnPolicy = new CfnPolicy(scope, id, {
      policyDocument,
      roles: [this.roleName],
      policyName: Lazy.string({ produce: () => policy.logicalId }),
    });
    this.elements.push(policy);
    return policy;
  }

  /**
   * Fixes the logical ids of the function and the policies to the ones CDK allocates for them now
   * (their paths' ids, with the stack's renames). Every resource refers to both (`ServiceToken`,
   * `DependsOn`), and CDK would otherwise hash their three-level paths again at each of those
   * references, twice per synthesis. Runs when aspects reach the handler, before CDK resolves
   * anything for the template, and again as a validation, after every aspect, for renames that later
   * aspects made. An id the app overrode, before or after, is left alone.
   */
  private pinLogicalIds(): void {
    const stack = Stack.of(this);
    for (const element of this.elements) {
      const allocated = stack.getLogicalId(element);
      const pinned = this.pinnedLogicalIds.get(element);
      // Overridden by the app (its id is neither CDK's nor the one pinned here), or pinned already right.
      if (stack.resolve(element.logicalId) !== (pinned ?? allocated) || pinned === allocated) continue;
      try {
        element.overrideLogicalId(allocated);
        this.pinnedLogicalIds.set(element, allocated);
      } catch {
        // Locked by `Stack.exportValue`, the one case `overrideLogicalId` refuses: the id stays as CDK
        // computes it, which is the same id, computed again at each read.
      }
    }
  }

  /**
   * IAM allows a role 10,240 characters of inline policies in all. Warns (once the limit may be
   * reached) rather than fails: the estimate assumes the longest partition, region and domain id.
   */
  private warnWhenPoliciesMayNotFit(): void {
    const domains = this.policiesByKey.size;
    const maxDomains = maxDomainsPerStack();
    if (domains === maxDomains + 1) {
      Annotations.of(this).addWarningV2('cdk-connect-cases:tooManyDomains',
        `${domains} Cases domains in one stack: each adds an inline policy of up to ${domainPolicyMaxCharacters()} characters to the handler's role, `
        + `and IAM allows ${ROLE_INLINE_POLICIES_MAX_CHARACTERS} in all for a role; ${maxDomains} domains always fit. Split the domains across stacks if the deployment fails on the policy size.`);
    }
  }

  /**
   * Stages the pre-bundled handler in the cloud assembly (`asset.<sha256 of the bundle>/index.js`)
   * and registers it with the stack's synthesizer as a zipped directory, as `lambda.Code.fromAsset`
   * would. Staged here rather than by `AssetStaging`, whose file-system helpers (directory walks,
   * ignore globs, copy utilities) cost a synth about 20 ms to load and run for one known file.
   * The hash is that of the bundle's bytes, the same on every machine.
   */
  private addCodeAsset(displayName: string): HandlerCode {
    const stack = Stack.of(this);
    const stage = Stage.of(stack);
    if (stage === undefined) throw new Error(`[${this.node.path}] the cdk-connect-cases handler's asset needs its stack to be in an App or a Stage`);
    const bundle = readHandlerBundle();
    const sourceHash = createHash('sha256').update(bundle).digest('hex');
    let stagedPath: string;
    if (this.node.tryGetContext(DISABLE_ASSET_STAGING_CONTEXT)) {
      // `cdk synth --no-staging` (SAM local): the assembly points at the package's own copy.
      stagedPath = HANDLER_ASSET_DIR;
    } else {
      const assetDir = path.resolve(stage.assetOutdir, `asset.${sourceHash}`);
      const stagedFile = path.join(assetDir, 'index.js');
      if (!fs.existsSync(stagedFile)) {
        fs.mkdirSync(assetDir, { recursive: true });
        fs.writeFileSync(stagedFile, bundle);
      }
      // Relative to the stack's assembly (`../asset...` for a stack in a nested Stage), as AssetStaging writes it.
      stagedPath = path.relative(stage.outdir, assetDir);
    }
    const location = stack.synthesizer.addFileAsset({
      packaging: FileAssetPackaging.ZIP_DIRECTORY,
      sourceHash,
      fileName: stagedPath,
      displayName,
    });
    return {
      bucketName: location.bucketName,
      objectKey: location.objectKey,
      addResourceMetadata: (resource: CfnResource) => {
        // What SAM and other local tools read to find the code (as aws-s3-assets' Asset writes it).
        if (!resource.node.tryGetContext(ASSET_RESOURCE_METADATA_ENABLED_CONTEXT)) return;
        resource.addMetadata(ASSET_RESOURCE_METADATA_PATH_KEY, stagedPath);
        resource.addMetadata(ASSET_RESOURCE_METADATA_IS_BUNDLED_KEY, false);
        resource.addMetadata(ASSET_RESOURCE_METADATA_PROPERTY_KEY, 'Code');
      },
    };
  }
}

/** The bundle's bytes, read once per stack; a clear error when the package was not built. */
function readHandlerBundle(): Buffer {
  try {
    return fs.readFileSync(HANDLER_BUNDLE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`cdk-connect-cases: the handler bundle ${HANDLER_BUNDLE} is missing; run npm run build`);
  }
}

interface DomainPolicy {
  /** The domain id as first given (a token or a literal). */
  readonly domainId: string;
  readonly policy: CfnPolicy;
}

interface HandlerCode {
  readonly bucketName: string;
  readonly objectKey: string;
  addResourceMetadata(resource: CfnResource): void;
}

/** How many domains' policies fit in the role's inline policies, next to the log grant, at worst. */
function maxDomainsPerStack(): number {
  // The log grant: one statement on a log group ARN of at most 512 + 50 characters.
  const logPolicyMaxCharacters = 700;
  return Math.floor((ROLE_INLINE_POLICIES_MAX_CHARACTERS - logPolicyMaxCharacters) / domainPolicyMaxCharacters());
}

/**
 * What identifies a domain across synths: its id as the template spells it
 * (`JSON.stringify(stack.resolve(domainId))`), plus the stacks of the resources it refers to when
 * they are not this stack. Before synthesis, another stack's `Domain.DomainId` resolves exactly like
 * this stack's; CDK turns it into an import only later.
 */
function domainKey(stack: Stack, domainId: string): string {
  const spelled = JSON.stringify(stack.resolve(domainId));
  if (!Token.isUnresolved(domainId)) return spelled;
  const otherStacks = Tokenization.reverseString(domainId).tokens
    .map((token) => referencedStack(token))
    .filter((other): other is Stack => other !== undefined && other !== stack)
    .map((other) => other.node.path);
  return otherStacks.length === 0 ? spelled : `${spelled} in ${[...new Set(otherStacks)].sort().join(',')}`;
}

/** The stack of the resource a reference token (`Fn::GetAtt`, `Ref`) points to, if it is one. */
function referencedStack(token: IResolvable): Stack | undefined {
  const target = (token as { target?: unknown }).target;
  return Construct.isConstruct(target) ? Stack.of(target) : undefined;
}

/** What `CasesHandler.newResource` needs. */
export interface CasesResourceOptions {
  /** `Custom::ConnectCases...`, from `RESOURCE_TYPES` in the contract. */
  readonly resourceType: string;
  readonly domainId: string;
  /**
   * The resource's properties as the contract types them, without `ServiceToken`, `ServiceTimeout`
   * or `Tags`, rendered at synthesis: lists that grow after construction (`addRule`, `addOption`)
   * are included, and nothing is kept twice (a rule's typed model and its API shape). One function
   * per resource rather than a `Lazy` per property, each of which would cost a few objects.
   */
  readonly renderProperties: () => object;
  readonly removalPolicy: RemovalPolicy;
  /**
   * The construct's tags, rendered as the `Tags` property at synthesis (absent when empty).
   *
   * @default - no `Tags` property is added (the properties may carry their own)
   */
  readonly tags?: TagManager;
}

interface CasesResourceProps {
  readonly type: string;
  readonly properties: { [key: string]: unknown };
  readonly renderProperties: () => object;
  readonly tags?: TagManager;
}

/**
 * The custom resource behind one construct: a plain `CfnResource`, so that a rule costs a synth
 * what an L1 costs (the `CustomResource` wrapper added a second construct, a second `Resource` and
 * a token per rule).
 */
export class CasesResource extends CfnResource {
  private readonly tagManager?: TagManager;
  private readonly propertiesAtSynthesis: () => object;

  constructor(scope: Construct, id: string, props: CasesResourceProps) {
    super(scope, id, { type: props.type, properties: props.properties });
    this.tagManager = props.tags;
    this.propertiesAtSynthesis = props.renderProperties;
  }

  /** An attribute the handler returns (`Fn::GetAtt`), as a string token. */
  public getAttString(attributeName: string): string {
    return Token.asString(this.getAtt(attributeName));
  }

  /**
   * The handler's properties, the construct's rendered now, and its tags last as the contract's
   * `Tags` list. Copied with one `Object.assign`, and tags rendered only when there are some: CDK
   * reads this twice per resource and synthesis, and that halved its cost (about 9 us a resource).
   */
  protected get cfnProperties(): { [key: string]: any } {
    const properties: { [key: string]: any } = Object.assign({}, super.cfnProperties, this.propertiesAtSynthesis());
    if (this.tagManager?.hasTags()) properties.Tags = this.tagManager.renderTags();
    return properties;
  }
}
