/**
 * Who runs this installation and how to reach them, for the footer and the help page:
 * `PLATFORM_OPERATOR_NAME` (else the catalog's generic name) and `SUPPORT_EMAIL`
 * (else the help page says whom to ask instead).
 */
export function siteInfo(): { operatorName: string | null; supportEmail: string | null } {
  return {
    operatorName: process.env.PLATFORM_OPERATOR_NAME?.trim() || null,
    supportEmail: process.env.SUPPORT_EMAIL?.trim() || null,
  };
}
