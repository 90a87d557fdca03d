import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("forbiddenBody")}</p>
      <Link href="/login" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        {t("goHome")}
      </Link>
    </div>
  );
}
