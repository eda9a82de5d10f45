import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { seedOutbox } from "../support/outbox-seed.js";
import type { Store } from "../../src/core/ports/index.js";

export const COMMUNITY = "jobs:c1";

/** Seeds the shared community with two members and `n` check-ins, all already due. */
export async function seedDueNudges(store: Store, n: number, due = new Date("2026-01-01T00:00:00Z")): Promise<void> {
  await seedOutbox(store, { communityId: COMMUNITY, members: 2, nudges: n, due });
}

/** A running delivery worker process. */
export interface BotProcess {
  child: ChildProcess;
  ready: Promise<void>;
  /** Resolves with how the process ended: "done" (finished by itself) or "killed". */
  ended: Promise<"done" | "killed">;
}

/** Starts test/jobs/delivery-worker.ts in its own process. */
export function startBot(args: {
  dbUrl: string;
  owner: string;
  platformUrl: string;
  leaseMs: number;
  mode?: "nonce" | "plain" | "slack";
  communityId?: string;
}): BotProcess {
  const file = fileURLToPath(new URL("./delivery-worker.ts", import.meta.url));
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      file,
      args.dbUrl,
      args.owner,
      args.platformUrl,
      String(args.leaseMs),
      args.communityId ?? COMMUNITY,
      args.mode ?? "nonce",
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
    if (out.includes("ready")) onReady();
  });
  child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
  const ended = new Promise<"done" | "killed">((resolve, reject) => {
    child.on("close", (code, signal) => {
      onReady();
      if (signal === "SIGKILL") resolve("killed");
      else if (code === 0 && out.includes("done")) resolve("done");
      else reject(new Error(`bot ${args.owner} exited with ${code ?? signal}:\n${err}\n${out}`));
    });
  });
  return { child, ready, ended };
}

/** A small seeded PRNG (mulberry32) so kill points are reproducible per seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
