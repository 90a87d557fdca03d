"use server";

import { z } from "@/lib/validation/zod";
import { createAction } from "@/lib/actions/validated-action";
import { verifyAuditChains } from "@/lib/domain/audit/verify-chain";

/** The regulator's "verify chain" button: its region's chains, the first broken link if any. */
export const verifyAuditChainAction = createAction(verifyAuditChains, { schema: z.object({}) });
