import { randomUUID } from "node:crypto";
import pino from "pino";
import type { Clock, Ids, Logger } from "./core/ports/index.js";

/** The wall clock, for production. Tests and the shell use their own. */
export const systemClock: Clock = { now: () => new Date() };

/** Random, prefixed, URL-safe ids: `chat_3f9a…`. */
export const randomIds: Ids = { next: (prefix) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 20)}` };

/** Structured JSON logs on stderr, so the shell's stdout stays readable. */
export function makeLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

/** Short sequential ids: readable in the demo and deterministic in tests. */
export function sequentialIds(): Ids {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    },
  };
}
