import { existsSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgramPost } from "../../src/core/domain/index.js";
import type { ChannelEditOutcome, ChannelPostOutcome, ProgramChannel } from "../../src/core/ports/index.js";
import { setCelebrate } from "../../src/core/use-cases/index.js";
import { openContext, shot, useBrowser } from "./browser.js";
import { type DashboardServer, signedIn, startDashboard } from "./dashboard-harness.js";
import { A, type Programme, seedProgramme } from "./program-seed.js";

/** A program channel that records each program post it is asked for. */
class RecordingChannel implements ProgramChannel {
  readonly posts: { channelId: string; post: ProgramPost }[] = [];
  async postFrontDoor(): Promise<ChannelPostOutcome> {
    return { ok: true, messageId: "door" };
  }
  async updateFrontDoor(): Promise<ChannelEditOutcome> {
    return { ok: true };
  }
  async pin(): Promise<ChannelEditOutcome> {
    return { ok: true };
  }
  async postProgramPost(channelId: string, post: ProgramPost): Promise<ChannelPostOutcome> {
    this.posts.push({ channelId, post });
    return { ok: true, messageId: `m${this.posts.length}` };
  }
}

describe("the weekly program post on the Rounds page, in a browser", () => {
  const browser = useBrowser();
  const channel = new RecordingChannel();
  let p: Programme;
  let server: DashboardServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    p = await seedProgramme();
    p.deps.programChannel = channel;
    // A posts every two weeks in C0PROGRAM: the post covers pia's chat with omar (both say yes to being named).
    await p.store.tx(async (tx) => {
      const c = await tx.getCommunity(A.id);
      if (!c) throw new Error("no community A");
      await tx.saveCommunity({ ...c, settings: { ...c.settings, programChannelId: "C0PROGRAM", programPostEveryWeeks: 2 } });
    });
    for (const name of ["pia", "omar"]) {
      const r = await setCelebrate(p.deps, { actor: p.actor(A, name), yes: true });
      if (!r.ok) throw new Error(`celebrate refused for ${name}`);
    }
    server = await startDashboard(p);
    ({ context, page } = await signedIn(() => openContext(browser()), server, A));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await server?.close();
    await p?.close();
  });

  it("shows the post as members would read it, posts it on Post it now and says so", async () => {
    await page.locator('nav a:text-is("Rounds")').click();
    await page.waitForURL(/\/rounds$/);
    await page.locator("#program-post-heading").waitFor();
    expect(await page.locator("#program-post-heading").textContent()).toBe("Weekly program post");
    const lines = ((await page.locator("#post-preview").textContent()) ?? "").split("\n");
    expect(lines[0]).toMatch(/^☕ Coffee chats these 2 weeks \(since .+\)$/);
    expect(lines).toContain("🎉 1 coffee chat happened.");
    expect(lines).toContain("   Congratulations to pia & omar!");
    expect(lines).toContain("   • rust (1 request waiting)");
    // uma and tia still wait for ux design, kim for rust: both topics are short of volunteers.
    expect(lines).toContainEqual(expect.stringMatching(/^ {3}• ux-design \(\d+ requests? waiting\)$/));
    expect(await page.locator("#post-buttons li").allTextContents()).toEqual([
      "I can help with ux-design",
      "I can help with rust",
      "Pair me with peers",
    ]);
    expect(await page.locator('[data-figure="postChannel"] .value').textContent()).toBe("C0PROGRAM");

    await Promise.all([page.waitForURL(/post=done/), page.locator("#post-now").click()]);
    expect(await page.locator('[role="status"]').textContent()).toBe("Posted in the program channel.");
    expect(channel.posts.map((x) => x.channelId)).toEqual(["C0PROGRAM"]);
    expect(channel.posts[0]?.post.celebrated).toEqual([["pia", "omar"]]);
    expect(existsSync(await shot(page, "program-post"))).toBe(true);
  });
});
