import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyOverlay, OverlayJson } from './overlay';
import { MemberRef, Shape, ShapeId, SmithyModelJson, TRAIT, Traits } from './smithy-types';

/** An operation as the HTTP layer needs it, read from the model. */
export interface OperationInfo {
  readonly name: string;
  readonly method: string;
  /** e.g. `/domains/{domainId}/rules-list/` */
  readonly uri: string;
  readonly inputShape: ShapeId;
  readonly outputShape: ShapeId;
  /** Error shape names (e.g. `ValidationException`) the operation declares. */
  readonly errors: readonly string[];
  /** `smithy.api#readonly`, or a GET: the operation changes nothing. */
  readonly readOnly: boolean;
}

const PRELUDE_TYPES: Record<string, string> = {
  String: 'string', Boolean: 'boolean', PrimitiveBoolean: 'boolean', Integer: 'integer', PrimitiveInteger: 'integer',
  Long: 'long', PrimitiveLong: 'long', Short: 'short', Byte: 'byte', Float: 'float', PrimitiveFloat: 'float',
  Double: 'double', PrimitiveDouble: 'double', BigInteger: 'bigInteger', BigDecimal: 'bigDecimal',
  Timestamp: 'timestamp', Blob: 'blob', Document: 'document', Unit: 'structure',
};

/** The Amazon Connect Cases Smithy model with the overlay of newer members merged in. */
export class CasesModel {
  /** Loads the copies kept next to this file (tests never read /work/shared). */
  static load(dir: string = __dirname): CasesModel {
    const model = JSON.parse(readFileSync(path.join(dir, 'connectcases.smithy.json'), 'utf8')) as SmithyModelJson;
    const overlay = JSON.parse(readFileSync(path.join(dir, 'connectcases.overlay.json'), 'utf8')) as OverlayJson;
    applyOverlay(model, overlay);
    return new CasesModel(model);
  }

  readonly operations: ReadonlyMap<string, OperationInfo>;
  /** SigV4 signing name of the service (`cases`). */
  readonly signingName: string;

  private constructor(private readonly json: SmithyModelJson) {
    const service = Object.values(json.shapes).find((shape) => shape.type === 'service');
    const sigv4 = service?.traits?.[TRAIT.sigv4] as { name?: string } | undefined;
    if (!sigv4?.name) throw new Error('the model has no service with an aws.auth#sigv4 signing name');
    this.signingName = sigv4.name;
    this.operations = new Map(Object.entries(json.shapes)
      .filter(([, shape]) => shape.type === 'operation')
      .map(([id, shape]) => [localName(id), toOperationInfo(id, shape)]));
  }

  shape(id: ShapeId): Shape {
    const shape = this.json.shapes[id];
    if (shape) return shape;
    const preludeType = id.startsWith('smithy.api#') ? PRELUDE_TYPES[localName(id)] : undefined;
    if (preludeType) return { type: preludeType, members: preludeType === 'structure' ? {} : undefined };
    throw new Error(`the model has no shape ${id}`);
  }

  /** A member's constraints: the target's traits, overridden by the member's own. */
  effectiveTraits(member: MemberRef): Traits {
    return { ...this.shape(member.target).traits, ...member.traits };
  }

  /** The HTTP status an error shape declares (`smithy.api#httpError`). */
  errorShape(name: string): { id: ShapeId; shape: Shape; status: number } | undefined {
    const entry = Object.entries(this.json.shapes)
      .find(([id, shape]) => localName(id) === name && shape.traits?.['smithy.api#error'] !== undefined);
    if (!entry) return undefined;
    const [id, shape] = entry;
    const status = shape.traits?.[TRAIT.httpError] as number | undefined;
    return { id, shape, status: status ?? (shape.traits?.['smithy.api#error'] === 'server' ? 500 : 400) };
  }

  /** Values of a string enum shape (Smithy 1 `@enum` trait or Smithy 2 `enum` type). */
  enumValues(shape: Shape): string[] | undefined {
    const enumTrait = shape.traits?.[TRAIT.enum] as { value: string }[] | undefined;
    if (enumTrait) return enumTrait.map((entry) => entry.value);
    if (shape.type === 'enum') {
      return Object.entries(shape.members ?? {}).map(([name, member]) => (member.traits?.[TRAIT.enumValue] as string | undefined) ?? name);
    }
    return undefined;
  }
}

export function localName(id: ShapeId): string {
  return id.slice(id.indexOf('#') + 1);
}

function toOperationInfo(id: ShapeId, shape: Shape): OperationInfo {
  const http = shape.traits?.[TRAIT.http] as { method: string; uri: string } | undefined;
  if (!http) throw new Error(`operation ${id} has no smithy.api#http trait`);
  return {
    name: localName(id),
    method: http.method,
    uri: http.uri,
    inputShape: shape.input?.target ?? 'smithy.api#Unit',
    outputShape: shape.output?.target ?? 'smithy.api#Unit',
    errors: (shape.errors ?? []).map((error) => localName(error.target)),
    readOnly: shape.traits?.['smithy.api#readonly'] !== undefined || http.method === 'GET',
  };
}

let cached: CasesModel | undefined;

/** The model, parsed once per process. */
export function casesModel(): CasesModel {
  cached ??= CasesModel.load();
  return cached;
}
