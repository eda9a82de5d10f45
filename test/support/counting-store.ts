import type { Store, StoreTx } from "../../src/core/ports/index.js";

/**
 * A store that counts what runs through it: transactions, and calls of each StoreTx method.
 * For tests that hold a command to a number of round trips, whatever the data looks like.
 */
export function countingStore(inner: Store): {
  store: Store;
  txs(): number;
  calls(): number;
  byMethod(): Record<string, number>;
  reset(): void;
} {
  let txs = 0;
  let byMethod: Record<string, number> = {};
  const watch = (tx: StoreTx): StoreTx =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const v: unknown = Reflect.get(target, prop, receiver);
        if (typeof v !== "function" || typeof prop !== "string") return v;
        return (...a: unknown[]) => {
          byMethod[prop] = (byMethod[prop] ?? 0) + 1;
          return (v as (...x: unknown[]) => unknown).apply(target, a);
        };
      },
    });
  const store: Store = {
    tx: (fn) => {
      txs++;
      return inner.tx((tx) => fn(watch(tx)));
    },
    outbox: inner.outbox,
    inbox: inner.inbox,
    close: () => inner.close(),
  };
  return {
    store,
    txs: () => txs,
    calls: () => Object.values(byMethod).reduce((a, b) => a + b, 0),
    byMethod: () => ({ ...byMethod }),
    reset: () => {
      txs = 0;
      byMethod = {};
    },
  };
}
