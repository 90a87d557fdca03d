import { useTranslations } from "next-intl";
import type { MissingItem } from "@/lib/rules/application";

/** What is still missing before submission, each item linking to its place on the page. */
export function MissingList({ items }: { items: MissingItem[] }) {
  const t = useTranslations("applications.missing");
  const common = useTranslations("common");
  const inventory = useTranslations("inventory");
  return (
    <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">{t("title", { count: items.length })}</p>
      <ul className="mt-2 list-inside list-disc space-y-1">
        {items.map((item) => {
          switch (item.kind) {
            case "noLines":
              return <li key="noLines">{t("noLines")}</li>;
            case "stage":
              return <li key={`stage-${item.stage}`}>{t("stage", { stage: common(`stages.${item.stage}`) })}</li>;
            case "productionVolume":
              return <li key="productionVolume">{t("productionVolume")}</li>;
            case "line":
              return (
                <li key={`line-${item.lineId}-${item.reason}`}>
                  {t("line", { description: item.description })}: {inventory(`lineErrors.${item.reason}`)} ({item.detail})
                </li>
              );
          }
        })}
      </ul>
    </div>
  );
}
