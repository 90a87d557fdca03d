import { CERTIFICATE_STATUSES, REGISTRY_SORTS } from "@/lib/enums";
import { todayInShanghai } from "@/lib/certificates/validity";
import { z, textInput } from "@/lib/validation/zod";

const certificateId = z.uuid();
/** The certificate version the user saw: a different one means someone else changed it. */
const expectedVersion = z.coerce.number().int().min(1);
const reason = textInput().trim().min(1).max(2000);

export const suspendCertificateSchema = z.object({ certificateId, expectedVersion, reason });

export const withdrawCertificateSchema = suspendCertificateSchema;

export const reinstateCertificateSchema = z.object({
  certificateId,
  expectedVersion,
  reason: textInput().trim().max(2000).default(""),
});

export const recordSurveillanceSchema = z.object({
  certificateId,
  expectedVersion,
  performedOn: z.iso
    .date({ message: "validation.date" })
    // ISO dates compare correctly as text.
    .refine((date) => date <= todayInShanghai(), "certificates.errors.futureDate"),
  result: z.enum(["passed", "failed"]),
  notes: textInput().trim().min(1).max(4000),
});

export const recertifySchema = z.object({ certificateId });

/** The public registry's query string; anything unparsable is simply ignored. */
export const registryQuerySchema = z.object({
  q: textInput().trim().max(100).optional().catch(undefined),
  category: textInput().trim().max(60).optional().catch(undefined),
  grade: z.coerce.number().int().min(1).max(10).optional().catch(undefined),
  /** Procurement: this level or better (level 1 is the best). */
  maxGrade: z.coerce.number().int().min(1).max(10).optional().catch(undefined),
  status: z.enum(CERTIFICATE_STATUSES).optional().catch(undefined),
  body: z.uuid().optional().catch(undefined),
  sort: z.enum(REGISTRY_SORTS).catch("newest").default("newest"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
