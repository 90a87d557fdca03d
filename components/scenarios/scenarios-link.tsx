import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card, CardBody } from "@/components/ui/card";
import type { ApplicationWorkspace } from "@/lib/dal/enterprise-application";

/** The way from a calculated application to its what-if reduction scenarios. */
export function ScenariosLink({ workspace }: { workspace: ApplicationWorkspace }) {
  const t = useTranslations("scenarios");
  if (!workspace.permitted.has("scenario.manage") || !workspace.latestCalculation || !workspace.calculationFresh) return null;
  return (
    <Card id="scenarios">
      <CardBody className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">{t("linkHint")}</p>
        <Link className="text-sm font-medium text-brand-700 hover:underline" href={`/enterprise/applications/${workspace.application.id}/scenarios`}>
          {t("link")}
        </Link>
      </CardBody>
    </Card>
  );
}
