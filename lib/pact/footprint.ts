/**
 * A certificate as a PACT v3 ProductFootprint, built only from what the certificate froze (its
 * snapshot) and its signed credential, so the same certificate always yields the same document:
 * issuance, the start-up backfill and a reissue agree. Pure; decimals are strings (PACT 3.0
 * "Consistent Decimal typing"); times are ISO 8601 in UTC (`…Z`), the pilot's days cut at
 * midnight Asia/Shanghai — no "+" that a recipient copying a date into a query string could lose.
 */
import { LIFE_CYCLE_STAGES, type LifeCycleStage, type SystemBoundary } from "@/lib/enums";
import { Decimal } from "@/lib/calc/decimal";
import { addDays, addYears } from "@/lib/certificates/validity";
import { envelopedCredential } from "@/lib/credentials/parse-input";
import { CREDENTIAL_PATHS } from "@/lib/credentials/vocabulary";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { geographiesContaining, subdivisionOf } from "./geography";
import { massPerDeclaredUnit, pactDeclaredUnit, type PactUnit } from "./units";
import {
  CERTIFICATION_SCHEME,
  CREDENTIAL_EXTENSION,
  CROSS_SECTORAL_STANDARD,
  DATA_MODEL_EXTENSION_SPEC_VERSION,
  PACT_PATHS,
  PACT_SPEC_VERSION,
  PRODUCT_RULE,
} from "./vocabulary";

export type FootprintStatus = "Active" | "Deprecated";

type CredentialExtensionData = {
  certificateNumber: string;
  /** The Data Model 2.0 envelope of the compact JWS the verification body signed. */
  credential: { "@context": string[]; id: string; type: string };
  credentialUrl: string;
  labelUrl: string;
  jwksUrl: string;
  verifyUrl: string;
};

type DataModelExtension = {
  specVersion: string;
  dataSchema: string;
  documentation: string;
  data: CredentialExtensionData;
};

export type CarbonFootprint = {
  declaredUnitOfMeasurement: PactUnit;
  declaredUnitAmount: string;
  productMassPerDeclaredUnit: string;
  referencePeriodStart: string;
  referencePeriodEnd: string;
  geographyCountrySubdivision: string;
  boundaryProcessesDescription: string;
  pcfExcludingBiogenicUptake: string;
  pcfIncludingBiogenicUptake: string;
  fossilGhgEmissions: string;
  fossilCarbonContent: string;
  biogenicCarbonContent?: string;
  landUseChangeGhgEmissions: string;
  biogenicCO2Uptake: string;
  ipccCharacterizationFactors: string[];
  crossSectoralStandards: string[];
  productOrSectorSpecificRules: Array<{ operator: "Other"; otherOperatorName: string; ruleNames: string[] }>;
  exemptedEmissionsPercent: string;
  exemptedEmissionsDescription: string;
  secondaryEmissionFactorSources?: Array<{ name: string; version: string }>;
  primaryDataShare: string;
  dqi: { technologicalDQR: string; geographicalDQR: string; temporalDQR: string };
  verification: { coverage: "product level"; providerName: string; completedAt: string; standardName: string; comments: string };
};

export type ProductFootprint = {
  id: string;
  specVersion: string;
  precedingPfIds?: string[];
  created: string;
  status: FootprintStatus;
  validityPeriodStart: string;
  validityPeriodEnd: string;
  companyName: string;
  companyIds: string[];
  productDescription: string;
  productIds: string[];
  productClassifications: string[];
  productNameCompany: string;
  comment: string;
  pcf: CarbonFootprint;
  extensions: DataModelExtension[];
};

/** The values ListFootprints filters on, as the footprint table keeps them (lower-cased where PACT matches case-insensitively). */
type FootprintIndex = {
  productIds: string[];
  companyIds: string[];
  classifications: string[];
  geographies: string[];
  validityStart: Date;
  validityEnd: Date;
};

/** Why a certificate cannot be a PACT footprint: PACT requires something it does not have. */
export type FootprintGap =
  | "declaredUnit"
  | "productMass"
  | "fossilCarbonContent"
  | "creditCode"
  | "region"
  | "negativeEmissions"
  | "validityPeriod";

