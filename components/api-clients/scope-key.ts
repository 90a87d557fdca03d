import type { ApiScope } from "@/lib/enums";

/** The catalog key of a scope (catalog keys cannot hold a colon). */
export const scopeKey = (scope: ApiScope) => scope.replace(":", "_");
