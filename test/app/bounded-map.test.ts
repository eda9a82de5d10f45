import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/app/bounded-map.js";

describe("BoundedMap", () => {
  it("keeps at most its limit, dropping the least recently used", () => {
    const m = new BoundedMap<string, number>(2);
    m.set("a", 1).set("b", 2);
    expect(m.get("a")).toBe(1); // a is now the most recently used
    m.set("c", 3);
    expect([m.get("a"), m.get("b"), m.get("c"), m.size]).toEqual([1, undefined, 3, 2]);
  });

  it("replacing a key keeps one entry and counts as a use", () => {
    const m = new BoundedMap<string, number>(2);
    m.set("a", 1).set("b", 2).set("a", 10).set("c", 3);
    expect([m.get("a"), m.get("b"), m.get("c")]).toEqual([10, undefined, 3]);
  });

  it("stays bounded however many members a process meets", () => {
    const m = new BoundedMap<number, number>(1000);
    for (let i = 0; i < 100_000; i++) m.set(i, i);
    expect(m.size).toBe(1000);
    expect(m.get(99_999)).toBe(99_999);
    expect(m.get(0)).toBeUndefined();
  });

  it("refuses a limit below one", () => {
    expect(() => new BoundedMap(0)).toThrow("a bounded map needs a limit of at least 1 (got 0)");
  });
});
