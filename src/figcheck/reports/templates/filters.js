(function () {
  "use strict";
  // Filters by severity and rule. The page's text is never read as markup: only data-* attributes
  // and the hidden property are used.
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-severity]"));
  var rule = document.getElementById("rule-filter");
  var onlyFlagged = document.getElementById("only-flagged");
  function apply() {
    var shown = {};
    boxes.forEach(function (b) { shown[b.getAttribute("data-severity")] = b.checked; });
    var wanted = rule ? rule.value : "";
    document.querySelectorAll(".anomaly").forEach(function (el) {
      el.hidden = !(shown[el.getAttribute("data-severity")] &&
                    (wanted === "" || el.getAttribute("data-rule") === wanted));
    });
    document.querySelectorAll("[data-anomalies]").forEach(function (el) {
      var ids = el.getAttribute("data-anomalies").split(" ").filter(Boolean);
      var live = ids.some(function (id) { var a = document.getElementById(id); return a && !a.hidden; });
      el.classList.toggle("muted", ids.length > 0 && !live);
    });
    document.querySelectorAll(".item").forEach(function (item) {
      var visible = item.querySelectorAll(".anomaly:not([hidden])").length;
      item.hidden = onlyFlagged !== null && onlyFlagged.checked && visible === 0;
    });
    var count = document.querySelectorAll(".anomaly:not([hidden])").length;
    var out = document.getElementById("shown-count");
    if (out) { out.textContent = String(count); }
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  if (rule) { rule.addEventListener("change", apply); }
  if (onlyFlagged) { onlyFlagged.addEventListener("change", apply); }
  apply();
})();
