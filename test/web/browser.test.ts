import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { shot, useBrowser } from "./browser.js";

describe("headless Chromium for the dashboard's browser tests", () => {
  const browser = useBrowser();

  it("launches, renders a page, runs its script and writes a screenshot", async () => {
    const page = await browser().newPage();
    await page.goto(
      `data:text/html,${encodeURIComponent('<h1 id="t">Percolate</h1><script>document.getElementById("t").dataset.ran = "yes"</script>')}`,
    );
    expect(await page.textContent("h1")).toBe("Percolate");
    expect(await page.getAttribute("h1", "data-ran")).toBe("yes");
    expect(existsSync(await shot(page, "smoke"))).toBe(true);
    await page.close();
  });
});
