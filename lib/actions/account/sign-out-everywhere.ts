"use server";

import { createAction } from "@/lib/actions/validated-action";
import { signOutEverywhere } from "@/lib/domain/sessions/sign-out-everywhere";
import { noInputSchema } from "@/lib/validation/schemas/auth";

/** Ends every session of the signed-in user, this one included; the form then goes to /login. */
export const signOutEverywhereAction = createAction(signOutEverywhere, { schema: noInputSchema });
