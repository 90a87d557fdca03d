"use server";

import { createAction } from "@/lib/actions/validated-action";
import { createApplication } from "@/lib/domain/applications/create-application";
import { createApplicationSchema } from "@/lib/validation/schemas/applications";

/** Opens a certification application for one of the enterprise's products (one open draft at a time). */
export const createApplicationAction = createAction(createApplication, {
  schema: createApplicationSchema,
  revalidate: (input) => ["/enterprise", `/enterprise/products/${input.productId}`],
});
