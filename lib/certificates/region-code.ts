/**
 * Two-letter codes used in certificate numbers (`CFP-CQ-…`), per province-level division
 * (GB/T 2260 code → the customary Latin abbreviation).
 */
export const CERTIFICATE_REGION_CODES: Readonly<Record<string, string>> = {
  "500000": "CQ",
  "110000": "BJ",
  "310000": "SH",
  "440000": "GD",
  "510000": "SC",
  "320000": "JS",
  "330000": "ZJ",
};

export function certificateRegionCode(region: string): string {
  const code = CERTIFICATE_REGION_CODES[region];
  if (!code) throw new RangeError(`No certificate region code for region "${region}"`);
  return code;
}
