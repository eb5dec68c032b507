// Searchable choices of the reference-data forms: a search box tied to a list field (data-adds-to) adds the option
// picked from its datalist to that field, separated by ';' as the list fields take them, once.
document.addEventListener('change', function (event) {
  var search = event.target.closest('input[data-adds-to]');
  if (!search || !search.value) {
    return;
  }
  var list = document.getElementById(search.getAttribute('list'));
  var target = document.getElementById(search.getAttribute('data-adds-to'));
  var value = search.value.trim();
  var known = list && Array.prototype.some.call(list.options, function (o) { return o.value === value; });
  if (!target || !known) {
    return;
  }
  var values = target.value.split(';').map(function (v) { return v.trim(); }).filter(Boolean);
  if (values.indexOf(value) < 0) {
    values.push(value);
  }
  target.value = values.join('; ');
  search.value = '';
});
