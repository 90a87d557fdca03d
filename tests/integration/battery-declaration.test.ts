import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/applications/[id]/battery-declaration/route";
import { db } from "@/db";
import { applications, auditEvents, batteryDeclarations, calculations, inventoryLines, products } from "@/db/schema";
import { saveBatteryDeclarationAction } from "@/lib/actions/battery-declarations/save-battery-declaration";
import { Decimal } from "@/lib/calc/decimal";
import type { BatteryDeclarationDocument } from "@/lib/certificates/battery-declaration-data";
import { declarationFigure } from "@/lib/certificates/battery-declaration-pdf";
import { calculateApplication } from "@/lib/domain/applications/calculate-application";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import { executeOperation } from "@/lib/domain/operation";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { publicLabelUrl } from "@/lib/rules/artifact-data";
import type { LifeCycleStage } from "@/lib/enums";
import type { BatteryDeclarationFormInput } from "@/lib/validation/schemas/battery-declaration";
import { batteryPassErrors } from "../support/battery-pass-schema";
import { actorFor } from "../support/certificate-fixtures";
import { recordSubmissionRound } from "../support/verification-fixtures";
import { createCast, expectRefusedForOthers, factorId } from "../support/enterprise-cast";
import { actAs, createOrganization, createProduct, createUser } from "../support/factories";
import { pdfPages } from "../support/pdf-text";

type TestUser = Awaited<ReturnType<typeof createUser>>;

/** Per-stage lines of a battery pack over a year of 2 000 000 kWh of capacity produced. */
const LINES: { stage: LifeCycleStage; description: string; quantity: string; unit: string; value: string }[] = [
  { stage: "raw_material", description: "Cathode material (supplier PCF)", quantity: "2000000", unit: "kWh", value: "38.2" },
  { stage: "production", description: "Cell and pack assembly (supplier PCF)", quantity: "2000000", unit: "kWh", value: "21.5" },
  { stage: "distribution", description: "Rail and sea freight to Rotterdam", quantity: "96000000", unit: "t·km", value: "0.0125" },
  { stage: "use", description: "Charging losses over the service life", quantity: "2000000", unit: "kWh", value: "4.1" },
  { stage: "end_of_life", description: "Hydrometallurgical recycling", quantity: "2000000", unit: "kWh", value: "1.6" },
];

async function batteryApplication(
  owner: TestUser,
  options: { categoryId?: string; declaredUnit?: string; systemBoundary?: "cradle_to_gate" | "cradle_to_grave"; calculate?: boolean } = {},
) {
  const boundary = options.systemBoundary ?? "cradle_to_grave";
  const product = await createProduct(owner.organizationId, {
    categoryId: options.categoryId ?? "li_battery_power",
    model: "TB-PACK-70",
    declaredUnit: options.declaredUnit ?? "kWh",
    systemBoundary: boundary,
    productionVolume: "2000000",
  });
  const [application] = await db
    .insert(applications)
    .values({ productId: product.id, organizationId: owner.organizationId, categoryId: product.categoryId, region: "500000", inventoryRevision: 1 })
    .returning();
  const lines = boundary === "cradle_to_gate" ? LINES.filter((line) => line.stage === "raw_material" || line.stage === "production") : LINES;
  await db.insert(inventoryLines).values(
    lines.map((line, position) => ({
      applicationId: application.id,
      stage: line.stage,
      position,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      source: "supplier_factor" as const,
      supplierFactorValue: line.value,
      supplierFactorUnit: line.unit,
      supplierName: "Test supplier",
      dataType: "primary" as const,
    })),
  );
  await db.insert(inventoryLines).values({
    applicationId: application.id,
    stage: "production",
    position: 9,
    description: "Plant electricity",
    quantity: "90000",
    unit: "MWh",
    source: "database_factor",
    factorId: await factorId("cn.electricity.national.2024"),
    dataType: "primary",
  });
  if (options.calculate !== false) {
    const calculated = await executeOperation(calculateApplication, await actorFor(owner), { applicationId: application.id });
    if (!calculated.ok) throw calculated.error;
  }
  return { product, application };
}

function declarationForm(productId: string, overrides: Partial<BatteryDeclarationFormInput> = {}): BatteryDeclarationFormInput {
  return {
    productId,
    batteryModel: "LY-LFP280-PACK-70",
    plantName: "璧山电池工厂 Bishan battery plant",
    plantAddress: "重庆市璧山区高新区 Bishan Hi-tech Zone, Chongqing",
    plantLatitude: "29.5925",
    plantLongitude: "106.2270",
    batteryCategory: "ev",
    ratedEnergy: "70",
    serviceLifeBasis: "cycles",
    serviceLifeCycles: "3000",
    serviceLifeYears: "",
    annualEnergyThroughput: "",
    declarationOfConformityId: "EU-DoC-LY-2026-001",
    studyUrl: "https://liyuan.example.cn/pcf/LY-LFP280",
    ...overrides,
  };
}

