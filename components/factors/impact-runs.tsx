"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { FactorImpactRunView } from "@/lib/dal/factors";
import type { FactorImpactRunStatus } from "@/lib/enums";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";
import { AffectedCertificates } from "./affected-certificates";

const TONES: Record<FactorImpactRunStatus, "neutral" | "info" | "success" | "danger"> = { queued: "neutral", running: "info", done: "success", failed: "danger" };

/** While a run waits or runs, the page reads the runs again this often. */
const REFRESH_MS = 3000;

/**
 * The impact runs of new factor versions (the factor-impact job): waiting, running, done with the
 * certificates they found, or failed. The regulator's write does not wait for them, so while one is
 * unfinished the page refreshes itself until it is.
 */
export function ImpactRuns({ runs }: { runs: readonly FactorImpactRunView[] }) {
  const t = useTranslations("factors");
  const format = useFormatter();
  const router = useRouter();
  const unfinished = runs.some((run) => run.status === "queued" || run.status === "running");
  useEffect(() => {
    if (!unfinished) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [unfinished, router]);
  return (
    <Card>
      <CardHeader title={t("impactRuns.title")} description={t("impactRuns.intro")} />
      <CardBody className="space-y-4" aria-live="polite">
        {runs.length === 0 ? <EmptyState title={t("impactRuns.none")} /> : null}
        {runs.map((run) => (
          <section key={run.id} aria-label={t("impactRuns.runOf", { key: run.factorKey, version: run.version })} className="space-y-2 border-b border-slate-100 pb-4 last:border-0 last:pb-0">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-mono text-xs">
                {run.factorKey} v{run.version}
              </span>
              <Badge tone={TONES[run.status]}>{t(`impactRuns.status.${run.status}`)}</Badge>
              <span className="text-slate-600">{format.dateTime(run.createdAt, DATE_TIME_FORMAT)}</span>
            </div>
            {run.status === "done" ? <AffectedCertificates affected={run.affected} /> : null}
            {run.status === "failed" ? <p className="text-sm text-red-800">{t("impactRuns.failed", { attempts: run.attempts })}</p> : null}
            {run.status === "queued" && run.attempts > 0 ? <p className="text-sm text-slate-600">{t("impactRuns.retrying", { attempts: run.attempts })}</p> : null}
          </section>
        ))}
      </CardBody>
    </Card>
  );
}
