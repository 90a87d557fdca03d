import { useTranslations } from "next-intl";
import type { WorkflowStep } from "@/lib/rules/application";
import { cn } from "@/lib/utils";

const STATE_STYLES: Record<WorkflowStep["state"], string> = {
  done: "border-brand-600 bg-brand-600 text-white",
  current: "border-brand-600 bg-white text-brand-700",
  todo: "border-slate-300 bg-white text-slate-500",
};

/** Registration → data collection → calculation → review & submit, each done or still open. */
export function ApplicationStepper({ steps, hints }: { steps: WorkflowStep[]; hints: Partial<Record<WorkflowStep["key"], string>> }) {
  const t = useTranslations("applications.steps");
  return (
    <nav aria-label={t("label")}>
      <ol className="grid gap-3 sm:grid-cols-4">
        {steps.map((step, index) => (
          <li
            key={step.key}
            aria-current={step.state === "current" ? "step" : undefined}
            className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
          >
            <span
              aria-hidden
              className={cn("flex h-7 w-7 shrink-0 items-center justify-center rounded-full border-2 text-sm font-semibold", STATE_STYLES[step.state])}
            >
              {step.state === "done" ? "✓" : index + 1}
            </span>
            <div className="min-w-0">
              <p className="text-sm font-semibold text-slate-900">{t(step.key)}</p>
              <p className={cn("text-xs", step.state === "done" ? "text-brand-800" : "text-slate-600")}>
                {t(`state.${step.state}`)}
                {step.state !== "done" && hints[step.key] ? ` — ${hints[step.key]}` : ""}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </nav>
  );
}
