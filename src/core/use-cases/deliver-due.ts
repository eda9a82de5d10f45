import type { Member, Nudge } from "../domain/index.js";
import type { Messenger } from "../ports/index.js";
import type { Deps } from "./shared/context.js";

export interface DeliverOptions {
  /** Identifies this runner's leases (process id, host). */
  owner: string;
  /** Most nudges claimed per round. */
  batch?: number;
  /** How long a claim holds before another runner may take the nudge. */
  leaseMs?: number;
  /** Attempts before a nudge is marked failed. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface DeliverReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Nudges whose recipients left or were forgotten since they were written. */
  dropped: number;
}

/** Exponential backoff with a cap; a platform's Retry-After wins when it is longer. */
export function backoffMs(attempt: number, base: number, max: number, retryAfterMs?: number): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.max(exp, retryAfterMs ?? 0);
}

/**
 * One round of the outbox: claim what is due, deliver through the messenger, mark each sent,
 * or schedule a retry, or mark it failed after `maxAttempts`. Recipients who left get nothing.
 * Safe to run from several processes at once: a lease keeps each nudge with one runner.
 */
export async function deliverDue(deps: Deps, messenger: Messenger, opts: DeliverOptions): Promise<DeliverReport> {
  const { owner, batch = 100, leaseMs = 60_000, maxAttempts = 8, baseBackoffMs = 30_000, maxBackoffMs = 3_600_000 } = opts;
  const now = deps.clock.now();
  const claimed = await deps.store.outbox.claimDue(now, batch, owner, new Date(now.getTime() + leaseMs));
  const report: DeliverReport = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, dropped: 0 };
  for (const n of claimed) {
    const to = await recipients(deps, n);
    if (to === null) {
      await deps.store.outbox.markAttempt(n.id, owner, "recipient left", null);
      report.dropped++;
      continue;
    }
    let outcome;
    try {
      outcome = await messenger.send({ key: `${n.communityId}/${n.key}`, communityId: n.communityId, to, notice: n.notice });
    } catch (e) {
      outcome = { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
    const at = deps.clock.now();
    if (outcome.ok) {
      if (await deps.store.outbox.markSent(n.id, owner, at)) report.sent++;
      continue;
    }
    const attempt = n.attempts + 1;
    const final = outcome.permanent === true || attempt >= maxAttempts;
    const retryAt = final ? null : new Date(at.getTime() + backoffMs(attempt, baseBackoffMs, maxBackoffMs, outcome.retryAfterMs));
    await deps.store.outbox.markAttempt(n.id, owner, outcome.error, retryAt);
    if (final) {
      report.failed++;
      deps.log.error({ nudge: n.id, kind: n.kind, attempts: attempt, error: outcome.error }, "nudge failed for good");
    } else {
      report.retried++;
      deps.log.warn({ nudge: n.id, kind: n.kind, attempt, retryAt, error: outcome.error }, "nudge will be retried");
    }
  }
  return report;
}

/** The members to deliver to, or null when one of them has left or was forgotten. */
async function recipients(deps: Deps, n: Nudge): Promise<Member[] | null> {
  return deps.store.tx(async (tx) => {
    const out: Member[] = [];
    for (const id of n.to) {
      const m = await tx.getMember(n.communityId, id);
      if (!m || m.forgotten || m.status === "opted_out") return null;
      out.push(m);
    }
    return out;
  });
}
