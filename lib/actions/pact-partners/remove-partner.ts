"use server";

import { createAction } from "@/lib/actions/validated-action";
import { removePartner } from "@/lib/domain/pact-partners/remove-partner";
import { partnerIdSchema } from "@/lib/validation/schemas/pact";
import { PARTNER_PATHS } from "./paths";

export const removePartnerAction = createAction(removePartner, { schema: partnerIdSchema, revalidate: () => PARTNER_PATHS });
