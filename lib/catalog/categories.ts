/**
 * Product categories: the national PCF label certification catalogue's
 * products plus the pilot's new-energy vehicles and chemical materials.
 * Plausibility bands only where a public data set gives one (shared/reference).
 */
type CategorySeed = {
  id: string;
  nameZh: string;
  nameEn: string;
  sector: string;
  declaredUnit: string;
  plausibleMin?: string;
  plausibleMax?: string;
  plausibleSource?: string;
};

export const CATEGORIES: CategorySeed[] = [
  {
    id: "laptop",
    nameZh: "笔记本电脑",
    nameEn: "Laptop computers",
    sector: "electronics",
    declaredUnit: "piece",
    plausibleMin: "62",
    plausibleMax: "937",
    plausibleSource: "Boavizta manufacturer PCF data set, 452 laptops (median 307 kg CO2e)",
  },
  { id: "desktop", nameZh: "台式计算机", nameEn: "Desktop computers", sector: "electronics", declaredUnit: "piece" },
  { id: "li_battery_power", nameZh: "锂离子电池（动力）", nameEn: "Lithium-ion batteries (power)", sector: "batteries", declaredUnit: "kWh" },
  { id: "li_battery_storage", nameZh: "锂离子电池（储能）", nameEn: "Lithium-ion batteries (energy storage)", sector: "batteries", declaredUnit: "kWh" },
  { id: "li_battery_consumer", nameZh: "锂离子电池（消费类）", nameEn: "Lithium-ion batteries (consumer)", sector: "batteries", declaredUnit: "piece" },
  { id: "pv_module", nameZh: "光伏组件", nameEn: "Photovoltaic modules", sector: "energy", declaredUnit: "kW" },
  { id: "room_ac", nameZh: "房间空气调节器", nameEn: "Room air conditioners", sector: "appliances", declaredUnit: "piece" },
  { id: "small_motor", nameZh: "中小型电动机", nameEn: "Small and medium electric motors", sector: "machinery", declaredUnit: "piece" },
  { id: "tyre", nameZh: "轮胎", nameEn: "Tyres", sector: "automotive", declaredUnit: "piece" },
  { id: "aluminium", nameZh: "电解铝", nameEn: "Electrolytic aluminium", sector: "metals", declaredUnit: "t" },
  { id: "cement", nameZh: "水泥", nameEn: "Cement", sector: "building_materials", declaredUnit: "t" },
  { id: "wood_panel", nameZh: "人造板", nameEn: "Wood-based panels", sector: "building_materials", declaredUnit: "m3" },
  { id: "nev", nameZh: "新能源汽车", nameEn: "New-energy vehicles", sector: "automotive", declaredUnit: "piece" },
  { id: "chemical", nameZh: "化工材料", nameEn: "Chemical materials", sector: "chemicals", declaredUnit: "t" },
  { id: "steel", nameZh: "钢铁产品", nameEn: "Steel products", sector: "metals", declaredUnit: "t" },
];
