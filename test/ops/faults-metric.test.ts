import { describe, expect, it } from "vitest";
import { countMalformed, faultCounts } from "../../src/app/faults.js";
import { PromMetrics } from "../../src/ops/metrics.js";

/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(" ").at(-1));
}

describe("faults the process survived reach /metrics", () => {
  it("exports the process guard's and the parsers' counts at scrape time", async () => {
    const metrics = new PromMetrics({ defaults: false });
    const before = faultCounts().malformedInput.discord ?? 0;
    countMalformed("discord");
    countMalformed("discord");
    const text = await metrics.registry.metrics();
    expect(text).toContain("# TYPE percolate_process_faults gauge");
    expect(sample(text, "percolate_process_faults", 'kind="malformed_input",platform="discord"')).toBe(before + 2);
    expect(sample(text, "percolate_process_faults", 'kind="unhandled_rejection",platform=""')).toBe(faultCounts().unhandledRejections);
  });
});
