import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slashCommand } from "../fakes/slack/payloads.js";
import type { Tamper } from "../fakes/slack/server.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

describe("Slack request verification (HTTP receiver)", () => {
  const cases = [
    ["a forged signature", { secret: "not-the-secret" }],
    ["a stale timestamp", { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }],
    ["no signature header", { omit: ["signature"] as ("signature" | "timestamp")[] }],
    ["no timestamp header", { omit: ["timestamp"] as ("signature" | "timestamp")[] }],
    ["no headers at all", { omit: ["signature", "timestamp"] as ("signature" | "timestamp")[] }],
  ] as const satisfies readonly (readonly [string, Tamper])[];

  for (const [name, tamper] of cases) {
    it(`rejects ${name} with 401 and changes nothing`, async () => {
      const u = h.user("T1", "U0MALLORY", "mallory", "UTC");
      const work = () => h.fake.calls.filter((c) => c.method !== "auth.test").length;
      const callsBefore = work();
      const r = await h.slash(u, "volunteer hacking --cap 9", tamper);
      expect(r.status).toBe(401);
      expect(work()).toBe(callsBefore);
      expect(h.fake.responses).toHaveLength(0);
      expect(await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:U0MALLORY"))).toBeNull();
    });
  }

  it("accepts the same request when signed correctly", async () => {
    const u = h.user("T1", "U0ALICE", "alice", "UTC");
    const r = await h.fake.send("slash_commands", { ...slashCommand(h.fake, u, "status") });
    expect(r.status).toBe(200);
    await h.adapter.idle();
    expect(h.fake.responses).toHaveLength(1);
  });
});
