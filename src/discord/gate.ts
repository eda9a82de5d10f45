/**
 * At most `limit` pieces of work at once; the rest wait their turn. Store work can block the
 * event loop (SQLite is synchronous), so bounding it keeps acknowledgements flowing under load.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  /** How many are waiting for their turn. */
  get backlog(): number {
    return this.waiting.length;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    // A store answering synchronously would chain every queued command into one microtask run
    // and starve timers and sockets; a macrotask turn between commands lets acknowledgements out.
    await new Promise<void>((r) => setImmediate(r));
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
