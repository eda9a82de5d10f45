/**
 * The peer pairing as an integer program for HiGHS (npm `highs`, WebAssembly), written in CPLEX
 * LP format — an independent check of `maxWeightMatching` on the same graph:
 *
 *   maximize  Σ_e w_e·x_e
 *   s.t.      Σ_{e ∋ v} x_e ≤ 1     for every member v
 *             x_e ∈ {0, 1}
 *
 * Unlike the bipartite batch (lib/highs.ts), the LP relaxation of a general graph is not
 * integral (odd cycles), so this is solved as a MIP with no relative or absolute gap allowed.
 */
import type { PeerEdges } from "../../src/core/matching/peer/index.js";
import { highs } from "./highs.js";

/** HiGHS's answer, re-summed from its chosen edges so it compares exactly with ours. */
export interface HighsMatching {
  status: string;
  /** Σ w over the edges HiGHS set to 1 (in the edges' own units). */
  total: number;
  /** HiGHS's own objective value (floating point). */
  objective: number;
  pairs: number;
  ms: number;
  /** True when the chosen edges form a matching (no member twice). */
  valid: boolean;
}

/** The LP text; terms are broken over lines so no line grows without bound. */
export function matchingLp(n: number, edges: PeerEdges): string {
  const out: string[] = ["Maximize", " obj:"];
  let line = "";
  const flush = (): void => {
    if (line !== "") out.push(line);
    line = "";
  };
  for (let e = 0; e < edges.count; e++) {
    line += ` + ${String(edges.w[e])} x${e}`;
    if (line.length > 200) flush();
  }
  if (edges.count === 0) line = " 0 x0";
  flush();
  out.push("Subject To");
  const at: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < edges.count; e++) {
    at[edges.u[e] as number]?.push(e);
    at[edges.v[e] as number]?.push(e);
  }
  for (let v = 0; v < n; v++) {
    const es = at[v] ?? [];
    if (es.length === 0) continue;
    out.push(` m${v}:`);
    for (let i = 0; i < es.length; i += 20)
      out.push(
        es
          .slice(i, i + 20)
          .map((e) => ` + x${e}`)
          .join(""),
      );
    out.push(" <= 1");
  }
  out.push("Binary");
  for (let e = 0; e < Math.max(1, edges.count); e += 20) {
    const names: string[] = [];
    for (let k = e; k < Math.min(Math.max(1, edges.count), e + 20); k++) names.push(`x${k}`);
    out.push(` ${names.join(" ")}`);
  }
  out.push("End");
  return out.join("\n");
}

/** Solves the matching exactly with HiGHS (MIP, gaps 0). */
export async function highsMatching(n: number, edges: PeerEdges): Promise<HighsMatching> {
  const h = await highs();
  const lp = matchingLp(n, edges);
  const t = performance.now();
  const r = h.solve(lp, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, presolve: "on" });
  const ms = performance.now() - t;
  let total = 0;
  let pairs = 0;
  const used = new Uint8Array(n);
  let valid = true;
  if (r.Status === "Optimal") {
    for (let e = 0; e < edges.count; e++) {
      const col = r.Columns[`x${e}`];
      if (!col || !("Primal" in col) || Math.round(col.Primal) !== 1) continue;
      total += edges.w[e] as number;
      pairs++;
      const u = edges.u[e] as number;
      const v = edges.v[e] as number;
      if (used[u] || used[v]) valid = false;
      used[u] = 1;
      used[v] = 1;
    }
  }
  return { status: r.Status, total, objective: r.ObjectiveValue, pairs, ms, valid };
}
