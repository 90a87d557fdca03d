import { isBoundedDecimal, normalizeDecimalInput, z, textInput } from "@/lib/validation/zod";

/** A partner's PACT host: HTTPS only (PACT 3.0: "A host system MUST offer its actions over HTTPS only"). */
const baseUrl = textInput()
  .trim()
  .min(1)
  .max(500)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.hostname, message: "pact.validation.baseUrl" }));

const partnerFields = {
  name: textInput().trim().min(1).max(200),
  baseUrl,
  /** The client id and secret the partner's token endpoint issued to this enterprise. */
  clientId: textInput().trim().min(1).max(500),
};

export const registerPartnerSchema = z.object({ ...partnerFields, clientSecret: textInput().min(1).max(1000) });
export type RegisterPartnerValues = z.output<typeof registerPartnerSchema>;

/** An edit keeps the stored secret unless a new one is typed. */
export const updatePartnerSchema = z.object({ partnerId: z.uuid(), ...partnerFields, clientSecret: textInput().max(1000) });
export type UpdatePartnerValues = z.output<typeof updatePartnerSchema>;

export const partnerIdSchema = z.object({ partnerId: z.uuid() });
export type PartnerIdValues = z.output<typeof partnerIdSchema>;

/** The inbox shows what could not be fulfilled automatically, or every request. */
export const INBOX_VIEWS = ["unfulfilled", "all"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** A product declaration PACT exchange asks for: a decimal of zero or more; empty (or null) declares nothing. */
export const optionalNonNegativeDecimal = textInput()
  .trim()
  .max(40)
  .transform(normalizeDecimalInput)
  .refine((value) => value === "" || (/^\d+(\.\d+)?$/.test(value) && isBoundedDecimal(value)), { message: "pact.validation.nonNegative" })
  .transform((value) => (value === "" ? null : value))
  .nullish();
