import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { slashCommand } from "../fakes/slack/payloads.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

describe("acking fast", () => {
  for (const mode of ["http", "socket"] as const) {
    it(`acks a command at once while its slow work (${mode}) carries on after`, async () => {
      h = await startHarness({ mode });
      const u = h.user("T1", "U0SLOW", "slow", "UTC");
      // users.info (the slow work behind the command) answers only when released: the ack must
      // arrive while it is still held, so acking cannot depend on it, however slow it is.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      h.fake.inject({ method: "users.info", hold: held, times: 1 });
      const r = await h.fake.send("slash_commands", { ...slashCommand(h.fake, u, "status") });
      expect(r.status).toBe(200);
      expect(h.fake.responses).toHaveLength(0);
      release();
      await h.adapter.idle();
      expect(h.fake.responses).toHaveLength(1);
      expect(String(h.fake.responses[0]?.body.text)).toContain("slow");
    });
  }

  it("answers the next command while an earlier answer is still on its way to a slow response_url", async () => {
    h = await startHarness({ mode: "http", sqlite: true });
    const u = h.user("T1", "U0SLOWURL", "sol", "UTC");
    // A response_url that takes the first answer and holds it until the test lets go.
    let held: ServerResponse | null = null;
    let gaveUp = false;
    let arrived: () => void = () => undefined;
    const holding = new Promise<void>((r) => {
      arrived = r;
    });
    const slow = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        held = res;
        arrived();
      });
      res.on("close", () => {
        if (!res.writableEnded) gaveUp = true;
      });
    });
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    try {
      const first = { ...slashCommand(h.fake, u, "help"), response_url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/held` };
      expect((await h.fake.send("slash_commands", first)).status).toBe(200);
      await holding;
      const answered = new Promise<string>((r) => {
        if (h) h.fake.onResponse = (a) => r(a.id);
      });
      const second = slashCommand(h.fake, u, "status");
      expect((await h.fake.send("slash_commands", { ...second })).status).toBe(200);
      expect(await answered).toBe(second.response_url.split("/").pop());
      // Answered while the first answer was still being sent, not after the bot gave up on it.
      expect(gaveUp).toBe(false);
      (held as ServerResponse | null)?.writeHead(200).end("ok");
      await h.adapter.idle();
    } finally {
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
    }
  });

  it("opens the form behind a Home tab button", async () => {
    h = await startHarness({ mode: "http" });
    const u = h.user("T1", "U0HOME", "hana", "Asia/Tokyo");
    await h.home(u);
    const home = h.fake.state.views.at(-1);
    const blocks = (home?.view.blocks ?? []) as unknown[];
    const { buttonsIn, blockAction } = await import("../fakes/slack/payloads.js");
    const b = buttonsIn(blocks).find((x) => x.label === "Set free times");
    if (!b) throw new Error("no button");
    await h.fake.send("interactive", { ...blockAction(h.fake, u, b) });
    await h.adapter.idle();
    const opened = h.fake.state.views.at(-1);
    expect(opened?.method).toBe("views.open");
    expect(opened?.view.callback_id).toBe("percolate_availability");
    expect(JSON.stringify(opened?.view)).toContain("Asia/Tokyo");
  });
});
