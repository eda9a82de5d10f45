import { describe, expect, it } from "vitest";
import type { ProgramPost } from "../../src/core/domain/index.js";
import { programPostActions, programPostText, shellStyle } from "../../src/text/index.js";

const post = (over: Partial<ProgramPost> = {}): ProgramPost => ({
  communityId: "shell:local",
  since: new Date("2026-11-27T15:00:00Z"),
  until: new Date("2026-12-04T15:00:00Z"),
  timeZone: "UTC",
  chatsHappened: 2,
  peersMet: 1,
  celebrated: [["ana", "ben"]],
  unnamed: 0,
  shortTopics: [],
  rounds: { on: false, members: 0, nextAt: null },
  ...over,
});

describe("the weekly program post's words", () => {
  it("cheers the named and asks the others only when someone who met is not named", () => {
    const all = programPostText(
      post({
        celebrated: [
          ["ana", "ben"],
          ["cy", "dee", "ed"],
        ],
        unnamed: 0,
      }),
      shellStyle,
    );
    expect(all).toContain("🎉 2 coffee chats happened and 1 peer group met.");
    expect(all).toContain("Congratulations to ana & ben · cy, dee & ed!");
    expect(all).not.toContain("everyone else");
    expect(all).not.toContain("Want to be named");

    const some = programPostText(post({ unnamed: 2 }), shellStyle);
    expect(some).toContain("Congratulations to ana & ben — and to everyone else who met!");
    expect(some).toContain(`Want to be named here after you meet? "celebrate yes"`);
  });

  it("says so when nobody met, and offers a button per short topic and for the rounds", () => {
    const quiet = post({
      chatsHappened: 0,
      peersMet: 0,
      celebrated: [],
      shortTopics: [
        { tag: "rust", waiting: 2 },
        { tag: "go", waiting: 0 },
      ],
      rounds: { on: true, members: 3, nextAt: new Date("2026-12-08T10:00:00Z") },
    });
    const text = programPostText(quiet, shellStyle);
    expect(text).toContain("🌱 No chats to report yet this time — the next one could be yours.");
    expect(text).toContain("   • rust (2 requests waiting)\n   • go\n");
    expect(text).toContain("🤝 Next peer round: Tue 8 Dec, 10:00 (GMT) — 3 members are in.");
    expect(programPostActions(quiet).map((a) => a.label)).toEqual(["I can help with rust", "I can help with go", "Pair me with peers"]);
  });
});
