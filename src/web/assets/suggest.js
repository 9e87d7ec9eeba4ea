// Suggestions for search boxes: type the start of a name in any script and pick a place. Pages work without it:
// the box is a plain GET form. Follows the WAI-ARIA combobox pattern (list popup, arrow keys, Enter, Escape).
// A field marked data-pick (a form's place field) is filled with the place chosen, "Name (id)", instead of
// going to its page; without scripts it takes a name or an id as typed.
(function () {
  'use strict';
  var boxes = document.querySelectorAll('input[data-suggest]');
  for (var i = 0; i < boxes.length; i++) enhance(boxes[i], i);

  function enhance(input, n) {
    var pageLang = document.documentElement.lang || 'en';
    var lang = pageLang === 'zh-Hans' ? 'zh' : pageLang;
    var list = document.createElement('ul');
    list.id = 'suggest-' + n;
    list.className = 'suggest';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.getAttribute('data-suggest'));
    list.hidden = true;
    input.parentNode.insertBefore(list, input.nextSibling);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');
    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    input.parentNode.insertBefore(status, list.nextSibling);

    var items = [];
    var active = -1;
    var timer = 0;
    var asked = '';
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function select(k) {
      var options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = k;
      if (k >= 0 && options[k]) {
        options[k].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[k].id);
      } else input.removeAttribute('aria-activedescendant');
    }

    function choose(item) {
      if (!input.hasAttribute('data-pick')) {
        location.href = item.url;
        return;
      }
      input.value = item.label + ' (' + item.id + ')';
      asked = input.value.trim();
      close();
    }

    function show(found) {
      items = found;
      list.textContent = '';
      active = -1;
      if (!found.length) {
        status.textContent = input.getAttribute('data-none') || '';
        return close();
      }
      found.forEach(function (item, k) {
        var li = document.createElement('li');
        li.id = list.id + '-' + k;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        var name = document.createElement('span');
        name.textContent = item.label;
        var detail = document.createElement('small');
        detail.textContent = item.detail;
        li.appendChild(name);
        li.appendChild(document.createTextNode(' '));
        li.appendChild(detail);
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          choose(item);
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = (input.getAttribute('data-count') || '{n}').replace('{n}', String(found.length));
    }

    function ask() {
      var q = input.value.trim();
      if (q === asked) return;
      asked = q;
      if (!q) return show([]);
      if (controller) controller.abort();
      controller = new AbortController();
      fetch('/api/places/suggest?lang=' + lang + '&q=' + encodeURIComponent(q), { signal: controller.signal })
        .then(function (r) {
          return r.ok ? r.json() : { items: [] };
        })
        .then(function (body) {
          if (input.value.trim() === q) show(body.items);
        })
        .catch(function () {});
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 120);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (list.hidden) {
          if (items.length) show(items);
          else return;
        }
        e.preventDefault();
        // -1 is the text box itself: the list wraps around through it
        var next = active + (e.key === 'ArrowDown' ? 1 : -1);
        if (next >= items.length) next = -1;
        if (next < -1) next = items.length - 1;
        select(next);
      } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
        e.preventDefault();
        choose(items[active]);
      } else if (e.key === 'Escape' && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', function () {
      setTimeout(close, 100);
    });
  }
})();
