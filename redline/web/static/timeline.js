// Timeline chart: stacked bars of events and statements per day, drawn as SVG from the table of days
// (the table stays the fallback without JavaScript). Reads numbers and dates only; no HTML is parsed.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
    return node;
  }

  function draw() {
    var holder = document.getElementById("timeline-chart");
    var table = document.getElementById("timeline-days");
    if (!holder || !table) { return; }
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var days = rows.map(function (row) {
      return { date: row.getAttribute("data-date") || "",
               events: parseInt(row.getAttribute("data-events"), 10) || 0,
               statements: parseInt(row.getAttribute("data-statements"), 10) || 0 };
    });
    if (!days.length) { return; }
    var width = 1000, height = 140, bottom = 18, step = width / days.length;
    var top = Math.max.apply(null, days.map(function (d) { return d.events + d.statements; })) || 1;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img" });
    var title = el("title", {});
    title.textContent = "Events (orange) and statements (blue) per day";
    svg.appendChild(title);
    days.forEach(function (d, n) {
      var w = Math.min(Math.max(step * 0.8, 1), 40), x = n * step + (step - w) / 2, scale = (height - bottom) / top;
      var he = d.events * scale, hs = d.statements * scale;
      var bar = el("rect", { x: x, y: height - bottom - hs, width: w, height: hs, "class": "bar-statements" });
      var tip = el("title", {});
      tip.textContent = d.date + ": " + d.events + " events, " + d.statements + " statements";
      bar.appendChild(tip);
      svg.appendChild(bar);
      svg.appendChild(el("rect", { x: x, y: height - bottom - hs - he, width: w, height: he, "class": "bar-events" }));
    });
    [0, days.length - 1].forEach(function (n) {
      var label = el("text", { x: n === 0 ? 0 : width, y: height - 4, "text-anchor": n === 0 ? "start" : "end" });
      label.textContent = days[n].date;
      svg.appendChild(label);
    });
    holder.appendChild(svg);
    document.documentElement.classList.add("js");
  }

  function focusHighlight() {
    var target = document.getElementById("highlight");
    if (target) { target.scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("DOMContentLoaded", function () { draw(); focusHighlight(); });
})();
