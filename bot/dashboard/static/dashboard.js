// The dashboard page: fetches the JSON endpoints for the chosen range and draws them.
// Every text from the log or the corpus goes in with textContent, never as markup.
"use strict";

(function () {
  const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777"];
  const OUTCOME_COLORS = { answered: "#16a34a", partial: "#d97706", refused: "#dc2626" };
  const showUsers = document.getElementById("dashboard").dataset.showUsers === "true";
  const charts = {};
  let loadNumber = 0;

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    return node;
  }

  function webLink(url, text) {
    // Only http(s) addresses become links (the server already drops others).
    if (typeof url === "string" && /^https?:\/\//.test(url)) {
      const a = el("a", text, { rel: "noopener noreferrer", target: "_blank" });
      a.href = url;
      return a;
    }
    return el("span", text);
  }

  function range() {
    return new URLSearchParams({
      from: document.getElementById("from").value,
      to: document.getElementById("to").value,
    });
  }

  async function getJSON(path) {
    const response = await fetch(path, { credentials: "same-origin" });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function day(text) {
    return text ? String(text).slice(0, 16).replace("T", " ") : "";
  }

  // -- charts ----------------------------------------------------------------------------------

  function drawChart(id, days, lines, yLabel) {
    const container = document.getElementById(id);
    if (charts[id]) charts[id].destroy();
    container.replaceChildren();
    const xs = days.map((d) => Date.parse(d + "T00:00:00Z") / 1000);
    const options = {
      width: Math.max(container.clientWidth, 280),
      height: 220,
      scales: { x: { time: true } },
      axes: [{}, { label: yLabel, size: 60 }],
      legend: { show: true },
      series: [
        { label: "day" },
        ...lines.map((line) => ({
          label: line.label,
          stroke: line.color,
          width: 2,
          fill: line.color + "22",
          spanGaps: false,
          points: { show: days.length <= 45 },
        })),
      ],
    };
    charts[id] = new uPlot(options, [xs, ...lines.map((l) => l.values)], container);
  }

  function drawCharts(series) {
    const days = series.days;
    drawChart(
      "chart-platforms",
      days,
      Object.entries(series.platforms).length
        ? Object.entries(series.platforms).map(([name, values], i) => ({
            label: name,
            values,
            color: COLORS[i % COLORS.length],
          }))
        : [{ label: "questions", values: series.questions, color: COLORS[0] }],
      "questions"
    );
    drawChart(
      "chart-outcomes",
      days,
      Object.entries(series.outcomes).map(([name, values], i) => ({
        label: name,
        values: values.map((v, d) => (series.questions[d] ? (100 * v) / series.questions[d] : null)),
        color: OUTCOME_COLORS[name] || COLORS[i % COLORS.length],
      })),
      "% of questions"
    );
    drawChart(
      "chart-votes",
      days,
      [
        { label: "helpful", values: series.helpful, color: "#16a34a" },
        { label: "not helpful", values: series.not_helpful, color: "#dc2626" },
      ],
      "votes"
    );
    drawChart(
      "chart-latency",
      days,
      [
        { label: "p50", values: series.latency_p50, color: "#2563eb" },
        { label: "p95", values: series.latency_p95, color: "#7c3aed" },
      ],
      "ms"
    );
    drawChart(
      "chart-handoffs",
      days,
      [{ label: "hand-offs", values: series.handoffs, color: "#d97706" }],
      "hand-offs"
    );
  }

  function showFigures(series) {
    const t = series.totals;
    const share = (n) => (t.questions ? ` (${Math.round((100 * n) / t.questions)}%)` : "");
    const set = (name, text) => {
      document.querySelector(`[data-figure="${name}"]`).textContent = text;
    };
    set("questions", t.questions);
    set("answered", (t.answered || 0) + share(t.answered || 0));
    set("partial", (t.partial || 0) + share(t.partial || 0));
    set("refused", (t.refused || 0) + share(t.refused || 0));
    set("votes", `${t.helpful} / ${t.not_helpful}`);
    set("latency", t.latency_p50 === null ? "–" : `${Math.round(t.latency_p50)} / ${Math.round(t.latency_p95)}`);
    set("handoffs", t.handoffs);
  }

  // -- tables ----------------------------------------------------------------------------------

  function fillTable(sectionId, rows, cells, emptyText) {
    const body = document.querySelector(`#${sectionId} tbody`);
    body.replaceChildren();
    if (!rows.length) {
      const width = document.querySelectorAll(`#${sectionId} thead th`).length;
      const tr = el("tr");
      tr.append(el("td", emptyText, { colspan: width, class: "empty" }));
      body.append(tr);
      return;
    }
    for (const row of rows) {
      const tr = el("tr");
      for (const cell of cells(row)) {
        const td = el("td");
        td.append(cell instanceof Node ? cell : document.createTextNode(cell ?? ""));
        tr.append(td);
      }
      if (row.id) {
        tr.classList.add("opens");
        tr.tabIndex = 0;
        tr.dataset.answerId = row.id;
        tr.addEventListener("click", () => openExchange(row.id));
        tr.addEventListener("keydown", (e) => {
          if (e.key === "Enter") openExchange(row.id);
        });
      }
      body.append(tr);
    }
  }

  function outcomeBadge(outcome) {
    return el("span", outcome, { class: `badge ${outcome}` });
  }

  function clip(text, n) {
    text = text || "";
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }

  function showGaps(gaps) {
    const holder = document.getElementById("gap-groups");
    holder.replaceChildren();
    if (!gaps.groups.length) {
      holder.append(el("p", "No refused, partly answered or voted-down questions in this range.", { class: "empty" }));
      return;
    }
    gaps.groups.forEach((group) => {
      const details = el("details", null, { class: "gap" });
      const summary = el("summary");
      summary.append(
        el("span", group.asks, { class: "asks" }),
        el("span", group.label, { class: "label" }),
        el("span", `${group.questions.length} wording(s), last asked ${day(group.last_asked)}`, { class: "when" })
      );
      details.append(summary);
      const list = el("ul");
      for (const q of group.questions) {
        const item = el("li");
        const button = el("button", q.question, { type: "button", class: "link" });
        button.addEventListener("click", () => openExchange(q.answer_id));
        item.append(button, el("span", ` ${q.asks}× · ${q.why} · last ${day(q.last_asked)}`, { class: "when" }));
        list.append(item);
      }
      details.append(list);
      holder.append(details);
    });
  }

  function showFreshness(data) {
    document.getElementById("built-at").textContent = data.built_at || "no index";
    document.getElementById("article-count").textContent = data.articles.length;
    document.getElementById("never-cited-count").textContent = data.never_cited.length;
    fillTable(
      "freshness",
      data.articles,
      (a) => [a.published || "undated", webLink(a.url, a.title || a.doc_id), a.passages, a.cited === 0 ? el("strong", "never", { class: "never" }) : a.cited],
      "The index holds no articles."
    );
  }

  // -- one exchange ----------------------------------------------------------------------------

  async function openExchange(answerId) {
    const dialog = document.getElementById("exchange");
    let data;
    try {
      data = await getJSON(`api/exchange/${encodeURIComponent(answerId)}`);
    } catch (err) {
      setStatus(`Could not open that exchange: ${err.message}`, true);
      return;
    }
    dialog.querySelector(".exchange-id").textContent = data.id;
    const who = showUsers && data.user ? ` · asked by ${data.user}` : "";
    dialog.querySelector(".meta").textContent =
      `${day(data.asked_at)} · ${data.source || "unknown platform"} · ${data.outcome} · ${data.latency_ms ?? "–"} ms${who}`;
    dialog.querySelector(".question").textContent = data.question;
    dialog.querySelector(".answer").textContent = data.answer;
    const citations = dialog.querySelector(".citations");
    citations.replaceChildren();
    for (const c of data.citations) {
      const item = el("li", null, { class: "citation" });
      item.append(webLink(c.url, c.title || c.doc_id));
      if (c.quote) item.append(el("blockquote", c.quote));
      citations.append(item);
    }
    if (!data.citations.length) citations.append(el("li", "none (the answer cites no passage)", { class: "empty" }));
    const votes = dialog.querySelector(".votes");
    votes.replaceChildren();
    for (const v of data.votes) {
      votes.append(el("li", `${v.helpful ? "helpful" : "not helpful"} · ${day(v.at)}${showUsers && v.user ? " · " + v.user : ""}`));
    }
    if (!data.votes.length) votes.append(el("li", "no votes", { class: "empty" }));
    const handoffs = dialog.querySelector(".exchange-handoffs");
    handoffs.replaceChildren();
    for (const h of data.handoffs) {
      handoffs.append(el("li", `${h.source || ""} · ${day(h.at)}${showUsers && h.user ? " · " + h.user : ""}`));
    }
    if (!data.handoffs.length) handoffs.append(el("li", "none", { class: "empty" }));
    if (!dialog.open) dialog.showModal();
  }

  // -- loading ---------------------------------------------------------------------------------

  function setStatus(text, isError) {
    const status = document.getElementById("status");
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  function setDownloads() {
    const query = range().toString();
    for (const link of document.querySelectorAll("a[data-csv]")) {
      link.href = `csv/${link.dataset.csv}.csv?${query}`;
    }
  }

  async function load() {
    const mine = ++loadNumber;
    const query = range().toString();
    setDownloads();
    setStatus("Loading…");
    document.getElementById("dashboard").dataset.loaded = "false";
    document.getElementById("dashboard").dataset.gapsLoaded = "false";
    const gapsHolder = document.getElementById("gap-groups");
    gapsHolder.replaceChildren(el("p", "Grouping questions by meaning…", { class: "empty" }));
    try {
      const [series, worst, passages, handoffs, exchanges, freshness] = await Promise.all(
        ["series", "worst", "passages", "handoffs", "exchanges", "freshness"].map((name) =>
          getJSON(`api/${name}?${query}`)
        )
      );
      if (mine !== loadNumber) return;
      showFigures(series);
      drawCharts(series);
      fillTable("worst", worst, (r) => [day(r.asked_at), r.question, outcomeBadge(r.outcome), clip(r.answer, 160), `${r.helpful} / ${r.not_helpful}`], "Nothing refused or voted down in this range.");
      fillTable("passages", passages, (p) => [webLink(p.url, p.title || p.doc_id), clip(p.quote, 200), p.not_helpful, p.helpful], "No passage was voted down in this range.");
      fillTable("handoffs", handoffs, (h) => [day(h.handed_off_at), h.source, h.question, outcomeBadge(h.outcome), h.asks], "No hand-offs in this range.");
      fillTable("exchanges", exchanges, (r) => [day(r.asked_at), r.source, r.question, outcomeBadge(r.outcome), r.latency_ms === null ? "–" : Math.round(r.latency_ms), `${r.helpful} / ${r.not_helpful}`], "No questions in this range.");
      showFreshness(freshness);
      setStatus(series.totals.questions ? "" : "No questions were logged in this range.");
      document.getElementById("dashboard").dataset.loaded = "true";
    } catch (err) {
      if (mine === loadNumber) setStatus(`Could not load the dashboard: ${err.message}`, true);
      return;
    }
    try {
      const gaps = await getJSON(`api/gaps?${query}`);
      if (mine === loadNumber) showGaps(gaps);
    } catch (err) {
      if (mine === loadNumber) gapsHolder.replaceChildren(el("p", `Could not group the questions: ${err.message}`, { class: "error" }));
    }
    if (mine === loadNumber) document.getElementById("dashboard").dataset.gapsLoaded = "true";
  }

  document.getElementById("range").addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  for (const button of document.querySelectorAll("[data-days]")) {
    button.addEventListener("click", () => {
      const to = new Date(document.getElementById("to").max + "T00:00:00Z");
      const from = new Date(to.getTime() - (Number(button.dataset.days) - 1) * 86400000);
      document.getElementById("to").value = to.toISOString().slice(0, 10);
      document.getElementById("from").value = from.toISOString().slice(0, 10);
      load();
    });
  }
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const [id, chart] of Object.entries(charts)) {
        chart.setSize({ width: Math.max(document.getElementById(id).clientWidth, 280), height: 220 });
      }
    }, 150);
  });
  load();
})();
