/**
 * Errors a business operation throws to refuse; the action wrapper turns them
 * into a typed result. Messages are i18n keys (see lib/i18n/translate.ts).
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** Signed in, but this role or this resource is not theirs. */
export class ForbiddenError extends ActionError {
  constructor(message = "errors.forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends ActionError {
  constructor(message = "errors.notFound") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The record changed since the user loaded it (state or version mismatch). */
export class ConflictError extends ActionError {
  constructor(message = "errors.conflict") {
    super(message);
    this.name = "ConflictError";
  }
}
