/**
 * The constraint a PostgreSQL unique violation (SQLSTATE 23505) names, looking through the
 * wrappers drizzle puts around driver errors; null for any other error.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : "";
  }
  return null;
}
