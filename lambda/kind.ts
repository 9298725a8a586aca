import { Invocation, CasesCall } from './invocation';

/**
 * What one kind of managed Cases resource (case rule, template, field options) supplies to the
 * shared lifecycle in `lifecycle.ts`: how to decode its properties, read, write and delete its
 * record, and how the record is identified. Everything else (idempotent creates, adoption,
 * replacement, recreate after an out-of-band delete, tags, rollback clean-up) is the lifecycle's.
 */
export interface ManagedKind<Desired extends DesiredState = DesiredState, Live = unknown> {
  /** CloudFormation resource type, e.g. `Custom::ConnectCasesCaseRule`. */
  readonly resourceType: string;
  /** For messages: `case rule`. */
  readonly noun: string;
  /** The resource properties as CloudFormation delivers them, decoded (throws `DecodeFailure`). */
  decode(properties: unknown): Desired;
  /** The record `id`, or undefined when it does not exist or is (soft-)deleted. */
  read(inv: Invocation, domainId: string, id: string): Promise<Live | undefined>;
  /**
   * Writes the desired state over the live record. `previous` is the state the stack asked for
   * before (absent on Create), for kinds that must undo what they no longer declare.
   */
  write(inv: Invocation, desired: Desired, id: string, live: Live, previous?: Desired): Promise<void>;
  /** Deletes the record; "already gone" must count as done. `properties` are the resource's last properties. */
  delete(inv: Invocation, domainId: string, id: string, properties: unknown): Promise<void>;
  /** Attributes for `Fn::GetAtt`; `arn` is undefined for kinds without one. */
  attributes(id: string, arn: string | undefined): Record<string, string>;
  /** The record for messages and logs. */
  target(domainId: string, id: string): Omit<CasesCall, 'operation'>;
  /** How the record gets its id. */
  readonly identity: AssignedIdentity<Desired, Live> | DeclaredIdentity<Desired>;
}

/** What every kind's decoded properties carry. */
export interface DesiredState {
  readonly domainId: string;
}

/** What the decoded properties of a kind with service-assigned ids carry. */
export interface NamedDesiredState extends DesiredState {
  readonly name: string;
  /** Id of a record to take over instead of creating one (`adopt...Id` props). */
  readonly adoptId?: string;
  /** User tags. */
  readonly tags: Record<string, string>;
}

/** What such a kind's read returns (the SDK's GetTemplate and BatchGetCaseRule items have both). */
export interface TaggedRecord {
  readonly tags?: Record<string, string | null>;
  readonly createdTime?: Date;
}

/**
 * Records whose id the service assigns on create (case rules, templates). Create APIs take no
 * client token, so a create whose answer was lost is found again by name, and the owner tag proves
 * whose it is.
 */
export interface AssignedIdentity<Desired, Live> {
  readonly type: 'assigned';
  /** The create call: exactly one attempt, never retried by the caller's retry loop. */
  create(inv: Invocation, desired: Desired): Promise<{ id: string; arn: string }>;
  /** The id of the live record named `name` in the domain, if any. */
  findByName(inv: Invocation, domainId: string, name: string): Promise<string | undefined>;
  arnOf(live: Live): string;
  /** True when the live record already holds exactly the desired content (tags aside). */
  sameContent(live: Live, desired: Desired): boolean;
}

/** Records whose id the properties name (the options of a field): writing is idempotent by nature. */
export interface DeclaredIdentity<Desired> {
  readonly type: 'declared';
  /** The PhysicalResourceId of the record the properties describe. */
  physicalIdOf(desired: Desired): string;
}
