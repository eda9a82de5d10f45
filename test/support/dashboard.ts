import type { DashboardGrant } from "../../src/core/domain/dashboard.js";
import type { DashboardLinks, Store, StoreTx } from "../../src/core/ports/index.js";

/** Dashboard links with readable secrets (`secret-1`, `secret-2`, …) and hashes, under `base`. */
export function fakeDashboardLinks(base = "https://coffee.example"): DashboardLinks & { issued: string[] } {
  const issued: string[] = [];
  return {
    issued,
    newSecret: () => {
      const s = `secret-${issued.length + 1}`;
      issued.push(s);
      return s;
    },
    hash: (secret) => `hash(${secret})`,
    linkFor: (communityId, secret) => `${base}/dashboard/${encodeURIComponent(communityId)}/signin?token=${encodeURIComponent(secret)}`,
  };
}

type GrantMethods = Pick<
  StoreTx,
  "saveDashboardGrant" | "getDashboardGrant" | "useDashboardLink" | "deleteDashboardGrant" | "pruneDashboardGrants"
>;

/**
 * The store as given, with dashboard grants kept beside it in memory when its transactions
 * don't keep them themselves (a store that does is used as it is). Not transactional: enough
 * for tests of the use cases and commands above the store, whose own contract suite covers it.
 */
export function withGrants(inner: Store): Store {
  const grants = new Map<string, DashboardGrant>();
  const copy = (g: DashboardGrant): DashboardGrant => ({ ...g, roles: [...g.roles] });
  const methods: GrantMethods = {
    saveDashboardGrant: async (g) => void grants.set(g.hash, copy(g)),
    getDashboardGrant: async (hash) => {
      const g = grants.get(hash);
      return g ? copy(g) : null;
    },
    useDashboardLink: async (hash, at) => {
      const g = grants.get(hash);
      if (g?.kind !== "link" || g.usedAt !== null) return false;
      grants.set(hash, { ...g, usedAt: at });
      return true;
    },
    deleteDashboardGrant: async (hash) => grants.delete(hash),
    pruneDashboardGrants: async (before) => {
      let n = 0;
      for (const [h, g] of grants)
        if (g.expiresAt.getTime() < before.getTime()) {
          grants.delete(h);
          n++;
        }
      return n;
    },
  };
  const wrap = (tx: StoreTx): StoreTx =>
    typeof (tx as Partial<StoreTx>).saveDashboardGrant === "function"
      ? tx
      : new Proxy(tx, {
          get(target, name) {
            if (typeof name === "string" && Object.hasOwn(methods, name)) return methods[name as keyof GrantMethods];
            const v = Reflect.get(target, name, target);
            return typeof v === "function" ? v.bind(target) : v;
          },
        });
  return new Proxy(inner, {
    get(target, name) {
      if (name === "tx") return <T>(fn: (tx: StoreTx) => Promise<T>) => target.tx((tx) => fn(wrap(tx)));
      const v = Reflect.get(target, name, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}
