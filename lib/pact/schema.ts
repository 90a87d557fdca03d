/**
 * JSON Schemas (draft 2020-12) of our own, written from the PACT Technical Specifications 3.0
 * data model: the ProductFootprint every footprint served or received must satisfy, and the
 * `data` of CarbonLabel's certificate-credential Data Model Extension (published at its
 * `dataSchema` URL). Pure data, so tests, the API and the published file share one definition.
 */
import { PACT_UNITS } from "./units";
import { CREDENTIAL_EXTENSION, PACT_PATHS } from "./vocabulary";

const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

/** PACT decimals: plain notation in a string, no exponent, no leading or trailing point. */
const DECIMAL = "^[+-]?[0-9]+([.][0-9]+)?$";
const NON_NEGATIVE_DECIMAL = "^[+]?[0-9]+([.][0-9]+)?$";
const NON_POSITIVE_DECIMAL = "^(-[0-9]+([.][0-9]+)?|[+]?0+([.]0+)?)$";
const POSITIVE_DECIMAL = "^[+]?(0*[1-9][0-9]*([.][0-9]+)?|0+[.][0-9]*[1-9][0-9]*)$";

/** UN M49 regions and subregions PACT lets a footprint be scoped to. */
const REGIONS_AND_SUBREGIONS = [
  "Africa",
  "Americas",
  "Asia",
  "Europe",
  "Oceania",
  "Australia and New Zealand",
  "Central Asia",
  "Eastern Asia",
  "Eastern Europe",
  "Latin America and the Caribbean",
  "Melanesia",
  "Micronesia",
  "Northern Africa",
  "Northern America",
  "Northern Europe",
  "Polynesia",
  "South-eastern Asia",
  "Southern Asia",
  "Southern Europe",
  "Sub-Saharan Africa",
  "Western Asia",
  "Western Europe",
];

const decimal = { type: "string", pattern: DECIMAL };
const nonNegative = { type: "string", pattern: NON_NEGATIVE_DECIMAL };
const nonPositive = { type: "string", pattern: NON_POSITIVE_DECIMAL };
const dateTime = { type: "string", format: "date-time" };
const nonEmptyText = { type: "string", minLength: 1 };
const urnSet = { type: "array", minItems: 1, uniqueItems: true, items: { $ref: "#/$defs/urn" } };
/** A DQR: a decimal from 1 to 5 inclusive. */
const rating = { type: "string", pattern: "^[+]?(([1-4]([.][0-9]+)?)|5([.]0+)?)$" };

const GEOGRAPHY_PROPERTIES = ["geographyRegionOrSubregion", "geographyCountry", "geographyCountrySubdivision"];

