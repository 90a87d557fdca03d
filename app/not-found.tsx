import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        {t("goHome")}
      </Link>
    </div>
  );
}
