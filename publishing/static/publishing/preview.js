/* The admin's preview of a draft. The website shows it in the iframe; when the website does not
   answer, the same draft data (/api/v2/preview/, what the website would have read) is shown plainly. */
"use strict";
(function () {
  const fallback = document.querySelector("[data-preview-fallback]");
  const frame = document.querySelector("[data-preview-frame]");
  const article = document.querySelector("[data-preview-article]");
  const previewUrl = new URL(fallback.dataset.previewUrl, location.href);
  const SKIP = new Set(["id", "meta", "detail_url", "json_ld", "title", "html_url", "download_url"]);
  const LABELS = {
    date: "Fecha", lead: "Bajada", body: "Cuerpo", place: "Lugar", address: "Dirección", start: "Inicio",
    end: "Fin", status: "Estado", status_reason: "Motivo", event_type: "Tipo", description: "Descripción",
    categories: "Categorías", related_people: "Personas", main_image: "Imagen principal", recurrence: "Repetición",
    next_occurrences: "Próximas fechas", speaker: "Orador", delivered_on: "Pronunciado el", summary: "Resumen",
    screen_headline: "Titular para pantallas", all_day: "Todo el día", original_start: "Fecha original",
    cancelled: "Cancelada", reason: "Motivo", cover_image: "Portada", issue_number: "Número", kind: "Clase",
    edition_date: "Fecha de edición", occasion: "Ocasión", speech_type: "Tipo de discurso", video: "Video", show_on_screens: "En pantallas", presided_by: "Preside",
  };
  const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$/;
  const dateFormat = new Intl.DateTimeFormat("es-PE", { dateStyle: "full", timeStyle: "short", timeZone: "America/Lima" });
  const dayFormat = new Intl.DateTimeFormat("es-PE", { dateStyle: "full", timeZone: "UTC" });

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function safeHtml(html) {
    // Rich text from our own API, still stripped of scripts and handlers before it is shown.
    const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html");
    doc.querySelectorAll("script, style, iframe, object, embed").forEach((node) => node.remove());
    doc.querySelectorAll("*").forEach((node) => {
      Array.from(node.attributes).forEach((attr) => {
        if (attr.name.startsWith("on") || /^\s*javascript:/i.test(attr.value)) node.removeAttribute(attr.name);
      });
    });
    const wrapper = el("div");
    wrapper.append(...doc.body.firstChild.childNodes);
    return wrapper;
  }

  function scalar(value) {
    if (typeof value === "boolean") return el("span", value ? "sí" : "no");
    if (typeof value === "string" && ISO_MOMENT.test(value)) {
      const when = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
      return el("span", (value.length === 10 ? dayFormat : dateFormat).format(when));
    }
    if (typeof value === "string" && /<[a-z][\s\S]*>/i.test(value)) return safeHtml(value);
    return el("span", String(value));
  }

  function render(value) {
    if (value === null || value === undefined || value === "") return null;
    if (typeof value !== "object") return scalar(value);
    if (Array.isArray(value)) {
      const list = el("div");
      value.map(render).filter(Boolean).forEach((node) => list.append(node));
      return list.childNodes.length ? list : null;
    }
    const image = value.url || (value.renditions && Object.values(value.renditions)[0]);
    if (image && (value.alt !== undefined || value.renditions || value.width)) {
      const img = el("img");
      img.src = typeof image === "string" ? image : image.url;
      img.alt = value.alt || value.title || "";
      return img;
    }
    if (value.type && "value" in value) return render(value.value);  // a StreamField block
    if (value.title && Object.keys(value).every((key) => ["id", "title", "name", "meta", "slug"].includes(key))) {
      return el("span", value.title);
    }
    if (value.name && !value.title) return el("span", value.name + (value.role ? ` (${value.role})` : ""));
    const list = el("dl");
    Object.entries(value).forEach(([key, inner]) => {
      const rendered = SKIP.has(key) ? null : render(inner);
      if (rendered) list.append(el("dt", LABELS[key] || key), wrap(rendered));
    });
    return list.childNodes.length ? list : null;
  }

  function wrap(node) {
    const dd = el("dd");
    dd.append(node);
    return dd;
  }

  function show(data) {
    article.replaceChildren();
    article.append(el("h1", data.title || "(sin título)"));
    if (data.meta && data.meta.type) article.append(el("p", `Tipo: ${data.meta.type}`, "meta"));
    if (data.lead) article.append(el("p", data.lead, "lead"));
    const rest = Object.fromEntries(Object.entries(data).filter(([key]) => key !== "lead"));
    const details = render(rest);
    if (details) article.append(details);
  }

  function showFallback() {
    frame.hidden = true;
    fallback.hidden = false;
    const api = new URL(fallback.dataset.apiUrl, location.href);
    api.search = new URLSearchParams({
      content_type: previewUrl.searchParams.get("content_type") || "",
      token: previewUrl.searchParams.get("token") || "",
    });
    fetch(api, { credentials: "same-origin" })
      .then((response) => response.json())
      .then((data) => (data.message ? article.replaceChildren(el("p", data.message)) : show(data)))
      .catch(() => article.replaceChildren(el("p", "No se pudo leer el borrador.")));
  }

  // An unreachable website makes this request fail; any answer (opaque, cross-origin) means it is up.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  fetch(previewUrl, { mode: "no-cors", cache: "no-store", signal: controller.signal })
    .then(() => clearTimeout(timer))
    .catch(showFallback);
})();
