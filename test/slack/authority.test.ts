import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeOpened, slashCommand } from "../fakes/slack/payloads.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

/** `/coffee <text>` from `u`, delivered (signed) as if typed in workspace `team`: a Slack Connect channel. */
async function slashIn(team: string, u: FakeUser, text: string) {
  const r = await h.fake.send("slash_commands", { ...slashCommand(h.fake, u, text), team_id: team, team_domain: team.toLowerCase() });
  await h.adapter.idle();
  return r;
}

/** The Home tab opened by `u` in workspace `team`. */
const homeOpenedIn = (team: string, u: FakeUser) => ({ ...homeOpened(u), team_id: team });

const settingsOf = async (team: string) => (await h.store.tx((tx) => tx.getCommunity(`slack:${team}`)))?.settings;
const uploads = () => h.fake.calls.filter((c) => c.method.startsWith("files."));
const dmsOpenedFor = (u: FakeUser) => h.fake.calls.filter((c) => c.method === "conversations.open" && String(c.params.users) === u.id);

describe("authority is per workspace on Slack (finding 1)", () => {
  it("refuses an admin of T2 sending admin settings and admin export with team_id=T1: nothing changes, nothing leaks", async () => {
    const t1Admin = { ...h.user("T1", "U1ADMIN", "alice", "UTC"), isAdmin: true };
    h.fake.state.users.set(t1Admin.id, t1Admin);
    const vera = h.user("T1", "U1VERA", "vera", "Europe/Berlin");
    await h.slash(vera, "volunteer ux research --cap 2 --bio ten years of research at Acme");
    await h.slash(t1Admin, "admin stats");
    const before = await settingsOf("T1");
    expect(before?.chatMinutes).toBe(30);

    const mallory = { ...h.user("T2", "U2MALLORY", "mallory", "UTC"), isAdmin: true };
    h.fake.state.users.set(mallory.id, mallory);
    const uploadsBefore = uploads().length;

    await slashIn("T1", mallory, "admin settings chatMinutes 45");
    expect(String(h.lastResponse().text)).toContain("you're joining from another workspace, so I've left everything as it was");
    await slashIn("T1", mallory, "admin export");
    expect(String(h.lastResponse().text)).toContain("you're joining from another workspace, so I've left everything as it was");
    await slashIn("T1", mallory, "admin export --notes");
    await slashIn("T1", mallory, "admin stats");
    expect(String(h.lastResponse().text)).not.toContain("Coffee chats — last");
    await slashIn("T1", mallory, "admin add <@U2MALLORY>");

    const after = await settingsOf("T1");
    expect(after?.chatMinutes).toBe(30);
    expect(after?.admins).toEqual([]);
    // No file went anywhere, no DM was opened to hand one over, and no answer carried T1's members.
    expect(uploads()).toHaveLength(uploadsBefore);
    expect(dmsOpenedFor(mallory)).toHaveLength(0);
    expect(h.fake.responses.some((r) => JSON.stringify(r.body).includes("vera"))).toBe(false);
    expect(h.fake.state.views.filter((v) => v.method === "views.open")).toHaveLength(0);
  });

  it("the same person is still an admin in their own workspace, and T1's admin in T1", async () => {
    const mallory = h.fake.state.users.get("U2MALLORY") as FakeUser;
    await slashIn("T2", mallory, "admin settings chatMinutes 45");
    expect(String(h.lastResponse().text)).toContain("Saved: chatMinutes is now 45");
    expect((await settingsOf("T2"))?.chatMinutes).toBe(45);
    expect((await settingsOf("T1"))?.chatMinutes).toBe(30);
    const alice = h.fake.state.users.get("U1ADMIN") as FakeUser;
    await h.slash(alice, "admin settings chatMinutes 20");
    expect((await settingsOf("T1"))?.chatMinutes).toBe(20);
  });

  it("an Enterprise Grid org admin administers the org's workspaces they are in, and no other", async () => {
    const org = { ...h.user("T3", "W3ORGADMIN", "olga", "UTC"), enterprise: { teams: ["T3", "T4"], isAdmin: true } };
    h.fake.state.users.set(org.id, org);
    await slashIn("T4", org, "admin settings chatMinutes 15");
    expect((await settingsOf("T4"))?.chatMinutes).toBe(15);
    await slashIn("T1", org, "admin settings chatMinutes 15");
    expect((await settingsOf("T1"))?.chatMinutes).toBe(20);
  });

  it("a guest from another workspace sees no members and is not enrolled: only help (and forget-me) answer", async () => {
    const guest = h.fake.state.users.get("U2MALLORY") as FakeUser;
    for (const input of ["status", "request ux research -- how to start", "volunteer ux research", "choose auto", "accept"]) {
      await slashIn("T1", guest, input);
      const answer = String(h.lastResponse().text);
      expect(answer, input).toContain("you're joining from another workspace");
      expect(answer, input).not.toContain("vera");
    }
    await slashIn("T1", guest, "help");
    expect(String(h.lastResponse().text)).toContain("Coffee chats: short conversations");
    await h.fake.send("events_api", { ...homeOpenedIn("T1", guest) });
    await h.adapter.idle();
    expect(JSON.stringify(h.fake.state.views.at(-1)?.view)).toContain("joining from another workspace");
    expect(await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:U2MALLORY"))).toBeNull();
    expect(await h.store.tx((tx) => tx.listRequests("slack:T1"))).toHaveLength(0);
  });
});
