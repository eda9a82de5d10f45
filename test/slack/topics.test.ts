import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

/*
 * Issue 14 on Slack: the topic commands and settings keys through the real Bolt, read as people
 * see them. (`/coffee admin settings` alone opens the settings form on Slack, so the listing is
 * checked in the shell and on Discord.)
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

describe("topics and settings keys on Slack (issue 14)", () => {
  it("/coffee tags, admin tags list|unalias, did-you-mean topics and any-case settings keys", async () => {
    const boss = { ...h.user("T1", "UTBOSS", "boss", "UTC"), isAdmin: true };
    h.fake.state.users.set(boss.id, boss);
    const vera = h.user("T1", "UTVERA", "vera", "Europe/Berlin");
    const sam = h.user("T1", "UTSAM", "sam", "UTC");
    await h.slash(vera, "volunteer ux-research, 数据科学");
    await h.slash(boss, "admin tags alias uxr ux-research");
    const rows: [typeof sam, string, string[]][] = [
      [sam, "tags", ["Topics people here volunteer for (2, most volunteers first):", "数据科学 — 1 volunteer"]],
      [
        sam,
        "request ux reserch -- how teams run studies",
        ["did you mean ux-research?", "`/coffee request ux-research -- &lt;what you want to learn&gt;`"],
      ],
      [boss, "admin tags list", ["(also: uxr)", "uxr→ux-research"]],
      [boss, "admin tags unalias uxr", ['no longer means "ux-research"']],
      [boss, "admin settings chatminutes 40", ["Saved: chatMinutes is now 40."]],
      [boss, "admin settings chatMinute 40", ["Did you mean chatMinutes?"]],
    ];
    for (const [who, typed, shows] of rows) {
      await h.slash(who, typed);
      const reply = String(h.lastResponse().text);
      for (const s of shows) expect(reply, `${typed}\n${reply}`).toContain(s);
    }
  });
});
