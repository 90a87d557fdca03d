import { useTranslations } from "next-intl";

type UnitTranslator = { (key: string): string; has(key: string): boolean };

/**
 * Units as a person reads them in the current language ("件", "吨"), and the
 * one form of "per declared unit": "kg CO₂e / 件" for one unit, "kg CO₂e / 1000 件"
 * otherwise — never "/ 1 piece". Codes the catalog does not name are shown as entered.
 * `t` translates the "common.units" namespace.
 */
export function unitText(t: UnitTranslator) {
  const unit = (code: string) => (t.has(code) ? t(code) : code);
  const declaredUnit = (amount: string, code: string) => (Number(amount) === 1 ? unit(code) : `${amount} ${unit(code)}`);
  return { unit, declaredUnit, perDeclaredUnit: (amount: string, code: string) => `kg CO₂e / ${declaredUnit(amount, code)}` };
}

export function useUnitText() {
  return unitText(useTranslations("common.units"));
}
