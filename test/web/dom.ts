/**
 * The little of the browser's DOM the tests read inside `page.evaluate`, typed here because the
 * project compiles without the DOM library (it is a Node program). Use it as
 * `(globalThis as unknown as BrowserGlobals).document` inside functions Playwright runs in the page.
 */
export interface DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
  closest(selector: string): DomNode | null;
}

export interface BrowserGlobals {
  document: {
    getElementById(id: string): DomNode | null;
    querySelectorAll(selector: string): ArrayLike<DomNode>;
    activeElement: DomNode | null;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
  Chart?: { getChart(canvas: unknown): { data: { labels: unknown[]; datasets: { label: string; data: unknown[] }[] } } | undefined };
}
