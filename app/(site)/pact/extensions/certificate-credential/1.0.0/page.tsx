import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { CREDENTIAL_EXTENSION, DATA_MODEL_EXTENSION_SPEC_VERSION, PACT_PATHS } from "@/lib/pact/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pact.extensionDoc");
  return { title: t("title") };
}

const PROPERTIES = ["certificateNumber", "credential", "credentialUrl", "labelUrl", "jwksUrl", "verifyUrl"] as const;
const STEPS = ["decode", "key", "signature", "status", "values"] as const;

/**
 * The Extension Documentation of the certificate-credential Data Model Extension (its
 * `documentation` URL): what it carries, why, how to check it, its schema, licence and contact —
 * what the Data Model Extensions specification asks every extension to document.
 */
export default async function CredentialExtensionDocumentation() {
  const t = await getTranslations("pact.extensionDoc");
  const baseUrl = platformBaseUrl();
  const schemaUrl = `${baseUrl}${PACT_PATHS.extensionSchema}`;
  const section = "space-y-2";
  const heading = "text-lg font-semibold text-slate-900";
  return (
    <article className="mx-auto max-w-3xl space-y-6 text-slate-800">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {t("version", { version: CREDENTIAL_EXTENSION.version, specVersion: DATA_MODEL_EXTENSION_SPEC_VERSION })}
        </p>
      </header>
      <section aria-labelledby="purpose" className={section}>
        <h2 id="purpose" className={heading}>
          {t("purposeHeading")}
        </h2>
        <p>{t("purpose")}</p>
        <p>{t("methodology")}</p>
      </section>
      <section aria-labelledby="properties" className={section}>
        <h2 id="properties" className={heading}>
          {t("propertiesHeading")}
        </h2>
        <dl className="space-y-2">
          {PROPERTIES.map((property) => (
            <div key={property}>
              <dt className="font-mono text-sm font-medium text-slate-900">{property}</dt>
              <dd className="text-sm">{t(`properties.${property}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="verify" className={section}>
        <h2 id="verify" className={heading}>
          {t("verifyHeading")}
        </h2>
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {STEPS.map((step) => (
            <li key={step}>{t(`steps.${step}`)}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="schema" className={section}>
        <h2 id="schema" className={heading}>
          {t("schemaHeading")}
        </h2>
        <p className="text-sm">
          {t("schema")}{" "}
          <a href={schemaUrl} className="break-all font-mono text-brand-700 underline-offset-4 hover:underline">
            {schemaUrl}
          </a>
        </p>
      </section>
      <section aria-labelledby="changelog" className={section}>
        <h2 id="changelog" className={heading}>
          {t("changelogHeading")}
        </h2>
        <p className="text-sm">{t("changelog", { version: CREDENTIAL_EXTENSION.version })}</p>
      </section>
      <section aria-labelledby="licence" className={section}>
        <h2 id="licence" className={heading}>
          {t("licenceHeading")}
        </h2>
        <p className="text-sm">{t("licence")}</p>
      </section>
      <section aria-labelledby="contact" className={section}>
        <h2 id="contact" className={heading}>
          {t("contactHeading")}
        </h2>
        <p className="text-sm">{t("contact", { origin: baseUrl })}</p>
      </section>
    </article>
  );
}
