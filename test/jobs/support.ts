import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CommunitySettingsSchema, newMember, type Nudge } from "../../src/core/domain/index.js";
import type { Store } from "../../src/core/ports/index.js";

export const COMMUNITY = "jobs:c1";
const member = (name: string) => `${COMMUNITY}:${name}`;

/** Seeds a community with two members and `n` nudges, all already due, in batches of 500. */
export async function seedDueNudges(store: Store, n: number, dueAt = new Date("2026-01-01T00:00:00Z")): Promise<void> {
  await store.tx(async (tx) => {
    await tx.saveCommunity({ id: COMMUNITY, name: "jobs", settings: CommunitySettingsSchema.parse({}), createdAt: dueAt });
    for (const name of ["ada", "bo"]) {
      await tx.saveMember(newMember({
        id: member(name),
        communityId: COMMUNITY,
        displayName: name,
        timeZone: "UTC",
        timeZoneConfirmed: true,
        createdAt: dueAt,
      }));
    }
  });
  for (let start = 0; start < n; start += 500) {
    const rows: Nudge[] = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      rows.push({
        id: `ndg_${i}`,
        communityId: COMMUNITY,
        key: `check_in:chat_${i}:${member("ada")}`,
        to: [member("ada")],
        kind: "check_in",
        refId: `chat_${i}`,
        dueAt,
        notice: { kind: "check_in", chatId: `chat_${i}`, other: { id: member("bo"), name: "bo", timeZone: "UTC" } },
        status: "pending",
        attempts: 0,
        lastError: null,
        leaseOwner: null,
        leaseUntil: null,
        sentAt: null,
        createdAt: dueAt,
      });
    }
    await store.tx((tx) => tx.addNudges(rows));
  }
}

/** A running delivery worker process. */
export interface BotProcess {
  child: ChildProcess;
  ready: Promise<void>;
  /** Resolves with how the process ended: "done" (finished by itself) or "killed". */
  ended: Promise<"done" | "killed">;
}

/** Starts test/jobs/delivery-worker.ts in its own process. */
export function startBot(args: { dbUrl: string; owner: string; platformUrl: string; leaseMs: number; mode?: "nonce" | "plain" }): BotProcess {
  const file = fileURLToPath(new URL("./delivery-worker.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", file, args.dbUrl, args.owner, args.platformUrl, String(args.leaseMs), COMMUNITY, args.mode ?? "nonce"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
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
