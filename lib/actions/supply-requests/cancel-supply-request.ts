"use server";

import { createAction } from "@/lib/actions/validated-action";
import { cancelSupplyRequest } from "@/lib/domain/supply-requests/cancel-supply-request";
import { supplyRequestRefSchema } from "@/lib/validation/schemas/supply";
import { SUPPLY_PATHS } from "./paths";

export const cancelSupplyRequestAction = createAction(cancelSupplyRequest, { schema: supplyRequestRefSchema, revalidate: () => SUPPLY_PATHS });
