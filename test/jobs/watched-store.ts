import type { Store, StoreTx } from "../../src/core/ports/index.js";

/**
 * The store with every StoreTx call shown to `see` (method name and arguments) before it runs:
 * a fake of our own port that passes everything through, for tests of what a sweep reads.
 */
export function watchedStore(inner: Store, see: (method: string, args: readonly unknown[]) => void): Store {
  const wrap = (tx: StoreTx): StoreTx =>
    new Proxy(tx, {
      get(target, name) {
        const v = Reflect.get(target, name, target);
        if (typeof v !== "function") return v;
        return (...args: unknown[]) => {
          see(String(name), args);
          return v.apply(target, args);
        };
      },
    });
  return new Proxy(inner, {
    get(target, name) {
      if (name === "tx") return <T>(fn: (tx: StoreTx) => Promise<T>) => target.tx((tx) => fn(wrap(tx)));
      return Reflect.get(target, name, target);
    },
  });
}
