import { useTranslations } from "next-intl";
import { Toaster } from "@/components/ui/toast";

/** The toasts of a signed-in area (its forms' success messages), under the area's client messages. */
export function AreaToaster() {
  const t = useTranslations("common");
  return <Toaster label={t("toasts")} />;
}
