import type { Inbox, InboxEntry, NewInboxEntry } from "../core/ports/index.js";

/** Runs `f` on the inbox table alone, serialised with the store's transactions. */
export type InboxSerial = <T>(f: (rows: Map<string, InboxEntry>) => T) => Promise<T>;

const copy = (e: InboxEntry): InboxEntry => structuredClone(e);
const unanswered = (e: InboxEntry): boolean => e.status !== "answered";

/** The Inbox port in memory (MemoryStore's): the same rules as the SQL one. */
export class MemoryInbox implements Inbox {
  constructor(private readonly run: InboxSerial) {}

  receive(entries: readonly NewInboxEntry[], owner: string, leaseUntil: Date, at: Date) {
    return this.run((rows) =>
      entries.map((n) => {
        const old = rows.get(n.id);
        if (old) return { entry: copy(old), fresh: false };
        const entry: InboxEntry = {
          ...n,
          status: "pending",
          appliedBy: null,
          appliedAt: null,
          answer: null,
          leaseOwner: owner,
          leaseUntil,
          receivedAt: at,
          answeredAt: null,
        };
        rows.set(n.id, entry);
        return { entry: copy(entry), fresh: true };
      }),
    );
  }

  answered(done: readonly { id: string; answer: string | null }[], at: Date) {
    return this.run((rows) => {
      for (const { id, answer } of done) {
        const e = rows.get(id);
        if (e) rows.set(id, { ...e, status: "answered", answer, answeredAt: at, leaseOwner: null, leaseUntil: null });
      }
    });
  }

  claimStale(kinds: readonly string[], now: Date, limit: number, owner: string, leaseUntil: Date) {
    return this.run((rows) =>
      [...rows.values()]
        .filter((e) => unanswered(e) && kinds.includes(e.kind) && (e.leaseUntil === null || e.leaseUntil <= now))
        .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id))
        .slice(0, Math.max(0, limit))
        .map((e) => {
          const leased = { ...e, leaseOwner: owner, leaseUntil };
          rows.set(e.id, leased);
          return copy(leased);
        }),
    );
  }

  renew(owner: string, leaseUntil: Date) {
    return this.run((rows) => {
      let n = 0;
      for (const e of rows.values()) {
        if (!unanswered(e) || e.leaseOwner !== owner) continue;
        rows.set(e.id, { ...e, leaseUntil });
        n++;
      }
      return n;
    });
  }

  release(owner: string) {
    return this.run((rows) => {
      let n = 0;
      for (const e of rows.values()) {
        if (!unanswered(e) || e.leaseOwner !== owner) continue;
        rows.set(e.id, { ...e, leaseOwner: null, leaseUntil: null });
        n++;
      }
      return n;
    });
  }

  prune(before: Date) {
    return this.run((rows) => {
      let n = 0;
      for (const e of [...rows.values()]) {
        if (e.status === "answered" && e.receivedAt < before) {
          rows.delete(e.id);
          n++;
        }
      }
      return n;
    });
  }

  get(id: string) {
    return this.run((rows) => {
      const e = rows.get(id);
      return e ? copy(e) : null;
    });
  }
}
