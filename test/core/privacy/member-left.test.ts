import { describe, expect, it } from "vitest";
import { dispatch } from "../../../src/core/commands/index.js";
import { memberLeft } from "../../../src/core/use-cases/index.js";
import { getChat, getMember, scheduledPair, unwrap, world } from "../use-cases/helpers.js";

describe("member left the workspace or server", () => {
  it("is treated as leave: opted out, their chat called off and the other person told; replays change nothing", async () => {
    const w = world();
    const { seeker, volunteer, chat } = await scheduledPair(w);
    await w.tick();
    const sentBefore = w.messenger.sent.length;
    // The platform event arrives through the core command adapters send.
    const reply = await dispatch(
      w.deps,
      { communityId: w.communityId, memberId: "platform:events" },
      { kind: "member_left", memberId: volunteer.memberId },
    );
    expect(reply.kind === "member_left" && reply.result.ok && reply.result.value.member?.status).toBe("opted_out");
    expect((await getMember(w, volunteer.memberId))?.status).toBe("opted_out");
    expect((await getChat(w, chat.id))?.status).toBe("cancelled");
    await w.tick();
    const after = w.messenger.sent.slice(sentBefore);
    expect(after.map((d) => d.notice.kind)).toContain("chat_cancelled");
    expect(after.every((d) => d.to.every((m) => m.id !== volunteer.memberId))).toBe(true);
    expect(after.find((d) => d.notice.kind === "chat_cancelled")?.to[0]?.id).toBe(seeker.memberId);
    expect(unwrap(await memberLeft(w.deps, { communityId: w.communityId, memberId: volunteer.memberId })).counts).toBeNull();
  });

  it("does not create anyone for an unknown id", async () => {
    const w = world();
    expect(unwrap(await memberLeft(w.deps, { communityId: w.communityId, memberId: "test:c1:ghost" })).member).toBeNull();
    expect(await getMember(w, "test:c1:ghost")).toBeNull();
  });
});
