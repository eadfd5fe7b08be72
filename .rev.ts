import { createHash } from "node:crypto";
import { loadScenarioSync } from "./sim/scenario/load.ts";
import { runReplication } from "./sim/model/simulate.ts";
const users = Number(process.argv[2] ?? 20000);
for (const f of process.argv.slice(3)) {
  const sc = loadScenarioSync(f, { users, days: 365 }).scenario;
  const out: string[] = [];
  for (const rev of [false, true]) {
    const r = runReplication(sc, 0, 7, (w) => { w.sessionEffects.reverse = rev; });
    const h = createHash("sha256");
    for (const a of [r.series, r.byCategory, r.tierOrders, r.tierGmv, r.followersEnd]) h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    h.update(JSON.stringify([r.windowBuyers, r.windowRepeaters, r.thinning]));
    out.push(h.digest("hex").slice(0, 16));
  }
  console.log(out.join(" "), out[0] === out[1] ? "SAME" : "DIFFERENT", f);
}
