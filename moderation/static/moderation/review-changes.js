// Before a reviewer approves content they changed in the editor, say what will happen:
// their change becomes their own revision, which another Director must approve.
(function () {
  "use strict";
  const IGNORED = /^(csrfmiddlewaretoken|workflow-action-|action-|overwrite_revision_id|loaded_revision)/;

  function snapshot(form) {
    const values = [];
    new FormData(form).forEach((value, key) => {
      if (!IGNORED.test(key)) values.push([key, typeof value === "string" ? value : value.name]);
    });
    return JSON.stringify(values);
  }

  function watch() {
    const form = document.querySelector("form[data-edit-form]");
    const message = document.body.dataset.moderationConfirmChanged;
    if (!form || !message) return;
    let initial = null;
    // Widgets (rich text, StreamField) finish rendering after load: take the reference then.
    window.setTimeout(() => {
      initial = snapshot(form);
    }, 1500);
    document.addEventListener(
      "click",
      (event) => {
        const button = event.target.closest('[data-workflow-action-name="approve"]');
        if (!button || initial === null || snapshot(form) === initial) return;
        if (!window.confirm(message)) {
          event.preventDefault();
          event.stopImmediatePropagation();
        }
      },
      true,
    );
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