async function declaration(user: TestUser | null, applicationId: string, format: "pdf" | "json", lang = "en") {
  actAs(user);
  return GET(new Request(`http://localhost/api/applications/${applicationId}/battery-declaration?format=${format}&lang=${lang}`), {
    params: Promise.resolve({ id: applicationId }),
  });
}

async function save(user: TestUser | null, form: BatteryDeclarationFormInput) {
  actAs(user);
  return saveBatteryDeclarationAction(form);
}

describe("battery declaration data", () => {
  it("is saved by the owning enterprise with an audit event, and refused to everyone else without a change", async () => {
    const cast = await createCast();
    const { product } = await batteryApplication(cast.owner, { calculate: false });
    const form = declarationForm(product.id);

    await expectRefusedForOthers(cast, () => saveBatteryDeclarationAction(form));
    expect(await db.select().from(batteryDeclarations).where(eq(batteryDeclarations.productId, product.id))).toEqual([]);

    expect(await save(cast.owner, form)).toEqual({ ok: true, data: { productId: product.id } });
    const [row] = await db.select().from(batteryDeclarations).where(eq(batteryDeclarations.productId, product.id));
    expect(row).toMatchObject({ batteryModel: "LY-LFP280-PACK-70", ratedEnergy: "70", serviceLifeCycles: 3000, serviceLifeYears: null, studyUrl: form.studyUrl });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "batteryDeclaration.save"), eq(auditEvents.productId, product.id))).orderBy(auditEvents.id);
    expect(events).toHaveLength(1);

    // Switching to years keeps only the years' figures.
    expect((await save(cast.owner, declarationForm(product.id, { serviceLifeBasis: "years", serviceLifeYears: "10", annualEnergyThroughput: "21000" }))).ok).toBe(true);
    const [updated] = await db.select().from(batteryDeclarations).where(eq(batteryDeclarations.productId, product.id));
    expect(updated).toMatchObject({ serviceLifeCycles: null, serviceLifeYears: "10", annualEnergyThroughput: "21000" });
  });

  it("gives a clear reason next to the field, and refuses a product outside the battery categories", async () => {
    const owner = await createUser("enterprise");
    const { product } = await batteryApplication(owner, { categoryId: "li_battery_storage", calculate: false });
    const small = await save(owner, declarationForm(product.id, { batteryCategory: "industrial", ratedEnergy: "1.5" }));
    expect(small).toMatchObject({ ok: false, message: "errors.validation", fieldErrors: { ratedEnergy: ["batteryDeclaration.validation.industrialTooSmall"] } });
    const missingCycles = await save(owner, declarationForm(product.id, { serviceLifeCycles: "" }));
    expect(missingCycles).toMatchObject({ ok: false, fieldErrors: { serviceLifeCycles: ["batteryDeclaration.validation.cyclesRequired"] } });
    const badPlace = await save(owner, declarationForm(product.id, { plantLatitude: "95", studyUrl: "javascript:alert(1)" }));
    expect(badPlace).toMatchObject({
      ok: false,
      fieldErrors: { plantLatitude: ["batteryDeclaration.validation.latitude"], studyUrl: ["batteryDeclaration.validation.url"] },
    });

    const laptop = await createProduct(owner.organizationId);
    expect(await save(owner, declarationForm(laptop.id))).toEqual({ ok: false, message: "batteryDeclaration.errors.notBatteryCategory" });
    expect(await db.select().from(batteryDeclarations).where(eq(batteryDeclarations.organizationId, owner.organizationId))).toEqual([]);
  });
});

