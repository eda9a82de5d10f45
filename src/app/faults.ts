/**
 * Faults the process survived, counted for health and metrics: read `faultCounts()` (a copy);
 * the metrics endpoint exports them. Counting is process-wide, like the faults themselves.
 */
export interface FaultCounts {
  /** Promise rejections nobody handled. */
  unhandledRejections: number;
  /** Exceptions thrown outside any handler (an event callback, a timer). */
  uncaughtExceptions: number;
  /** Platform input that was signed or authenticated but could not be read, by platform. */
  malformedInput: Record<string, number>;
}

const counts: FaultCounts = { unhandledRejections: 0, uncaughtExceptions: 0, malformedInput: {} };

/** A snapshot of the counts so far. */
export function faultCounts(): FaultCounts {
  return { ...counts, malformedInput: { ...counts.malformedInput } };
}

export function countUnhandledRejection(): void {
  counts.unhandledRejections++;
}

export function countUncaughtException(): void {
  counts.uncaughtExceptions++;
}

/** One piece of platform input that could not be read (answered with a refusal, never a crash). */
export function countMalformed(platform: string): void {
  counts.malformedInput[platform] = (counts.malformedInput[platform] ?? 0) + 1;
}
