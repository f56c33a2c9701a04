// Adds a blank disputed item row to the new-application form by copying the last row and renumbering its
// field names (disputedItems[2].description becomes disputedItems[3].description). Without JavaScript the
// form still offers its blank rows.
(function () {
  'use strict';
  var button = document.getElementById('add-item');
  var container = document.getElementById('disputed-items');
  if (!button || !container) {
    return;
  }
  button.classList.remove('d-none');
  button.addEventListener('click', function () {
    var rows = container.querySelectorAll('.disputed-item');
    var last = rows[rows.length - 1];
    var index = rows.length;
    var copy = last.cloneNode(true);
    var renumber = function (value) {
      return value.replace(/disputedItems(\[|-)\d+(\]|-)/, 'disputedItems$1' + index + '$2');
    };
    copy.querySelectorAll('[name], [id], [for], [aria-describedby]').forEach(function (element) {
      ['name', 'id', 'for', 'aria-describedby'].forEach(function (attribute) {
        if (element.hasAttribute(attribute)) {
          element.setAttribute(attribute, renumber(element.getAttribute(attribute)));
        }
      });
      if (element.matches('input, textarea')) {
        element.value = '';
      }
      if (element.matches('select')) {
        element.selectedIndex = 0;
      }
      element.classList.remove('is-invalid');
    });
    copy.querySelectorAll('.invalid-feedback').forEach(function (feedback) {
      feedback.remove();
    });
    var header = copy.querySelector('.card-header');
    if (header) {
      header.textContent = header.textContent.replace(/\d+/, String(index + 1));
    }
    last.after(copy);
    var first = copy.querySelector('textarea, input, select');
    if (first) {
      first.focus();
    }
  });
})();