export const productFootprintSchema = {
  $schema: DRAFT_2020_12,
  $id: "urn:carbonlabel:pact:3:ProductFootprint",
  title: "PACT 3.0 ProductFootprint",
  type: "object",
  required: ["id", "specVersion", "created", "status", "companyName", "companyIds", "productDescription", "productIds", "productNameCompany", "pcf"],
  properties: {
    id: { type: "string", format: "uuid" },
    specVersion: { type: "string", pattern: "^3[.][0-9]+[.][0-9]+(-[0-9]{8})?$" },
    precedingPfIds: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", format: "uuid" } },
    created: dateTime,
    status: { enum: ["Active", "Deprecated"] },
    validityPeriodStart: dateTime,
    validityPeriodEnd: dateTime,
    companyName: nonEmptyText,
    companyIds: urnSet,
    productDescription: { type: "string" },
    productIds: urnSet,
    productClassifications: urnSet,
    productNameCompany: nonEmptyText,
    comment: { type: "string" },
    pcf: { $ref: "#/$defs/carbonFootprint" },
    extensions: { type: "array", minItems: 1, items: { $ref: "#/$defs/dataModelExtension" } },
  },
  $defs: {
    urn: { type: "string", pattern: "^[uU][rR][nN]:" },
    carbonFootprint: {
      type: "object",
      required: [
        "declaredUnitOfMeasurement",
        "declaredUnitAmount",
        "productMassPerDeclaredUnit",
        "referencePeriodStart",
        "referencePeriodEnd",
        "pcfExcludingBiogenicUptake",
        "pcfIncludingBiogenicUptake",
        "fossilGhgEmissions",
        "fossilCarbonContent",
        "ipccCharacterizationFactors",
        "crossSectoralStandards",
        "exemptedEmissionsPercent",
      ],
      // Global (none of the three), or exactly one level of geography.
      not: {
        anyOf: GEOGRAPHY_PROPERTIES.flatMap((first, index) =>
          GEOGRAPHY_PROPERTIES.slice(index + 1).map((second) => ({ required: [first, second] })),
        ),
      },
      properties: {
        declaredUnitOfMeasurement: { enum: [...PACT_UNITS] },
        declaredUnitAmount: { type: "string", pattern: POSITIVE_DECIMAL },
        productMassPerDeclaredUnit: decimal,
        referencePeriodStart: dateTime,
        referencePeriodEnd: dateTime,
        geographyRegionOrSubregion: { enum: REGIONS_AND_SUBREGIONS },
        geographyCountry: { type: "string", pattern: "^[A-Z]{2}$" },
        geographyCountrySubdivision: { type: "string", pattern: "^[A-Z]{2}-[A-Z0-9]{1,3}$" },
        boundaryProcessesDescription: { type: "string" },
        pcfExcludingBiogenicUptake: decimal,
        pcfIncludingBiogenicUptake: decimal,
        fossilCarbonContent: nonNegative,
        biogenicCarbonContent: nonNegative,
        recycledCarbonContent: nonNegative,
        fossilGhgEmissions: nonNegative,
        landUseChangeGhgEmissions: nonNegative,
        landCarbonLeakage: nonNegative,
        landManagementFossilGhgEmissions: nonNegative,
        landManagementBiogenicCO2Emissions: nonNegative,
        landManagementBiogenicCO2Removals: nonPositive,
        biogenicCO2Uptake: nonPositive,
        biogenicNonCO2Emissions: nonNegative,
        landAreaOccupation: nonNegative,
        aircraftGhgEmissions: nonNegative,
        packagingEmissionsIncluded: { type: "boolean" },
        packagingGhgEmissions: nonNegative,
        packagingBiogenicCarbonContent: nonNegative,
        outboundLogisticsGhgEmissions: nonNegative,
        ccsTechnologicalCO2CaptureIncluded: { type: "boolean" },
        ccsTechnologicalCO2Capture: nonPositive,
        technologicalCO2CaptureOrigin: { type: "string" },
        technologicalCO2Removals: nonPositive,
        ccuCarbonContent: nonNegative,
        ccuCalculationApproach: { enum: ["Cut-off", "Credit"] },
        ccuCreditCertification: { type: "string", format: "uri" },
        ipccCharacterizationFactors: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", pattern: "^AR[0-9]+$" } },
        crossSectoralStandards: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string" } },
        productOrSectorSpecificRules: {
          type: "array",
          minItems: 1,
          uniqueItems: true,
          items: {
            type: "object",
            required: ["operator", "ruleNames"],
            properties: {
              operator: { enum: ["PEF", "EPD International", "Other"] },
              ruleNames: { type: "array", minItems: 1, uniqueItems: true, items: nonEmptyText },
              otherOperatorName: nonEmptyText,
            },
            // An operator outside the list is named.
            if: { properties: { operator: { const: "Other" } } },
            then: { required: ["otherOperatorName"] },
          },
        },
        exemptedEmissionsPercent: decimal,
        exemptedEmissionsDescription: { type: "string" },
        allocationRulesDescription: { type: "string" },
        secondaryEmissionFactorSources: {
          type: "array",
          minItems: 1,
          items: { type: "object", required: ["name", "version"], properties: { name: nonEmptyText, version: nonEmptyText } },
        },
        primaryDataShare: decimal,
        dqi: {
          type: "object",
          required: ["technologicalDQR", "geographicalDQR", "temporalDQR"],
          properties: { technologicalDQR: rating, geographicalDQR: rating, temporalDQR: rating },
        },
        verification: {
          type: "object",
          properties: {
            coverage: { enum: ["PCF calculation model", "PCF program", "product level"] },
            providerName: { type: "string" },
            completedAt: dateTime,
            standardName: { type: "string" },
            comments: { type: "string" },
          },
        },
      },
    },
    dataModelExtension: {
      type: "object",
      required: ["specVersion", "dataSchema", "data"],
      properties: {
        specVersion: { type: "string", pattern: "^[0-9]+[.][0-9]+[.][0-9]+$" },
        dataSchema: { type: "string", format: "uri" },
        documentation: { type: "string", format: "uri" },
        data: { type: "object" },
      },
    },
  },
} as const;

/** The schema of the credential extension's `data`, served at its `dataSchema` URL under `baseUrl`. */
export function credentialExtensionSchema(baseUrl: string) {
  return {
    $schema: DRAFT_2020_12,
    $id: `${baseUrl}${PACT_PATHS.extensionSchema}`,
    title: `CarbonLabel ${CREDENTIAL_EXTENSION.name} extension ${CREDENTIAL_EXTENSION.version}`,
    description:
      "The W3C Verifiable Credential (Data Model 2.0) a verification body signed for the certificate behind this ProductFootprint, as an enveloped compact JWS (EdDSA, Ed25519), with where to check it.",
    type: "object",
    additionalProperties: false,
    required: ["certificateNumber", "credential", "credentialUrl", "labelUrl", "jwksUrl", "verifyUrl"],
    properties: {
      certificateNumber: { type: "string", pattern: "^CFP-[A-Z]{2}-[0-9]{4}-[2-9A-HJKMNP-TV-Z]{6}$" },
      credential: {
        type: "object",
        additionalProperties: false,
        required: ["@context", "id", "type"],
        properties: {
          "@context": { type: "array", minItems: 1, prefixItems: [{ const: "https://www.w3.org/ns/credentials/v2" }], items: { type: "string" } },
          id: { type: "string", pattern: "^data:application/vc\\+jwt,[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$" },
          type: { const: "EnvelopedVerifiableCredential" },
        },
      },
      credentialUrl: { type: "string", format: "uri" },
      labelUrl: { type: "string", format: "uri" },
      jwksUrl: { type: "string", format: "uri" },
      verifyUrl: { type: "string", format: "uri" },
    },
  };
}
