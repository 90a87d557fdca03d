import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CREDENTIAL_PATHS } from "@/lib/credentials/vocabulary";

/** The public page's offer of the certificate's signed credential, and where to check one. */
export async function CredentialDownload({ number }: { number: string }) {
  const t = await getTranslations("credentials.label");
  return (
    <section aria-labelledby="signed-credential" className="rounded-lg border border-slate-200 bg-white px-4 py-4 sm:px-6">
      <h2 id="signed-credential" className="text-base font-semibold text-slate-900">
        {t("credentialHeading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("credentialText")}</p>
      <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <a href={`${CREDENTIAL_PATHS.credential(number)}?download=1`} download className="font-medium text-brand-700 underline-offset-4 hover:underline">
          {t("downloadJson")}
        </a>
        <Link href="/verify" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          {t("verifyLink")}
        </Link>
      </p>
    </section>
  );
}
