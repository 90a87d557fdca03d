import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { CREDENTIAL_PATHS } from "@/lib/credentials/vocabulary";
import { CredentialVerifier } from "./credential-verifier";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("credentials.verify");
  return { title: t("metaTitle") };
}

/** Public: anyone checks a certificate credential in their own browser (nothing is uploaded). */
export default async function VerifyPage() {
  const t = await getTranslations("credentials.verify");
  const proves = ["signature", "status", "snapshot"] as const;
  const notProves = ["product", "accuracy", "platform"] as const;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-base text-slate-700">{t("intro")}</p>
      </div>
      <CredentialVerifier platformBaseUrl={platformBaseUrl()} />
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="proves" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="proves" className="text-base font-semibold text-slate-900">
            {t("provesHeading")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {proves.map((key) => (
              <li key={key}>{t(`proves.${key}`)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="not-proves" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="not-proves" className="text-base font-semibold text-slate-900">
            {t("notProvesHeading")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {notProves.map((key) => (
              <li key={key}>{t(`notProves.${key}`)}</li>
            ))}
          </ul>
        </section>
      </div>
      <p className="text-sm text-slate-600">
        <a href={CREDENTIAL_PATHS.platformJwks} className="font-mono text-brand-700 underline-offset-4 hover:underline">
          {CREDENTIAL_PATHS.platformJwks}
        </a>
      </p>
    </div>
  );
}
