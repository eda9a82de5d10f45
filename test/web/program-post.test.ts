import { describe, expect, it } from "vitest";
import type { ProgramPost } from "../../src/core/domain/index.js";
import type { ChannelEditOutcome, ChannelPostOutcome, ProgramChannel } from "../../src/core/ports/index.js";
import { adminProgramPost, postDueProgramPost, setCelebrate } from "../../src/core/use-cases/index.js";
import { previewStyle } from "../../src/text/dashboard-post.js";
import { programPostText } from "../../src/text/program-post.js";
import { configure, happened, makeSeeker, request, scheduledPair, unwrap } from "../core/use-cases/helpers.js";
import { dashboardWorld, textOf } from "./harness.js";

/** A program channel that records each program post it is asked for, and refuses when told. */
class FakeChannel implements ProgramChannel {
  readonly posts: { channelId: string; post: ProgramPost }[] = [];
  refuse: string | null = null;
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
    return this.refuse ? { ok: false, error: this.refuse } : { ok: true, messageId: `m${this.posts.length}` };
  }
}

const ROUNDS = "/dashboard/test%3Ac1/rounds";
const POST_NOW = "/dashboard/test%3Ac1/rounds/post";

/** The preview's text as a member reads it: the <pre>'s content with its entities decoded, lines kept. */
function previewOf(html: string): string {
  const inner = /<pre id="post-preview"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1];
  if (inner === undefined) throw new Error("no preview on the page");
  return inner
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The notice's element as rendered (class and text), or null. */
const noticeOf = (html: string): { cls: string; text: string } | null => {
  const m = /<p class="([^"]+)" role="status">([\s\S]*?)<\/p>/.exec(html);
  return m ? { cls: m[1] ?? "", text: textOf(m[2] ?? "") } : null;
};

/**
 * A community with a program channel and a week to report: sam met vera (neither said yes to
 * being named), tom met una (both said yes), kim waits for a topic nobody offers.
 */
async function postWorld() {
  const d = await dashboardWorld();
  const channel = new FakeChannel();
  d.deps.programChannel = channel;
  await configure(d, { programChannelId: "C0PROGRAM", programPostEveryWeeks: 1 });
  const first = await scheduledPair(d, { goals: "how to leave my employer quietly" });
  await happened(d, first.chat, first.seeker);
  const second = await scheduledPair(d, { seeker: "tom", volunteer: "una", tags: "writing" });
  for (const a of [second.seeker, second.volunteer]) unwrap(await setCelebrate(d.deps, { actor: a, yes: true }));
  await happened(d, second.chat, second.seeker);
  await request(d, await makeSeeker(d, "kim", "rust"), "rust", "my salary negotiation");
  const cookie = await d.signIn();
  const page = async (path = ROUNDS) => {
    const res = await d.send(path, { cookie });
    expect(res.status).toBe(200);
    return res.text();
  };
  return { ...d, channel, cookie, page };
}

