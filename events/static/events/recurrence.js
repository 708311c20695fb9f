/* The activity editor's repetition in plain Spanish (events/widgets.py).

   The RRULE text input stays the stored value ("Avanzado"); the controls above it write it,
   and the admin endpoint (events/recurrence_preview.py) reads it back and lists the next dates
   in Lima time. build() mirrors events/recurrence_editor.py state_to_rule: a rule that is read
   and not changed is written back unchanged. */
"use strict";
(function () {
  const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  const FREQS = { daily: "DAILY", weekly: "WEEKLY", monthly: "MONTHLY", yearly: "YEARLY" };
  const CANONICAL_ORDER = ["FREQ", "BYMONTH", "BYMONTHDAY", "BYDAY", "COUNT", "UNTIL"];

  function build(state) {
    if (!state || state.freq === "none") return "";
    const parts = { FREQ: FREQS[state.freq] };
    if (state.freq === "weekly" && state.weekdays && state.weekdays.length) parts.BYDAY = state.weekdays.join(",");
    if (state.freq === "monthly") {
      if (state.monthly_mode === "weekday" && state.ordinal && state.ordinal_weekday) {
        parts.BYDAY = `${state.ordinal}${state.ordinal_weekday}`;
      } else if (state.monthly_mode !== "weekday" && state.month_day) {
        parts.BYMONTHDAY = String(state.month_day);
      }
    }
    if (state.freq === "yearly" && state.year_month && state.year_day) {
      parts.BYMONTH = String(state.year_month);
      parts.BYMONTHDAY = String(state.year_day);
    }
    if (state.end === "count" && state.count) {
      parts.COUNT = String(state.count);
    } else if (state.end === "until" && state.until) {
      // The stored value (e.g. a UTC date-time) while its Lima date is the one shown.
      parts.UNTIL = state.until_raw && state.until === state.until_raw_date ? state.until_raw : state.until.replaceAll("-", "");
    }
    const order = (state.order || []).filter((key) => key in parts);
    CANONICAL_ORDER.forEach((key) => {
      if (key in parts && !order.includes(key)) order.push(key);
    });
    return (state.prefix || "") + order.map((key) => `${key}=${parts[key]}`).join(";");
  }

  function withRawDate(state) {
    if (state) state.until_raw_date = state.until_raw ? state.until : null;
    return state;
  }

  function intOrNull(value) {
    const number = parseInt(value, 10);
    return Number.isNaN(number) ? null : number;
  }

  function setup(root) {
    const form = root.closest("form");
    const input = root.querySelector("details input");
    const plain = root.querySelector("[data-cms-recurrence-plain]");
    const field = (name) => plain.querySelector(`[data-field="${name}"]`);
    const fields = (name) => Array.from(plain.querySelectorAll(`[data-field="${name}"]`));
    const formValue = (name) => {
      const element = form && form.querySelector(`[name="${name}"]`);
      if (!element) return "";
      return element.type === "checkbox" ? (element.checked ? "true" : "") : element.value;
    };
    let loaded = withRawDate(JSON.parse(root.querySelector("[data-cms-recurrence-state]").textContent));
    let timer = null;
    let sequence = 0;

    function show(state) {
      const freq = state ? state.freq : "none";
      plain.querySelectorAll("[data-show-for]").forEach((element) => {
        element.hidden = !element.dataset.showFor.split(" ").includes(freq);
      });
      root.querySelector("[data-cms-recurrence-advanced-only]").hidden = state !== null;
      if (state === null) root.querySelector("[data-cms-recurrence-details]").open = true;
    }

    function setControls(state) {
      const s = state || { freq: "none", weekdays: [], monthly_mode: "day", end: "never" };
      field("freq").value = state ? s.freq : "none";
      fields("weekday").forEach((box) => (box.checked = (s.weekdays || []).includes(box.value)));
      fields("monthly_mode").forEach((radio) => (radio.checked = radio.value === (s.monthly_mode || "day")));
      field("month_day").value = s.month_day || "";
      field("ordinal").value = s.ordinal || "1";
      field("ordinal_weekday").value = s.ordinal_weekday || "MO";
      field("year_day").value = s.year_day || "";
      field("year_month").value = s.year_month || "";
      fields("end").forEach((radio) => (radio.checked = radio.value === (s.end || "never")));
      field("until").value = s.until || "";
      field("count").value = s.count || "";
      show(state);
    }

    function readControls() {
      const base = loaded || {};
      const checked = fields("weekday").filter((box) => box.checked).map((box) => box.value);
      const same = base.weekdays && base.weekdays.length === checked.length && checked.every((d) => base.weekdays.includes(d));
      const mode = fields("monthly_mode").find((radio) => radio.checked);
      const end = fields("end").find((radio) => radio.checked);
      return {
        freq: field("freq").value,
        weekdays: same ? base.weekdays : WEEKDAYS.filter((d) => checked.includes(d)),
        monthly_mode: mode ? mode.value : "day",
        month_day: intOrNull(field("month_day").value),
        ordinal: intOrNull(field("ordinal").value),
        ordinal_weekday: field("ordinal_weekday").value,
        year_month: intOrNull(field("year_month").value),
        year_day: intOrNull(field("year_day").value),
        end: end ? end.value : "never",
        until: field("until").value || null,
        until_raw: base.until_raw || null,
        until_raw_date: base.until_raw_date || null,
        count: intOrNull(field("count").value),
        prefix: base.prefix || "",
        order: base.order || [],
      };
    }

    function render(body) {
      root.querySelector("[data-cms-recurrence-description]").textContent = body.description || "";
      const error = root.querySelector("[data-cms-recurrence-error]");
      error.textContent = body.error || "";
      error.hidden = !body.error;
      const list = root.querySelector("[data-cms-recurrence-dates]");
      list.replaceChildren(
        ...(body.dates || []).map((text) => {
          const item = document.createElement("li");
          item.textContent = text;
          return item;
        }),
      );
      if (!body.dates || !body.dates.length) {
        const item = document.createElement("li");
        item.textContent = body.error ? "—" : "No hay fechas próximas.";
        list.append(item);
      }
    }

    function refresh(fromText) {
      const params = new URLSearchParams({
        recurrence: input.value,
        start: formValue("start"),
        end: formValue("end"),
        all_day: formValue("all_day"),
        exception_dates: formValue("exception_dates"),
      });
      const mine = ++sequence;
      root.dataset.pending = "true";
      fetch(`${root.dataset.previewUrl}?${params}`, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => response.json())
        .then((body) => {
          if (mine !== sequence) return;
          if (fromText) {
            loaded = withRawDate(body.state);
            setControls(loaded);
          }
          render(body);
        })
        .catch(() => mine === sequence && render({ error: "No se pudo calcular las próximas fechas (sin conexión con el servidor)." }))
        .finally(() => mine === sequence && delete root.dataset.pending);
    }

    function later(fromText) {
      clearTimeout(timer);
      timer = setTimeout(() => refresh(fromText), 250);
    }

    plain.addEventListener("change", () => {
      const state = readControls();
      input.value = build(state);
      show(state);
      refresh(false);
    });
    input.addEventListener("input", () => later(true));
    if (form) {
      ["start", "end", "all_day", "exception_dates"].forEach((name) => {
        const element = form.querySelector(`[name="${name}"]`);
        if (element) element.addEventListener("change", () => later(false));
      });
    }
    plain.hidden = false;
    setControls(loaded);
    refresh(false);
  }

  function setupExceptionDates(root) {
    const textarea = root.querySelector("textarea");
    const list = root.querySelector("[data-cms-exdates-list]");
    const picker = root.querySelector("[data-cms-exdates-input]");
    const format = new Intl.DateTimeFormat("es-PE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const valid = (line) => /^\d{4}-\d{2}-\d{2}$/.test(line) && !Number.isNaN(Date.parse(`${line}T00:00:00Z`));
    const dates = () => textarea.value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

    function write(values) {
      textarea.value = Array.from(new Set(values)).sort().join("\n");
      textarea.dispatchEvent(new Event("change", { bubbles: true }));
      draw();
    }

    function draw() {
      const values = dates();
      // Lines that are not dates stay visible in the textarea, where the form's error points.
      textarea.hidden = values.every(valid);
      list.replaceChildren(
        ...values.filter(valid).map((value) => {
          const item = document.createElement("li");
          item.dataset.date = value;
          item.append(format.format(new Date(`${value}T00:00:00Z`)) + " ");
          const remove = document.createElement("button");
          remove.type = "button";
          remove.className = "button button-small button-secondary no";
          remove.textContent = "Quitar";
          remove.setAttribute("aria-label", `Quitar ${value}`);
          remove.addEventListener("click", () => write(dates().filter((other) => other !== value)));
          item.append(remove);
          return item;
        }),
      );
    }

    root.querySelector("[data-cms-exdates-button]").addEventListener("click", () => {
      if (picker.value && valid(picker.value)) write([...dates(), picker.value]);
      picker.value = "";
    });
    root.querySelector("[data-cms-exdates-add]").hidden = false;
    draw();
  }

  window.cmsRecurrence = { build };
  function init() {
    document.querySelectorAll("[data-cms-recurrence]:not([data-ready])").forEach((root) => {
      root.dataset.ready = "true";
      setup(root);
    });
    document.querySelectorAll("[data-cms-exdates]:not([data-ready])").forEach((root) => {
      root.dataset.ready = "true";
      setupExceptionDates(root);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
