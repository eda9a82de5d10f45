import { describe, expect, it } from "vitest";
import type { ChannelEditOutcome, ChannelPostOutcome, ProgramChannel } from "../../../src/core/ports/index.js";
import { silentLogger } from "../../../src/core/ports/index.js";
import { adminSettings, type Deps, openFrontDoor, programJoined, programLeft } from "../../../src/core/use-cases/index.js";
import { sequentialIds } from "../../../src/runtime.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { MONDAY, TestClock } from "../../support/world.js";

/** A program channel that keeps its messages in memory and can be told to refuse. */
class FakeChannel implements ProgramChannel {
  readonly messages = new Map<string, string>();
  readonly pinned = new Set<string>();
  refusePost: string | null = null;
  refusePin = false;
  updates = 0;
  private posts = 0;
  async postFrontDoor(_c: string, channelId: string): Promise<ChannelPostOutcome> {
    if (this.refusePost) return { ok: false, error: this.refusePost };
    const id = `m${++this.posts}`;
    this.messages.set(id, channelId);
    return { ok: true, messageId: id };
  }
  async updateFrontDoor(_c: string, _ch: string, id: string): Promise<ChannelEditOutcome> {
    if (!this.messages.has(id)) return { ok: false, error: "message_not_found", gone: true };
    this.updates++;
    return { ok: true };
  }
  async pin(_c: string, _ch: string, id: string): Promise<ChannelEditOutcome> {
    if (this.refusePin) return { ok: false, error: "missing_scope", gone: false };
    this.pinned.add(id);
    return { ok: true };
  }
  async postProgramPost(): Promise<ChannelPostOutcome> {
    return { ok: false, error: "not used here" };
  }
}

const C = "slack:T1";
const admin = { communityId: C, memberId: "slack:T1:UADMIN", platformAdmin: true };
function world() {
  const channel = new FakeChannel();
  const deps: Deps = {
    store: new MemoryStore(),
    clock: new TestClock(MONDAY.getTime()),
    ids: sequentialIds(),
    log: silentLogger,
    programChannel: channel,
  };
  return { deps, channel };
}

describe("openFrontDoor", () => {
  it("says there is no channel until one is set, and posts nothing", async () => {
    const { deps, channel } = world();
    await adminSettings(deps, { actor: admin });
    expect(await openFrontDoor(deps, { communityId: C })).toMatchObject({ ok: false, code: "NO_CHANNEL" });
    expect(channel.messages.size).toBe(0);
  });

  it("posts once per channel, updates after that, posts again after a deletion, and a new channel gets its own", async () => {
    const { deps, channel } = world();
    const set = (v: string) => adminSettings(deps, { actor: admin, set: { key: "programChannelId", value: v } });
    const first = await set("C1");
    expect(first.ok && first.value.frontDoor).toMatchObject({ ok: true, value: { did: "posted", pinned: true, channelId: "C1" } });
    const again = await set("C1");
    expect(again.ok && again.value.frontDoor).toMatchObject({ ok: true, value: { did: "updated", messageId: "m1" } });
    channel.messages.delete("m1");
    const back = await set("C1");
    expect(back.ok && back.value.frontDoor).toMatchObject({ ok: true, value: { did: "reposted", messageId: "m2" } });
    const moved = await set("C2");
    expect(moved.ok && moved.value.frontDoor).toMatchObject({ ok: true, value: { did: "posted", channelId: "C2", messageId: "m3" } });
    expect([...channel.messages.keys()]).toEqual(["m2", "m3"]);
    // Clearing the channel posts nothing.
    const cleared = await set("none");
    expect(cleared.ok && cleared.value.frontDoor).toBeUndefined();
  });

  it("returns the platform's refusal, and a door the platform would not pin is reported unpinned", async () => {
    const { deps, channel } = world();
    channel.refusePost = "not_in_channel";
    const r = await adminSettings(deps, { actor: admin, set: { key: "programChannelId", value: "C1" } });
    expect(r.ok && r.value.frontDoor).toMatchObject({ ok: false, code: "POST_FAILED", detail: { error: "not_in_channel" } });
    channel.refusePost = null;
    channel.refusePin = true;
    const p = await openFrontDoor(deps, { communityId: C });
    expect(p).toMatchObject({ ok: true, value: { did: "posted", pinned: false } });
  });
});

describe("programJoined and programLeft", () => {
  const sam = { communityId: C, memberId: "slack:T1:USAM", displayName: "sam" };
  const welcomes = async (deps: Deps) => (await deps.store.tx((tx) => tx.listNudges(C))).filter((n) => n.kind === "program_welcome");

  it("welcome once per member, only for the program channel", async () => {
    const { deps } = world();
    await adminSettings(deps, { actor: admin, set: { key: "programChannelId", value: "C1" } });
    expect(await programJoined(deps, { actor: sam, channelId: "C9" })).toMatchObject({ ok: false, code: "NOT_PROGRAM_CHANNEL" });
    expect(await programJoined(deps, { actor: sam, channelId: "C1" })).toMatchObject({ ok: true, value: { welcomed: true } });
    expect(await programJoined(deps, { actor: sam, channelId: "C1" })).toMatchObject({ ok: true, value: { welcomed: false } });
    expect(await welcomes(deps)).toHaveLength(1);
  });

  it("pause a member who leaves and resume them on rejoining; someone who paused on purpose stays paused", async () => {
    const { deps } = world();
    await adminSettings(deps, { actor: admin, set: { key: "programChannelId", value: "C1" } });
    await programJoined(deps, { actor: sam, channelId: "C1" });
    const status = async () => (await deps.store.tx((tx) => tx.getMember(C, sam.memberId)))?.status;
    expect(await programLeft(deps, { communityId: C, memberId: sam.memberId, channelId: "C1" })).toMatchObject({
      ok: true,
      value: { paused: true },
    });
    expect(await status()).toBe("paused");
    expect(await programJoined(deps, { actor: sam, channelId: "C1" })).toMatchObject({ ok: true, value: { restored: true } });
    expect(await status()).toBe("active");

    const member = await deps.store.tx((tx) => tx.getMember(C, sam.memberId));
    if (!member) throw new Error("no member");
    await deps.store.tx((tx) => tx.saveMember({ ...member, status: "paused", pausedUntil: new Date(MONDAY.getTime() + 7 * 86_400_000) }));
    expect(await programLeft(deps, { communityId: C, memberId: sam.memberId, channelId: "C1" })).toMatchObject({
      ok: true,
      value: { paused: false },
    });
    expect(await programJoined(deps, { actor: sam, channelId: "C1" })).toMatchObject({ ok: true, value: { restored: false } });
    expect(await status()).toBe("paused");
  });
});
