"use server";

import { createAction } from "@/lib/actions/validated-action";
import { recertify } from "@/lib/domain/certificates/recertify";
import { recertifySchema } from "@/lib/validation/schemas/certificates";

/** 再认证: the holder opens a renewal application for a certified product. */
export const recertifyAction = createAction(recertify, {
  schema: recertifySchema,
  revalidate: () => ["/enterprise"],
});
