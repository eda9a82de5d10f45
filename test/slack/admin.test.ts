import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

describe("admin commands on Slack", () => {
  it("a workspace admin gets stats and the export as CSV files in their DM", async () => {
    const boss = { ...h.user("T1", "UADM", "boss", "UTC"), isAdmin: true };
    h.fake.state.users.set(boss.id, boss);
    const vol = h.user("T1", "UVOL", "vera", "Europe/Berlin");
    await h.slash(vol, "volunteer ux research --cap 2");
    await h.slash(boss, "admin stats");
    expect(String(h.lastResponse().text)).toContain("Coffee chats — last 30d");
    await h.slash(boss, "admin export");
    expect(String(h.lastResponse().text)).toContain("Exported members.csv");
    const files = [...h.fake.state.files.values()].filter((f) => f.filename.endsWith(".csv"));
    expect(files.map((f) => f.filename).sort()).toEqual(["chats.csv", "members.csv", "requests.csv"]);
    expect(files.find((f) => f.filename === "members.csv")?.content).toContain("vera");
  });

  it("everyone else is refused with who to ask, and nothing is uploaded", async () => {
    const before = h.fake.state.files.size;
    const someone = h.user("T1", "UNOB", "nob", "UTC");
    await h.slash(someone, "admin export");
    expect(String(h.lastResponse().text)).toContain("Only community admins can use admin export");
    expect(h.fake.state.files.size).toBe(before);
  });
});

describe("members leaving the workspace", () => {
  it("a deactivated member is treated as leave: opted out, nothing more sent", async () => {
    const gone = h.user("T1", "UGONE", "gus", "UTC");
    await h.slash(gone, "volunteer rust");
    await h.userChanged(gone, false);
    const before = await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:UGONE"));
    expect(before?.status).toBe("active");
    await h.userChanged(gone, true);
    const after = await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:UGONE"));
    expect(after?.status).toBe("opted_out");
  });
});