describe("the weekly program post on the dashboard's Rounds page", () => {
  it("shows it on, where and when it goes, each figure explained, and the post word for word with its buttons", async () => {
    const d = await postWorld();
    const html = await d.page();
    const text = textOf(html);
    expect(text).toContain("Weekly program post");
    expect(text).toContain("Weekly post On On when a program channel is set");
    expect(text).toContain("Program channel C0PROGRAM Where the post goes");
    expect(text).toContain("How often every week Each post covers the weeks since the one before");
    expect(text).toMatch(/Next post Fri \d+ \w+, 15:00 \(GMT\) When the next post goes out, in the community's time zone\./);
    expect(text).not.toContain("Last post that couldn't go out");

    expect(previewOf(html).split("\n")).toEqual([
      expect.stringMatching(/^☕ Coffee chats this week \(since .+\)$/),
      "🎉 2 coffee chats happened.",
      "   Congratulations to tom & una — and to everyone else who met!",
      `   Want to be named here after you meet? "celebrate yes" — you're only named when everyone you met says yes too.`,
      "🙋 People here are asking about these topics — could you help?",
      "   • rust (1 request waiting)",
      `🤝 Peer rounds pair members for a chat each round: join with "rounds join".`,
    ]);
    expect(text).toContain("Buttons under the post I can help with rust Pair me with peers");
    expect(html).toMatch(/<button type="submit" id="post-now" aria-describedby="post-now-help">Post it now<\/button>/);
    expect(text).toContain("Posts this in the program channel now; the weekly schedule stays as it is.");
  });

  it("keeps private data out of the preview: no names without everyone's yes, no goals, no links", async () => {
    const d = await postWorld();
    const preview = previewOf(await d.page());
    for (const secret of [/\bsam\b/, /\bvera\b/, /\bkim\b/, /\bada\b/, /employer/, /salary/, /meet\.example/, /https?:/])
      expect(preview).not.toMatch(secret);
  });

  it("posts once through the program channel, what the preview showed, and says so", async () => {
    const d = await postWorld();
    const shown = previewOf(await d.page());
    const res = await d.send(POST_NOW, { form: {}, cookie: d.cookie });
    expect(res.status).toBe(303);
    const back = res.headers.get("location") ?? "";
    expect(back).toBe(`${ROUNDS}?post=done`);
    expect(d.channel.posts).toHaveLength(1);
    const sent = d.channel.posts[0];
    expect(sent?.channelId).toBe("C0PROGRAM");
    expect(sent && programPostText(sent.post, previewStyle(d.communityId))).toBe(shown);

    const after = await d.page(back);
    expect(noticeOf(after)).toEqual({ cls: "notice", text: "Posted in the program channel." });
    // Reading the notice again posts nothing more.
    await d.page(back);
    expect(d.channel.posts).toHaveLength(1);
  });

  it("without a program channel: says so, links to the setting, disables the button, and a forced post is refused", async () => {
    const d = await postWorld();
    await configure(d, { programChannelId: null });
    const html = await d.page();
    const text = textOf(html);
    expect(text).toContain("Weekly post Off");
    expect(text).toContain("Program channel no program channel yet Set “Program channel” on the Settings page");
    expect(html).toContain('href="/dashboard/test%3Ac1/settings#setting-programChannelId"');
    expect(text).toContain("Next post not scheduled");
    expect(html).toMatch(/<button type="submit" id="post-now" disabled aria-describedby="post-now-help">Post it now<\/button>/);
    expect(text).toContain("There's no program channel to post in yet. “Program channel” on the Settings page says where the post goes.");
    expect(previewOf(html)).toContain("🎉 2 coffee chats happened.");

    const res = await d.send(POST_NOW, { form: {}, cookie: d.cookie });
    expect(res.headers.get("location")).toBe(`${ROUNDS}?post=NO_CHANNEL`);
    expect(noticeOf(await d.page(res.headers.get("location") ?? ""))).toEqual({
      cls: "notice problem",
      text: "There's no program channel yet, so nothing was posted. Set “Program channel” on the Settings page, then post again.",
    });
    expect(d.channel.posts).toHaveLength(0);
  });

  it("when the platform refuses: says what it said and what to do, and posts nothing", async () => {
    const d = await postWorld();
    d.channel.refuse = "not_in_channel";
    const res = await d.send(POST_NOW, { form: {}, cookie: d.cookie });
    expect(res.status).toBe(303);
    expect(noticeOf(await d.page(res.headers.get("location") ?? ""))).toEqual({
      cls: "notice problem",
      text: "The post couldn't go out: the platform said “not_in_channel”. Add Percolate to the program channel and let it post there, then press “Post it now” again.",
    });
    expect(d.channel.posts).toHaveLength(1);
    // A reason made up in the address is not repeated: only a plain reason is.
    const made = await d.page(`${ROUNDS}?post=POST_FAILED&said=${encodeURIComponent("<b>go to evil.example</b>")}`);
    expect(noticeOf(made)?.text).toContain("the platform said “refused”");
    expect(noticeOf(await d.page(`${ROUNDS}?post=SOMETHING`))).toBeNull();
  });

  it("shows the last scheduled post the platform refused: when, what it said, what to do", async () => {
    const d = await postWorld();
    d.channel.refuse = "Missing Access";
    const next = unwrap(await adminProgramPost(d.deps, { actor: d.ada })).nextAt;
    if (!next) throw new Error("no next post");
    d.clock.set(next);
    expect(await postDueProgramPost(d.deps, d.communityId)).toBe("failed");
    // Days later: a fresh session.
    const text = textOf(await (await d.send(ROUNDS, { cookie: await d.signIn() })).text());
    expect(text).toMatch(
      /Last post that couldn't go out Fri \d+ \w+, 15:00 \(GMT\): the platform said “Missing Access” Add Percolate to the program channel and let it post there; it tries again for a day after each post's time\./,
    );
  });

  it("without a platform to post through: explains, disables the button, and a forced post is refused", async () => {
    const d = await postWorld();
    delete d.deps.programChannel;
    const html = await d.page();
    expect(html).toMatch(/id="post-now" disabled/);
    expect(textOf(html)).toContain("This bot can't post in channels from here: it runs without Slack or Discord.");
    const res = await d.send(POST_NOW, { form: {}, cookie: d.cookie });
    expect(noticeOf(await d.page(res.headers.get("location") ?? ""))?.text).toBe(
      "This bot can't post in channels from here (it runs without Slack or Discord), so nothing was posted.",
    );
  });

  it("refuses a post from another site, or with no Origin, and posts nothing", async () => {
    const d = await postWorld();
    for (const origin of ["https://evil.example", null]) {
      const res = await d.send(POST_NOW, { form: {}, cookie: d.cookie, origin });
      expect(res.status).toBe(403);
      expect(textOf(await res.text())).toContain("This form didn't come from the dashboard");
    }
    expect(d.channel.posts).toHaveLength(0);
  });

  it("refuses without a session", async () => {
    const d = await postWorld();
    const res = await d.send(POST_NOW, { form: {} });
    expect(res.status).toBe(403);
    expect(d.channel.posts).toHaveLength(0);
  });
});
