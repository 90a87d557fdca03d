/** Administrative divisions (GB/T 2260 codes) the portal knows: the pilot's city and its 26 districts. */
type Region = { code: string; nameZh: string; nameEn: string };

export const PROVINCES: Region[] = [
  { code: "500000", nameZh: "重庆市", nameEn: "Chongqing" },
  { code: "110000", nameZh: "北京市", nameEn: "Beijing" },
  { code: "310000", nameZh: "上海市", nameEn: "Shanghai" },
  { code: "440000", nameZh: "广东省", nameEn: "Guangdong" },
  { code: "510000", nameZh: "四川省", nameEn: "Sichuan" },
  { code: "320000", nameZh: "江苏省", nameEn: "Jiangsu" },
  { code: "330000", nameZh: "浙江省", nameEn: "Zhejiang" },
];

export const DISTRICTS: Record<string, Region[]> = {
  "500000": [
    { code: "500101", nameZh: "万州区", nameEn: "Wanzhou" },
    { code: "500102", nameZh: "涪陵区", nameEn: "Fuling" },
    { code: "500103", nameZh: "渝中区", nameEn: "Yuzhong" },
    { code: "500104", nameZh: "大渡口区", nameEn: "Dadukou" },
    { code: "500105", nameZh: "江北区", nameEn: "Jiangbei" },
    { code: "500106", nameZh: "沙坪坝区", nameEn: "Shapingba" },
    { code: "500107", nameZh: "九龙坡区", nameEn: "Jiulongpo" },
    { code: "500108", nameZh: "南岸区", nameEn: "Nan'an" },
    { code: "500109", nameZh: "北碚区", nameEn: "Beibei" },
    { code: "500110", nameZh: "綦江区", nameEn: "Qijiang" },
    { code: "500111", nameZh: "大足区", nameEn: "Dazu" },
    { code: "500112", nameZh: "渝北区", nameEn: "Yubei" },
    { code: "500113", nameZh: "巴南区", nameEn: "Banan" },
    { code: "500114", nameZh: "黔江区", nameEn: "Qianjiang" },
    { code: "500115", nameZh: "长寿区", nameEn: "Changshou" },
    { code: "500116", nameZh: "江津区", nameEn: "Jiangjin" },
    { code: "500117", nameZh: "合川区", nameEn: "Hechuan" },
    { code: "500118", nameZh: "永川区", nameEn: "Yongchuan" },
    { code: "500119", nameZh: "南川区", nameEn: "Nanchuan" },
    { code: "500120", nameZh: "璧山区", nameEn: "Bishan" },
    { code: "500151", nameZh: "铜梁区", nameEn: "Tongliang" },
    { code: "500152", nameZh: "潼南区", nameEn: "Tongnan" },
    { code: "500153", nameZh: "荣昌区", nameEn: "Rongchang" },
    { code: "500154", nameZh: "开州区", nameEn: "Kaizhou" },
    { code: "500155", nameZh: "梁平区", nameEn: "Liangping" },
    { code: "500156", nameZh: "武隆区", nameEn: "Wulong" },
  ],
};

export function regionName(code: string | null | undefined, locale: string): string {
  if (!code) return "";
  const all = [...PROVINCES, ...Object.values(DISTRICTS).flat()];
  const region = all.find((r) => r.code === code);
  if (!region) return code;
  return locale === "en" ? region.nameEn : region.nameZh;
}

export function isKnownDistrict(region: string, district: string): boolean {
  return (DISTRICTS[region] ?? []).some((d) => d.code === district);
}

export function isKnownRegion(region: string): boolean {
  return PROVINCES.some((p) => p.code === region);
}
