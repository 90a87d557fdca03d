import { USER_ROLES } from "@/lib/enums";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { creditCodeProblem } from "@/lib/validation/credit-code";
import { compactMobile, isMainlandMobile } from "@/lib/validation/mobile";
import { DISTRICTS, isKnownDistrict, isKnownRegion } from "@/lib/regions";
import { proofField } from "@/lib/validation/schemas/auth";
import { z, textInput } from "@/lib/validation/zod";

const email = textInput().trim().toLowerCase().pipe(z.email());
const password = textInput().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
const personName = textInput().trim().min(1).max(100);
const organizationName = textInput().trim().min(2).max(200);
const region = textInput().refine(isKnownRegion, { message: "validation.choice" });
const creditCode = textInput()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem === "format") ctx.addIssue({ code: "custom", message: "validation.creditCodeFormat" });
    if (problem === "check") ctx.addIssue({ code: "custom", message: "validation.creditCodeCheck" });
  });
/** Stored as its 11 digits, however it was typed. */
const mobile = textInput()
  .transform(compactMobile)
  .pipe(
    z.string().refine(isMainlandMobile, {
      error: (issue) => (issue.input === "" ? "validation.required" : "validation.mobile"),
    }),
  );

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

/** The password typed twice: a typo in a field nobody can read would lock the founder out. */
function passwordConfirmed<T extends { password: string; confirmPassword: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.confirmPassword && value.confirmPassword !== value.password) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "validation.passwordsDiffer" });
  }
}

export const signUpSchema = z
  .object({
    name: personName,
    email,
    mobile,
    password,
    confirmPassword: textInput().min(1),
    /** The terms of use and the privacy policy (/terms, /privacy): no account without agreeing to them. */
    consent: z.boolean({ message: "validation.consentRequired" }).refine((agreed) => agreed, { message: "validation.consentRequired" }),
    organizationName,
    creditCode,
    region,
    district: textInput().optional(),
    proof: proofField,
  })
  .superRefine(districtInRegion)
  .superRefine(passwordConfirmed);

/** Kinds the operator creates here; enterprises register themselves. */
export const MANAGED_ORGANIZATION_KINDS = ["verification_body", "regulator"] as const;

export const createOrganizationSchema = z
  .object({
    kind: z.enum(MANAGED_ORGANIZATION_KINDS),
    name: organizationName,
    nameEn: textInput().trim().max(200).optional(),
    region,
    district: textInput().optional(),
    accreditationNo: textInput().trim().max(50).optional(),
  })
  .superRefine(districtInRegion);

export const createUserSchema = z.object({
  organizationId: z.uuid(),
  name: personName,
  email,
  role: z.enum(USER_ROLES),
  password,
});

export const setUserDisabledSchema = z.object({
  userId: z.uuid(),
  disabled: z.boolean(),
});

export const changeUserRoleSchema = z.object({
  userId: z.uuid(),
  role: z.enum(USER_ROLES),
});

export const endUserSessionsSchema = z.object({ userId: z.uuid() });

/** The operator's user list from the query string: free text (name, email, organization) and page. */
export const userSearchSchema = z.object({
  q: textInput().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type UserSearch = z.output<typeof userSearchSchema>;
