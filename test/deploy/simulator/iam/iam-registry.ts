import { MAX_MANAGED_POLICY_CHARS, MAX_ROLE_INLINE_POLICY_CHARS, PolicyDocument, policySize } from './policy-document';

interface InlinePolicy {
  readonly name: string;
  readonly document: PolicyDocument;
}

interface RoleEntry {
  readonly arn: string;
  /** The role's own `Policies` property. */
  inline: InlinePolicy[];
  /** `ManagedPolicyArns`. */
  managedPolicyArns: string[];
}

interface AttachedPolicy {
  readonly name: string;
  readonly document: PolicyDocument;
  readonly roles: string[];
}

/** Thrown when IAM itself refuses a change (the resource's create, update or delete fails with it). */
export class IamError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'IamError';
  }
}

/**
 * The IAM state the simulator has deployed so far, across its stacks: roles with their inline and
 * managed policies, `AWS::IAM::Policy` attachments, managed policies and which role each Lambda
 * function runs as. Changed as the IAM resources are created, updated and deleted, so that an
 * authorization sees exactly the policies in place at that moment.
 */
export class IamRegistry {
  private readonly roles = new Map<string, RoleEntry>();
  /** AWS::IAM::Policy by physical id. */
  private readonly policies = new Map<string, AttachedPolicy>();
  /** AWS::IAM::ManagedPolicy by ARN. */
  private readonly managed = new Map<string, AttachedPolicy>();
  /** Lambda function ARN -> role ARN. */
  private readonly functions = new Map<string, string>();

  public putRole(name: string, arn: string, inline: InlinePolicy[], managedPolicyArns: string[]): void {
    const previous = this.roles.get(name);
    const entry = { arn, inline, managedPolicyArns };
    this.roles.set(name, entry);
    try {
      this.requireInlineSize(name);
    } catch (error) {
      if (previous) this.roles.set(name, previous);
      else this.roles.delete(name);
      throw error;
    }
  }

  public deleteRole(name: string): void {
    const attached = [...this.policies.values(), ...this.managed.values()].filter((policy) => policy.roles.includes(name));
    if (attached.length > 0) {
      throw new IamError('DeleteConflict', `Cannot delete entity, must detach all policies first (role ${name} still has ${attached.map((p) => p.name).join(', ')})`);
    }
    this.roles.delete(name);
  }

  /** An `AWS::IAM::Policy`: an inline policy of each of `roles`. */
  public putPolicy(id: string, name: string, document: PolicyDocument, roles: string[]): void {
    this.requireRoles(roles);
    const previous = this.policies.get(id);
    this.policies.set(id, { name, document, roles });
    try {
      roles.forEach((role) => this.requireInlineSize(role));
    } catch (error) {
      if (previous) this.policies.set(id, previous);
      else this.policies.delete(id);
      throw error;
    }
  }

  public deletePolicy(id: string): void {
    this.policies.delete(id);
  }

  public putManagedPolicy(arn: string, name: string, document: PolicyDocument, roles: string[]): void {
    this.requireRoles(roles);
    const size = policySize(document);
    if (size > MAX_MANAGED_POLICY_CHARS) {
      throw new IamError('LimitExceeded', `Cannot exceed quota for PolicySize: ${MAX_MANAGED_POLICY_CHARS} (managed policy ${name} has ${size})`);
    }
    this.managed.set(arn, { name, document, roles });
  }

  public deleteManagedPolicy(arn: string): void {
    // Its own Roles are detached by its delete; a role that lists it in ManagedPolicyArns still holds it.
    const users = [...this.roles.entries()].filter(([, role]) => role.managedPolicyArns.includes(arn)).map(([name]) => name);
    if (users.length > 0) {
      throw new IamError('DeleteConflict', `Cannot delete a policy attached to entities (${arn} is attached to ${users.join(', ')})`);
    }
    this.managed.delete(arn);
  }

  public putFunction(functionArn: string, roleArn: string): void {
    this.functions.set(functionArn, roleArn);
  }

  public deleteFunction(functionArn: string): void {
    this.functions.delete(functionArn);
  }

  /** The role a function runs as (its name), or undefined when the function or role is unknown. */
  public roleOfFunction(functionArn: string): string | undefined {
    const roleArn = this.functions.get(functionArn);
    if (roleArn === undefined) return undefined;
    const name = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    return this.roles.get(name)?.arn === roleArn ? name : undefined;
  }

  /** Every policy document in effect for `roleName` right now: inline, AWS::IAM::Policy and managed ones. */
  public documentsOf(roleName: string): PolicyDocument[] {
    const role = this.roles.get(roleName);
    if (role === undefined) return [];
    return [
      ...role.inline.map((policy) => policy.document),
      ...[...this.policies.values()].filter((policy) => policy.roles.includes(roleName)).map((policy) => policy.document),
      ...[...this.managed.entries()]
        .filter(([arn, policy]) => policy.roles.includes(roleName) || role.managedPolicyArns.includes(arn))
        .map(([, policy]) => policy.document),
    ];
  }

  private requireRoles(roles: string[]): void {
    const missing = roles.filter((role) => !this.roles.has(role));
    if (missing.length > 0) throw new IamError('NoSuchEntity', `The role with name ${missing.join(', ')} cannot be found.`);
  }

  /** All inline policies of a role together, its own and attached AWS::IAM::Policy resources, within IAM's quota. */
  private requireInlineSize(roleName: string): void {
    const role = this.roles.get(roleName);
    const documents = [
      ...(role?.inline.map((policy) => policy.document) ?? []),
      ...[...this.policies.values()].filter((policy) => policy.roles.includes(roleName)).map((policy) => policy.document),
    ];
    const size = documents.reduce((sum, document) => sum + policySize(document), 0);
    if (size > MAX_ROLE_INLINE_POLICY_CHARS) {
      throw new IamError('LimitExceeded', `Maximum policy size of ${MAX_ROLE_INLINE_POLICY_CHARS} bytes exceeded for role ${roleName} (${size})`);
    }
  }
}
