"use server";

import { createAction } from "@/lib/actions/validated-action";
import { createOrganization } from "@/lib/domain/organizations/create-organization";
import { createOrganizationSchema } from "@/lib/validation/schemas/organizations";

/** The operator creates verification bodies and regulator bureaus. */
export const createOrganizationAction = createAction(createOrganization, {
  schema: createOrganizationSchema,
  revalidate: () => ["/admin"],
});
