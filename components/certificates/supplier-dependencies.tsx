import { useTranslations } from "next-intl";
import type { SupplierDependency } from "@/lib/dal/certificates";
import { LabelPageLink } from "./label-page-link";

/**
 * A certified footprint resting on supplier certificates that are no longer valid: each named with
 * what happened to it, its number linking to the supplier's public label page.
 */
export function SupplierDependencies({ dependencies }: { dependencies: readonly SupplierDependency[] }) {
  const t = useTranslations("certificates.supplierDependency");
  if (dependencies.length === 0) return null;
  return (
    <ul className="mt-1 max-w-64 space-y-1 text-xs text-amber-800" aria-label={t("label")}>
      {dependencies.map((dependency) => (
        <li key={`${dependency.number}-${dependency.change}`}>
          {t(dependency.change)}{" "}
          <LabelPageLink className="font-mono font-medium text-brand-700 underline" number={dependency.number} />
        </li>
      ))}
    </ul>
  );
}
