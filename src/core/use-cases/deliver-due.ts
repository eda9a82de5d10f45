import type { Member, Nudge } from "../domain/index.js";
import type { Delivery, Messenger, SendOutcome } from "../ports/index.js";
import { askedKey, isStale } from "../nudges/stale.js";
import { communityRemoved } from "./community-lifecycle.js";
import type { Deps } from "./shared/context.js";
import { deliveryOf, groupForDelivery } from "./shared/delivery-groups.js";

export { partKeys } from "./shared/delivery-groups.js";

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
  /** A send that has not answered after this long counts as a failed attempt. */
  sendTimeoutMs?: number;
  /** Waits between timer-driven steps (the send timeout); the default uses real timers. */
  timer?: (ms: number) => Promise<void>;
  /**
   * Called on a rate-limit answer with the platform's wait. Resolving true (after waiting that
   * long) makes the round send the same nudge again and carry on with its batch; false, or no
   * hook, ends the round and hands the rest back. The round only waits while its leases hold.
   */
  onRateLimit?: (waitMs: number) => Promise<boolean>;
  /**
   * Whether nudges due for the same one member in this round go as one message (the default).
   * Off, every nudge is its own message: for checks of the platform's per-notice idempotency.
   */
  combine?: boolean;
  /**
   * How many messages go out at once (1 by default: one after another). Each is a round trip to
   * the platform, so sending several at once multiplies what a round delivers; messages to the
   * same people still go one after another, in order.
   */
  concurrency?: number;
}

export interface DeliverReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Nudges whose recipients left or were forgotten since they were written. */
  dropped: number;
  /** Nudges whose moment passed before they could go (see isStale): skipped, never sent late. */
  stale: number;
  /**
   * Put back without counting an attempt: one per rate-limit answer (its nudges went back or the
   * round waited), plus one per nudge of a community the platform can no longer reach.
   */
  postponed: number;
  /** When the platform asked us to come back; the runner waits until then before sending more. */
  rateLimitedUntil: Date | null;
}

/** Nudges whose recipients are read together, just ahead of sending them. */
const LOOKAHEAD = 10;

/** Exponential backoff with a cap; a platform's Retry-After wins when it is longer. */
export function backoffMs(attempt: number, base: number, max: number, retryAfterMs?: number): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.max(exp, retryAfterMs ?? 0);
}

/**
 * One round of the outbox: claim what is due, deliver through the messenger, mark each sent,
 * or schedule a retry with backoff, or mark it failed after `maxAttempts` (or at once when the
 * platform says retrying cannot help). A rate-limit answer is not a failure: the nudge goes
 * back unchanged, due when the platform said, and the round stops sending — or, with
 * `onRateLimit`, the round waits as told and carries on with its batch. Recipients who left
 * get nothing (their nudges are cancelled). Nudges due for the same one member in a round go
 * as one message; each still gets its own sent, retry or failed mark.
 * A community the platform can no longer reach (uninstalled, tokens revoked) is marked inactive
 * once, its nudges go back as they were (due at their own time, no attempt counted, kept until it
 * is installed again) and its later groups in the round are not tried; other communities carry on.
 * Safe to run from several processes at once: a lease keeps each nudge with one runner.
 */
