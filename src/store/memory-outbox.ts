import type { Community, Nudge } from "../core/domain/index.js";
import type { NudgeOutbox, OutboxStats } from "../core/ports/index.js";

/** The tables the outbox reads: nudges, and communities (whether each is reachable). */
export interface OutboxTables {
  nudges: Map<string, Nudge>;
  communities: Map<string, Community>;
}

/** Runs `f` on the outbox's tables, serialised with the store's transactions. */
export type OutboxSerial = <T>(f: (t: OutboxTables) => T) => Promise<T>;

const copy = <T>(v: T): T => structuredClone(v);

/** The NudgeOutbox port in memory (MemoryStore's): the same leasing rules as the SQL one. */
export class MemoryOutbox implements NudgeOutbox {
  constructor(private readonly run: OutboxSerial) {}

  stats() {
    return this.run((t) => {
      const out: OutboxStats = { pending: 0, failed: 0, oldestDueAt: null };
      for (const n of t.nudges.values()) {
        if (n.status === "failed") out.failed++;
        if (n.status !== "pending") continue;
        out.pending++;
        if (out.oldestDueAt === null || n.dueAt < out.oldestDueAt) out.oldestDueAt = new Date(n.dueAt);
      }
      return out;
    });
  }

  claimDue(now: Date, limit: number, owner: string, leaseUntil: Date) {
    return this.run((t) => {
      // A community the platform cannot reach (uninstalled) keeps its nudges until it is back.
      const reachable = (id: string) => t.communities.get(id)?.inactiveSince === undefined;
      const due = [...t.nudges.entries()]
        .filter(
          ([, n]) => n.status === "pending" && n.dueAt <= now && (n.leaseUntil === null || n.leaseUntil <= now) && reachable(n.communityId),
        )
        .sort(([, a], [, b]) => a.dueAt.getTime() - b.dueAt.getTime())
        .slice(0, limit);
      return due.map(([key, n]) => {
        const leased = { ...n, leaseOwner: owner, leaseUntil, attempts: n.attempts + (n.leaseUntil === null ? 0 : 1) };
        t.nudges.set(key, leased);
        return copy(leased);
      });
    });
  }

  markSent(id: string, owner: string, at: Date) {
    return this.run((t) => {
      const hit = findNudge(t, id);
      if (!hit || hit[1].leaseOwner !== owner || hit[1].status !== "pending") return false;
      t.nudges.set(hit[0], { ...hit[1], status: "sent", sentAt: at, attempts: hit[1].attempts + 1, leaseOwner: null, leaseUntil: null });
      return true;
    });
  }

  markAttempt(id: string, owner: string, error: string, retryAt: Date | null) {
    return this.run((t) => {
      const hit = findNudge(t, id);
      if (!hit || hit[1].leaseOwner !== owner || hit[1].status !== "pending") return false;
      const n = hit[1];
      t.nudges.set(hit[0], {
        ...n,
        attempts: n.attempts + 1,
        lastError: error,
        status: retryAt === null ? "failed" : "pending",
        dueAt: retryAt ?? n.dueAt,
        leaseOwner: null,
        leaseUntil: null,
      });
      return true;
    });
  }

  postpone(id: string, owner: string, until: Date) {
    return this.run((t) => {
      const hit = findNudge(t, id);
      if (!hit || hit[1].leaseOwner !== owner || hit[1].status !== "pending") return false;
      t.nudges.set(hit[0], { ...hit[1], dueAt: until, leaseOwner: null, leaseUntil: null });
      return true;
    });
  }

  markCancelled(id: string, owner: string, reason: string) {
    return this.run((t) => {
      const hit = findNudge(t, id);
      if (!hit || hit[1].leaseOwner !== owner || hit[1].status !== "pending") return false;
      t.nudges.set(hit[0], { ...hit[1], status: "cancelled", lastError: reason, leaseOwner: null, leaseUntil: null });
      return true;
    });
  }

  release(owner: string) {
    return this.run((t) => {
      let count = 0;
      for (const [key, n] of t.nudges) {
        if (n.leaseOwner === owner && n.status === "pending") {
          t.nudges.set(key, { ...n, leaseOwner: null, leaseUntil: null });
          count++;
        }
      }
      return count;
    });
  }
}

function findNudge(t: OutboxTables, id: string): [string, Nudge] | undefined {
  for (const entry of t.nudges) if (entry[1].id === id) return entry;
  return undefined;
}
