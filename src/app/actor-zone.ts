import type { Member } from "../core/domain/index.js";
import type { Store, StoreTx } from "../core/ports/index.js";
import type { Actor } from "../core/use-cases/index.js";

/**
 * The store a command runs with, noting the acting member as the command's own transactions
 * read or write them: the last version seen is the member as the command left them (a zone
 * the command just changed included), so the answer can be worded in their zone without
 * another transaction.
 */
export function watchActor(store: Store, actor: Actor): { store: Store; seen(): Member | null | undefined } {
  // undefined: never seen; null: the command deleted them.
  let seen: Member | null | undefined;
  const mine = (m: Member | null | undefined) => m?.communityId === actor.communityId && m.id === actor.memberId;
  const note = (m: Member | null | undefined) => {
    if (m && mine(m)) seen = m;
  };
  const watch = (tx: StoreTx): StoreTx => {
    const own: Partial<StoreTx> = {
      getMember: async (communityId, id) => {
        const m = await tx.getMember(communityId, id);
        note(m);
        return m;
      },
      getMembers: async (communityId, ids) => {
        const ms = await tx.getMembers(communityId, ids);
        for (const m of ms) note(m);
        return ms;
      },
      saveMember: async (m) => {
        await tx.saveMember(m);
        note(m);
      },
      deleteMember: async (communityId, id) => {
        await tx.deleteMember(communityId, id);
        if (communityId === actor.communityId && id === actor.memberId) seen = null;
      },
    };
    return new Proxy(tx, {
      get(target, prop, receiver) {
        const mineToo = typeof prop === "string" ? own[prop as keyof StoreTx] : undefined;
        if (mineToo) return mineToo;
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  };
  return {
    store: { tx: (fn) => store.tx((tx) => fn(watch(tx))), outbox: store.outbox, inbox: store.inbox, close: () => store.close() },
    seen: () => seen,
  };
}
