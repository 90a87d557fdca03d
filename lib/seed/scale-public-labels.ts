/**
 * Gives the scale data set's synthetic certificates what the public verification page reads:
 * well-formed numbers (`CFP-CQ-2026-7K3M9Q`, unique by construction) and the public part of a
 * snapshot (product, category, enterprise, body, benchmark version). Runs last in the scale seed,
 * after every step that recognises scale certificates by their `CFP-SCALE-` placeholder number.
 */
import type { Client } from "pg";
import { CERTIFICATE_NUMBER_ALPHABET, CERTIFICATE_NUMBER_RANDOM_LENGTH } from "@/lib/certificates/number";
import { CERTIFICATE_REGION_CODES } from "@/lib/certificates/region-code";

const SUFFIXES = CERTIFICATE_NUMBER_ALPHABET.length ** CERTIFICATE_NUMBER_RANDOM_LENGTH;
/** Coprime with 30, so n ↦ n × M mod 30^6 is a bijection: distinct rows get distinct suffixes. */
const SPREAD = 1_000_003;

const regionCase = `case c.region ${Object.entries(CERTIFICATE_REGION_CODES)
  .map(([region, code]) => `when '${region}' then '${code}'`)
  .join(" ")} else 'CQ' end`;

const suffix = Array.from({ length: CERTIFICATE_NUMBER_RANDOM_LENGTH }, (_, index) => {
  const power = CERTIFICATE_NUMBER_ALPHABET.length ** (CERTIFICATE_NUMBER_RANDOM_LENGTH - 1 - index);
  return `substr('${CERTIFICATE_NUMBER_ALPHABET}', (((s.n * ${SPREAD}) % ${SUFFIXES}) / ${power} % ${CERTIFICATE_NUMBER_ALPHABET.length})::int + 1, 1)`;
}).join(" || ");

const SCALE_PUBLIC_LABEL_SQL = `
  update certificates c set
    number = 'CFP-' || ${regionCase} || '-' || to_char(c.issued_on, 'YYYY') || '-' || ${suffix},
    snapshot = jsonb_build_object(
      'synthetic', true,
      'inventory', jsonb_build_object('product', jsonb_build_object(
        'nameZh', p.name_zh, 'nameEn', p.name_en, 'model', p.model, 'declaredUnitAmount', p.declared_unit_amount::text,
        'declaredUnit', p.declared_unit, 'systemBoundary', p.system_boundary)),
      'category', jsonb_build_object('id', pc.id, 'nameZh', pc.name_zh, 'nameEn', pc.name_en),
      'enterprise', jsonb_build_object('id', o.id, 'name', o.name, 'nameEn', o.name_en),
      'verificationBody', jsonb_build_object('id', vb.id, 'name', vb.name, 'nameEn', vb.name_en),
      'benchmark', (select jsonb_build_object('id', b.id, 'version', b.version) from benchmarks b where b.id = c.benchmark_id))
  from (select id, row_number() over (order by number)::bigint as n from certificates where number like 'CFP-SCALE-%') s,
    products p, product_categories pc, organizations o, organizations vb
  where c.id = s.id and p.id = c.product_id and pc.id = c.category_id and o.id = c.organization_id
    and vb.id = c.verification_body_id`;

export async function seedScalePublicLabels(client: Client): Promise<void> {
  const started = Date.now();
  const result = await client.query(SCALE_PUBLIC_LABEL_SQL);
  console.log(`[scale] public label fields: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
