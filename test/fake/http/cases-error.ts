/**
 * An error the fake answers with: the name of a model error shape plus its members. The HTTP
 * status comes from the shape's `smithy.api#httpError` trait when the response is written.
 */
export class CasesError extends Error {
  constructor(readonly shapeName: string, message: string, readonly members: Record<string, unknown> = {}) {
    super(message);
    this.name = shapeName;
  }
}

export function validationError(message: string): CasesError {
  return new CasesError('ValidationException', message);
}

export function notFound(resourceType: string, resourceId: string, message?: string): CasesError {
  return new CasesError('ResourceNotFoundException', message ?? `${resourceType} '${resourceId}' was not found`,
    { resourceId, resourceType });
}

export function conflict(message: string): CasesError {
  return new CasesError('ConflictException', message);
}

export function quotaExceeded(message: string): CasesError {
  return new CasesError('ServiceQuotaExceededException', message);
}

export function accessDenied(message: string): CasesError {
  return new CasesError('AccessDeniedException', message);
}
