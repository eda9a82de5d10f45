import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { element, pagesApp } from "./pages-support.js";

const SCRIPT = readFileSync(new URL("../../src/web/assets/charts.js", import.meta.url), "utf8");

interface ChartConfig {
  type: string;
  data: { labels: string[]; datasets: { label: string; data: number[]; backgroundColor: string }[] };
  options: {
    animation: unknown;
    plugins: { legend: { display: boolean } };
    scales: {
      x: { title: { display: boolean; text: string } };
      y: { title: { text: string }; ticks: { precision: number; callback: (v: number) => unknown } };
    };
  };
}

/**
 * Runs charts.js as a browser would after chart.umd.min.js: a page whose #funnel-data holds
 * `json`, a Chart global that records what it was asked to draw. Returns the configs drawn.
 */
function runChartScript(json: string, reducedMotion: boolean): ChartConfig[] {
  const drawn: ChartConfig[] = [];
  const canvas = { id: "funnel-chart" };
  const document = {
    readyState: "complete",
    getElementById: (idValue: string) => (idValue === "funnel-chart" ? canvas : idValue === "funnel-data" ? { textContent: json } : null),
    addEventListener: () => undefined,
  };
  const window = {
    innerWidth: 1024,
    matchMedia: (q: string) => ({ matches: reducedMotion && q.includes("prefers-reduced-motion: reduce") }),
    Chart: function Chart(el: unknown, config: ChartConfig) {
      expect(el).toBe(canvas);
      drawn.push(config);
    },
  };
  runInNewContext(SCRIPT, { window, document });
  return drawn;
}

async function funnelJson(): Promise<string> {
  const { get } = await pagesApp();
  const body = (await get("?period=all")).body;
  const script = element(body, "script", "funnel-data");
  return script.replace(/^<script[^>]*>/, "").replace(/<\/script>$/, "");
}

describe("charts.js", () => {
  it("draws a grouped bar chart from #funnel-data: one colour-blind-safe colour per step, legend, axis titles, whole-number ticks", async () => {
    const [config] = runChartScript(await funnelJson(), false);
    if (!config) throw new Error("nothing drawn");
    expect(config.type).toBe("bar");
    expect(config.data.datasets.map((d) => d.label)).toEqual(["Requests", "Intros", "Accepted", "Booked", "Happened", "Thanked"]);
    expect(config.data.datasets.map((d) => d.backgroundColor)).toEqual(["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]);
    expect(config.data.labels[0]).toMatch(/2026$/);
    expect(config.options.plugins.legend.display).toBe(true);
    expect(config.options.scales.x.title).toEqual({ display: true, text: "Week starting" });
    expect(config.options.scales.y.title.text).toBe("How many");
    expect(config.options.scales.y.ticks.precision).toBe(0);
    expect(config.options.scales.y.ticks.callback(1.5)).toBeNull();
    expect(config.options.scales.y.ticks.callback(2)).toBe(2);
    expect(config.options.animation).not.toBe(false);
  });

  it("does not animate for someone who asked for reduced motion", async () => {
    const [config] = runChartScript(await funnelJson(), true);
    expect(config?.options.animation).toBe(false);
  });

  it("draws nothing from broken or empty data (the table still has every number)", () => {
    expect(runChartScript("{not json", false)).toEqual([]);
    expect(runChartScript('{"labels":[],"series":[]}', false)).toEqual([]);
  });

  it("never evaluates code and writes no inline script", () => {
    expect(SCRIPT).not.toMatch(/\beval\(|new Function|innerHTML|document\.write/);
  });
});
