import "server-only";
import { OperationError } from "@/lib/errors";
import { redeemProof } from "./proof-of-work";
import { requestClientAddress } from "./request-source";
import { takeAllowance } from "./throttle";

/** Public sign-ups per client address and hour by default; each also needs a solved proof of work. */
export const DEFAULT_SIGN_UPS_PER_ADDRESS_PER_HOUR = 5;

/**
 * The allowance in force (SIGN_UPS_PER_ADDRESS_PER_HOUR): a pilot whose firms register from one
 * office network, or a test suite signing up from one machine, needs more than the default.
 */
function signUpsPerAddressPerHour(): number {
  const configured = Number(process.env.SIGN_UPS_PER_ADDRESS_PER_HOUR);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_SIGN_UPS_PER_ADDRESS_PER_HOUR;
}

/**
 * Anti-automation in front of the public sign-up (OWASP ASVS 5.0 V2.4.1): a proof of work
 * solved in the browser, then the per-address allowance. A refusal is answered on the form.
 */
export async function assertHumanSignUp(proof: string | undefined): Promise<void> {
  if (!(await redeemProof(proof, { purpose: "sign-up", subject: "" }))) {
    throw new OperationError("security.signUp.proofInvalid");
  }
  const address = await requestClientAddress();
  if (!(await takeAllowance(`sign-up:${address}`, signUpsPerAddressPerHour(), 60))) {
    throw new OperationError("security.signUp.tooMany");
  }
}
