// The calls page redraws its lists every few seconds (htmx, hx-swap="keyed-rows"). Swapping the tables whole would
// throw away what an operator is typing into a call-back note, so this swap merges instead: each <tbody id> of the
// answer is matched to the page's one, row by row on the rows' ids. A row that stays is kept as the same element:
// only its cells without a form or input are redrawn (the waiting time, the screen-pop), and it is moved only if the
// order changed. New rows are put in place, rows gone are removed. A row with no id (the "nobody" line) is always
// redrawn.
(function () {
  if (!window.htmx) {
    return;
  }

  function typedInto(cell) {
    return cell.querySelector('form, input, textarea, select, button') !== null;
  }

  function redraw(kept, fresh) {
    kept.className = fresh.className;
    for (var i = 0; i < fresh.cells.length && i < kept.cells.length; i++) {
      var cell = kept.cells[i];
      if (!typedInto(cell) && cell.innerHTML !== fresh.cells[i].innerHTML) {
        cell.innerHTML = fresh.cells[i].innerHTML;
      }
    }
  }

  function merge(body, answer, added) {
    var wanted = {};
    Array.prototype.forEach.call(answer.rows, function (row) {
      if (row.id) {
        wanted[row.id] = true;
      }
    });
    var kept = {};
    Array.prototype.slice.call(body.rows).forEach(function (row) {
      if (row.id && wanted[row.id]) {
        kept[row.id] = row;
      } else {
        row.remove();
      }
    });
    var cursor = body.firstElementChild;
    Array.prototype.slice.call(answer.rows).forEach(function (row) {
      var place = row.id && kept[row.id] ? kept[row.id] : row;
      if (place !== row) {
        redraw(place, row);
      } else {
        added.push(row);
      }
      if (place === cursor) {
        cursor = cursor.nextElementSibling;
      } else {
        body.insertBefore(place, cursor);
      }
    });
  }

  // A session that expired turns the redraw's answer into the sign-in page (the request follows the redirect): go
  // there, rather than keep showing lists that no longer change.
  document.body.addEventListener('htmx:afterRequest', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === '/login') {
      window.location.assign(xhr.responseURL);
    }
  });

  htmx.defineExtension('keyed-rows', {
    handleSwap: function (style, target, fragment) {
      if (style !== 'keyed-rows') {
        return false;
      }
      var added = [];
      Array.prototype.forEach.call(fragment.querySelectorAll('tbody[id]'), function (answer) {
        var body = document.getElementById(answer.id);
        if (body && target.contains(body)) {
          merge(body, answer, added);
        }
      });
      target.setAttribute('data-redrawn', String(Number(target.getAttribute('data-redrawn') || 0) + 1));
      return added;
    }
  });
})();
