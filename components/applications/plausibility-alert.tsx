import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { plausibilityWarning } from "@/lib/rules/application";

type Band = { id: string; plausibleMin: string | null; plausibleMax: string | null; plausibleSource: string | null };

/**
 * The warning for a result outside its category's plausibility band, in the same words wherever it
 * is shown: to the enterprise on its calculation, and to the body's verifiers and reviewer.
 */
export function PlausibilityAlert({ result, category, lead }: { result: string; category: Band; lead?: ReactNode }) {
  const t = useTranslations("applications.calculation");
  const warning = plausibilityWarning(result, { min: category.plausibleMin, max: category.plausibleMax });
  if (!warning) return null;
  return (
    <Alert tone="warning" data-testid="plausibility-warning">
      {lead ? <span className="font-medium">{lead} </span> : null}
      {t(`plausibility.${warning}`, {
        min: category.plausibleMin ?? "",
        max: category.plausibleMax ?? "",
        source: t.has(`plausibilitySources.${category.id}`) ? t(`plausibilitySources.${category.id}`) : (category.plausibleSource ?? ""),
      })}
    </Alert>
  );
}
