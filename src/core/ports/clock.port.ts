/** The time source. Use cases never read the wall clock themselves. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** Makes new opaque ids for records the core creates. */
export interface Ids {
  /** A new unique id, prefixed with the record kind for readability (`chat_…`). */
  next(prefix: string): string;
}
