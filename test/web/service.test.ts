import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/index.js";
import { adminDashboard } from "../../src/core/use-cases/index.js";
import { dashboardBase, serveDashboard } from "../../src/ops/dashboard.js";
import { startService } from "../../src/ops/service.js";
import type { SlackAdapter } from "../../src/slack/index.js";
import { makeVolunteer, unwrap, world } from "../core/use-cases/helpers.js";
import { APPLICATION_ID, FakeDiscord } from "../fakes/discord/index.js";
import { GUILDS } from "../discord/harness.js";
import { FakeSlack } from "../fakes/slack/server.js";
import { textOf } from "./harness.js";

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.reverse()) await s();
  stops = [];
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "percolate-web-"));
  stops.push(async () => rmSync(dir, { recursive: true, force: true }));
  return `file:${join(dir, "percolate.db")}`;
}

/** What a browser gets at `url`: status, content type, readable text. */
async function open(url: string) {
  const res = await fetch(url, { redirect: "manual" });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: textOf(await res.text()) };
}

describe("the dashboard in the running service", () => {
  it("is served on the Slack receiver's port beside /slack/events, its links under that address", async () => {
    const fake = new FakeSlack();
    await fake.start();
    const config = ConfigSchema.parse({
      DATABASE_URL: tempDb(),
      SLACK_BOT_TOKEN: "xoxb-web-test",
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "silent",
      SCHEDULE_CRON: "0 0 1 1 *",
    });
    const service = await startService(config, silentLogger, { slack: { host: "127.0.0.1", port: 0 } });
    stops.push(async () => {
      await service.stop();
      await fake.stop();
    });
    const port = (service.adapters[0] as SlackAdapter).port;
    expect(service.dashboardBase).toBe(`http://127.0.0.1:${port}`);
    const css = await open(`http://127.0.0.1:${port}/dashboard/assets/style.css`);
    expect(css).toMatchObject({ status: 200, type: "text/css; charset=utf-8" });
    const page = await open(`http://127.0.0.1:${port}/dashboard/slack%3AT1/queue`);
    expect(page.status).toBe(403);
    expect(page.text).toContain("Please sign in");
    expect((await open(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }, 60_000);

  it("is served on HTTP_PORT when Slack does not run over HTTP, with PUBLIC_URL as the links' base", async () => {
    const fake = new FakeDiscord(GUILDS);
    const api = await fake.start();
    const config = ConfigSchema.parse({
      DATABASE_URL: tempDb(),
      DISCORD_TOKEN: "discord-web-token",
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: api,
      HTTP_PORT: "0",
      PUBLIC_URL: "https://percolate.example.org/",
      SCHEDULE_CRON: "0 0 1 1 *",
    });
    const service = await startService(config, silentLogger);
    stops.push(async () => {
      await service.stop();
      await fake.stop();
    });
    expect(service.dashboardBase).toBe("https://percolate.example.org");
    const page = await open(`http://127.0.0.1:${service.opsPort}/dashboard/discord%3A1/`);
    expect(page.status).toBe(403);
    expect(page.text).toContain("Please sign in");
    expect((await open(`http://127.0.0.1:${service.opsPort}/dashboard/assets/chart.umd.min.js`)).status).toBe(200);
    expect((await open(`http://127.0.0.1:${service.opsPort}/dashboardx`)).status).toBe(404);
  }, 60_000);
});

describe("the dashboard beside the shell", () => {
  it("listens on HTTP_PORT and `admin dashboard` gives a link that opens its confirm page there", async () => {
    const w = world({ community: "shell:local" });
    const served = await serveDashboard(w.deps, { port: 0, host: "127.0.0.1" });
    if (!served) throw new Error("the dashboard did not start");
    stops.push(() => served.server.stop());
    expect(served.base).toBe(`http://127.0.0.1:${served.server.port}`);
    const ada = { ...(await makeVolunteer(w, "ada", "python")), platformAdmin: true };
    const link = unwrap(await adminDashboard(w.deps, { actor: ada })).link;
    expect(link.startsWith(`${served.base}/dashboard/shell%3Alocal/signin?token=`)).toBe(true);
    const confirm = await open(link);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("Sign in to");
    const url = new URL(link);
    const signed = await fetch(`${served.base}${url.pathname}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: served.base, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: url.searchParams.get("token") ?? "" }).toString(),
    });
    expect(signed.status).toBe(303);
    const cookie = (signed.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const queue = await fetch(`${served.base}/dashboard/shell%3Alocal/queue`, { headers: { cookie } });
    expect(queue.status).toBe(200);
    expect(textOf(await queue.text())).toContain("Nobody is waiting");
  });

  it("leaves the dashboard off when the port is taken, and says so when asked", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    stops.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const w = world({ community: "shell:local" });
    expect(await serveDashboard(w.deps, { port, host: "127.0.0.1" })).toBeNull();
    expect(w.deps.dashboard).toBeUndefined();
    const ada = { ...(await makeVolunteer(w, "ada", "python")), platformAdmin: true };
    const asked = await adminDashboard(w.deps, { actor: ada });
    expect(asked.ok ? "ok" : asked.code).toBe("DASHBOARD_OFF");
  });

  it("links start with PUBLIC_URL, or the address it listens on (loopback for every interface)", () => {
    expect(dashboardBase("https://p.example.org/", "0.0.0.0", 8080)).toBe("https://p.example.org");
    expect(dashboardBase(undefined, "0.0.0.0", 8080)).toBe("http://127.0.0.1:8080");
    expect(dashboardBase(undefined, "10.1.2.3", 9000)).toBe("http://10.1.2.3:9000");
  });
});