export type FootprintSource = {
  /** The new footprint's id (a random UUID). */
  id: string;
  precedingPfIds: readonly string[];
  certificate: {
    number: string;
    issuedOn: string;
    expiresOn: string;
    region: string;
    verificationBodyId: string;
    /** The moment of issuance: the approval that completed the verification. */
    createdAt: Date;
    snapshot: CertificateSnapshot;
  };
  credentialJws: string;
  /** When this footprint is created (issuance, or a later reissue). */
  createdAt: Date;
  /** The public origin: the URN namespace of the platform's identifiers and every link. */
  baseUrl: string;
};

type BuiltFootprint = { ok: true; footprint: ProductFootprint; index: FootprintIndex } | { ok: false; gap: FootprintGap };

/** China has kept UTC+8 without daylight saving since 1991: a date's first instant there. */
function startOfDay(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** Decimal strings as PACT writes them: plain notation, no exponent. */
function decimal(value: string | number | Decimal): string {
  return new Decimal(value).toFixed();
}

const STAGE_NAMES: Record<LifeCycleStage, string> = {
  raw_material: "raw material acquisition",
  production: "production",
  distribution: "distribution",
  use: "use",
  end_of_life: "end of life",
};

const BOUNDARY_NAMES: Record<SystemBoundary, string> = {
  cradle_to_gate: "Cradle-to-gate",
  cradle_to_grave: "Cradle-to-grave",
};

function bilingual(chinese: string, english: string | null | undefined): string {
  return english && english !== chinese ? `${english} (${chinese})` : chinese;
}

/** A URN's namespace-specific part keeps only URN characters (RFC 8141); anything else is percent-encoded. */
function urnPart(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ":");
}

/**
 * Emission-weighted mean of each data-quality rating over the certified lines, weighted like
 * the calculation's overall DQR (absolute period emissions; a plain mean when all are zero).
 */
function dataQualityIndicators(snapshot: CertificateSnapshot): CarbonFootprint["dqi"] {
  const { lines, calculation } = snapshot.inventory;
  const weightOf = new Map(calculation.lines.map((line) => [line.lineId, new Decimal(line.periodEmissions).abs()]));
  const weights = lines.map((line) => weightOf.get(line.id) ?? new Decimal(0));
  const total = weights.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
  const mean = (rating: (line: (typeof lines)[number]) => number) => {
    const value = total.isZero()
      ? lines.reduce((sum, line) => sum.plus(rating(line)), new Decimal(0)).dividedBy(lines.length)
      : lines.reduce((sum, line, index) => sum.plus(new Decimal(rating(line)).times(weights[index])), new Decimal(0)).dividedBy(total);
    return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  };
  return {
    technologicalDQR: mean((line) => line.dqr.technological),
    geographicalDQR: mean((line) => line.dqr.geographical),
    temporalDQR: mean((line) => line.dqr.temporal),
  };
}

/** The emission factor databases the certified lines drew on, with the factor versions used. */
function secondaryEmissionFactorSources(snapshot: CertificateSnapshot): CarbonFootprint["secondaryEmissionFactorSources"] {
  const versionsBySource = new Map<string, Set<string>>();
  for (const line of snapshot.inventory.lines) {
    if (line.source !== "database_factor" || !line.factor) continue;
    const versions = versionsBySource.get(line.factor.source) ?? new Set<string>();
    versions.add(`${line.factor.factorKey} v${line.factor.version}`);
    versionsBySource.set(line.factor.source, versions);
  }
  if (versionsBySource.size === 0) return undefined;
  return [...versionsBySource.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, versions]) => ({ name, version: [...versions].sort().join(", ") }));
}

function boundaryDescription(snapshot: CertificateSnapshot): string {
  const { product, calculation } = snapshot.inventory;
  const stages = LIFE_CYCLE_STAGES.flatMap((stage) => {
    const value = calculation.byStage[stage];
    return value === undefined ? [] : [`${STAGE_NAMES[stage]} ${new Decimal(value).toSignificantDigits(4).toFixed()} kgCO2e`];
  });
  return `${BOUNDARY_NAMES[product.systemBoundary]}. Life-cycle stages included, per declared unit: ${stages.join("; ")}.`;
}

/**
 * The validity period: the certificate's own (from the first day of issue to the end of its last
 * day), kept within PACT's window of three years after the end of the reference period.
 */
