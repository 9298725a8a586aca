/** The subset of the Smithy 2.0 JSON AST that the fake reads. */

export type ShapeId = string;
export type Traits = Record<string, unknown>;

export interface MemberRef {
  target: ShapeId;
  traits?: Traits;
}

export interface Shape {
  type: string;
  traits?: Traits;
  /** structure, union, enum */
  members?: Record<string, MemberRef>;
  /** list, set */
  member?: MemberRef;
  /** map */
  key?: MemberRef;
  value?: MemberRef;
  /** operation */
  input?: { target: ShapeId };
  output?: { target: ShapeId };
  errors?: { target: ShapeId }[];
}

export interface SmithyModelJson {
  smithy: string;
  shapes: Record<ShapeId, Shape>;
}

/** Traits the fake interprets, by their absolute ids. */
export const TRAIT = {
  required: 'smithy.api#required',
  length: 'smithy.api#length',
  range: 'smithy.api#range',
  pattern: 'smithy.api#pattern',
  enum: 'smithy.api#enum',
  enumValue: 'smithy.api#enumValue',
  sparse: 'smithy.api#sparse',
  uniqueItems: 'smithy.api#uniqueItems',
  timestampFormat: 'smithy.api#timestampFormat',
  http: 'smithy.api#http',
  httpLabel: 'smithy.api#httpLabel',
  httpQuery: 'smithy.api#httpQuery',
  httpHeader: 'smithy.api#httpHeader',
  httpPayload: 'smithy.api#httpPayload',
  httpError: 'smithy.api#httpError',
  sigv4: 'aws.auth#sigv4',
} as const;

/** Members bound to the URI or headers are not read from (or written to) the JSON body. */
export function isBoundOutsideBody(member: MemberRef): boolean {
  const traits = member.traits ?? {};
  return TRAIT.httpLabel in traits || TRAIT.httpQuery in traits || TRAIT.httpHeader in traits
    || 'smithy.api#httpPrefixHeaders' in traits || 'smithy.api#httpQueryParams' in traits
    || 'smithy.api#httpResponseCode' in traits;
}
