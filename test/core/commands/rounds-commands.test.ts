import { describe, expect, it } from "vitest";
import { decodeButton, encodeButton, parseText } from "../../../src/core/commands/index.js";
import { noticeActions } from "../../../src/text/index.js";
import { newMember } from "../../../src/core/domain/index.js";

describe("peer-round commands and buttons", () => {
  it("reads what members and admins type", () => {
    const p = (s: string) => parseText(s, () => null);
    expect(p("rounds join")).toEqual({ kind: "rounds_join" });
    expect(p("rounds join group design")).toEqual({ kind: "rounds_join", group: "design" });
    expect(p("rounds skip")).toEqual({ kind: "rounds_skip" });
    expect(p("rounds leave")).toEqual({ kind: "rounds_leave" });
    expect(p("rounds met")).toEqual({ kind: "rounds_report", outcome: "met" });
    expect(p("rounds missed")).toEqual({ kind: "rounds_report", outcome: "missed" });
    expect(p("admin rounds")).toEqual({ kind: "admin_rounds" });
    expect(p("admin rounds run")).toEqual({ kind: "admin_rounds", run: true });
    expect(p("rounds dance").kind).toBe("unsupported");
    expect(p("rounds skip please").kind).toBe("unsupported");
  });

  it("round-trips the buttons under the round notices through a platform payload", () => {
    const reader = newMember({ id: "c:ana", communityId: "c", displayName: "ana", timeZone: "UTC", createdAt: new Date(0) });
    const actions = [
      ...noticeActions({ kind: "round_check_in", groupId: "grp_7", others: [{ id: "c:bo", name: "bo", timeZone: "UTC" }] }, reader),
      ...noticeActions({ kind: "rounds_paused", ignored: 2 }, reader),
    ];
    expect(actions.map((a) => a.label)).toEqual(["We met", "We didn't meet", "Join rounds again"]);
    for (const a of actions) expect(decodeButton(encodeButton(a.command))).toEqual(a.command);
    expect(encodeButton({ kind: "rounds_report", groupId: "grp_7", outcome: "met" })).toBe("rounds_report|grp_7|met");
  });
});
