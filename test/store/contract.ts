import { afterEach, beforeEach, describe } from "vitest";
import type { Store, StoreTx } from "../../src/core/ports/index.js";
import { byIdsContract } from "./contract-by-ids.js";
import { batchContract } from "./contract-batch.js";
import { eraseContract } from "./contract-erase.js";
import { inboxContract } from "./contract-inbox.js";
import { nudgeContract } from "./contract-nudges.js";
import { outboxContract } from "./contract-outbox.js";
import { platformStateContract } from "./contract-platform.js";
import { recordContract } from "./contract-records.js";
import { tagContract } from "./contract-tags.js";
import { txContract } from "./contract-tx.js";

/** A fresh, empty store and how to dispose of it. */
export type MakeStore = () => Promise<{ store: Store; cleanup(): Promise<void> }>;

/** What each part of the suite gets: the current test's store and a one-transaction helper. */
export interface ContractContext {
  store(): Store;
  run<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
}

/** Inside a describe: gives each test an empty store from `makeStore`, disposed of after it. */
export function freshStoreEachTest(makeStore: MakeStore): ContractContext {
  let current: { store: Store; cleanup(): Promise<void> } | undefined;
  beforeEach(async () => {
    current = await makeStore();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  const ctx: ContractContext = {
    store: () => {
      if (current === undefined) throw new Error("no store: called outside a test");
      return current.store;
    },
    run: (fn) => ctx.store().tx(fn),
  };
  return ctx;
}

/**
 * The Store contract: every StoreTx and NudgeOutbox method's semantics as MemoryStore and
 * src/store/filters.ts define them. Each test gets its own empty store.
 */
export function storeContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    const ctx = freshStoreEachTest(makeStore);
    recordContract(ctx);
    byIdsContract(ctx);
    batchContract(ctx);
    nudgeContract(ctx);
    outboxContract(ctx);
    txContract(ctx);
    eraseContract(ctx);
    platformStateContract(ctx);
    inboxContract(ctx);
    tagContract(ctx);
  });
}
