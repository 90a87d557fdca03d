"use server";

import { createAction } from "@/lib/actions/validated-action";
import { declineSupplyRequest } from "@/lib/domain/supply-requests/decline-supply-request";
import { declineSupplyRequestSchema } from "@/lib/validation/schemas/supply";
import { SUPPLY_PATHS } from "./paths";

export const declineSupplyRequestAction = createAction(declineSupplyRequest, { schema: declineSupplyRequestSchema, revalidate: () => SUPPLY_PATHS });
