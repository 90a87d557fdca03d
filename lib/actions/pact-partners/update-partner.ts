"use server";

import { createAction } from "@/lib/actions/validated-action";
import { updatePartner } from "@/lib/domain/pact-partners/update-partner";
import { updatePartnerSchema } from "@/lib/validation/schemas/pact";
import { PARTNER_PATHS } from "./paths";

export const updatePartnerAction = createAction(updatePartner, { schema: updatePartnerSchema, revalidate: () => PARTNER_PATHS });
