import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultCounts } from "../../src/app/faults.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

/** POSTs a body signed with the real secret, as Slack would, straight to Bolt's HTTP receiver. */
async function signedRaw(contentType: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Promise<number> {
  const url = h.fake.target?.kind === "http" ? h.fake.target.url : "";
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": h.fake.sign(body, timestamp),
    },
    body,
    // A receiver that never answers is the bug: fail rather than hang.
    signal: AbortSignal.timeout(5_000),
  });
  await h.adapter.idle();
  return res.status;
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const form = (payload: unknown) => `payload=${encodeURIComponent(typeof payload === "string" ? payload : JSON.stringify(payload))}`;

describe("the signature window is enforced both ways (finding 5)", () => {
  it("refuses a correctly signed request dated 6 minutes ahead with 401 and applies nothing", async () => {
    const u = h.user("T1", "U0FUTURE", "futura", "UTC");
    const before = h.fake.calls.filter((c) => c.method !== "auth.test").length;
    const r = await h.slash(u, "volunteer time travel --cap 3", { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(r.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== "auth.test")).toHaveLength(before);
    expect(h.fake.responses).toHaveLength(0);
    expect(await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:U0FUTURE"))).toBeNull();
  });

  it("still accepts a request a little ahead of our clock (within 5 minutes)", async () => {
    const u = h.user("T1", "U0SOON", "soon", "UTC");
    const r = await h.slash(u, "status", { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(r.status).toBe(200);
    expect(String(h.lastResponse().text)).toContain("soon");
  });
});

describe("malformed signed Slack bodies never end the process (finding 6)", () => {
  const cases: [string, string, string][] = [
    ["a payload that is JSON null", FORM, form("null")],
    ["a payload that is a JSON array", FORM, form([])],
    ["a payload that is not JSON", FORM, "payload=%7Bnot-json"],
    ["an empty payload object", FORM, form({})],
    ["block_actions without user or actions", FORM, form({ type: "block_actions" })],
    ["block_actions with an empty action", FORM, form({ type: "block_actions", user: { id: "U1" }, actions: [{}] })],
    ["view_submission without a view", FORM, form({ type: "view_submission", user: { id: "U1" } })],
    ["a slash command without user or team", FORM, "command=%2Fcoffee&text=status"],
    ["a slash command without text", FORM, "command=%2Fcoffee&user_id=U1&team_id=T1&response_url=x&trigger_id=y"],
    ["an empty form", FORM, ""],
    ["an event body that is JSON null", JSON_TYPE, "null"],
    ["an event body that is an array", JSON_TYPE, "[]"],
    ["an event body that is not JSON", JSON_TYPE, "{oops"],
    ["an event_callback without an event", JSON_TYPE, JSON.stringify({ type: "event_callback", team_id: "T1" })],
    ["an event_callback without a team", JSON_TYPE, JSON.stringify({ type: "event_callback", event: { type: "app_home_opened" } })],
    ["a body of an unknown content type", "text/plain", "hello"],
  ];

  it("answers each with a 4xx, counts it, and keeps answering ordinary commands", async () => {
    const counted = faultCounts().malformedInput.slack ?? 0;
    const statuses: Record<string, number> = {};
    for (const [name, type, body] of cases) statuses[name] = await signedRaw(type, body);
    for (const [name] of cases) expect({ name, status: statuses[name] }).toEqual({ name, status: 400 });
    expect((faultCounts().malformedInput.slack ?? 0) - counted).toBe(cases.length);

    const u = h.user("T1", "U0AFTER", "after", "UTC");
    const r = await h.slash(u, "status");
    expect(r.status).toBe(200);
    expect(String(h.lastResponse().text)).toContain("after");
  });

  it("events whose fields are missing inside a well-formed callback change nothing and break nothing", async () => {
    const statuses = [
      await signedRaw(
        JSON_TYPE,
        JSON.stringify({ type: "event_callback", team_id: "T1", event: { type: "app_home_opened", tab: "home" } }),
      ),
      await signedRaw(JSON_TYPE, JSON.stringify({ type: "event_callback", team_id: "T1", event: { type: "user_change", user: null } })),
    ];
    expect(statuses).toEqual([200, 400]);
    const u = h.user("T1", "U0AFTER2", "later", "UTC");
    await h.slash(u, "status");
    expect(String(h.lastResponse().text)).toContain("later");
  });

  it("a forged malformed body is still a 401, not a 400: nothing is read before the signature holds", async () => {
    const url = h.fake.target?.kind === "http" ? h.fake.target.url : "";
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": FORM, "x-slack-request-timestamp": String(ts), "x-slack-signature": h.fake.sign("other", ts) },
      body: form("null"),
    });
    expect(res.status).toBe(401);
  });
});

describe("malformed Socket Mode payloads never end the process (finding 6)", () => {
  it("each is acked and dropped, counted, and the bot keeps answering", async () => {
    const s = await startHarness({ mode: "socket" });
    try {
      const counted = faultCounts().malformedInput.slack ?? 0;
      const cases: ["slash_commands" | "interactive" | "events_api", Record<string, unknown>][] = [
        ["slash_commands", { command: "/coffee" }],
        ["interactive", { type: "block_actions" }],
        ["interactive", { type: "view_submission", user: { id: "U1" } }],
        // (An events_api envelope with no event at all throws inside @slack/socket-mode itself, before
        // Bolt; the process guard logs and counts that one: see test/app/process-guard.test.ts.)
        ["events_api", { type: "event_callback", team_id: "T1", event: { type: "user_change", user: 42 } }],
      ];
      for (const [kind, payload] of cases) await s.fake.send(kind, payload);
      expect((faultCounts().malformedInput.slack ?? 0) - counted).toBe(cases.length);
      const u = s.user("T1", "U0SOCKET", "socky", "UTC");
      await s.slash(u, "status");
      expect(String(s.lastResponse().text)).toContain("socky");
    } finally {
      await s.stop();
    }
  });
});
