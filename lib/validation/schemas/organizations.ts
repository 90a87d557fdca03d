import { organizationKind, userRole } from "@/db/schema";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { isValidCreditCode } from "@/lib/validation/credit-code";
import { DISTRICTS, isKnownDistrict, isKnownRegion } from "@/lib/regions";
import { z } from "@/lib/validation/zod";

const email = z.string().trim().toLowerCase().pipe(z.email());
const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
const personName = z.string().trim().min(1).max(100);
const organizationName = z.string().trim().min(2).max(200);
const region = z.string().refine(isKnownRegion, { message: "validation.choice" });
const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: "validation.creditCode" });

/** Where the region has districts one must be chosen, and it must belong to the region. */
function districtInRegion<T extends { region: string; district?: string | null }>(value: T, ctx: z.RefinementCtx) {
  const regionHasDistricts = (DISTRICTS[value.region] ?? []).length > 0;
  if (!value.district) {
    if (regionHasDistricts) ctx.addIssue({ code: "custom", path: ["district"], message: "validation.required" });
    return;
  }
  if (!isKnownDistrict(value.region, value.district)) {
    ctx.addIssue({ code: "custom", path: ["district"], message: "validation.district" });
  }
}

export const signUpSchema = z
  .object({
    name: personName,
    email,
    password,
    organizationName,
    creditCode,
    region,
    district: z.string().optional(),
  })
  .superRefine(districtInRegion);
export type SignUpInput = z.input<typeof signUpSchema>;

/** Kinds the operator creates here; enterprises register themselves. */
export const MANAGED_ORGANIZATION_KINDS = ["verification_body", "regulator"] as const;

export const createOrganizationSchema = z
  .object({
    kind: z.enum(MANAGED_ORGANIZATION_KINDS),
    name: organizationName,
    nameEn: z.string().trim().max(200).optional(),
    region,
    district: z.string().optional(),
    accreditationNo: z.string().trim().max(50).optional(),
  })
  .superRefine(districtInRegion);
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

/** Which roles a user of each kind of organization may hold. */
export const ROLES_BY_ORGANIZATION_KIND: Record<
  (typeof organizationKind.enumValues)[number],
  readonly (typeof userRole.enumValues)[number][]
> = {
  enterprise: ["enterprise"],
  verification_body: ["verifier", "reviewer"],
  regulator: ["regulator"],
  operator: ["admin"],
};

export const createUserSchema = z.object({
  organizationId: z.uuid(),
  name: personName,
  email,
  role: z.enum(userRole.enumValues),
  password,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const setUserDisabledSchema = z.object({
  userId: z.uuid(),
  disabled: z.boolean(),
});

export const changeUserRoleSchema = z.object({
  userId: z.uuid(),
  role: z.enum(userRole.enumValues),
});
