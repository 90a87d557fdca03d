/** The label's download formats. */
export const LABEL_FORMATS = ["svg", "png", "pdf"] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

/**
 * Where the label image of a certificate is downloaded, per format and language. Pure, so the
 * public page's view builds its links in the browser from the number instead of receiving each.
 */
export function labelDownloadPath(number: string, format: LabelFormat, locale: "zh-CN" | "en"): string {
  return `/api/certificates/${encodeURIComponent(number)}/label?format=${format}&lang=${locale}`;
}
