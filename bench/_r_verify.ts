import { closeDb } from "@/db";
import { verifyAuditChain } from "@/lib/dal/audit-trail";
async function main() { const t = performance.now(); const r = await verifyAuditChain(); console.log(r, (performance.now() - t).toFixed(0), "ms"); await closeDb(); }
main();
