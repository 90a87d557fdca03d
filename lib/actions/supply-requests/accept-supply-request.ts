"use server";

import { createAction } from "@/lib/actions/validated-action";
import { acceptSupplyRequest } from "@/lib/domain/supply-requests/accept-supply-request";
import { supplyRequestRefSchema } from "@/lib/validation/schemas/supply";
import { SUPPLY_PATHS } from "./paths";

export const acceptSupplyRequestAction = createAction(acceptSupplyRequest, { schema: supplyRequestRefSchema, revalidate: () => SUPPLY_PATHS });
