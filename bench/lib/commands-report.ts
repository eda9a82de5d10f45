/**
 * What `bench:commands` prints: tables of the runs, the hot operations and the profiles, the
 * growth of CPU per command with members, and one PASS/FAIL line per target of issue #13.
 */
import { KINDS, type MixResult } from "./command-mix.js";
import type { ProfileSummary } from "./cpu-profile.js";
import type { HotOpFigures } from "./hot-ops.js";
import type { SeedCounts } from "./seed-community.js";
import { fmt, table } from "./stats.js";

export interface RunFigures extends MixResult {
  store: string;
  members: number;
  /** Closing the store afterwards: how long it took, and whether it finished (a hung close is given up on). */
  closeMs: number;
  closed: boolean;
}
export interface SeedFigures {
  store: string;
  members: number;
  counts: SeedCounts;
  buildMs: number;
  writeMs: number;
}
export interface HotFigures extends HotOpFigures {
  store: string;
  members: number;
}
export interface Target {
  name: string;
  pass: boolean | null;
  value: string;
}

const ms = (x: number) => fmt(x, 1);

export function seedTable(seeds: readonly SeedFigures[]): string {
  return table(
    ["store", "members", "rows", "requests", "intros", "chats", "build s", "write s"],
    seeds.map((s) => [
      s.store,
      String(s.members),
      String(Object.values(s.counts).reduce((a, b) => a + b, 0)),
      String(s.counts.chat_requests),
      String(s.counts.intros),
      String(s.counts.chats),
      fmt(s.buildMs / 1000, 1),
      fmt(s.writeMs / 1000, 1),
    ]),
  );
}

export function runTable(runs: readonly RunFigures[]): string {
  return table(
    ["store", "members", "in flight", "commands", "cmd/s", "CPU ms/cmd", "p50 ms", "p99 ms", ...KINDS.map((k) => `${k} p50/p99`), "failed"],
    runs.map((r) => [
      r.store,
      String(r.members),
      String(r.inflight),
      String(r.commands),
      fmt(r.perSecond, 1),
      ms(r.cpuMsPerCommand),
      ms(r.overall.p50),
      ms(r.overall.p99),
      ...KINDS.map((k) => `${ms(r.kinds[k].p50)}/${ms(r.kinds[k].p99)}`),
      String(r.failed),
    ]),
  );
}

export function failureLines(runs: readonly RunFigures[]): string[] {
  const out: string[] = [];
  for (const r of runs) {
    if (!r.closed)
      out.push(`note: ${r.store} ${r.members} ×${r.inflight}: closing the store did not finish within ${fmt(r.closeMs / 1000, 0)} s`);
    for (const [key, n] of Object.entries(r.refused))
      out.push(`note: ${r.store} ${r.members} ×${r.inflight}: ${key} ×${n} (expected: answered with fresh times)`);
    if (r.substituted > 0)
      out.push(`note: ${r.store} ${r.members} ×${r.inflight}: ${r.substituted} commands ran as status (their queue ran dry)`);
    for (const f of r.failures) out.push(`failed: ${r.store} ${r.members} ×${r.inflight}: ${f.key} ×${f.count} — first: ${f.first}`);
  }
  return out;
}

export function hotTable(hot: readonly HotFigures[]): string {
  return table(
    ["store", "members", "operation", "Prisma ms", "raw ms", "Prisma/raw"],
    hot.map((h) => [h.store, String(h.members), h.op, fmt(h.prismaMs, 3), fmt(h.rawMs, 3), fmt(h.ratio, 1)]),
  );
}

export function profileText(label: string, p: ProfileSummary, file: string): string {
  const top = table(
    ["self ms", "share", "package", "function", "where"],
    p.top.map((t) => [fmt(t.ms, 0), `${fmt(t.share * 100, 1)}%`, t.pkg, t.fn, t.where]),
  );
  const pkgs = table(
    ["package", "self ms", "share"],
    p.byPackage.map((b) => [b.pkg, fmt(b.ms, 0), `${fmt(b.share * 100, 1)}%`]),
  );
  return `CPU profile, ${label} (${fmt(p.totalMs, 0)} ms sampled, ${fmt(p.idleMs, 0)} ms idle; ${file})\n${top}\n\n${pkgs}`;
}

/** CPU per command at the largest size over the smallest, per store (sequential runs). */
export function cpuGrowth(runs: readonly RunFigures[], small: number, large: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const store of new Set(runs.map((r) => r.store))) {
    const at = (n: number) => runs.find((r) => r.store === store && r.members === n && r.inflight === 1);
    const a = at(small);
    const b = at(large);
    if (a && b) out[store] = b.cpuMsPerCommand / a.cpuMsPerCommand;
  }
  return out;
}

/** The targets of issue #13, each PASS, FAIL or SKIP (not measured in this run). */
export function targets(
  runs: readonly RunFigures[],
  hot: readonly HotFigures[],
  growth: Record<string, number>,
  stores: readonly string[],
): Target[] {
  const seq = (store: string, n: number) => runs.find((r) => r.store === store && r.members === n && r.inflight === 1);
  const out: Target[] = [];
  for (const store of stores) {
    for (const [n, limit] of [
      [5000, 25],
      [50000, 50],
    ] as const) {
      const r = seq(store, n);
      out.push({
        name: `${store}: request p99 ≤ ${limit} ms at ${n} members`,
        pass: r ? r.kinds.request.p99 <= limit : null,
        value: r ? `${ms(r.kinds.request.p99)} ms` : "",
      });
    }
  }
  const s5 = seq("sqlite", 5000);
  out.push({
    name: "sqlite: mix ≥ 300 commands/s at 5000 members",
    pass: s5 ? s5.perSecond >= 300 : null,
    value: s5 ? `${fmt(s5.perSecond, 1)}/s` : "",
  });
  const bound = Math.log(50000) / Math.log(1000);
  for (const store of stores) {
    const g = growth[store];
    out.push({
      name: `${store}: CPU per command 50000/1000 ≤ ${fmt(bound, 2)} (ln 50000 / ln 1000)`,
      pass: g === undefined ? null : g <= bound,
      value: g === undefined ? "" : fmt(g, 2),
    });
  }
  for (const store of stores) {
    for (const op of new Set(hot.map((h) => h.op))) {
      const worst = hot.filter((h) => h.store === store && h.op === op).sort((a, b) => b.ratio - a.ratio)[0];
      out.push({
        name: `${store}: Prisma/raw ≤ 3× for ${op}`,
        pass: worst ? worst.ratio <= 3 : null,
        value: worst ? `${fmt(worst.ratio, 1)}× at ${worst.members}` : "",
      });
    }
  }
  if (stores.includes("pg")) {
    const conc = runs.filter((r) => r.store === "pg" && r.inflight > 1);
    const failed = conc.reduce((a, r) => a + r.failed, 0);
    out.push({
      name: `pg: 0 failed commands with ${conc[0]?.inflight ?? 8} in flight`,
      pass: conc.length ? failed === 0 : null,
      value: conc.length ? `${failed} of ${conc.reduce((a, r) => a + r.commands, 0)}` : "",
    });
  }
  return out;
}

export const targetLine = (t: Target): string =>
  `${t.pass === null ? "SKIP" : t.pass ? "PASS" : "FAIL"}  ${t.name}${t.value ? `: ${t.value}` : ""}`;
