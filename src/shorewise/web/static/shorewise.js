// shorewise web app: the few behaviours HTMX attributes don't cover.
// No inline scripts (the Content-Security-Policy forbids them); everything is delegated
// from document, so content swapped in by HTMX works without re-binding.
(function () {
  "use strict";

  // Index for a new row: one more than the largest index in its list, so added rows never
  // collide with rows left after a removal.
  function nextIndex(listId) {
    var max = -1;
    document.querySelectorAll("#" + listId + " [data-index]").forEach(function (el) {
      max = Math.max(max, parseInt(el.getAttribute("data-index"), 10));
    });
    return max + 1;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var list = event.detail.elt.getAttribute("data-next-index-of");
    if (list) {
      event.detail.parameters.index = nextIndex(list);
    }
  });

  // Tabs (form | YAML). The tab buttons carry hx-post to convert one into the other;
  // clicking the tab that is already shown converts nothing.
  function showTab(editor, name) {
    editor.setAttribute("data-tab", name);
    editor.querySelectorAll("[data-panel]").forEach(function (panel) {
      panel.hidden = panel.getAttribute("data-panel") !== name;
    });
    editor.querySelectorAll("[data-tab-button]").forEach(function (button) {
      var active = button.getAttribute("data-tab-button") === name;
      button.setAttribute("aria-selected", active ? "true" : "false");
    });
    var url = new URL(window.location.href);
    url.searchParams.set("tab", name);
    window.history.replaceState(null, "", url);
  }

  document.addEventListener("htmx:confirm", function (event) {
    var button = event.detail.elt;
    var name = button.getAttribute && button.getAttribute("data-tab-button");
    if (!name) {
      return;
    }
    var editor = button.closest("[data-tab]");
    if (editor && editor.getAttribute("data-tab") === name) {
      event.preventDefault();
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var button = event.detail.elt;
    var name = button.getAttribute && button.getAttribute("data-tab-button");
    if (name && event.detail.successful) {
      var editor = button.closest("[data-tab]");
      var message = editor && editor.querySelector("[data-yaml-error]");
      if (message && !message.hidden && name === "form") {
        return; // broken YAML: stay on the YAML tab
      }
      showTab(editor, name);
    }
  });

  document.addEventListener("yamlError", function (event) {
    var message = document.querySelector("[data-yaml-error]");
    if (message) {
      message.textContent = event.detail.value + ": fix it here, or save to see every problem";
      message.hidden = false;
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.id === "yaml-text") {
      var message = document.querySelector("[data-yaml-error]");
      if (message) {
        message.hidden = true;
      }
    }
  });

  document.addEventListener("click", function (event) {
    var remove = event.target.closest("[data-remove-row]");
    if (remove) {
      event.preventDefault();
      var row = remove.closest("[data-index]");
      if (row) {
        row.remove();
      }
    }
  });

  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Progress pages poll their job. If the server stops answering, say so (instead of a
  // frozen bar) and keep trying: a restarted server runs the job again or shows it failed.
  function serverGone(event) {
    var poll = event.detail.elt;
    if (!poll || !poll.hasAttribute || !poll.hasAttribute("data-poll")) {
      return;
    }
    var notice = poll.querySelector("[data-server-gone]");
    if (notice) {
      var status = event.detail.xhr && event.detail.xhr.status;
      notice.textContent =
        (status ? "The server answered " + status + "." : "The server is not answering: it may have stopped.") +
        " Last tried " + new Date().toLocaleTimeString() + "; trying again every few seconds." +
        " A job the server did not finish is run again when it starts.";
      notice.hidden = false;
    }
    htmx.trigger(poll, "shorewise:retry");
  }
  document.addEventListener("htmx:sendError", serverGone);
  document.addEventListener("htmx:responseError", serverGone);

  // Charts: each [data-vega] names a <script type="application/json"> holding its spec.
  function renderCharts(root) {
    if (typeof window.vegaEmbed !== "function") {
      return;
    }
    root.querySelectorAll("[data-vega]:not([data-rendered])").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-vega"));
      if (!source) {
        return;
      }
      el.setAttribute("data-rendered", "pending");
      var spec = JSON.parse(source.textContent);
      if (el.clientWidth < 560) {
        // a narrow box (a phone): one legend entry per line, names in full, never clipped
        spec.config = spec.config || {};
        spec.config.legend = Object.assign({}, spec.config.legend, {
          columns: 1,
          labelLimit: 0,
          labelFontSize: 10,
        });
      }
      window
        .vegaEmbed(el, spec, { actions: false, renderer: "svg" })
        .then(function () {
          el.setAttribute("data-rendered", "yes");
        })
        .catch(function (error) {
          el.setAttribute("data-rendered", "failed");
          el.textContent = "This chart could not be drawn: " + error;
        });
    });
  }

  function focusFirstError(root) {
    var invalid = root.querySelector("[aria-invalid='true']");
    if (invalid) {
      invalid.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderCharts(document);
    focusFirstError(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    renderCharts(event.detail.elt);
    focusFirstError(event.detail.elt);
  });
})();
