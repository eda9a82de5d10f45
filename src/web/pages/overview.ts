import type { Hono } from "hono";
import { html, raw } from "hono/html";
import { FUNNEL_STEPS, type FunnelStep, type ProgramStats } from "../../core/stats/index.js";
import { adminStats } from "../../core/use-cases/index.js";
import { DEFAULT_DASHBOARD_PERIOD, hoursWords, OVERVIEW_WORDS, PAGE_WORDS, waitCells, weekLabel } from "../../text/dashboard-pages.js";
import { FIGURES } from "../../text/figures.js";
import type { DashboardEnv, WebContext } from "../context.js";
import { page } from "../layout.js";
import { askedPeriod, csvLink, emptyRow, figure, type Html, notAdmin, numCell, periodForm, scriptJson, tableWrap } from "./parts.js";

/** What charts.js reads from #funnel-data: one label per week and one series per funnel step. */
export interface FunnelChartData {
  title: string;
  axis: { x: string; y: string };
  /** Each week's start as YYYY-MM-DD in the community's zone. */
  weeks: string[];
  /** Each week's start as a reader sees it. */
  labels: string[];
  series: { key: FunnelStep; label: string; data: number[] }[];
}

export function funnelChartData(s: ProgramStats): FunnelChartData {
  return {
    title: OVERVIEW_WORDS.weeklyHeading,
    axis: { x: OVERVIEW_WORDS.axisX, y: OVERVIEW_WORDS.axisY },
    weeks: s.weeks.map((w) => isoDay(w.start, s.timeZone)),
    labels: s.weeks.map((w) => weekLabel(w.start, s.timeZone)),
    series: FUNNEL_STEPS.map((k) => ({ key: k, label: FIGURES[k].label, data: s.weeks.map((w) => w.counts[k]) })),
  };
}

const isoDay = (d: Date, zone: string): string => new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" }).format(d);

/** The funnel week by week: the chart (drawn by charts.js from #funnel-data) and the same numbers as a table. */
function weekly(s: ProgramStats): Html {
  const data = funnelChartData(s);
  const totals = FUNNEL_STEPS.map((k) => s.weeks.reduce((n, w) => n + w.counts[k], 0));
  return html`<section aria-labelledby="weekly-heading">
    <h2 id="weekly-heading">${OVERVIEW_WORDS.weeklyHeading}</h2>
    <figure class="chart">
      <canvas id="funnel-chart" role="img" aria-label="${OVERVIEW_WORDS.chartSummary(s.period, s.funnel, s.weeks.length)}"></canvas>
      <script type="application/json" id="funnel-data">${raw(scriptJson(data))}</script>
    </figure>
    ${tableWrap(
      "funnel-table",
      OVERVIEW_WORDS.tableCaption(s.timeZone),
      html`<thead>
          <tr><th scope="col">${OVERVIEW_WORDS.weekColumn}</th>${FUNNEL_STEPS.map((k) => html`<th scope="col" class="num">${FIGURES[k].label}</th>`)}</tr>
        </thead>
        <tbody>
          ${
            s.weeks.length === 0
              ? emptyRow(FUNNEL_STEPS.length + 1, OVERVIEW_WORDS.noWeeks)
              : data.labels.map(
                  (label, i) =>
                    html`<tr><th scope="row"><time datetime="${data.weeks[i] ?? ""}">${label}</time></th>${data.series.map((sr) => numCell(sr.data[i] ?? 0))}</tr>`,
                )
          }
        </tbody>
        <tfoot>
          <tr><th scope="row">${OVERVIEW_WORDS.total}</th>${totals.map(numCell)}</tr>
        </tfoot>`,
    )}
  </section>`;
}

/** Time to first intro and to a booked chat: median, p90 and how many were measured. */
function waits(s: ProgramStats): Html {
  const rows = [
    { key: "timeToFirstIntro" as const, w: s.timeToFirstIntro },
    { key: "timeToBooked" as const, w: s.timeToBooked },
  ];
  return html`<section aria-labelledby="waits-heading">
    <h2 id="waits-heading">${OVERVIEW_WORDS.waitsHeading}</h2>
    ${tableWrap(
      "waits-table",
      OVERVIEW_WORDS.waitsCaption,
      html`<thead>
          <tr>
            <th scope="col">${OVERVIEW_WORDS.figureColumn}</th><th scope="col">${OVERVIEW_WORDS.median}</th>
            <th scope="col">${OVERVIEW_WORDS.p90}</th><th scope="col">${OVERVIEW_WORDS.measured}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-figure="${r.key}"><th scope="row">${FIGURES[r.key].label}</th>${waitCells(r.w).map(numCell)}</tr>`,
          )}
        </tbody>`,
    )}
    <ul class="help">
      ${rows.map((r) => html`<li><strong>${FIGURES[r.key].label}:</strong> ${FIGURES[r.key].help}</li>`)}
    </ul>
  </section>`;
}

function overviewBody(s: ProgramStats, communityId: string): Html {
  return html`${periodForm(s.period)}
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">${OVERVIEW_WORDS.funnelHeading}</h2>
      <p>${OVERVIEW_WORDS.funnelIntro(s.period)} ${csvLink(communityId, "funnel.csv", { period: s.period })}</p>
      <dl class="figures" id="funnel-figures">${FUNNEL_STEPS.map((k) => figure(k, s.funnel[k]))}</dl>
    </section>
    ${weekly(s)} ${waits(s)}
    <section aria-labelledby="now-heading">
      <h2 id="now-heading">${OVERVIEW_WORDS.nowHeading}</h2>
      <dl class="figures" id="now-figures">
        ${figure("waiting", OVERVIEW_WORDS.waitingValue(s.waiting))}
        ${figure("longestWait", hoursWords(s.waiting.longestHours))}
        ${figure("loadSpread", OVERVIEW_WORDS.spreadValue(s.volunteerLoad))}
      </dl>
    </section>
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">${OVERVIEW_WORDS.outcomesHeading}</h2>
      <dl class="figures" id="outcome-figures">
        ${figure("declined", s.intros.declined)} ${figure("expired", s.intros.expired)}
        ${figure("noShow", s.chats.noShow)} ${figure("disputed", s.chats.disputed)}
        ${figure("cancelled", s.chats.cancelled)} ${figure("referrals", s.referrals)}
      </dl>
    </section>`;
}

/** `GET /dashboard/:cid/?period=`: the programme's figures for a period (12 weeks unless asked). */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.get("/dashboard/:cid/", async (c) => {
    const viewer = c.get("viewer");
    const asked = askedPeriod(c);
    let r = await adminStats(ctx.deps, { actor: viewer.actor, period: asked });
    let notice: string | undefined;
    if (!r.ok && r.code === "BAD_PERIOD") {
      notice = PAGE_WORDS.badPeriod(asked);
      r = await adminStats(ctx.deps, { actor: viewer.actor, period: DEFAULT_DASHBOARD_PERIOD });
    }
    if (!r.ok) return notAdmin(c);
    const body = overviewBody(r.value, viewer.communityId);
    return c.html(
      page({
        viewer,
        title: OVERVIEW_WORDS.title,
        current: "overview",
        body,
        scripts: ["chart.umd.min.js", "charts.js"],
        ...(notice ? { notice } : {}),
      }),
      notice ? 400 : 200,
    );
  });
}
