import { CasesModel, OperationInfo } from '../model/cases-model';
import { isBoundOutsideBody, TRAIT } from '../model/smithy-types';
import { validationError } from './cases-error';

/**
 * Assembles an operation's input object from its HTTP parts as restJson1 binds them: labels from
 * the path, `@httpQuery` members from the query string, everything else from the JSON body.
 * Query and label text is converted to the member's type when it parses as one; text that does
 * not parse stays a string so that validation reports the wrong type.
 */
export function readInput(model: CasesModel, operation: OperationInfo, labels: Record<string, string>,
  query: URLSearchParams, body: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const parsedBody = parseBody(body);
  for (const [name, member] of Object.entries(model.shape(operation.inputShape).members ?? {})) {
    const traits = member.traits ?? {};
    if (TRAIT.httpLabel in traits) {
      if (labels[name] !== undefined) input[name] = fromText(model, member.target, labels[name]);
    } else if (TRAIT.httpQuery in traits) {
      const values = query.getAll(traits[TRAIT.httpQuery] as string);
      if (values.length === 0) continue;
      const target = model.shape(member.target);
      input[name] = target.type === 'list' || target.type === 'set'
        ? values.map((value) => fromText(model, target.member!.target, value))
        : fromText(model, member.target, values[0]);
    } else if (!isBoundOutsideBody(member) && parsedBody[name] !== undefined) {
      input[name] = parsedBody[name];
    }
  }
  return input;
}

function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw validationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError('The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function fromText(model: CasesModel, target: string, text: string): unknown {
  switch (model.shape(target).type) {
    case 'byte': case 'short': case 'integer': case 'long': case 'intEnum':
      return /^[+-]?\d+$/.test(text) ? Number(text) : text;
    case 'float': case 'double':
      return text !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}
