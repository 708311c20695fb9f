// Renders /api/schema/ (OpenAPI 3.1) as a readable page with a "try it" box per GET endpoint.
// Hand-written, no dependencies, nothing loaded from other hosts.
(function () {
  "use strict";
  const main = document.getElementById("endpoints");
  const toc = document.getElementById("toc");

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value; else node.setAttribute(key, value);
    });
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  }

  function resolveRef(schema, root) {
    if (schema && schema.$ref) {
      return schema.$ref.replace(/^#\//, "").split("/").reduce((obj, key) => obj[key], root);
    }
    return schema;
  }

  function typeLabel(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map(typeLabel).join(" | ");
    let label = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type || "any");
    if (schema.format) label += " (" + schema.format + ")";
    if (schema.enum) label += ": " + schema.enum.map((v) => JSON.stringify(v)).join(", ");
    if (schema.minimum !== undefined || schema.maximum !== undefined) {
      label += " [" + (schema.minimum ?? "") + "…" + (schema.maximum ?? "") + "]";
    }
    return label;
  }

  function parameterTable(parameters) {
    const rows = parameters.map((p) => el("tr", {}, [
      el("td", {}, [el("code", { text: p.name })]),
      el("td", { text: p.in + (p.required ? ", obligatorio" : "") }),
      el("td", { text: typeLabel(p.schema) }),
      el("td", { text: p.description || "" }),
    ]));
    const head = el("tr", {}, ["nombre", "dónde", "tipo", "descripción"].map((t) => el("th", { text: t })));
    return el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  function tryBox(path) {
    const input = el("input", { value: path.replace(/\{id\}/, "1"), "aria-label": "URL" });
    const output = el("pre", { text: "" });
    const form = el("form", { class: "try" }, [input, el("button", { type: "submit", text: "Probar" })]);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      output.textContent = "…";
      fetch(input.value, { headers: { Accept: "application/json" } })
        .then((response) => response.text().then((body) => {
          let pretty = body;
          try { pretty = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* not JSON */ }
          output.textContent = response.status + " " + response.statusText + "\n\n" + pretty;
        }))
        .catch((error) => { output.textContent = String(error); });
    });
    return el("div", {}, [form, output]);
  }

  function render(schema) {
    document.getElementById("description").textContent = schema.info.description || "";
    document.title = schema.info.title;
    const links = [];
    Object.entries(schema.paths).forEach(([path, item], index) => {
      const op = item.get;
      if (!op) return;
      const id = "endpoint-" + index;
      links.push(el("li", {}, [el("a", { href: "#" + id, text: path })]));
      const responses = Object.entries(op.responses).map(([status, response]) => {
        const resolved = resolveRef(response, schema);
        const content = resolved.content && Object.values(resolved.content)[0];
        const shape = content ? " — " + typeLabel(content.schema) : "";
        return el("li", { text: status + ": " + (resolved.description || "") + shape });
      });
      main.appendChild(el("section", { class: "endpoint", id: id }, [
        el("h2", {}, [el("span", { class: "method", text: "GET" }), document.createTextNode(" " + path)]),
        el("p", { text: (op.summary || "") + (op.description ? ". " + op.description : "") }),
        op.parameters && op.parameters.length ? parameterTable(op.parameters) : el("p", { text: "Sin parámetros." }),
        el("h3", { text: "Respuestas" }), el("ul", {}, responses),
        tryBox(path),
      ]));
    });
    toc.appendChild(el("ul", {}, links));
    const types = Object.entries(schema.components.schemas);
    main.appendChild(el("h2", { text: "Formas de las respuestas" }));
    types.forEach(([name, shape]) => {
      main.appendChild(el("details", { id: "schema-" + name }, [
        el("summary", {}, [el("code", { text: name }), document.createTextNode(" " + (shape.description || ""))]),
        el("pre", { text: JSON.stringify(shape, null, 2) }),
      ]));
    });
  }

  fetch(main.dataset.schemaUrl, { headers: { Accept: "application/json" } })
    .then((response) => response.json())
    .then(render)
    .catch((error) => { document.getElementById("description").textContent = "No se pudo cargar el esquema: " + error; });
})();
