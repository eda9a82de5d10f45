import { describe, expect, it } from "vitest";
import { commandFromFields, decodeButton, encodeButton, parseText } from "../../../src/core/commands/index.js";
import { newMember } from "../../../src/core/domain/index.js";
import { noticeActions, renderProblem, shellStyle } from "../../../src/text/index.js";

const SLOT = (h: number) => ({ start: new Date(Date.UTC(2026, 11, 3, h)), end: new Date(Date.UTC(2026, 11, 3, h, 30)) });

describe("booking a peer group's time by command or button", () => {
  it("reads `rounds pick <n>` as typed and from Discord's options, and refuses what names no time", () => {
    const p = (s: string) => parseText(s, () => null);
    expect(p("rounds pick 2")).toEqual({ kind: "rounds_pick", choice: 2 });
    expect(commandFromFields("rounds", { op: "pick", time: "3" })).toEqual({ kind: "rounds_pick", choice: 3 });
    // `join` still reads its group, whose first word lands where pick's number goes.
    expect(p("rounds join group design team")).toEqual({ kind: "rounds_join", group: "design team" });
    const missing = p("rounds pick");
    expect(missing.kind === "unsupported" && missing.problem && renderProblem(missing.problem, shellStyle)).toContain(
      "Missing which time (1, 2 or 3)",
    );
    const wrong = p("rounds pick soon");
    expect(wrong.kind === "unsupported" && wrong.problem && renderProblem(wrong.problem, shellStyle)).toContain(
      '"soon" isn\'t the number of a time (1, 2 or 3)',
    );
    expect(p("rounds met 2").kind).toBe("unsupported");
  });

  it("puts one button per proposed time under the round's introduction, each round-tripping through a payload", () => {
    const reader = newMember({ id: "c:ana", communityId: "c", displayName: "ana", timeZone: "Europe/Berlin", createdAt: new Date(0) });
    const actions = noticeActions(
      {
        kind: "round_paired",
        groupId: "grp_7",
        members: [
          { id: "c:ana", name: "ana", timeZone: "Europe/Berlin" },
          { id: "c:bo", name: "bo", timeZone: "UTC" },
        ],
        sharedTags: [],
        slots: [SLOT(9), SLOT(14)],
        minutes: 30,
        checkInAt: SLOT(20).start,
      },
      reader,
    );
    expect(actions.map((a) => a.label)).toEqual([
      "Thu 3 Dec, 10:00–10:30 (Berlin time, GMT+1)",
      "Thu 3 Dec, 15:00–15:30 (Berlin time, GMT+1)",
      "Skip the next round",
    ]);
    expect(actions[1]?.command).toEqual({ kind: "rounds_pick", groupId: "grp_7", choice: 2 });
    for (const a of actions) expect(decodeButton(encodeButton(a.command))).toEqual(a.command);
    expect(encodeButton({ kind: "rounds_pick", groupId: "grp_7", choice: 2 })).toBe("rounds_pick|grp_7|2");
    expect(decodeButton("rounds_pick|grp_7|0")).toBeNull();
  });
});
