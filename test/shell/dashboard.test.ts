import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import type { Deps } from "../../src/core/use-cases/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ShiftableClock } from "../../src/shell/platform.js";
import { runShell } from "../../src/shell/repl.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { fakeDashboardLinks } from "../support/dashboard.js";

const START = Date.UTC(2026, 10, 23, 8, 0);

async function drive(lines: string[], dashboard: boolean): Promise<string> {
  const clock = new ShiftableClock(() => START);
  const out = new PassThrough();
  let text = "";
  out.on("data", (c: Buffer) => (text += c.toString()));
  const deps: Deps = {
    store: new MemoryStore(),
    clock,
    ids: sequentialIds(),
    log: silentLogger,
    ...(dashboard ? { dashboard: fakeDashboardLinks("http://localhost:8080") } : {}),
  };
  await runShell(deps, clock, Readable.from(lines.map((l) => `${l}\n`)), out, "UTC", {});
  return text;
}

describe("admin dashboard in the shell", () => {
  it("prints the admin's link; bob is refused with who to ask", async () => {
    const out = await drive(["status", "admin dashboard", "as bob", "admin dashboard"], true);
    const asAlice = out.split("alice> admin dashboard")[1]?.split("alice> as bob")[0] ?? "";
    expect(asAlice).toContain(
      "Here's your dashboard link for this community: http://localhost:8080/dashboard/shell%3Alocal/signin?token=secret-1 — it works once, for 15 minutes, and signs you in for 8 hours. Don't share it.",
    );
    const asBob = out.split("bob> admin dashboard")[1] ?? "";
    expect(asBob).toContain('Only community admins can use admin dashboard. Ask an admin to add you with "admin add <member>".');
  });

  it("without a web server it says how to switch the dashboard on", async () => {
    const out = await drive(["admin dashboard"], false);
    expect(out).toContain(
      `The web dashboard isn't switched on for this bot. Whoever runs it can turn it on: set PUBLIC_URL to the address people reach the bot at, and serve HTTP (set HTTP_PORT, or run Slack over HTTP). Then type "admin dashboard" again.`,
    );
  });

  it("help lists it", async () => {
    expect(await drive(["help"], false)).toContain("admin dashboard (a private link to the web dashboard)");
  });
});
