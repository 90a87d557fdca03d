/** The demo logins of DESIGN.md (plus one user per other demo organization). */
export const DEMO_PASSWORD = "carbonlabel-demo";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.carbonlabel.org", role: "admin", label: "admin" },
  { email: "bureau@demo.carbonlabel.org", role: "regulator", label: "regulator (Chongqing bureau)" },
  { email: "verifier@demo.carbonlabel.org", role: "verifier", label: "lead verifier (body 1)" },
  { email: "reviewer@demo.carbonlabel.org", role: "reviewer", label: "decision reviewer (body 1)" },
  { email: "laptop@demo.carbonlabel.org", role: "enterprise", label: "enterprise (laptops)" },
  { email: "battery@demo.carbonlabel.org", role: "enterprise", label: "enterprise (lithium batteries)" },
] as const;

export function demoLoginsText(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    "Demo logins (password: " + DEMO_PASSWORD + ")",
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.label}`),
  ].join("\n");
}
