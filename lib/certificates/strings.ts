import type enLabels from "@/lib/i18n/messages/en/labels.json";

/** The "labels" i18n namespace, as the caller loads it for the artifact's locale. */
export type LabelStrings = typeof enLabels;

export type ArtifactLocale = "zh-CN" | "en";

/** Fills `{name}` placeholders, the only ICU syntax the labels catalog uses. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/** The unit's display name; units the catalog does not know are shown as entered. */
export function unitName(unit: string, strings: LabelStrings): string {
  return (strings.units as Record<string, string>)[unit] ?? unit;
}

/** "piece" for one declared unit, "1000 piece" otherwise, as in "kg CO2e / piece". */
export function declaredUnitText(amount: string, unit: string, strings: LabelStrings): string {
  return Number(amount) === 1 ? unitName(unit, strings) : `${amount} ${unitName(unit, strings)}`;
}
