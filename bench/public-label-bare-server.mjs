/**
 * The baseline of the public label benchmark: a bare node:http server answering
 * GET /labels/<number> with the same single indexed query the portal runs
 * (lib/dal/public-certificates.ts) on the same database, as JSON.
 * Usage: DATABASE_URL=… PORT=… node bench/public-label-bare-server.mjs
 */
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX || 10) });
const NUMBER = /^CFP-[A-Z]{2}-\d{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/;
const QUERY = `select number, status, status_reason, status_changed_at, issued_on, expires_on, product_name, product_name_en,
  enterprise_name, category_id, value, grade,
  snapshot #>> '{inventory,product,model}' as model,
  snapshot #>> '{inventory,product,declaredUnitAmount}' as declared_unit_amount,
  snapshot #>> '{inventory,product,declaredUnit}' as declared_unit,
  snapshot #>> '{inventory,product,systemBoundary}' as system_boundary,
  snapshot #>> '{category,nameZh}' as category_name_zh, snapshot #>> '{category,nameEn}' as category_name_en,
  snapshot #>> '{verificationBody,name}' as verification_body_name, snapshot #>> '{benchmark,version}' as benchmark_version
  from certificates where number = $1 limit 1`;

// Dates come back as text so no time zone shifts them.
pg.types.setTypeParser(1082, (value) => value);

const server = http.createServer(async (request, response) => {
  const match = /^\/labels\/([^/?]+)/.exec(request.url ?? "");
  const number = match ? decodeURIComponent(match[1]).trim().toUpperCase() : "";
  const row = NUMBER.test(number) ? (await pool.query(QUERY, [number])).rows[0] : undefined;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const expired = row && (row.status === "valid" || row.status === "suspended") && row.expires_on < today;
  const body = row ? { genuine: true, ...row, status: expired ? "expired" : row.status } : { genuine: false, error: "not_found" };
  response.writeHead(row ? 200 : 404, { "Content-Type": "application/json", "Cache-Control": "public, max-age=15" });
  response.end(JSON.stringify(body));
});

server.listen(Number(process.env.PORT || 3191), "127.0.0.1", () => process.send?.("ready"));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
