/**
 * A V8 CPU profile of part of this process (node:inspector, in process), written as a
 * .cpuprofile file (Chrome DevTools, speedscope) and summarised: the top functions by self
 * time, and self time by package (luxon, @prisma, zod, better-sqlite3, pg, our src/, …).
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Runs `fn` under the sampling profiler; returns its result and the profile. */
export async function profiled<T>(fn: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  try {
    const result = await fn();
    const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
    return { result, profile };
  } finally {
    await session.post("Profiler.disable");
    session.disconnect();
  }
}

/** better-sqlite3's native methods, as they appear in a profile. */
const SQLITE_NATIVE = new Set(["all", "get", "run", "iterate", "exec", "prepare", "Statement"]);

/** Which package a frame's script belongs to. */
export function packageOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName.replace(/[()]/g, "") : "native";
  // The only WebAssembly in the process is Prisma's query compiler.
  if (url.startsWith("wasm://")) return "@prisma";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}` : (rest[0] ?? "");
    if (name === "@prisma" || name === "prisma") return "@prisma";
    if (name === "luxon" || name === "zod" || name === "better-sqlite3") return name;
    if (name === "pg" || name.startsWith("pg-") || name === "pgpass" || name === "postgres-array") return "pg";
    return "other";
  }
  if (url.startsWith("node:") || !url.includes("/")) return "node";
  if (url.includes("/src/")) return url.includes("/src/store/generated/") ? "@prisma" : "src";
  return "other";
}

export interface ProfileSummary {
  /** CPU time sampled (idle excluded). */
  totalMs: number;
  /** Time the thread waited with nothing to run (the database answering, on PostgreSQL). */
  idleMs: number;
  top: { fn: string; where: string; pkg: string; ms: number; share: number }[];
  byPackage: { pkg: string; ms: number; share: number }[];
}

/** Self time per function and per package. */
export function summarise(profile: CpuProfile, topN = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** A native function (a C++ binding, a builtin) counts for the package whose JavaScript called it. */
  const pkgOf = (n: ProfileNode): string => {
    const { url, functionName } = n.callFrame;
    const caller = byId.get(parent.get(n.id) ?? -1)?.callFrame.url ?? "";
    // The driver adapter calls better-sqlite3's native statement methods directly.
    if (url === "" && SQLITE_NATIVE.has(functionName) && caller.includes("adapter-better-sqlite3")) return "better-sqlite3";
    let at: ProfileNode | undefined = n;
    for (let hops = 0; at && hops < 50; hops++) {
      const p = packageOf(at.callFrame.url, at.callFrame.functionName);
      if (p !== "native") return p;
      const up = parent.get(at.id);
      at = up === undefined ? undefined : byId.get(up);
    }
    return "native";
  };
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0));
  }
  const byFn = new Map<string, { fn: string; where: string; pkg: string; us: number }>();
  const byPkg = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === "(idle)") {
      idle += us;
      continue;
    }
    const pkg = pkgOf(n);
    // Scripts compiled on load (our TypeScript) report line 0: the file alone says where.
    const file = url
      .replace(/^file:\/\//, "")
      .replace(/^.*node_modules\//, "")
      .replace(/^.*\/(src|bench|test)\//, "$1/");
    const where = url === "" ? "" : lineNumber > 0 ? `${file}:${lineNumber + 1}` : file;
    const key = `${functionName}@${where}@${pkg}`;
    const e = byFn.get(key) ?? { fn: functionName || "(anonymous)", where, pkg, us: 0 };
    e.us += us;
    byFn.set(key, e);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
    total += us;
  }
  const share = (us: number) => (total === 0 ? 0 : us / total);
  return {
    totalMs: total / 1000,
    idleMs: idle / 1000,
    top: [...byFn.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topN)
      .map((e) => ({ fn: e.fn, where: e.where, pkg: e.pkg, ms: e.us / 1000, share: share(e.us) })),
    byPackage: [...byPkg.entries()].sort((a, b) => b[1] - a[1]).map(([pkg, us]) => ({ pkg, ms: us / 1000, share: share(us) })),
  };
}

/** Writes the profile where DevTools can open it. */
export function saveProfile(profile: CpuProfile, file: string): void {
  writeFileSync(file, JSON.stringify(profile));
}
