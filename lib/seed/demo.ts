/**
 * The Chongqing demo pilot: the bureau, two verification bodies, five
 * enterprises with products and inventories (one of them the battery maker's cathode-material
 * supplier), and the demo accounts.
 * Runs only on an empty database. Organizations and accounts are the
 * operator's setup; the products, applications and inventory lines are
 * entered by the demo enterprises' users through the portal's operations.
 */
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { emissionFactors, organizations, users, type Role } from "@/db/schema";
import { findUserAsActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { createApplication } from "@/lib/domain/applications/create-application";
import { addInventoryLine } from "@/lib/domain/inventory/add-line";
import { createProduct } from "@/lib/domain/products/create-product";
import type { UserActor } from "@/lib/policy";
import { withCreditCodeCheck } from "@/lib/validation/credit-code";
import { inventoryLineSchema, type InventoryLineInput } from "@/lib/validation/schemas/inventory";
import { productSchema, type ProductInput } from "@/lib/validation/schemas/products";
import { DEMO_PACT_CLIENT, DEMO_PASSWORD } from "./demo-accounts";
import { seedDemoPactClient } from "./demo-pact";
import { seedReferenceData } from "./reference-data";

const CHONGQING = "500000";

type OrgSeed = typeof organizations.$inferInsert & { key: string };

const ORGANIZATIONS: OrgSeed[] = [
  { key: "operator", kind: "operator", name: "CarbonLabel 平台运营", nameEn: "CarbonLabel platform operator", region: CHONGQING },
  { key: "bureau", kind: "regulator", name: "重庆市生态环境局", nameEn: "Chongqing Ecology and Environment Bureau", region: CHONGQING },
  { key: "body1", kind: "verification_body", name: "渝碳认证中心", nameEn: "Yutan Certification Centre", region: CHONGQING, district: "500112", accreditationNo: "CNCA-R-2025-101" },
  { key: "body2", kind: "verification_body", name: "西部绿色认证有限公司", nameEn: "Western Green Certification Co.", region: CHONGQING, district: "500106", accreditationNo: "CNCA-R-2025-117" },
  { key: "laptop", kind: "enterprise", name: "重庆渝新电脑制造有限公司", nameEn: "Chongqing Yuxin Computer Manufacturing Co.", region: CHONGQING, district: "500106", creditCode: withCreditCodeCheck("91500106MA60A1B2C") },
  { key: "nev", kind: "enterprise", name: "重庆长江新能源汽车有限公司", nameEn: "Chongqing Changjiang New Energy Vehicle Co.", region: CHONGQING, district: "500112", creditCode: withCreditCodeCheck("91500112MA5U7K3M9") },
  { key: "battery", kind: "enterprise", name: "重庆锂源电池科技有限公司", nameEn: "Chongqing Liyuan Battery Technology Co.", region: CHONGQING, district: "500120", creditCode: withCreditCodeCheck("91500120MA61C4D5E") },
  { key: "cathode", kind: "enterprise", name: "重庆铜梁正极材料有限公司", nameEn: "Chongqing Tongliang Cathode Materials Co.", region: CHONGQING, district: "500151", creditCode: withCreditCodeCheck("91500151MA60L2Q7W") },
  { key: "chemical", kind: "enterprise", name: "重庆长寿化工新材料有限公司", nameEn: "Chongqing Changshou Chemical Materials Co.", region: CHONGQING, district: "500115", creditCode: withCreditCodeCheck("91500115MA5YH8J2K") },
];

const USERS: { email: string; name: string; role: Role; org: string }[] = [
  { email: "admin@demo.carbonlabel.org", name: "平台管理员", role: "admin", org: "operator" },
  { email: "bureau@demo.carbonlabel.org", name: "李静（市生态环境局）", role: "regulator", org: "bureau" },
  { email: "verifier@demo.carbonlabel.org", name: "王磊（主任核查员）", role: "verifier", org: "body1" },
  { email: "reviewer@demo.carbonlabel.org", name: "陈敏（认证决定人员）", role: "reviewer", org: "body1" },
  { email: "verifier2@demo.carbonlabel.org", name: "赵强（核查员）", role: "verifier", org: "body2" },
  { email: "laptop@demo.carbonlabel.org", name: "刘洋（渝新电脑）", role: "enterprise", org: "laptop" },
  { email: "nev@demo.carbonlabel.org", name: "周婷（长江新能源）", role: "enterprise", org: "nev" },
  { email: "battery@demo.carbonlabel.org", name: "孙浩（锂源电池）", role: "enterprise", org: "battery" },
  { email: "chemical@demo.carbonlabel.org", name: "吴芳（长寿化工）", role: "enterprise", org: "chemical" },
  { email: "cathode@demo.carbonlabel.org", name: "郑凯（铜梁正极材料）", role: "enterprise", org: "cathode" },
];

type ProductSeed = ProductInput & { key: string; org: string };

const PRODUCTS: ProductSeed[] = [
  { key: "laptop14", org: "laptop", categoryId: "laptop", nameZh: "渝新轻薄笔记本电脑 14 英寸", nameEn: "Yuxin UltraSlim 14-inch laptop", model: "YX-14S", hsCode: "84713000", declaredUnitAmount: "1", declaredUnit: "piece", systemBoundary: "cradle_to_gate", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "10000", site: "重庆市沙坪坝区西永微电园", exportMarkets: ["EU", "US"], massPerDeclaredUnit: "1.32", fossilCarbonContent: "0.27" },
  { key: "laptop13", org: "laptop", categoryId: "laptop", nameZh: "渝新教育笔记本电脑 13 英寸", nameEn: "Yuxin Education 13-inch laptop", model: "YX-13E", hsCode: "84713000", declaredUnitAmount: "1", declaredUnit: "piece", systemBoundary: "cradle_to_gate", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "20000", site: "重庆市沙坪坝区西永微电园", exportMarkets: ["EU", "ASEAN"], massPerDeclaredUnit: "1.45", fossilCarbonContent: "0.31" },
  { key: "laptop12", org: "laptop", categoryId: "laptop", nameZh: "渝新二合一平板笔记本电脑 12 英寸", nameEn: "Yuxin 12-inch 2-in-1 laptop", model: "YX-12T", hsCode: "84713000", declaredUnitAmount: "1", declaredUnit: "piece", systemBoundary: "cradle_to_gate", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "15000", site: "重庆市沙坪坝区西永微电园", exportMarkets: ["EU", "US"], massPerDeclaredUnit: "1.08", fossilCarbonContent: "0.19" },
  { key: "laptop16", org: "laptop", categoryId: "laptop", nameZh: "渝新商务笔记本电脑 16 英寸", nameEn: "Yuxin Business 16-inch laptop", model: "YX-16B", hsCode: "84713000", declaredUnitAmount: "1", declaredUnit: "piece", systemBoundary: "cradle_to_grave", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "8000", site: "重庆市沙坪坝区西永微电园", exportMarkets: ["EU"] },
  { key: "suv", org: "nev", categoryId: "nev", nameZh: "长江纯电动 SUV", nameEn: "Changjiang battery-electric SUV", model: "CJ-EV7", hsCode: "8703800090", declaredUnitAmount: "1", declaredUnit: "piece", systemBoundary: "cradle_to_gate", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "20000", site: "重庆市渝北区两江新区", exportMarkets: ["EU", "ASEAN"] },
  { key: "lfp", org: "battery", categoryId: "li_battery_power", nameZh: "磷酸铁锂动力电池包 280Ah", nameEn: "LFP power battery pack 280 Ah", model: "LY-LFP280", hsCode: "85076000", declaredUnitAmount: "1", declaredUnit: "kWh", systemBoundary: "cradle_to_gate", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "2000000", site: "重庆市璧山区高新区", exportMarkets: ["EU", "US"], fossilCarbonContent: "0.85" },
  { key: "ess", org: "battery", categoryId: "li_battery_storage", nameZh: "储能电池柜 215 kWh", nameEn: "Energy storage battery cabinet 215 kWh", model: "LY-ESS215", hsCode: "85076000", declaredUnitAmount: "1", declaredUnit: "kWh", systemBoundary: "cradle_to_grave", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "200000", site: "重庆市璧山区高新区", exportMarkets: ["EU"] },
  { key: "lfpCathode", org: "cathode", categoryId: "chemical", nameZh: "磷酸铁锂正极材料", nameEn: "LFP cathode material", model: "TL-LFP-C1", hsCode: "284290", declaredUnitAmount: "1", declaredUnit: "t", systemBoundary: "cradle_to_gate", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "20000", site: "重庆市铜梁区高新区", exportMarkets: [], fossilCarbonContent: "0" },
  { key: "pc", org: "chemical", categoryId: "chemical", nameZh: "聚碳酸酯树脂", nameEn: "Polycarbonate resin", model: "CS-PC1000", hsCode: "390740", declaredUnitAmount: "1", declaredUnit: "t", systemBoundary: "cradle_to_gate", periodStart: "2025-01-01", periodEnd: "2025-12-31", productionVolume: "50000", site: "重庆市长寿区经开区", exportMarkets: ["EU"] },
];

type LineSeed = Omit<InventoryLineInput, "applicationId" | "factorId" | "allocationShare" | "emissionCategory"> & {
  factorKey?: string;
  allocationShare?: string;
};

/** Activity data of the reference period; supplier factors stand for suppliers' own declared PCFs. */
const INVENTORIES: Record<string, LineSeed[]> = {
  laptop14: [
    { stage: "raw_material", description: "主板及芯片组（供应商 PCF）", quantity: "10000", unit: "piece", source: "supplier_factor", supplierFactorValue: "142.5", supplierFactorUnit: "piece", supplierName: "重庆西永电子有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "raw_material", description: "液晶显示屏模组（供应商 PCF）", quantity: "10000", unit: "piece", source: "supplier_factor", supplierFactorValue: "61.8", supplierFactorUnit: "piece", supplierName: "成都显示科技有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 2, dqrTemporal: 1 },
    { stage: "raw_material", description: "钢制结构件", quantity: "3.2", unit: "t", source: "database_factor", factorKey: "cpcd.material.carbon_steel", dataType: "secondary", dqrTechnological: 3, dqrGeographical: 2, dqrTemporal: 2 },
    { stage: "production", description: "组装车间用电（与其他产品分摊）", quantity: "250", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", allocationShare: "0.4", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "production", description: "天然气锅炉（按热值）", quantity: "180", unit: "GJ", source: "database_factor", factorKey: "ipcc.fuel.natural_gas.combustion", allocationShare: "0.4", dataType: "primary", dqrTechnological: 2, dqrGeographical: 3, dqrTemporal: 1 },
    { stage: "production", description: "空调系统 HFC-134a 泄漏", quantity: "2", unit: "kg", source: "direct_gas", gas: "HFC-134a", dataType: "primary", dqrTechnological: 2, dqrGeographical: 1, dqrTemporal: 1 },
  ],
  laptop13: [
    { stage: "raw_material", description: "主板及芯片组（供应商 PCF）", quantity: "20000", unit: "piece", source: "supplier_factor", supplierFactorValue: "118.0", supplierFactorUnit: "piece", supplierName: "重庆西永电子有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "raw_material", description: "液晶显示屏模组（供应商 PCF）", quantity: "20000", unit: "piece", source: "supplier_factor", supplierFactorValue: "52.4", supplierFactorUnit: "piece", supplierName: "成都显示科技有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 2, dqrTemporal: 1 },
    { stage: "raw_material", description: "钢制结构件", quantity: "5.6", unit: "t", source: "database_factor", factorKey: "cpcd.material.carbon_steel", dataType: "secondary", dqrTechnological: 3, dqrGeographical: 2, dqrTemporal: 2 },
    { stage: "production", description: "组装车间用电（与其他产品分摊）", quantity: "250", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", allocationShare: "0.5", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
  ],
  laptop12: [
    { stage: "raw_material", description: "主板及芯片组（供应商 PCF）", quantity: "15000", unit: "piece", source: "supplier_factor", supplierFactorValue: "104.6", supplierFactorUnit: "piece", supplierName: "重庆西永电子有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "raw_material", description: "触控显示屏模组（供应商 PCF）", quantity: "15000", unit: "piece", source: "supplier_factor", supplierFactorValue: "47.9", supplierFactorUnit: "piece", supplierName: "成都显示科技有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 2, dqrTemporal: 1 },
    { stage: "raw_material", description: "钢制结构件", quantity: "3.1", unit: "t", source: "database_factor", factorKey: "cpcd.material.carbon_steel", dataType: "secondary", dqrTechnological: 4, dqrGeographical: 2, dqrTemporal: 2 },
    { stage: "production", description: "组装车间用电（与其他产品分摊）", quantity: "250", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", allocationShare: "0.1", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
  ],
  suv: [
    { stage: "raw_material", description: "动力电池包（供应商 PCF）", quantity: "20000", unit: "piece", source: "supplier_factor", supplierFactorValue: "5600", supplierFactorUnit: "piece", supplierName: "重庆锂源电池科技有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "raw_material", description: "车身钢材", quantity: "18000", unit: "t", source: "database_factor", factorKey: "cpcd.material.carbon_steel", dataType: "secondary", dqrTechnological: 3, dqrGeographical: 2, dqrTemporal: 2 },
    { stage: "production", description: "整车工厂用电", quantity: "36000", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
  ],
  lfp: [
    // 2.2 kg of cathode material per kWh of cells; priced in the workflow with the supplier's certified footprint.
    { stage: "raw_material", description: "电芯正极材料（供应商 PCF）", quantity: "4400", unit: "t", source: "supplier_factor", supplierFactorValue: "9500", supplierFactorUnit: "t", supplierName: "重庆铜梁正极材料有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 2, dqrTemporal: 1 },
    { stage: "production", description: "电芯及 PACK 产线用电", quantity: "90000", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "production", description: "厂区光伏自发自用电", quantity: "12000", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.pv.2024", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
  ],
  // Cradle to grave, so every life-cycle stage of an EU battery declaration (Annex II) has data.
  ess: [
    { stage: "raw_material", description: "磷酸铁锂电芯（供应商 PCF）", quantity: "200000", unit: "kWh", source: "supplier_factor", supplierFactorValue: "52.0", supplierFactorUnit: "kWh", supplierName: "重庆锂源电芯事业部", dataType: "primary", dqrTechnological: 2, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "raw_material", description: "钢制柜体与支架", quantity: "1200", unit: "t", source: "database_factor", factorKey: "cpcd.material.carbon_steel", dataType: "secondary", dqrTechnological: 3, dqrGeographical: 2, dqrTemporal: 2 },
    { stage: "production", description: "PACK 与系统集成产线用电", quantity: "9000", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "distribution", description: "公路运输至港口（柴油，按热值）", quantity: "2400", unit: "GJ", source: "database_factor", factorKey: "ipcc.fuel.diesel.combustion", dataType: "secondary", dqrTechnological: 3, dqrGeographical: 3, dqrTemporal: 2 },
    { stage: "use", description: "运行期充放电损耗（电网电力）", quantity: "20000", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", dataType: "secondary", dqrTechnological: 3, dqrGeographical: 3, dqrTemporal: 3 },
    { stage: "end_of_life", description: "退役电池湿法回收（回收商 PCF）", quantity: "200000", unit: "kWh", source: "supplier_factor", supplierFactorValue: "2.1", supplierFactorUnit: "kWh", supplierName: "重庆再生资源回收有限公司", dataType: "secondary", dqrTechnological: 3, dqrGeographical: 2, dqrTemporal: 3 },
  ],
  // A year's 20 000 t of LFP cathode material: lithium carbonate and iron phosphate bought in, sintered with grid power and gas.
  lfpCathode: [
    { stage: "raw_material", description: "电池级碳酸锂（供应商 PCF）", quantity: "5000", unit: "t", source: "supplier_factor", supplierFactorValue: "12000", supplierFactorUnit: "t", supplierName: "四川锂盐有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 2, dqrTemporal: 1 },
    { stage: "raw_material", description: "磷酸铁前驱体（供应商 PCF）", quantity: "19000", unit: "t", source: "supplier_factor", supplierFactorValue: "2500", supplierFactorUnit: "t", supplierName: "贵州磷化工有限公司", dataType: "primary", dqrTechnological: 2, dqrGeographical: 2, dqrTemporal: 1 },
    { stage: "production", description: "烧结窑炉及研磨用电", quantity: "80000", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "production", description: "烧结保护气氛天然气（按热值）", quantity: "400000", unit: "GJ", source: "database_factor", factorKey: "ipcc.fuel.natural_gas.combustion", dataType: "primary", dqrTechnological: 2, dqrGeographical: 3, dqrTemporal: 1 },
  ],
  pc: [
    { stage: "production", description: "聚合装置用电", quantity: "60000", unit: "MWh", source: "database_factor", factorKey: "cn.electricity.national.2024", dataType: "primary", dqrTechnological: 1, dqrGeographical: 1, dqrTemporal: 1 },
    { stage: "production", description: "蒸汽锅炉天然气（按热值）", quantity: "1500000", unit: "GJ", source: "database_factor", factorKey: "ipcc.fuel.natural_gas.combustion", dataType: "primary", dqrTechnological: 2, dqrGeographical: 3, dqrTemporal: 1 },
  ],
};

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return !row;
}

/** The enterprise user who enters an organization's products (the first of its demo accounts). */
async function enterpriseUser(tx: Tx, org: string): Promise<UserActor> {
  const account = USERS.find((user) => user.org === org && user.role === "enterprise");
  const actor = account && (await findUserAsActor(eq(users.email, account.email), tx));
  if (!actor) throw new Error(`no demo enterprise user for ${org}`);
  return actor;
}

export async function seedDemoPilot(db: Db): Promise<void> {
  await seedReferenceData(db);
  const passwordHashes = await Promise.all(USERS.map(() => hashPassword(DEMO_PASSWORD)));

  await db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const { key, ...org } of ORGANIZATIONS) {
      const [row] = await tx.insert(organizations).values(org).returning({ id: organizations.id });
      orgIds.set(key, row.id);
    }
    await tx.insert(users).values(
      USERS.map((user, index) => ({
        email: user.email,
        name: user.name,
        role: user.role,
        organizationId: orgIds.get(user.org)!,
        passwordHash: passwordHashes[index],
      })),
    );

    const factorIds = new Map<string, string>();
    for (const factor of await tx
      .select({ id: emissionFactors.id, key: emissionFactors.factorKey })
      .from(emissionFactors)
      .where(eq(emissionFactors.version, 1))) {
      factorIds.set(factor.key, factor.id);
    }

    for (const { key, org, ...product } of PRODUCTS) {
      const owner = await enterpriseUser(tx, org);
      const { productId } = await createProduct(tx, owner, productSchema.parse(product));
      const lines = INVENTORIES[key];
      if (!lines) continue;
      const { applicationId } = await createApplication(tx, owner, { productId });
      for (const { factorKey, ...line } of lines) {
        const input = inventoryLineSchema.parse({
          allocationShare: "1",
          emissionCategory: "fossil",
          ...line,
          applicationId,
          factorId: factorKey ? factorIds.get(factorKey) : undefined,
        });
        await addInventoryLine(tx, owner, input);
      }
    }
    const laptopOwner = await findUserAsActor(eq(users.email, DEMO_PACT_CLIENT.ownerEmail), tx);
    if (!laptopOwner) throw new Error("the demo laptop enterprise user is missing");
    await seedDemoPactClient(tx, laptopOwner);
  });
}