export async function deliverDue(deps: Deps, messenger: Messenger, opts: DeliverOptions): Promise<DeliverReport> {
  const { owner, batch = 100, leaseMs = 60_000, maxAttempts = 8, baseBackoffMs = 30_000, maxBackoffMs = 3_600_000 } = opts;
  const now = deps.clock.now();
  const leaseUntil = now.getTime() + leaseMs;
  const claimed = await deps.store.outbox.claimDue(now, batch, owner, new Date(leaseUntil));
  const report: DeliverReport = {
    claimed: claimed.length,
    sent: 0,
    retried: 0,
    failed: 0,
    dropped: 0,
    stale: 0,
    postponed: 0,
    rateLimitedUntil: null,
  };
  const people = new Map<string, Member>();
  const askedNow = new Set<string>();
  /** Communities found out of reach this round: their remaining nudges are handed back unsent. */
  const gone = new Set<string>();
  let lookedUp = 0;
  // Several notices due at once for one person go as one message (see delivery-groups).
  const groups = opts.combine === false ? claimed.map((n) => [n]) : groupForDelivery(claimed);

  const deliverGroup = async (group: Nudge[]): Promise<void> => {
    if (report.rateLimitedUntil) {
      // The platform asked us to wait: hand the rest back untouched for the next round.
      for (const n of group) await deps.store.outbox.postpone(n.id, owner, n.dueAt);
      return;
    }
    if (gone.has(group[0]?.communityId ?? "")) {
      await keepForReinstall(deps, group, owner, report);
      return;
    }
    const live: Nudge[] = [];
    let to: Member[] = [];
    for (const n of group) {
      const members = n.to.map((id) => people.get(memberKey(n.communityId, id)));
      if (!members.every((m): m is Member => m !== undefined && !m.forgotten && m.status !== "opted_out")) {
        await deps.store.outbox.markCancelled(n.id, owner, "recipient left");
        report.dropped++;
        continue;
      }
      const staleReason = isStale(n, deps.clock.now(), askedNow);
      if (staleReason) {
        await deps.store.outbox.markCancelled(n.id, owner, staleReason);
        deps.log.info({ nudge: n.id, kind: n.kind, dueAt: n.dueAt, reason: staleReason }, "nudge skipped: its moment passed");
        report.stale++;
        continue;
      }
      live.push(n);
      to = members;
    }
    if (live.length === 0) return;
    const delivery = deliveryOf(live, to);
    let outcome: SendOutcome;
    let at: Date;
    for (;;) {
      outcome = await sendWithTimeout(messenger, delivery, opts);
      at = deps.clock.now();
      if (outcome.ok || outcome.retryAfterMs === undefined || outcome.permanent === true || outcome.communityGone === true) break;
      report.postponed++;
      // Waiting in the round spares handing the batch back and claiming it again, which on a
      // busy platform costs more store time than the sends; it must end well inside the lease.
      const resumeAt = at.getTime() + outcome.retryAfterMs + (opts.sendTimeoutMs ?? 30_000);
      if (!opts.onRateLimit || resumeAt >= leaseUntil || !(await opts.onRateLimit(outcome.retryAfterMs))) break;
    }
    if (outcome.ok) {
      for (const n of live) {
        if (n.notice.kind === "check_in") askedNow.add(askedKey(n));
        if (await deps.store.outbox.markSent(n.id, owner, at)) report.sent++;
      }
      return;
    }
    if (outcome.communityGone === true) {
      // Not this delivery's fault, nor a reason to slow other communities down: keep it and move on.
      const communityId = delivery.communityId;
      await keepForReinstall(deps, live, owner, report);
      if (!gone.has(communityId)) {
        gone.add(communityId);
        await communityRemoved(deps, { communityId, reason: outcome.error });
      }
      return;
    }
    if (outcome.retryAfterMs !== undefined && outcome.permanent !== true) {
      report.rateLimitedUntil = new Date(at.getTime() + outcome.retryAfterMs);
      for (const n of live) await deps.store.outbox.postpone(n.id, owner, report.rateLimitedUntil);
      return;
    }
    // Every nudge of a group was tried together, so each records the same attempt.
    for (const n of live) {
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
  };

  // Groups go out a chunk at a time, `concurrency` at once; a chunk never holds two groups for
  // the same people, so what one person receives keeps its order (and a check-in asked again
  // still sees the first one asked).
  let start = 0;
  for (const chunk of chunksOf(groups, Math.max(1, opts.concurrency ?? 1))) {
    const end = start + chunk.length;
    if (end > lookedUp && !report.rateLimitedUntil) {
      // Recipients are read a few groups ahead of sending, not all before the first send: the
      // check stays fresh and a rate-limited platform never idles through a whole batch's reads.
      const upTo = start + Math.max(LOOKAHEAD, chunk.length);
      for (const [k, m] of await recipientsOf(deps, groups.slice(Math.max(lookedUp, start), upTo).flat())) people.set(k, m);
      lookedUp = upTo;
    }
    await Promise.all(chunk.map(deliverGroup));
    start = end;
  }
  return report;
}

/** Hands nudges of an unreachable community back as they were: due at their own time, attempts unchanged. */
async function keepForReinstall(deps: Deps, nudges: readonly Nudge[], owner: string, report: DeliverReport): Promise<void> {
  for (const n of nudges) if (await deps.store.outbox.postpone(n.id, owner, n.dueAt)) report.postponed++;
}

/** Consecutive groups, at most `size` to a chunk and never two for the same people in one. */
function chunksOf(groups: readonly Nudge[][], size: number): Nudge[][][] {
  const out: Nudge[][][] = [];
  let current: Nudge[][] = [];
  let people = new Set<string>();
  for (const g of groups) {
    const lead = g[0];
    const key = lead ? `${lead.communityId}\u0000${[...lead.to].sort().join("+")}` : "";
    if (current.length >= size || people.has(key)) {
      out.push(current);
      current = [];
      people = new Set();
    }
    current.push(g);
    people.add(key);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The map key of a recipient: member ids are unique only within a community. */
const memberKey = (communityId: string, id: string): string => `${communityId}\u0000${id}`;

/** Sends, turning a throw or a send that outlives `sendTimeoutMs` into a failed outcome. */
async function sendWithTimeout(messenger: Messenger, d: Delivery, opts: DeliverOptions): Promise<SendOutcome> {
  const limit = opts.sendTimeoutMs ?? 30_000;
  const expired: SendOutcome = { ok: false, error: `no answer within ${limit} ms` };
  let cancel = () => {};
  const timeout = opts.timer
    ? opts.timer(limit).then(() => expired)
    : new Promise<SendOutcome>((resolve) => {
        const handle = setTimeout(() => resolve(expired), limit);
        cancel = () => clearTimeout(handle);
      });
  try {
    return await Promise.race([messenger.send(d), timeout]);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    cancel();
  }
}

/** Every recipient of a claimed batch, read in one transaction, keyed by community and id. */
async function recipientsOf(deps: Deps, batch: readonly Nudge[]): Promise<Map<string, Member>> {
  if (batch.length === 0) return new Map();
  return deps.store.tx(async (tx) => {
    const out = new Map<string, Member>();
    for (const n of batch) {
      for (const id of n.to) {
        const key = memberKey(n.communityId, id);
        if (out.has(key)) continue;
        const m = await tx.getMember(n.communityId, id);
        if (m) out.set(key, m);
      }
    }
    return out;
  });
}
