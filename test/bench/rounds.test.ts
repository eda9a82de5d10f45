import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs `bench/rounds.ts` with `args`; resolves with its output once it exits. */
function runBench(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/rounds.ts", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString();
    });
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

// The benchmark end to end at its quick sizes: HiGHS agrees with our matching on every seed,
// the simulation never repeats a pair inside the window, and the figures have their shape.
// No timing is asserted.
describe("bench:rounds --quick", () => {
  it("prints its tables and one JSON line, with gap 0 against HiGHS and no repeat in the window", async () => {
    const r = await runBench(["--quick"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Exactness against HiGHS");
    expect(r.out).toContain("PASS: gap 0 against HiGHS on every seed; PASS: no repeat inside the window");
    expect(r.out).not.toContain("Scale (");
    const lines = r.out.split("\n").filter((l) => l.startsWith("{"));
    expect(lines).toHaveLength(1);
    const f = JSON.parse(lines[0] ?? "{}");
    expect(f).toMatchObject({ bench: "rounds", quick: true, exact: true, seeds: [1], scale: [] });
    expect(f.bySize.map((s: { members: number }) => s.members)).toEqual([50, 200]);
    for (const s of f.bySize) {
      expect(s.maxGap, `${s.members} members`).toBe(0);
      expect(s.exact).toBe(true);
      expect(s.vsGreedy).toBeGreaterThan(0);
      expect(s.vsRandom).toBeGreaterThan(0);
    }
    for (const c of f.cases) {
      expect(c).toMatchObject({ gap: 0, valid: true, highsStatus: "Optimal" });
      expect(c.ours).toBe(c.highs);
      expect(c.edges).toBeGreaterThan(0);
      expect(typeof c.oursMs).toBe("number");
      expect(typeof c.highsMs).toBe("number");
    }
    expect(f.sim).toMatchObject({ members: 120, weeks: 12, window: 8, repeatsInWindow: 0 });
    expect(f.sim.rounds).toHaveLength(12);
    expect(f.sim.placedShareMin).toBeGreaterThan(0.5);
    expect(f.sim.metShare).toBeGreaterThan(0);
    expect(f.sim.metShare).toBeLessThanOrEqual(1);
    for (const round of f.sim.rounds) expect(round.placed + round.unpaired).toBe(round.optedIn);
  }, 120_000);
});
