import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The same answer for a malformed and an unknown number, so the page helps nobody guess numbers. */
export default async function NoSuchCertificate() {
  const t = await getTranslations("labels.public");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-3xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-slate-600">{t("notFoundBody")}</p>
      <Link href="/registry" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        {t("registryLink")}
      </Link>
    </div>
  );
}
