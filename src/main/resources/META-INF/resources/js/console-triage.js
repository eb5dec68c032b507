// The triage form's suggestion buttons: a click picks the suggested option in the select the button names
// (data-pick), so the operator still submits the form, with nothing chosen for them in advance.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-pick]');
  if (!button) {
    return;
  }
  var select = document.getElementById(button.getAttribute('data-pick'));
  if (select) {
    select.value = button.getAttribute('data-value');
    select.dispatchEvent(new Event('change', { bubbles: true }));
    select.focus();
  }
});
