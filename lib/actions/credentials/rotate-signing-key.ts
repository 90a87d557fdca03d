"use server";

import { createAction } from "@/lib/actions/validated-action";
import { rotateSigningKey } from "@/lib/domain/credentials/rotate-signing-key";
import { rotateSigningKeySchema } from "@/lib/validation/schemas/credentials";

export const rotateSigningKeyAction = createAction(rotateSigningKey, {
  schema: rotateSigningKeySchema,
  revalidate: () => ["/verifier/signing-keys", "/admin/signing-keys"],
});
