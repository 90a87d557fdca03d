export type FieldErrors = Record<string, string[]>;

/** The one result shape of every server action. Messages are i18n keys. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string; fieldErrors?: undefined }
  | { ok: false; message: string; fieldErrors?: FieldErrors; data?: undefined };
