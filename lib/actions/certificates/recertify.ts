"use server";

import { createAction } from "@/lib/actions/validated-action";
import { recertify } from "@/lib/domain/certificates/recertify";
import { recertifySchema } from "@/lib/validation/schemas/certificates";

export const recertifyAction = createAction("certificate.recertify", {
  schema: recertifySchema,
  revalidate: () => ["/enterprise"],
  run: ({ user, input, tx }) => recertify(tx, { certificateId: input.certificateId, actor: user }),
});
