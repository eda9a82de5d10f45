import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import { WorkQueue } from "../../src/app/work-queue.js";

/** A promise with its resolve exposed. */
function gate<T = void>() {
  let open!: (v: T) => void;
  const p = new Promise<T>((r) => {
    open = r;
  });
  return { p, open };
}

describe("WorkQueue", () => {
  it("starts the next job once the running one hands its turn over, while it is still sending", async () => {
    const q = new WorkQueue(1, silentLogger);
    const sent = gate();
    const order: string[] = [];
    const a = q.run(async (turn) => {
      order.push("a works");
      await turn.handOver();
      order.push("a sends");
      await sent.p;
      order.push("a sent");
    });
    const b = q.run(async () => {
      order.push("b works");
    });
    await b;
    expect(order).toEqual(["a works", "a sends", "b works"]);
    sent.open();
    await a;
    expect(order.at(-1)).toBe("a sent");
  });

  it("keeps the turn while every sender is busy, so work cannot run ahead of sending", async () => {
    const q = new WorkQueue(1, silentLogger, 1);
    const first = gate();
    const order: string[] = [];
    const a = q.run(async (turn) => {
      await turn.handOver();
      await first.p;
      order.push("a sent");
    });
    const b = q.run(async (turn) => {
      order.push("b works");
      await turn.handOver();
      order.push("b sends");
    });
    const c = q.run(async () => {
      order.push("c works");
    });
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(["b works"]);
    first.open();
    await Promise.all([a, b, c]);
    expect(order).toEqual(["b works", "a sent", "b sends", "c works"]);
  });

  it("gives back the turn of a job that fails before or after handing over, and idle() waits for senders", async () => {
    const q = new WorkQueue(1, silentLogger, 1);
    await expect(q.run(async () => Promise.reject(new Error("before")))).rejects.toThrow("before");
    await expect(
      q.run(async (turn) => {
        await turn.handOver();
        await turn.handOver();
        throw new Error("after");
      }),
    ).rejects.toThrow("after");
    const sent = gate();
    let done = false;
    void q.later("slow send", async (turn) => {
      await turn.handOver();
      await sent.p;
      done = true;
    });
    const ran = await q.run(async () => "next");
    expect(ran).toBe("next");
    const idle = q.idle();
    sent.open();
    await idle;
    expect(done).toBe(true);
  });
});
