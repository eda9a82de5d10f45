import { rmSync } from "node:fs";

/**
 * The bot side of a platform bench, run in its own process: answers the parent's messages —
 * "mark" starts a CPU measurement, "cpu" reports the CPU used since, "stop" stops the adapter,
 * closes the store, removes the bench's folder and exits.
 */
export function answerBenchParent(adapter: { stop(): Promise<unknown> }, store: { close(): Promise<unknown> }, dir: string): void {
  let mark = process.cpuUsage();
  process.on("message", (m: unknown) => {
    if (m === "mark") mark = process.cpuUsage();
    if (m === "cpu") {
      const used = process.cpuUsage(mark);
      process.send?.({ cpuMs: (used.user + used.system) / 1000 });
    }
    if (m !== "stop") return;
    void adapter
      .stop()
      .then(() => store.close())
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}
