import "server-only";
import { headers } from "next/headers";
import { clientAddressFrom } from "./client-address";

/** The client address of the request a server action runs in (see client-address.ts for the trust rule). */
export async function requestClientAddress(): Promise<string> {
  return clientAddressFrom((await headers()).get("x-forwarded-for"));
}
