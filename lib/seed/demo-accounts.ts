/** The demo logins of DESIGN.md (plus one user per other demo organization). */
export const DEMO_PASSWORD = "carbonlabel-demo";

const DEMO_ACCOUNTS = [
  { email: "admin@demo.carbonlabel.org", role: "admin", label: "admin" },
  { email: "bureau@demo.carbonlabel.org", role: "regulator", label: "regulator (Chongqing bureau)" },
  { email: "verifier@demo.carbonlabel.org", role: "verifier", label: "lead verifier (body 1)" },
  { email: "reviewer@demo.carbonlabel.org", role: "reviewer", label: "decision reviewer (body 1)" },
  { email: "laptop@demo.carbonlabel.org", role: "enterprise", label: "enterprise (laptops)" },
  { email: "battery@demo.carbonlabel.org", role: "enterprise", label: "enterprise (lithium batteries)" },
  { email: "cathode@demo.carbonlabel.org", role: "enterprise", label: "enterprise (cathode material, the battery maker's supplier)" },
] as const;

/**
 * The laptop enterprise's PACT client (scope footprints:read, every footprint): fixed values so
 * a customer's system — or the PACT conformance suite — can be pointed at the demo. Demo only:
 * a real client gets a random secret, shown once (API clients page).
 */
export const DEMO_PACT_CLIENT = {
  id: "7d1c5a3e-9b2f-4e6a-8c4d-2f0e1b3a5c79",
  secret: "cls_demo-laptop-pact-client-not-for-production",
  ownerEmail: "laptop@demo.carbonlabel.org",
} as const;

export function demoLoginsText(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    "Demo logins (password: " + DEMO_PASSWORD + ")",
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.label}`),
    "Demo PACT client of the laptop enterprise (POST /auth/token, then /3/footprints):",
    `  client id      ${DEMO_PACT_CLIENT.id}`,
    `  client secret  ${DEMO_PACT_CLIENT.secret}`,
  ].join("\n");
}
