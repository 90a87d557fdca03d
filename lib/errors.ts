/**
 * Errors a business operation throws to refuse; adapters (server actions,
 * route handlers, jobs) turn them into their own result shape. Messages are
 * i18n keys (see lib/i18n/translate.ts).
 */
export class OperationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "OperationError";
  }
}

/** Nobody is signed in (or the session ended). */
export class UnauthenticatedError extends OperationError {
  constructor(message = "errors.unauthenticated") {
    super(message);
    this.name = "UnauthenticatedError";
  }
}

/** Signed in, but this role may not do this. */
export class ForbiddenError extends OperationError {
  constructor(message = "errors.forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Does not exist, or is not the actor's to see: the same answer for both (no existence oracle). */
export class NotFoundError extends OperationError {
  constructor(message = "errors.notFound") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The record changed since the user loaded it, or its state does not allow this now. */
export class ConflictError extends OperationError {
  constructor(message = "errors.conflict") {
    super(message);
    this.name = "ConflictError";
  }
}

/**
 * Too many requests in the current window; retry after the given seconds. The message is the
 * caller's (an API refusal names the API's own catalog).
 */
export class RateLimitedError extends OperationError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}
