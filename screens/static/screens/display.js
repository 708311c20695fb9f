/* Lobby display: shows its feed's slides and alerts, polls for changes, keeps working offline.
   State for tests and operators is mirrored on <body data-*>: net, failures, next-poll-ms, slide. */
(function () {
  "use strict";

  const body = document.body;
  const FEED_URL = body.dataset.feedUrl;
  const STORE_KEY = "pantalla:" + body.dataset.slug;
  const SHELL_CACHE = "pantallas-v1"; // the same name as in sw.js
  const MAX_BACKOFF_MS = 5 * 60 * 1000;
  const LIMA = "America/Lima";
  const KIND_LABELS = { news: "Nota de prensa", event: "Actividad" };

  const clockFormat = new Intl.DateTimeFormat("es-PE", { timeZone: LIMA, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const dateFormat = new Intl.DateTimeFormat("es-PE", { timeZone: LIMA, weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const dayFormat = new Intl.DateTimeFormat("es-PE", { timeZone: LIMA, weekday: "long", day: "numeric", month: "long" });
  const timeFormat = new Intl.DateTimeFormat("es-PE", { timeZone: LIMA, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const partsFormat = new Intl.DateTimeFormat("en-GB", { timeZone: LIMA, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const ISO_DAYS = { Mon: "1", Tue: "2", Wed: "3", Thu: "4", Fri: "5", Sat: "6", Sun: "7" };

  const state = { feed: null, etag: null, skewMs: 0, failures: 0, slide: 0, banner: 0, viewKey: "", slideTimer: null };
  const $ = (selector, root) => (root || document).querySelector(selector);

  function now() {
    return Date.now() + state.skewMs;
  }

  function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* ---- time and schedule ---- */

  function minutes(hhmm) {
    const [h, m] = hhmm.split(":").map(Number);
    return h * 60 + m;
  }

  function isPlaying(schedule, at) {
    if (!schedule) return true;
    const parts = Object.fromEntries(partsFormat.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    const day = ISO_DAYS[parts.weekday];
    const previousDay = day === "1" ? "7" : String(Number(day) - 1);
    const moment = Number(parts.hour) * 60 + Number(parts.minute);
    const start = minutes(schedule.play_from);
    const end = minutes(schedule.play_until);
    const days = schedule.play_days;
    if (start === end) return days.includes(day);
    if (start < end) return days.includes(day) && start <= moment && moment < end;
    if (moment >= start) return days.includes(day);
    return moment < end && days.includes(previousDay);
  }

  function activeAlerts(at) {
    const alerts = (state.feed && state.feed.alerts) || [];
    return alerts.filter((a) => Date.parse(a.starts_at) <= at && at < Date.parse(a.ends_at));
  }

  function tick() {
    const at = new Date(now());
    const clock = clockFormat.format(at);
    const date = capitalize(dateFormat.format(at));
    $("#clock").textContent = clock;
    $("#date").textContent = date;
    document.querySelectorAll("[data-clock]").forEach((node) => (node.textContent = clock));
    document.querySelectorAll("[data-date]").forEach((node) => (node.textContent = date));
    applyView();
    setTimeout(tick, 1000 - (Date.now() % 1000));
  }

  /* ---- rendering ---- */

  function slideNode(slide) {
    const node = element("section", "slide slide-" + slide.type);
    if (slide.image) {
      const img = element("img", "slide-image");
      img.src = slide.image.url;
      img.alt = slide.image.alt || "";
      node.appendChild(img);
    } else if (slide.type === "event") {
      const start = new Date(slide.start);
      const badge = element("div", "slide-calendar");
      badge.appendChild(element("span", "slide-calendar-day", new Intl.DateTimeFormat("es-PE", { timeZone: LIMA, day: "numeric" }).format(start)));
      badge.appendChild(element("span", "slide-calendar-month", new Intl.DateTimeFormat("es-PE", { timeZone: LIMA, month: "long" }).format(start)));
      node.appendChild(badge);
    }
    const caption = element("div", "slide-caption");
    caption.appendChild(element("p", "slide-kind", KIND_LABELS[slide.type] || ""));
    caption.appendChild(element("h1", "slide-headline", slide.headline));
    const meta = element("p", "slide-meta");
    if (slide.type === "event") {
      const start = new Date(slide.start);
      const when = capitalize(dayFormat.format(start)) + (slide.all_day ? "" : " · " + timeFormat.format(start));
      meta.textContent = when + (slide.place ? " · " + slide.place : "");
      if (slide.status && slide.status !== "programado") {
        const status = element("strong", "slide-status", slide.status_label + (slide.status_reason ? ": " + slide.status_reason : ""));
        caption.appendChild(status);
      }
    } else if (slide.date) {
      meta.textContent = capitalize(dayFormat.format(new Date(slide.date)));
    }
    caption.appendChild(meta);
    node.appendChild(caption);
    return node;
  }

  function renderSlides() {
    const container = $("#slides");
    container.replaceChildren(...((state.feed && state.feed.slides) || []).map(slideNode));
    state.slide = Math.min(state.slide, Math.max(0, container.children.length - 1));
    showSlide();
  }

  function showSlide() {
    const slides = $("#slides").children;
    Array.from(slides).forEach((node, index) => node.classList.toggle("active", index === state.slide));
    $("#idle").hidden = slides.length > 0;
    body.dataset.slide = String(state.slide);
  }

  function showBanner(alerts) {
    const banner = $("#banner");
    banner.hidden = alerts.length === 0;
    if (!alerts.length) return;
    const alert = alerts[state.banner % alerts.length];
    banner.className = "banner banner-" + alert.severity;
    $(".banner-label", banner).textContent = alert.severity_label;
    $(".banner-title", banner).textContent = alert.title;
    $(".banner-message", banner).textContent = alert.message;
  }

  function showEmergency(alerts) {
    const overlay = $("#emergency");
    overlay.hidden = alerts.length === 0;
    const list = $(".emergency-list", overlay);
    list.replaceChildren(
      ...alerts.map((alert) => {
        const item = element("article", "emergency-item");
        item.appendChild(element("h1", "emergency-title", alert.title));
        item.appendChild(element("p", "emergency-message", alert.message));
        return item;
      })
    );
  }

  /* Re-draw alerts and standby when what is in force changes (also while offline). */
  function applyView() {
    if (!state.feed) return;
    const at = now();
    const standby = !isPlaying(state.feed.schedule, at);
    const alerts = activeAlerts(at);
    const emergencies = alerts.filter((a) => a.severity === "emergencia");
    const others = standby ? [] : alerts.filter((a) => a.severity !== "emergencia");
    const key = [state.etag, standby, state.banner, ...alerts.map((a) => a.id)].join("|");
    if (key === state.viewKey) return;
    state.viewKey = key;
    body.dataset.standby = String(standby);
    $("#standby").hidden = !standby;
    $("#stage").hidden = standby;
    showEmergency(emergencies);
    showBanner(others);
  }

  function rotate() {
    clearTimeout(state.slideTimer);
    const seconds = (state.feed && state.feed.seconds_per_slide) || 12;
    state.slideTimer = setTimeout(() => {
      const count = $("#slides").children.length;
      state.slide = count ? (state.slide + 1) % count : 0;
      state.banner += 1;
      showSlide();
      applyView();
      rotate();
    }, seconds * 1000);
  }

  /* ---- feed, storage and polling ---- */

  function accept(feed, etag, store) {
    const previous = state.feed;
    state.feed = feed;
    state.etag = etag;
    state.viewKey = "";
    renderSlides();
    applyView();
    if (!previous || previous.seconds_per_slide !== feed.seconds_per_slide) rotate();
    if (store) {
      try {
        localStorage.setItem(STORE_KEY, JSON.stringify({ feed: feed, etag: etag, savedAt: Date.now() }));
      } catch (error) {
        /* storage full or disabled: keep running from memory */
      }
      keepForOffline(feed);
    }
  }

  function restore() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
      if (saved && saved.feed) accept(saved.feed, saved.etag, false);
    } catch (error) {
      localStorage.removeItem(STORE_KEY);
    }
  }

  function setNet(status) {
    body.dataset.net = status;
    body.dataset.failures = String(state.failures);
    $("#net").hidden = status !== "offline";
  }

  async function poll() {
    const pollMs = ((state.feed && state.feed.poll_after) || 30) * 1000;
    let delay = pollMs;
    try {
      const headers = { Accept: "application/json" };
      if (state.feed && state.etag) headers["If-None-Match"] = state.etag;
      const response = await fetch(FEED_URL, { headers: headers, cache: "no-store", credentials: "omit" });
      const serverDate = Date.parse(response.headers.get("Date") || "");
      if (!Number.isNaN(serverDate)) state.skewMs = serverDate - Date.now();
      if (response.status === 200) {
        const feed = await response.json();
        if (response.headers.get("ETag") !== state.etag) accept(feed, response.headers.get("ETag"), true);
      } else if (response.status !== 304) {
        throw new Error("HTTP " + response.status);
      }
      state.failures = 0;
      setNet("online");
      delay = ((state.feed && state.feed.poll_after) || 30) * 1000;
    } catch (error) {
      state.failures += 1;
      setNet("offline");
      const jitter = 0.9 + Math.random() * 0.2;
      delay = Math.min(pollMs * 2 ** state.failures, MAX_BACKOFF_MS) * jitter;
    }
    body.dataset.nextPollMs = String(Math.round(delay));
    setTimeout(poll, delay);
  }

  /* ---- offline reload: the service worker serves what we keep in the Cache API ---- */

  function keepForOffline(feed) {
    if (!("caches" in window)) return;
    const page = location.origin + location.pathname;
    const assets = Array.from(document.querySelectorAll("link[rel=stylesheet], script[src]"), (n) => n.href || n.src);
    const images = (feed.slides || []).filter((s) => s.image).map((s) => new URL(s.image.url, location.href).href);
    const keep = new Set([page, ...assets, ...images]);
    caches
      .open(SHELL_CACHE)
      .then(async (cache) => {
        await Promise.all(
          Array.from(keep, (url) => cache.match(url).then((hit) => hit || cache.add(url)).catch(() => null))
        );
        const stored = await cache.keys();
        await Promise.all(stored.filter((request) => !keep.has(request.url)).map((request) => cache.delete(request)));
      })
      .catch(() => null);
  }

  if ("serviceWorker" in navigator && body.dataset.serviceWorkerUrl) {
    navigator.serviceWorker.register(body.dataset.serviceWorkerUrl).catch(() => null);
  }

  restore();
  tick();
  poll();
})();
