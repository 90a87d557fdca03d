/**
 * Mainland China mobile numbers: 11 digits, 1 then 3–9 (the mobile blocks of the MIIT numbering
 * plan). People type them with the country code and in groups ("+86 138-0013-8000"), and Chinese
 * input methods give full-width digits, so those forms are accepted and stored as the 11 digits.
 */
const MOBILE = /^1[3-9]\d{9}$/;

/** A number as typed without what only decorates it: the +86, grouping spaces and hyphens. */
export function compactMobile(value: string): string {
  // NFKC turns full-width digits and "＋" into ASCII; spaces (also the ideographic one) and hyphens only group.
  const compact = value.normalize("NFKC").replace(/[\s-]/g, "");
  return compact.startsWith("+86") ? compact.slice(3) : compact;
}

export function isMainlandMobile(digits: string): boolean {
  return MOBILE.test(digits);
}

/** 11 stored digits as people read them aloud: 138 0013 8000. */
export function formatMobile(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
}
