// The form that adds a place: a click on the world map fills in the coordinates, and the places the new one
// may already be are listed under the name while it is typed (GET /api/places/duplicates). The form works
// without it: coordinates are typed, and the same check runs when it is sent.
(function () {
  'use strict';
  var W = 960;
  var H = 480;
  // told when a map click changes the coordinates (the duplicate check, below)
  var changed = function () {};
  var round = function (n) {
    return String(Math.round(n * 10000) / 10000);
  };

  var maps = document.querySelectorAll('svg.pick-map');
  for (var i = 0; i < maps.length; i++) pickOn(maps[i]);

  function pickOn(svg) {
    var lat = document.getElementById(svg.getAttribute('data-lat'));
    var lon = document.getElementById(svg.getAttribute('data-lon'));
    var dot = svg.querySelector('.pick-dot');
    if (!lat || !lon || !dot) return;
    function place() {
      var la = parseFloat(lat.value);
      var lo = parseFloat(lon.value);
      if (!isFinite(la) || !isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
        dot.setAttribute('visibility', 'hidden');
        return;
      }
      dot.setAttribute('cx', String(((lo + 180) / 360) * W));
      dot.setAttribute('cy', String(((90 - la) / 180) * H));
      dot.setAttribute('visibility', 'visible');
    }
    svg.addEventListener('click', function (e) {
      var ctm = svg.getScreenCTM();
      if (!ctm) return;
      var pt = svg.createSVGPoint();
      pt.x = e.clientX;
      pt.y = e.clientY;
      var at = pt.matrixTransform(ctm.inverse());
      var lo = Math.max(-180, Math.min(180, (at.x / W) * 360 - 180));
      var la = Math.max(-90, Math.min(90, 90 - (at.y / H) * 180));
      lat.value = round(la);
      lon.value = round(lo);
      place();
      changed();
    });
    lat.addEventListener('input', place);
    lon.addEventListener('input', place);
  }

  var marked = document.querySelector('[data-duplicates]');
  var form = marked && marked.closest('form');
  if (!form) return;
  var box = document.getElementById('duplicates');
  if (!box) return;
  var lang = document.documentElement.lang === 'zh-Hans' ? 'zh' : 'en';
  var timer = 0;
  var asked = '';
  var controller = null;
  var field = function (name) {
    var el = form.elements.namedItem(name);
    return el && 'value' in el ? String(el.value).trim() : '';
  };

  function show(items) {
    box.textContent = '';
    if (!items.length) {
      if (field('name')) {
        var none = document.createElement('p');
        none.className = 'muted';
        none.textContent = box.getAttribute('data-none') || '';
        box.appendChild(none);
      }
      return;
    }
    var title = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = box.getAttribute('data-title') || '';
    title.appendChild(strong);
    box.appendChild(title);
    var list = document.createElement('ul');
    items.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.label;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' '));
      var small = document.createElement('small');
      small.textContent = item.detail;
      li.appendChild(small);
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function ask() {
    var key = 'lang=' + lang;
    ['name', 'country', 'lat', 'lon', 'wikidata'].forEach(function (n) {
      var v = field(n);
      if (v) key += '&' + n + '=' + encodeURIComponent(v);
    });
    if (key === asked) return;
    asked = key;
    if (!field('name') && !field('wikidata') && !(field('lat') && field('lon'))) return show([]);
    if (controller) controller.abort();
    controller = new AbortController();
    fetch('/api/places/duplicates?' + key, { signal: controller.signal })
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (body) {
        if (body && asked === key) show(body.items);
      })
      .catch(function () {});
  }

  changed = function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 50);
  };
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 250);
  });
  form.addEventListener('change', function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 50);
  });
})();
