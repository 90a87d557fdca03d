import { API_SCOPES } from "@/lib/enums";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { messageKey } from "@/lib/i18n/translate";
import { isoDate, z, textInput } from "@/lib/validation/zod";

/** A checkbox group posts nothing, one value or several: always a list here. */
const checkedValues = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === false || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** The longest life an API client may be given: an integration that runs longer gets a new client. */
export const API_CLIENT_MAX_DAYS = 730;

const FOOTPRINT_ACCESS = ["all", "selected"] as const;

export const createApiClientSchema = z
  .object({
    name: textInput().trim().min(1).max(100),
    scopes: checkedValues(z.enum(API_SCOPES)).pipe(z.array(z.enum(API_SCOPES)).min(1, { message: "apiClients.validation.scopesRequired" })),
    /** The last day the client works (Asia/Shanghai). */
    expiresOn: isoDate,
    footprintAccess: z.enum(FOOTPRINT_ACCESS).default("all"),
    certificateIds: checkedValues(z.uuid()).pipe(z.array(z.uuid()).max(500)),
  })
  .superRefine((value, ctx) => {
    const today = todayInShanghai();
    // ISO dates compare correctly as text.
    if (value.expiresOn && (value.expiresOn <= today || value.expiresOn > addDays(today, API_CLIENT_MAX_DAYS))) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: messageKey("apiClients.validation.expiry", { maximum: API_CLIENT_MAX_DAYS }) });
    }
    if (value.scopes.includes("footprints:read") && value.footprintAccess === "selected" && value.certificateIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["certificateIds"], message: "apiClients.validation.footprintsRequired" });
    }
  });
export type CreateApiClientValues = z.output<typeof createApiClientSchema>;

export const apiClientIdSchema = z.object({ apiClientId: z.uuid() });
export type ApiClientIdValues = z.output<typeof apiClientIdSchema>;
