/*
 * The Overview's funnel chart. Plain browser JavaScript, loaded with defer after
 * chart.umd.min.js (which defines the global Chart); no modules, no build, no eval, nothing
 * inline (the page's CSP is script-src 'self'). It reads the numbers the page already shows
 * in #funnel-table from the JSON in #funnel-data, so with JavaScript off nothing is lost.
 * Every word on the chart (step names, axis titles) comes from that JSON.
 */
(() => {
  // Okabe–Ito colours: told apart with every common colour-vision deficiency.
  const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

  function draw() {
    const canvas = document.getElementById("funnel-chart");
    const source = document.getElementById("funnel-data");
    if (!canvas || !source || typeof window.Chart !== "function") return;
    let data;
    try {
      data = JSON.parse(source.textContent || "{}");
    } catch {
      return; // the table below still has every number
    }
    if (!Array.isArray(data.labels) || !Array.isArray(data.series) || data.labels.length === 0) return;
    const still = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;
    const axis = data.axis || {};
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.series.map((s, i) => ({
          label: s.label,
          data: s.data,
          backgroundColor: PALETTE[i % PALETTE.length],
          borderColor: PALETTE[i % PALETTE.length],
          borderWidth: 1,
        })),
      },
      options: {
        responsive: true,
        // Taller on a phone, where the weeks are squeezed side by side.
        aspectRatio: window.innerWidth < 600 ? 1.1 : 2.4,
        animation: still ? false : { duration: 400 },
        transitions: still ? { active: { animation: { duration: 0 } }, resize: { animation: { duration: 0 } } } : {},
        plugins: {
          legend: { display: true, position: "bottom" },
          tooltip: { mode: "index", intersect: false },
        },
        scales: {
          x: { title: { display: Boolean(axis.x), text: axis.x || "" } },
          y: {
            beginAtZero: true,
            title: { display: Boolean(axis.y), text: axis.y || "" },
            // Counts of people and chats: whole numbers only.
            ticks: { precision: 0, callback: (v) => (Number.isInteger(v) ? v : null) },
          },
        },
      },
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