function validityPeriod(issuedOn: string, expiresOn: string, referenceEndDate: string) {
  const referenceEnd = new Date(startOfDay(referenceEndDate));
  const start = new Date(Math.max(new Date(startOfDay(issuedOn)).getTime(), referenceEnd.getTime()));
  const latestEnd = new Date(startOfDay(addYears(referenceEndDate, 3)));
  const end = new Date(Math.min(new Date(startOfDay(addDays(expiresOn, 1))).getTime(), latestEnd.getTime()));
  return end > start ? { start, end } : null;
}

export function buildProductFootprint(source: FootprintSource): BuiltFootprint {
  const { certificate, baseUrl } = source;
  const { snapshot } = certificate;
  const { product, calculation } = snapshot.inventory;
  const host = new URL(baseUrl).hostname;

  const declared = pactDeclaredUnit(product.declaredUnitAmount, product.declaredUnit);
  if (!declared) return { ok: false, gap: "declaredUnit" };
  const mass = massPerDeclaredUnit(product.declaredUnitAmount, product.declaredUnit, product.massPerDeclaredUnit);
  if (mass === null) return { ok: false, gap: "productMass" };
  if (product.fossilCarbonContent === null || product.fossilCarbonContent === undefined) return { ok: false, gap: "fossilCarbonContent" };
  const creditCode = snapshot.enterprise.creditCode;
  if (!creditCode) return { ok: false, gap: "creditCode" };
  const subdivision = subdivisionOf(certificate.region);
  if (!subdivision) return { ok: false, gap: "region" };
  const fossil = new Decimal(calculation.byCategory.fossil);
  const landUseChange = new Decimal(calculation.byCategory.land_use_change);
  // PACT counts fossil and land-use-change emissions as zero or more; a net credit has no place there.
  if (fossil.isNegative() || landUseChange.isNegative()) return { ok: false, gap: "negativeEmissions" };

  // PACT's reference period end is exclusive: the day after the product's last day of activity data.
  const referenceEndDate = addDays(product.periodEnd, 1);
  const referencePeriodStart = new Date(startOfDay(product.periodStart)).toISOString();
  const referencePeriodEnd = new Date(startOfDay(referenceEndDate)).toISOString();
  const validity = validityPeriod(certificate.issuedOn, certificate.expiresOn, referenceEndDate);
  if (!validity) return { ok: false, gap: "validityPeriod" };

  const productIds = [
    `urn:pact:${host}:product-id:${product.id}`,
    `urn:pact:${host}:supplier-id:${urnPart(creditCode)}:${urnPart(product.model)}`,
  ];
  const companyIds = [`urn:pact:cods.org.cn:uscc:${urnPart(creditCode)}`];
  const classifications = [
    `urn:pact:wcoomd.org:hs-code:${product.hsCode.slice(0, 6)}`,
    ...(product.hsCode.length > 6 ? [`urn:pact:customs.gov.cn:cn-tariff-code:${product.hsCode}`] : []),
    `urn:pact:${host}:category-id:${urnPart(snapshot.category.id)}`,
  ];
  const number = certificate.number;
  const body = snapshot.verificationBody;
  const removals = new Decimal(calculation.biogenicRemovals);
  const grade = snapshot.grade === null ? "no grade (no comparable benchmark)" : `grade ${snapshot.grade} of 5 (1 best)`;

  const footprint: ProductFootprint = {
    id: source.id,
    specVersion: PACT_SPEC_VERSION,
    ...(source.precedingPfIds.length > 0 ? { precedingPfIds: [...source.precedingPfIds] } : {}),
    created: source.createdAt.toISOString(),
    status: "Active",
    validityPeriodStart: validity.start.toISOString(),
    validityPeriodEnd: validity.end.toISOString(),
    companyName: bilingual(snapshot.enterprise.name, snapshot.enterprise.nameEn),
    companyIds,
    productDescription:
      `${product.nameEn} (${product.nameZh}), model ${product.model}: ${snapshot.category.nameEn} (${snapshot.category.nameZh}), ` +
      `HS ${product.hsCode}, produced at ${product.site}.`,
    productIds,
    productClassifications: classifications,
    productNameCompany: product.nameEn,
    comment:
      `Certified product carbon footprint: certificate ${number} (${CERTIFICATION_SCHEME}), ${grade}, ` +
      `quantified under ${PRODUCT_RULE.name} (aligned with ISO 14067:2018) with IPCC AR6 GWP100 values. ` +
      `pcfExcludingBiogenicUptake is the certified headline value; biogenic emissions (${decimal(calculation.byCategory.biogenic)} kgCO2e) ` +
      `are included in it but not split into CO2 and non-CO2 gases, and biogenic removals are reported as biogenicCO2Uptake. ` +
      `Verify the signed certificate credential in the "${CREDENTIAL_EXTENSION.name}" extension.`,
    pcf: {
      declaredUnitOfMeasurement: declared.unit,
      declaredUnitAmount: declared.amount,
      productMassPerDeclaredUnit: mass,
      referencePeriodStart,
      referencePeriodEnd,
      geographyCountrySubdivision: subdivision,
      boundaryProcessesDescription: boundaryDescription(snapshot),
      pcfExcludingBiogenicUptake: decimal(calculation.result),
      pcfIncludingBiogenicUptake: decimal(new Decimal(calculation.result).plus(removals)),
      fossilGhgEmissions: decimal(fossil),
      fossilCarbonContent: decimal(product.fossilCarbonContent),
      ...(product.biogenicCarbonContent !== null && product.biogenicCarbonContent !== undefined
        ? { biogenicCarbonContent: decimal(product.biogenicCarbonContent) }
        : {}),
      landUseChangeGhgEmissions: decimal(landUseChange),
      biogenicCO2Uptake: decimal(removals),
      ipccCharacterizationFactors: [calculation.gwpSet],
      crossSectoralStandards: [CROSS_SECTORAL_STANDARD],
      productOrSectorSpecificRules: [{ operator: "Other", otherOperatorName: PRODUCT_RULE.operator, ruleNames: [PRODUCT_RULE.name] }],
      exemptedEmissionsPercent: "0",
      exemptedEmissionsDescription: "None: the certified calculation counts every line of the verified inventory.",
      ...(() => {
        const sources = secondaryEmissionFactorSources(snapshot);
        return sources ? { secondaryEmissionFactorSources: sources } : {};
      })(),
      primaryDataShare: new Decimal(calculation.primaryShare).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(),
      dqi: dataQualityIndicators(snapshot),
      verification: {
        coverage: "product level",
        providerName: bilingual(body.name, body.nameEn),
        completedAt: certificate.createdAt.toISOString(),
        standardName: CERTIFICATION_SCHEME,
        comments:
          `Third-party certification of this product footprint under ${CERTIFICATION_SCHEME} against ${PRODUCT_RULE.name}; ` +
          `certificate ${number}, valid ${certificate.issuedOn} to ${certificate.expiresOn}` +
          (body.accreditationNo ? `; verification body accreditation ${body.accreditationNo}.` : "."),
      },
    },
    extensions: [
      {
        specVersion: DATA_MODEL_EXTENSION_SPEC_VERSION,
        dataSchema: `${baseUrl}${PACT_PATHS.extensionSchema}`,
        documentation: `${baseUrl}${PACT_PATHS.extensionDocumentation}`,
        data: {
          certificateNumber: number,
          credential: envelopedCredential(source.credentialJws),
          credentialUrl: `${baseUrl}${CREDENTIAL_PATHS.credential(number)}`,
          labelUrl: `${baseUrl}${CREDENTIAL_PATHS.label(number)}`,
          jwksUrl: `${baseUrl}${CREDENTIAL_PATHS.issuerJwks(certificate.verificationBodyId)}`,
          verifyUrl: `${baseUrl}/verify`,
        },
      },
    ],
  };

  const lower = (values: string[]) => [...new Set(values.map((value) => value.toLowerCase()))];
  return {
    ok: true,
    footprint,
    index: {
      productIds: lower(productIds),
      companyIds: lower(companyIds),
      classifications: lower(classifications),
      geographies: lower(geographiesContaining(subdivision)),
      validityStart: validity.start,
      validityEnd: validity.end,
    },
  };
}

/** The footprint as served: the stored document with its current status. */
export function withStatus(document: ProductFootprint, status: FootprintStatus): ProductFootprint {
  return { ...document, status };
}
