import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/index.js";
import { type Service, startService } from "../../src/ops/service.js";
import type { SlackAdapter } from "../../src/slack/index.js";
import { STORE_UNAVAILABLE } from "../../src/text/index.js";
import { blockAction, buttonsIn, slashCommand } from "../fakes/slack/payloads.js";
import { FakeSlack } from "../fakes/slack/server.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { APPLICATION_ID, FakeDiscord } from "../fakes/discord/index.js";
import { G1, GUILDS, user as discordUser } from "../discord/harness.js";
import { get, sample } from "./support.js";

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.reverse()) await s();
  stops = [];
});

/** The whole service (store, Slack over HTTP, scheduler, ops routes) against a fake Slack, on a fresh SQLite file. */
async function slackService() {
  const fake = new FakeSlack();
  await fake.start();
  const dir = mkdtempSync(join(tmpdir(), "percolate-ops-"));
  const file = join(dir, "percolate.db");
  const config = ConfigSchema.parse({
    DATABASE_URL: `file:${file}`,
    SLACK_BOT_TOKEN: "xoxb-ops-test",
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "silent",
    SCHEDULE_CRON: "0 0 1 1 *",
  });
  const service: Service = await startService(config, silentLogger, { slack: { host: "127.0.0.1", port: 0 } });
  const slack = service.adapters[0] as SlackAdapter;
  stops.push(async () => {
    await service.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  fake.target = { kind: "http", url: `http://127.0.0.1:${slack.port ?? 0}/slack/events` };
  const user = (id: string, name: string, tz: string): FakeUser => {
    const u = { id, team: "T1", name, tz };
    fake.state.users.set(id, u);
    return u;
  };
  const lastText = () => String(fake.responses.at(-1)?.body.text ?? "");
  /** What the person reads: the answer posted to the command's response_url, or the ack's own body when the command could not even be kept. */
  const slash = async (u: FakeUser, text: string) => {
    const before = fake.responses.length;
    const sent = await fake.send("slash_commands", { ...slashCommand(fake, u, text) });
    await slack.idle();
    if (fake.responses.length > before) return lastText();
    const acked = sent.body ? (JSON.parse(sent.body) as { text?: string }) : {};
    return acked.text ?? "";
  };
  const click = async (u: FakeUser, label: string) => {
    const b = buttonsIn(fake.responses.at(-1)?.body.blocks).find((x) => x.label.includes(label));
    if (!b) throw new Error(`no button ${label}`);
    await fake.send("interactive", { ...blockAction(fake, u, b) });
    await slack.idle();
  };
  return { fake, service, slack, file, user, slash, click, port: slack.port };
}

describe("health and metrics", () => {
  it("serves /healthz, /readyz and /metrics on the Slack receiver's port, and the counters move with commands and deliveries", async () => {
    const s = await slackService();
    const health = await get(s.port, "/healthz");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok" });
    const ready = await get(s.port, "/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({
      status: "ready",
      checks: { database: { ok: true }, migrations: { ok: true }, slack: { ok: true, detail: "connected" } },
    });

    const carol = s.user("U0CAROL", "carol", "Europe/Berlin");
    const sam = s.user("U0SAM", "sam", "Europe/London");
    expect(await s.slash(carol, "volunteer ux research --cap 2")).toContain("Thanks for volunteering");
    await s.slash(carol, "availability mon-fri 09:00-17:00 Europe/Berlin");
    await s.slash(sam, "availability weekdays 9-18 Europe/London");
    expect(await s.slash(sam, "request ux research -- how to move into UX research")).toContain("Here's who could help");
    await s.click(sam, "Choose");
    expect(await s.slash(sam, "frobnicate")).toContain("help");
    const before = await get(s.port, "/metrics");
    expect(before.type).toContain("text/plain");
    expect(sample(before.body, "percolate_outbox_pending")).toBeGreaterThanOrEqual(1);
    expect(await s.service.scheduler.tick()).toMatchObject({ sent: expect.any(Number) });

    const m = (await get(s.port, "/metrics")).body;
    expect(sample(m, "percolate_commands_total", { platform: "slack", kind: "volunteer", outcome: "ok" })).toBe(1);
    expect(sample(m, "percolate_commands_total", { platform: "slack", kind: "request", outcome: "ok" })).toBe(1);
    expect(sample(m, "percolate_commands_total", { platform: "slack", kind: "unsupported", outcome: "unsupported" })).toBe(1);
    expect(sample(m, "percolate_ack_seconds_count", { platform: "slack" })).toBeGreaterThanOrEqual(6);
    expect(sample(m, "percolate_nudges_sent_total", { kind: "intro_offered" })).toBe(1);
    expect(sample(m, "percolate_deliveries_total", { platform: "slack", kind: "intro_offered", outcome: "sent" })).toBe(1);
    expect(sample(m, "percolate_outbox_pending")).toBe(sample(before.body, "percolate_outbox_pending") - 1);
    expect(sample(m, "percolate_outbox_failed")).toBe(0);
    expect(m).toContain("# TYPE percolate_platform_rate_limited_total counter");
    expect(m).toContain("# TYPE percolate_batch_match_seconds histogram");
    expect(m).toContain("percolate_process_resident_memory_bytes");
  }, 60_000);

  it("/readyz turns red and commands are answered 'try again' when the database file is removed under the running bot", async () => {
    const s = await slackService();
    const carol = s.user("U0CAROL", "carol", "Europe/Berlin");
    expect(await s.slash(carol, "volunteer rust")).toContain("Thanks for volunteering");
    for (const f of ["", "-wal", "-shm"]) rmSync(`${s.file}${f}`, { force: true });

    expect(await s.slash(carol, "volunteer go")).toBe(STORE_UNAVAILABLE);
    const ready = await get(s.port, "/readyz");
    expect(ready.status).toBe(503);
    const body = JSON.parse(ready.body) as { checks: { database: { ok: boolean; detail: string } } };
    expect(body.checks.database.ok).toBe(false);
    expect(body.checks.database.detail).toContain("was removed while the bot was running");
    expect((await get(s.port, "/healthz")).status).toBe(200);
  }, 60_000);

  it("with the SQLite database read-only every command is answered 'try again', /readyz is red, and both recover by themselves", async () => {
    const s = await slackService();
    const carol = s.user("U0CAROL", "carol", "Europe/Berlin");
    const sam = s.user("U0SAM", "sam", "Europe/London");
    expect(await s.slash(carol, "volunteer rust")).toContain("Thanks for volunteering");
    // SQLite's own read-only mode on the bot's connection: writes fail with SQLITE_READONLY, as with read-only files.
    const inner = (s.service.store as unknown as { inner: { db: { $executeRawUnsafe(q: string): Promise<unknown> } } }).inner;
    await inner.db.$executeRawUnsafe("PRAGMA query_only = ON");
    for (const [who, text] of [
      [carol, "volunteer go"],
      [sam, "request rust -- learn it"],
      [sam, "status"],
    ] as const)
      expect(await s.slash(who, text)).toBe(STORE_UNAVAILABLE);
    const red = await get(s.port, "/readyz");
    expect(red.status).toBe(503);
    expect(red.body).toMatch(/SQLITE_READONLY/);

    await inner.db.$executeRawUnsafe("PRAGMA query_only = OFF");
    expect(await s.slash(carol, "volunteer go")).toContain("Thanks for volunteering");
    expect((await get(s.port, "/readyz")).status).toBe(200);
  }, 60_000);

  it("without Slack over HTTP serves them on HTTP_PORT, and counts Discord's commands, acknowledgements and 429s", async () => {
    const fake = new FakeDiscord(GUILDS);
    const api = await fake.start();
    const dir = mkdtempSync(join(tmpdir(), "percolate-ops-"));
    const config = ConfigSchema.parse({
      DATABASE_URL: `file:${join(dir, "percolate.db")}`,
      DISCORD_TOKEN: "discord-ops-token",
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: api,
      HTTP_PORT: "0",
      SCHEDULE_CRON: "0 0 1 1 *",
    });
    const service = await startService(config, silentLogger);
    stops.push(async () => {
      await service.stop();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    const ready = await get(service.opsPort, "/readyz");
    expect(JSON.parse(ready.body)).toMatchObject({ status: "ready", checks: { discord: { ok: true, detail: "connected" } } });

    const pat = discordUser("7001", "Pat");
    fake.rest.faults.push({ match: /^POST \/interactions\/\d+\/[^/]+\/callback$/, status: 429, times: 1, retryAfterSec: 0.05 });
    await fake.command(G1, pat, "volunteer", { tags: "rust" });
    await fake.command(G1, pat, "status");
    const m = (await get(service.opsPort, "/metrics")).body;
    expect(sample(m, "percolate_commands_total", { platform: "discord", kind: "volunteer", outcome: "ok" })).toBe(1);
    expect(sample(m, "percolate_commands_total", { platform: "discord", kind: "status", outcome: "ok" })).toBe(1);
    expect(sample(m, "percolate_ack_seconds_count", { platform: "discord" })).toBe(2);
    expect(sample(m, "percolate_platform_rate_limited_total", { platform: "discord" })).toBe(1);
  }, 60_000);
});
