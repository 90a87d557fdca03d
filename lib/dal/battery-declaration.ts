import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { batteryDeclarations, organizations, productCategories, type Application, type BatteryDeclaration } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { BatteryDeclarationDocument } from "@/lib/certificates/battery-declaration-data";
import { todayInShanghai } from "@/lib/certificates/validity";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { documentApplication, footprintSource, type FootprintSource } from "@/lib/dal/study-report";
import type { LifeCycleStage } from "@/lib/enums";
import { NotFoundError, OperationError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/messages";
import { assertCan } from "@/lib/policy";
import { publicLabelUrl } from "@/lib/rules/artifact-data";
import {
  buildBatteryDeclarationDocument,
  declareBatteryFootprint,
  isArticle7Category,
  type BatteryDeclarationInput,
  type DeclarationFigures,
  type DeclarationOutcome,
  type DeclarationRefusal,
} from "@/lib/rules/battery-declaration";
import type { BatteryDeclarationFormInput } from "@/lib/validation/schemas/battery-declaration";

/** A declaration that would be false: every reason, for the caller to show. */
export class DeclarationRefusedError extends OperationError {
  constructor(readonly refusals: DeclarationRefusal[]) {
    super(`batteryDeclaration.errors.${refusals[0]?.reason ?? "notEntered"}`);
    this.name = "DeclarationRefusedError";
  }
}

/** The stored data as the rule reads it (the operation stores the figures of the basis it names). */
function declarationInput(row: BatteryDeclaration): BatteryDeclarationInput {
  const { serviceLifeCycles: cycles, serviceLifeYears: years, annualEnergyThroughput } = row;
  const serviceLife: BatteryDeclarationInput["serviceLife"] | null =
    row.serviceLifeBasis === "cycles"
      ? cycles
        ? { basis: "cycles", cycles }
        : null
      : years && annualEnergyThroughput
        ? { basis: "years", years, annualEnergyThroughput }
        : null;
  if (!serviceLife) throw new Error(`battery declaration of product ${row.productId} lacks its service life`);
  return {
    batteryModel: row.batteryModel,
    plantName: row.plantName,
    plantAddress: row.plantAddress,
    plantLatitude: row.plantLatitude,
    plantLongitude: row.plantLongitude,
    batteryCategory: row.batteryCategory,
    ratedEnergy: row.ratedEnergy,
    serviceLife,
    declarationOfConformityId: row.declarationOfConformityId,
    studyUrl: row.studyUrl,
  };
}

/** The form's values: the saved data, or empty fields. */
function formValues(productId: string, row: BatteryDeclaration | undefined): BatteryDeclarationFormInput {
  return {
    productId,
    batteryModel: row?.batteryModel ?? "",
    plantName: row?.plantName ?? "",
    plantAddress: row?.plantAddress ?? "",
    plantLatitude: row?.plantLatitude ?? "",
    plantLongitude: row?.plantLongitude ?? "",
    batteryCategory: row?.batteryCategory ?? "ev",
    ratedEnergy: row?.ratedEnergy ?? "",
    serviceLifeBasis: row?.serviceLifeBasis ?? "cycles",
    serviceLifeCycles: row?.serviceLifeCycles?.toString() ?? "",
    serviceLifeYears: row?.serviceLifeYears ?? "",
    annualEnergyThroughput: row?.annualEnergyThroughput ?? "",
    declarationOfConformityId: row?.declarationOfConformityId ?? "",
    studyUrl: row?.studyUrl ?? "",
  };
}

/** The study a declaration links to: the one entered, else the certificate's public label page. */
function studyLink(row: BatteryDeclaration, source: FootprintSource): string | null {
  return row.studyUrl ?? (source.certificate ? publicLabelUrl(platformBaseUrl(), source.certificate.number) : null);
}

function assess(categoryId: string, row: BatteryDeclaration, source: FootprintSource): DeclarationOutcome {
  const { product, calculation, lines } = source.inventory;
  const lineCounts: Partial<Record<LifeCycleStage, number>> = {};
  for (const line of lines) lineCounts[line.stage] = (lineCounts[line.stage] ?? 0) + 1;
  return declareBatteryFootprint(
    categoryId,
    declarationInput(row),
    { byStage: calculation.byStage, lineCounts, declaredUnitAmount: product.declaredUnitAmount, declaredUnit: product.declaredUnit },
    studyLink(row, source),
  );
}

async function savedDeclaration(productId: string) {
  const [row] = await db.select().from(batteryDeclarations).where(eq(batteryDeclarations.productId, productId));
  return row;
}

/**
 * The EU battery carbon footprint declaration of an application (Article 7), for its owner and
 * its verification body: the Battery Pass v1.2 document, from the certified footprint once
 * certified, else the current calculation or submission. Refused with every reason where the
 * declaration would be false (DeclarationRefusedError), or when nothing is calculated yet.
 */
export async function getBatteryDeclaration(user: CurrentUser, applicationId: string): Promise<{ document: BatteryDeclarationDocument; fileName: string }> {
  const application = await documentApplication(user, applicationId, "application.batteryDeclaration");
  if (!isArticle7Category(application.categoryId)) throw new DeclarationRefusedError([{ reason: "notBatteryCategory" }]);
  const row = await savedDeclaration(application.productId);
  if (!row) throw new OperationError("batteryDeclaration.errors.notEntered");
  const source = await footprintSource(user, application);
  const outcome = assess(application.categoryId, row, source);
  if (!outcome.ok) throw new DeclarationRefusedError(outcome.refusals);

  const [manufacturer] = await db
    .select({ name: organizations.name, nameEn: organizations.nameEn, creditCode: organizations.creditCode })
    .from(organizations)
    .where(eq(organizations.id, application.organizationId));
  if (!manufacturer) throw new NotFoundError();
  const { product, calculation } = source.inventory;
  const snapshot = source.certificate?.snapshot;
  const document = buildBatteryDeclarationDocument({
    input: declarationInput(row),
    figures: outcome.figures,
    studyUrl: studyLink(row, source)!,
    declaredOn: todayInShanghai(),
    manufacturer,
    product: { nameZh: product.nameZh, nameEn: product.nameEn, model: product.model },
    footprint: { perDeclaredUnit: calculation.result, declaredUnit: `${product.declaredUnitAmount} ${product.declaredUnit}` },
    verification: snapshot ? { certificateNumber: snapshot.number, verificationBody: snapshot.verificationBody.name, issuedOn: snapshot.issuedOn } : null,
    performanceClassReason: (loadMessages("en").batteryDeclaration as { pdf: { performanceClassReason: string } }).pdf.performanceClassReason,
  });
  return { document, fileName: `${row.batteryModel.replace(/[^\w.-]+/g, "_")}-eu-battery-declaration` };
}

export type BatteryDeclarationPanel = {
  values: BatteryDeclarationFormInput;
  /** The footprint could be declared under Article 7 (its category); else the form is not offered. */
  covered: boolean;
  state:
    | { kind: "notEntered" }
    | { kind: "notCalculated" }
    | { kind: "refused"; refusals: DeclarationRefusal[] }
    | { kind: "ready"; perKwh: string; mapping: DeclarationFigures["mapping"] };
};

/**
 * What the enterprise's application page shows of a battery product's declaration: the saved
 * data for the form, and whether the declaration can be generated now (or why not).
 * Null for a product outside the battery sector.
 */
export async function getBatteryDeclarationPanel(user: CurrentUser, application: Application): Promise<BatteryDeclarationPanel | null> {
  assertCan(user, "batteryDeclaration.edit");
  const [category] = await db.select({ sector: productCategories.sector }).from(productCategories).where(eq(productCategories.id, application.categoryId));
  if (category?.sector !== "batteries" || application.organizationId !== user.organizationId) return null;
  const row = await savedDeclaration(application.productId);
  const values = formValues(application.productId, row);
  const covered = isArticle7Category(application.categoryId);
  if (!covered) return { values, covered, state: { kind: "refused", refusals: [{ reason: "notBatteryCategory" }] } };
  if (!row) return { values, covered, state: { kind: "notEntered" } };
  let source: FootprintSource;
  try {
    source = await footprintSource(user, application);
  } catch (error) {
    if (error instanceof OperationError) return { values, covered, state: { kind: "notCalculated" } };
    throw error;
  }
  const outcome = assess(application.categoryId, row, source);
  if (!outcome.ok) return { values, covered, state: { kind: "refused", refusals: outcome.refusals } };
  return { values, covered, state: { kind: "ready", perKwh: outcome.figures.perKwh, mapping: outcome.figures.mapping } };
}
