"use server";

import { createAction } from "@/lib/actions/validated-action";
import { fulfilSupplyRequest } from "@/lib/domain/supply-requests/fulfil-supply-request";
import { fulfilSupplyRequestSchema } from "@/lib/validation/schemas/supply";
import { SUPPLY_PATHS } from "./paths";

export const fulfilSupplyRequestAction = createAction(fulfilSupplyRequest, { schema: fulfilSupplyRequestSchema, revalidate: () => SUPPLY_PATHS });