describe("EU battery carbon footprint declaration", () => {
  it("is Battery Pass v1.2 JSON per kWh of total energy over the service life, and a bilingual PDF saying the same", async () => {
    const owner = await createUser("enterprise");
    const { product, application } = await batteryApplication(owner);
    expect((await save(owner, declarationForm(product.id))).ok).toBe(true);

    const json = await declaration(owner, application.id, "json");
    expect(json.status).toBe(200);
    const document = (await json.json()) as BatteryDeclarationDocument;
    expect(batteryPassErrors(document.carbonFootprint)).toEqual([]);

    // Independently from the stored calculation: per kWh of capacity × 70 kWh per battery, over 70 × 3000 kWh.
    const [calculation] = await db.select().from(calculations).where(eq(calculations.applicationId, application.id));
    const byStage = (calculation.breakdown as { byStage: Record<LifeCycleStage, string> }).byStage;
    const perBattery = (stage: LifeCycleStage) => new Decimal(byStage[stage]).times(70);
    const absolute = perBattery("raw_material").plus(perBattery("production")).plus(perBattery("distribution")).plus(perBattery("end_of_life"));
    const totalEnergy = 70 * 3000;
    expect(document.carbonFootprint.absoluteCarbonFootprint).toBeCloseTo(absolute.toNumber(), 6);
    expect(document.carbonFootprint.batteryCarbonFootprint).toBeCloseTo(absolute.dividedBy(totalEnergy).toNumber(), 12);
    expect(document.carbonFootprint.carbonFootprintPerLifecycleStage).toEqual([
      { lifecycleStage: "RawMaterialExtraction", carbonFootprint: expect.closeTo(perBattery("raw_material").dividedBy(totalEnergy).toNumber(), 12) },
      { lifecycleStage: "MainProduction", carbonFootprint: expect.closeTo(perBattery("production").dividedBy(totalEnergy).toNumber(), 12) },
      { lifecycleStage: "Distribution", carbonFootprint: expect.closeTo(perBattery("distribution").dividedBy(totalEnergy).toNumber(), 12) },
      { lifecycleStage: "Recycling", carbonFootprint: expect.closeTo(perBattery("end_of_life").dividedBy(totalEnergy).toNumber(), 12) },
    ]);
    expect(document.carbonFootprint.carbonFootprintPerformanceClass).toBe("");
    expect(document.carbonFootprint.carbonFootprintStudy).toBe("https://liyuan.example.cn/pcf/LY-LFP280");
    expect(document.declaration).toMatchObject({
      batteryModel: "LY-LFP280-PACK-70",
      batteryCategory: "ev",
      manufacturingPlant: { latitude: 29.5925, longitude: 106.227 },
      expectedServiceLife: { basis: "cycles", fullEquivalentCycles: 3000, totalEnergyKwh: 210000 },
      euDeclarationOfConformityId: "EU-DoC-LY-2026-001",
      verification: null,
    });
    expect(document.declaration.carbonFootprintPerformanceClassReason).toMatch(/not yet adopted/);
    expect(document.declaration.lifecycleStageMapping.find((entry) => entry.inventoryStage === "use")).toMatchObject({ lifecycleStage: null });

    const pdf = await declaration(owner, application.id, "pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = (await pdfPages(new Uint8Array(await pdf.arrayBuffer()))).join("\n");
    expect(text).toContain("电池碳足迹声明");
    expect(text).toContain("Battery Carbon Footprint Declaration");
    expect(text).toContain(`每 kWh ${declarationFigure(document.carbonFootprint.batteryCarbonFootprint)} kg CO2e`);
    expect(text).toContain(declarationFigure(document.carbonFootprint.absoluteCarbonFootprint));
    for (const stage of document.carbonFootprint.carbonFootprintPerLifecycleStage) expect(text).toContain(declarationFigure(stage.carbonFootprint));
    for (const name of ["原材料获取与预处理", "Main product production", "寿命终止与回收 / End of life and recycling", "EU-DoC-LY-2026-001", "29.5925, 106.227", "210000 kWh"]) {
      expect(text).toContain(name);
    }
    expect(text).toContain("不计入：附件 II 不包括使用阶段");
    expect(text).toContain("未声明性能等级");
    expect(text).toMatch(/第 1 页，共 \d 页 · Page 1 of \d/);
  });

  it("is refused where it would be false, each time with its reason", async () => {
    const owner = await createUser("enterprise");
    const refusal = async (applicationId: string) => {
      const response = await declaration(owner, applicationId, "json");
      return { status: response.status, body: await response.json() };
    };

    // Not a battery category.
    const laptop = await batteryApplication(owner, { categoryId: "laptop" });
    expect(await refusal(laptop.application.id)).toMatchObject({
      status: 422,
      body: { error: "batteryDeclaration.errors.notBatteryCategory", refusals: [{ reason: "notBatteryCategory" }] },
    });
    const consumer = await batteryApplication(owner, { categoryId: "li_battery_consumer" });
    expect((await refusal(consumer.application.id)).body.error).toBe("batteryDeclaration.errors.notBatteryCategory");

    // A footprint per tonne cannot be stated per battery, so not per kWh of its energy either.
    const perTonne = await batteryApplication(owner, { declaredUnit: "t" });
    await db.insert(batteryDeclarations).values({ ...storedDeclaration(perTonne.product.id, owner) });
    expect(await refusal(perTonne.application.id)).toMatchObject({
      status: 422,
      body: {
        error: "batteryDeclaration.errors.unitNotConvertible",
        message: "The footprint is per t, which cannot be expressed per battery: the declaration needs a footprint per piece or per kWh of rated energy.",
      },
    });

    // A cradle-to-gate inventory has neither distribution nor end of life.
    const gate = await batteryApplication(owner, { systemBoundary: "cradle_to_gate" });
    expect((await save(owner, declarationForm(gate.product.id))).ok).toBe(true);
    expect(await refusal(gate.application.id)).toMatchObject({
      status: 422,
      body: {
        error: "batteryDeclaration.errors.missingStages",
        refusals: [{ reason: "missingStages", stages: ["Distribution", "Recycling"], message: "The inventory has no data for these life-cycle stages of Annex II: Distribution; End of life and recycling." }],
      },
    });
    const zh = await declaration(owner, gate.application.id, "pdf", "zh-CN");
    expect((await zh.json()).message).toBe("清单缺少附件 II 以下生命周期阶段的数据：分销；寿命终止与回收。");

    // No link to a public study: none entered and no certificate (with its label page) yet.
    const unlinked = await batteryApplication(owner);
    expect((await save(owner, declarationForm(unlinked.product.id, { studyUrl: "" }))).ok).toBe(true);
    expect((await refusal(unlinked.application.id)).body).toMatchObject({ error: "batteryDeclaration.errors.noStudyLink" });

    // Nothing entered yet, nothing calculated yet.
    const blank = await batteryApplication(owner);
    expect((await refusal(blank.application.id)).body).toMatchObject({ error: "batteryDeclaration.errors.notEntered" });
    const uncalculated = await batteryApplication(owner, { calculate: false });
    expect((await save(owner, declarationForm(uncalculated.product.id))).ok).toBe(true);
    expect(await refusal(uncalculated.application.id)).toMatchObject({ status: 409, body: { error: "reports.errors.notCalculated" } });
  });

  it("links the certificate's public label page by default and names the verification once certified", async () => {
    const owner = await createUser("enterprise");
    const body = await createOrganization("verification_body");
    const verifier = await createUser("verifier", body.id);
    const reviewer = await createUser("reviewer", body.id);
    const { product, application } = await batteryApplication(owner);
    expect((await save(owner, declarationForm(product.id, { studyUrl: "" }))).ok).toBe(true);
    await db.update(applications).set({ verificationBodyId: body.id, leadVerifierId: verifier.id }).where(eq(applications.id, application.id));
    await recordSubmissionRound(application.id, owner.id);
    await db
      .update(applications)
      .set({ status: "certified", reviewerId: reviewer.id, recommendation: "approve", verificationStatement: "Verified against GB/T 24067-2024." })
      .where(eq(applications.id, application.id));
    const certificate = await db.transaction(async (tx) => issueCertificate(tx, await actorFor(reviewer), { applicationId: application.id }));

    for (const user of [owner, verifier]) {
      const document = (await (await declaration(user, application.id, "json")).json()) as BatteryDeclarationDocument;
      expect(batteryPassErrors(document.carbonFootprint)).toEqual([]);
      expect(document.carbonFootprint.carbonFootprintStudy).toBe(publicLabelUrl(platformBaseUrl(), certificate.number));
      expect(document.declaration.verification).toEqual({ certificateNumber: certificate.number, verificationBody: body.name, issuedOn: certificate.issuedOn });
    }
    const text = (await pdfPages(new Uint8Array(await (await declaration(owner, application.id, "pdf")).arrayBuffer()))).join("\n");
    expect(text).toContain(`经核查的碳足迹：证书 ${certificate.number}`);
  });

  it("is the owner's and its body's: everyone else is refused", async () => {
    const owner = await createUser("enterprise");
    const { product, application } = await batteryApplication(owner);
    expect((await save(owner, declarationForm(product.id))).ok).toBe(true);
    const body = await createOrganization("verification_body");
    for (const [user, status] of [
      [await createUser("enterprise"), 404],
      [await createUser("verifier", body.id), 404],
      [await createUser("regulator"), 403],
      [await createUser("admin"), 403],
      [null, 401],
    ] as const) {
      expect((await declaration(user, application.id, "json")).status).toBe(status);
    }
    expect((await declaration(owner, application.id, "xml" as "json")).status).toBe(400);
    expect(await db.select({ id: products.id }).from(products).where(eq(products.id, product.id))).toHaveLength(1);
  });
});

function storedDeclaration(productId: string, owner: TestUser) {
  return {
    productId,
    organizationId: owner.organizationId,
    batteryModel: "LY-T",
    plantName: "Plant",
    plantAddress: "Chongqing",
    plantLatitude: "29.5",
    plantLongitude: "106.5",
    batteryCategory: "ev" as const,
    ratedEnergy: "70",
    serviceLifeBasis: "cycles" as const,
    serviceLifeCycles: 3000,
    declarationOfConformityId: "DoC-1",
    studyUrl: "https://example.org/study",
    updatedBy: owner.id,
  };
}
