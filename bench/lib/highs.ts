/**
 * The batch as an LP/MIP for HiGHS (npm `highs`, WebAssembly): an independent check of the
 * matching engine's optimum on the same integer scores.
 *
 *   maximize  Σ_e value_e·x_e − Σ_{v,k} cost_{v,k}·y_{v,k}
 *   s.t.      Σ_{e ∋ r} x_e ≤ 1                      for every request r
 *             Σ_{e ∋ v} x_e − Σ_k y_{v,k} = 0         for every volunteer v
 *             0 ≤ x_e ≤ 1, 0 ≤ y_{v,k} ≤ 1           (integer in the MIP)
 *
 * x ranges over every eligible pair (no pruning); y are the volunteer's slots with the convex
 * costs. The constraint matrix is a network matrix (each x in one request row and one
 * volunteer row, each y in one volunteer row), so the LP optimum is integral; the MIP run and
 * the integrality check of the LP solution confirm it.
 */
import * as highsModule from "highs";
import type { Highs } from "highs";
import type { EdgeSet } from "../../src/core/matching/candidates.js";
import type { MatchProblem } from "../../src/core/matching/problem.js";
import { SCALE } from "../../src/core/matching/index.js";

let instance: Highs | undefined;

/**
 * Loads the WASM solver once. `highs` is a CommonJS package whose loader is the module itself
 * under `require` and its `default` under native ESM; accept either shape.
 */
export async function highs(): Promise<Highs> {
  const mod = highsModule as unknown as { default?: unknown };
  const load = (typeof mod.default === "function" ? mod.default : highsModule) as () => Promise<Highs>;
  instance ??= await load();
  return instance;
}

/** The HiGHS optimum, in score points. */
export interface LpResult {
  objective: number;
  status: string;
  seconds: number;
  /** Largest distance of any variable from an integer (LP only). */
  maxFractionality: number;
  variables: number;
}

/** Solves the batch given every eligible pair (`all`), as an LP or a MIP. */
export async function solveWithHighs(P: MatchProblem, all: EdgeSet, mode: "lp" | "mip"): Promise<LpResult> {
  const h = await highs();
  const nE = all.col.length;
  const nS = P.slotCost.length;
  const numCols = nE + nS;
  const numRows = P.nR + P.nV;
  const colCost = new Float64Array(numCols);
  // CSC: each x_e has two entries (request row, volunteer row); each y one (volunteer row).
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(2 * nE + nS);
  const values = new Float64Array(2 * nE + nS);
  let k = 0;
  for (let r = 0; r < P.nR; r++) {
    for (let e = all.start[r] as number; e < (all.start[r + 1] as number); e++) {
      colCost[e] = (all.profit[e] as number) / SCALE;
      starts[e] = k;
      indices[k] = r;
      values[k++] = 1;
      indices[k] = P.nR + (all.col[e] as number);
      values[k++] = 1;
    }
  }
  for (let v = 0; v < P.nV; v++) {
    for (let s = P.slotStart[v] as number; s < (P.slotStart[v + 1] as number); s++) {
      colCost[nE + s] = -(P.slotCost[s] as number) / SCALE;
      starts[nE + s] = k;
      indices[k] = P.nR + v;
      values[k++] = -1;
    }
  }
  starts[numCols] = k;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let r = 0; r < P.nR; r++) {
    rowLower[r] = -h.infinity;
    rowUpper[r] = 1;
  }
  const started = performance.now();
  const model = h.createModel({
    numCols,
    numRows,
    sense: h.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower,
    rowUpper,
    matrix: { format: "csc", numRows, numCols, starts, indices, values },
    ...(mode === "mip" ? { integrality: new Int32Array(numCols).fill(1) } : {}),
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
    model.run();
    const code = model.getModelStatus();
    const status = code === h.constants.modelStatus.optimal ? "optimal" : `status ${String(code)}`;
    const objective = model.getObjectiveValue();
    const x = model.getSolution().colValue;
    let maxFractionality = 0;
    for (let j = 0; j < x.length; j++)
      maxFractionality = Math.max(maxFractionality, Math.abs((x[j] as number) - Math.round(x[j] as number)));
    return { objective, status, seconds: (performance.now() - started) / 1000, maxFractionality, variables: numCols };
  } finally {
    model.dispose();
  }
}
