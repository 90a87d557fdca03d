"use server";

import { createAction } from "@/lib/actions/validated-action";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { createSupplyRequestSchema } from "@/lib/validation/schemas/supply";
import { SUPPLY_PATHS } from "./paths";

export const createSupplyRequestAction = createAction(createSupplyRequest, { schema: createSupplyRequestSchema, revalidate: () => SUPPLY_PATHS });
