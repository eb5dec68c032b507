// The queue page listens to /console/queue/events (the queue's fingerprint, sent when it changes) and asks htmx to
// reload the table when the fingerprint differs from the one the table was drawn with.
(function () {
  var box = document.getElementById('queue-items');
  if (!box || !window.EventSource) {
    return;
  }
  var live = document.getElementById('live');
  var source = new EventSource('/console/queue/events');
  source.onopen = function () { if (live) { live.hidden = false; } };
  source.onerror = function () { if (live) { live.hidden = true; } };
  source.onmessage = function (event) {
    var drawn = box.querySelector('[data-fingerprint]');
    if (!drawn || drawn.getAttribute('data-fingerprint') !== event.data) {
      box.setAttribute('data-pushed', String(Number(box.getAttribute('data-pushed') || 0) + 1));
      htmx.trigger(box, 'queue-changed');
    }
  };
})();
