import type { PeerGroup, PeerProfile } from "../../../src/core/domain/index.js";
import { type Actor, joinRounds, runRound, type RunRoundValue } from "../../../src/core/use-cases/index.js";
import { unwrap, type World } from "./helpers.js";

/** Members join rounds by name (each created on first contact, in `zone`). */
export async function joinAll(w: World, names: readonly string[], zone = "Europe/Berlin"): Promise<Record<string, Actor>> {
  const out: Record<string, Actor> = {};
  for (const name of names) {
    const actor = w.actor(name, zone);
    unwrap(await joinRounds(w.deps, { actor }));
    out[name] = actor;
  }
  return out;
}

/** Runs a round now (as `admin rounds run` does) and returns what ran. */
export async function roundNow(w: World): Promise<Extract<RunRoundValue, { ran: true }>> {
  const v = unwrap(await runRound(w.deps, { communityId: w.communityId, force: true }));
  if (!v.ran) throw new Error("the round did not run");
  return v;
}

/** A group's members by display name (the part after the community prefix), sorted. */
export const names = (g: PeerGroup): string[] => g.memberIds.map((id) => id.split(":").at(-1) ?? id).sort();

/** A member's peer profile. */
export const profileOf = (w: World, name: string): Promise<PeerProfile | null> =>
  w.store.tx((tx) => tx.getPeerProfile(w.communityId, `${w.communityId}:${name}`));

/** What each member read in the notices delivered so far, by kind. */
export async function deliveredText(w: World, kind: string, name: string): Promise<string[]> {
  const { renderNotice, shellStyle } = await import("../../../src/text/index.js");
  return w.messenger.of(kind, `${w.communityId}:${name}`).map((d) => {
    const reader = d.to.find((m) => m.id === `${w.communityId}:${name}`);
    if (!reader) throw new Error("no reader");
    return renderNotice(d.notice, reader, shellStyle);
  });
}
