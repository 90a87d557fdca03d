"use server";

import { createAction } from "@/lib/actions/validated-action";
import { registerPartner } from "@/lib/domain/pact-partners/register-partner";
import { registerPartnerSchema } from "@/lib/validation/schemas/pact";
import { PARTNER_PATHS } from "./paths";

export const registerPartnerAction = createAction(registerPartner, { schema: registerPartnerSchema, revalidate: () => PARTNER_PATHS });
