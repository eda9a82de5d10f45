import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a request's timestamp may be from our clock, either way: Slack's own 5 minutes. */
export const WINDOW_SECONDS = 5 * 60;

export type Verdict = { ok: true } | { ok: false; reason: "no_signature" | "no_timestamp" | "stale" | "future" | "bad_signature" };

/**
 * Checks a request the way Slack asks (`v0=` HMAC-SHA256 of `v0:<ts>:<body>`), with the
 * timestamp window enforced on both sides: Bolt refuses only the past, so a signed request
 * dated ahead could otherwise be replayed until its date came round. `now` is injected.
 */
export function verifySlack(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  now: () => number = Date.now,
): Verdict {
  if (!headers.signature) return { ok: false, reason: "no_signature" };
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: "no_timestamp" };
  const ts = Number(headers.timestamp);
  const nowSec = Math.floor(now() / 1000);
  if (ts < nowSec - WINDOW_SECONDS) return { ok: false, reason: "stale" };
  if (ts > nowSec + WINDOW_SECONDS) return { ok: false, reason: "future" };
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`);
  const given = Buffer.from(headers.signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: "bad_signature" };
}
