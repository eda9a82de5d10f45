import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ShiftableClock } from "../../src/shell/platform.js";
import { ShellSession } from "../../src/shell/session.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/** Monday 23 November 2026, 08:00 UTC. */
const START = Date.UTC(2026, 10, 23, 8, 0);

/** A shell session: `run` returns everything printed for one typed line; `to` the messages one member received in it. */
function shell() {
  const store = new MemoryStore();
  const clock = new ShiftableClock(() => START);
  let printed: string[] = [];
  const session = new ShellSession({ store, clock, ids: sequentialIds(), log: silentLogger }, clock, (t) => printed.push(t), "UTC");
  const run = async (line: string): Promise<string> => {
    printed = [];
    await session.handle(line);
    return printed.join("\n");
  };
  const to = (out: string, name: string): string =>
    out
      .split(/\n(?= {2}✉ {2}to )/)
      .filter((block) => block.includes(`✉  to ${name}`))
      .map((block) => block.replace(/^.*✉ {2}to [^:]+:\n {3}/s, ""))
      .join("\n");
  return { run, to };
}

describe("peer rounds in the shell, with no channel", () => {
  it("joins three members, runs a round as a trio with times, records a meeting and shows the admin figures", async () => {
    const s = shell();
    await s.run("as ana");
    await s.run("profile ux-research, design-systems");
    const joined = await s.run("rounds join");
    expect(joined).toContain("You're in peer rounds!");
    expect(joined).toContain("The next round is Tue 24 Nov");
    expect(await s.run("rounds join")).toContain("You're in peer rounds already.");

    await s.run("as bo");
    await s.run("volunteer ux-research --cap 2");
    expect(await s.run("rounds join group platform")).toContain("You're in peer rounds!");
    await s.run("as cy");
    await s.run("rounds join");

    await s.run("as ana");
    const before = await s.run("admin rounds");
    expect(before).toContain("Peer rounds every 2 weeks. Next round: Tue 24 Nov");
    expect(before).toContain("In: 3 — ana, bo, cy");
    expect(before).toContain("No round has run yet.");

    const ran = await s.run("admin rounds run");
    expect(ran).toContain("Round done: 1 group(s) from 3 member(s), 0 unpaired, 0 skipped.");
    for (const me of ["ana", "bo", "cy"]) {
      const got = s.to(ran, me);
      expect(got).toMatch(/🤝 Peer round: (ana|bo|cy), (ana|bo|cy) and (ana|bo|cy) — you're paired this round!/);
      expect(got).toContain("times that suit all three of you:");
      expect(got).toMatch(/ {3}1\. \w{3} \d+ \w{3}, \d\d:\d\d–\d\d:\d\d/);
      expect(got).toContain('Type "rounds skip" to sit out the next round.');
    }
    expect(ran).toContain("(shared conversation)");

    await s.run("as bo");
    expect(await s.run("rounds met")).toContain("Glad you met");

    await s.run("as ana");
    const after = await s.run("admin rounds");
    expect(after).toContain("Last round (Mon, 23 Nov 2026): 1 group(s), 0 unpaired, 0 skipped.");
    expect(after).toContain("   • ana & bo & cy — met");
    expect(after).toContain("Meet rate: 100% (1 of 1 met, 0 didn't)");
    expect(after).toContain("Next round: Tue 8 Dec");
  });

  it("asks 'did you meet?' at the end of the period, then tells everyone why the next round left them out", async () => {
    const s = shell();
    for (const name of ["ana", "bo"]) {
      await s.run(`as ${name}`);
      await s.run("rounds join");
    }
    await s.run("as ana");
    const ran = await s.run("admin rounds run");
    expect(s.to(ran, "ana")).toContain("🤝 Peer round: ana and bo — you're paired this round!");
    expect(s.to(ran, "ana")).toContain("times that suit you both:");

    await s.run("as bo");
    await s.run("rounds missed");
    const asked = await s.run("clock +13d");
    expect(s.to(asked, "ana")).toContain('Did you meet bo for your peer round? Type "rounds met" or "rounds missed".');
    // bo answered already: their check-in was withdrawn.
    expect(s.to(asked, "bo")).not.toContain("Did you meet");

    const next = await s.run("clock +3d");
    for (const me of ["ana", "bo"])
      expect(s.to(next, me)).toContain("You've met everyone in this peer round recently, so there's no new peer for you this time");
  });

  it("skips a member for one round and says when", async () => {
    const s = shell();
    for (const name of ["ana", "bo", "cy"]) {
      await s.run(`as ${name}`);
      await s.run("rounds join");
    }
    expect(await s.run("rounds skip")).toContain("you'll sit out the round on Tue, 24 Nov 2026 and be paired again the round after.");
    await s.run("as ana");
    expect(await s.run("admin rounds")).toContain("Skipping the next round: cy");
    const ran = await s.run("admin rounds run");
    expect(ran).toContain("Round done: 1 group(s) from 2 member(s), 0 unpaired, 1 skipped.");
    expect(s.to(ran, "cy")).toBe("");
    expect(await s.run("admin rounds")).toContain("Skipping the next round: nobody");
    await s.run("as cy");
    expect(await s.run("rounds leave")).toContain("You've left peer rounds");
    expect(await s.run("rounds skip")).toContain('You\'re not in peer rounds. Type "rounds join"');
  });
});
