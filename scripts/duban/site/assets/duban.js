/* duban: sortable and filterable tables. Served from the site itself; no dependencies.
 *
 * Progressive enhancement: without this script every table is complete and readable, the
 * filter bar stays hidden (it carries the `hidden` attribute) and headings are plain text.
 * UI text comes from data attributes the page renders from the locale files.
 */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
  }

  function compare(type) {
    if (type === "num") {
      return function (a, b) {
        var x = parseFloat(a), y = parseFloat(b);
        x = isNaN(x) ? Infinity : x;
        y = isNaN(y) ? Infinity : y;
        return x - y;
      };
    }
    // dates are ISO strings, so text order is date order; empty sorts last
    return function (a, b) {
      if (a === "" && b !== "") return 1;
      if (b === "" && a !== "") return -1;
      return a.localeCompare(b, document.documentElement.lang || "zh");
    };
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    // a unit's rows of several plans are in one tbody per plan, each opened by the plan's
    // row (tr.dbn-plan-row, h24f): sorting sorts within each plan
    var bodies = Array.prototype.slice.call(table.tBodies);
    if (!bodies.length) return;
    Array.prototype.forEach.call(headers, function (th, index) {
      var type = th.getAttribute("data-sort");
      if (!type) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dbn-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var order = compare(type);
        bodies.forEach(function (body) {
          var rows = dataRows(body);
          rows.forEach(function (row, position) { row.dataset.position = position; });
          rows.sort(function (a, b) {
            var result = order(cellValue(a, index), cellValue(b, index));
            if (!ascending) result = -result;
            return result || a.dataset.position - b.dataset.position; // stable
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  function dataRows(body) {
    return Array.prototype.filter.call(body.rows, function (row) {
      return !row.classList.contains("dbn-plan-row");
    });
  }

  // The ids a clerk copies (标识): one toggle a table (h24f), the ids in each row's data-ids,
  // put in the cell as text to copy the first time they are shown
  function makeIdsToggle(button) {
    var table = document.getElementById(button.getAttribute("data-dbn-ids-for"));
    if (!table) return;
    var made = false;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!made) {
        Array.prototype.forEach.call(table.querySelectorAll("td[data-ids]"), function (cell) {
          var code = document.createElement("code");
          code.className = "dbn-ids";
          code.textContent = cell.getAttribute("data-ids");
          cell.appendChild(code);
        });
        made = true;
      }
      var shown = table.classList.toggle("dbn-ids-shown");
      button.setAttribute("aria-pressed", shown ? "true" : "false");
    });
  }

  function makeFilter(bar) {
    var table = document.getElementById(bar.getAttribute("data-dbn-filter-for"));
    if (!table || !table.tBodies[0]) return;
    var input = bar.querySelector("input");
    var select = bar.querySelector("select");
    var output = bar.querySelector("output");
    var template = bar.getAttribute("data-count-template") || "{shown} / {total}";
    var rows = [];
    Array.prototype.forEach.call(table.tBodies, function (body) {
      rows = rows.concat(dataRows(body));
    });
    var heads = table.querySelectorAll("tr.dbn-plan-row");

    function apply() {
      var words = (input ? input.value : "").toLowerCase().split(/\s+/).filter(Boolean);
      var state = select ? select.value : "";
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) !== -1; });
        if (ok && state) ok = row.getAttribute("data-state") === state;
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      Array.prototype.forEach.call(heads, function (head) {
        // a plan's heading is hidden with the last of its rows
        head.hidden = !dataRows(head.parentNode).some(function (row) { return !row.hidden; });
      });
      if (output) {
        output.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
      }
    }

    if (input) input.addEventListener("input", apply);
    if (select) select.addEventListener("change", apply);
    bar.hidden = false;
    apply();
  }

  // Scroll cues: a box whose content is wider than itself (a wide table, a chart, a code block)
  // says so: a faded right edge while there is more to the right, and a hint above it
  // (words from the page: data-scroll-hint, rendered from the locale files by the plugin).
  var SCROLLERS = ".md-content .dbn-scroll, .md-content .md-typeset__scrollwrap, " +
    ".md-content figure.dbn-chart, .md-content pre > code";
  var cueCount = 0;

  function hintWords() {
    var holder = document.querySelector("[data-scroll-hint]");
    return holder ? holder.getAttribute("data-scroll-hint") : "";
  }

  function markEnd(box) {
    var atEnd = box.scrollLeft + box.clientWidth >= box.scrollWidth - 2;
    box.classList.toggle("dbn-cue-end", atEnd);
  }

  function cue(box, words) {
    var overflow = window.getComputedStyle(box).overflowX;
    var scrolls = overflow === "auto" || overflow === "scroll";
    var wide = scrolls && box.scrollWidth > box.clientWidth + 1 && box.clientWidth > 1;
    var id = box.getAttribute("data-duban-scroll-cue");
    var hint = id ? document.getElementById(id) : null;
    if (!wide) {
      // it fits (a wider window, a turned phone): no hint, no faded edge
      if (hint) hint.parentNode.removeChild(hint);
      box.removeAttribute("data-duban-scroll-cue");
      return;
    }
    if (!hint) {
      cueCount += 1;
      hint = document.createElement("p");
      hint.id = "dbn-scroll-cue-" + cueCount;
      hint.className = "dbn-scroll-hint";
      hint.setAttribute("aria-hidden", "true");
      hint.textContent = words;
      var anchor = box.tagName === "CODE" && box.parentNode ? box.parentNode : box;
      anchor.parentNode.insertBefore(hint, anchor);
      box.setAttribute("data-duban-scroll-cue", hint.id);
      if (!box.hasAttribute("data-dbn-cue-watched")) {
        box.setAttribute("data-dbn-cue-watched", "");
        box.addEventListener("scroll", function () { markEnd(box); }, { passive: true });
      }
    }
    markEnd(box);
  }

  function cueAll() {
    var words = hintWords();
    Array.prototype.forEach.call(document.querySelectorAll(SCROLLERS), function (box) {
      cue(box, words);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-dbn-sortable]"), makeSortable);
    Array.prototype.forEach.call(document.querySelectorAll("[data-dbn-filter-for]"), makeFilter);
    Array.prototype.forEach.call(document.querySelectorAll("button[data-dbn-ids-for]"), makeIdsToggle);
    Array.prototype.forEach.call(document.querySelectorAll("button[data-dbn-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    cueAll();
    var pending = null;
    window.addEventListener("resize", function () {
      if (pending) window.clearTimeout(pending);
      pending = window.setTimeout(cueAll, 150);
    });
    // a <details> opened shows boxes that were too small to measure while it was closed
    document.addEventListener("toggle", cueAll, true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
