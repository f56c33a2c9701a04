// Draws bpmn/imr-case.bpmn with bpmn-js (the webjar's navigated viewer: pan and zoom, nothing to edit) and marks on
// it either a case's path (#process-path-data {mode: 'path'}: passed steps, taken flows, where the case is,
// incidents, with times and actors on hover) or where the open cases stand (mode 'map': a count per step and a heat
// colour). The data is rendered into the page as JSON: the Content-Security-Policy allows no inline script. Without
// JavaScript the list or table under the diagram says the same.
(function () {
  'use strict';
  var container = document.getElementById('process-diagram');
  var source = document.getElementById('process-path-data');
  if (!container || !source || typeof BpmnJS === 'undefined' || !window.fetch) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var labels = container.dataset;
  var viewer = new BpmnJS({container: container});

  function text(tag, content, className) {
    var element = document.createElement(tag);
    element.textContent = content;
    if (className) {
      element.className = className;
    }
    return element;
  }

  function marker(registry, canvas, elementId, className) {
    if (registry.get(elementId)) {
      canvas.addMarker(elementId, className);
    }
  }

  function byElement(items) {
    var map = {};
    items.forEach(function (item) {
      (map[item.elementId] = map[item.elementId] || []).push(item);
    });
    return map;
  }

  // the tooltip's lines for an element of the path: each visit's times and actor, then its incidents
  function pathTip(steps, incidents, current) {
    var tip = document.createElement('div');
    tip.className = 'path-tooltip';
    if (steps.length) {
      tip.appendChild(text('p', steps[0].name, 'fw-semibold'));
    }
    if (current) {
      tip.appendChild(text('p', labels.labelCurrent));
    }
    steps.forEach(function (step) {
      if (step.entered) {
        tip.appendChild(text('p', labels.labelEntered + ' ' + step.entered));
      }
      if (step.left) {
        tip.appendChild(text('p', labels.labelLeft + ' ' + step.left
            + (step.leftBy ? ' ' + labels.labelBy + ' ' + step.leftBy : '')));
      }
      if (!step.entered && !step.left && step.status === 'INFERRED') {
        tip.appendChild(text('p', labels.labelPassed));
      }
    });
    incidents.forEach(function (incident) {
      tip.appendChild(text('p', labels.labelIncident + ': ' + incident.message + ' (' + incident.raised
          + (incident.open ? '' : ', ' + labels.labelResolved + ' ' + incident.resolved) + ')'));
    });
    return tip;
  }

  function showPath(path, registry, canvas, overlays, eventBus) {
    var steps = byElement(path.steps);
    var incidents = byElement(path.incidents);
    path.steps.forEach(function (step) {
      var element = registry.get(step.elementId);
      if (step.status !== 'CURRENT' && element) {
        // a sub-process the case passed is outlined, not filled: its own steps show inside it
        canvas.addMarker(step.elementId, element.type === 'bpmn:SubProcess' ? 'path-passed-scope' : 'path-passed');
      }
    });
    path.takenFlows.forEach(function (flowId) {
      marker(registry, canvas, flowId, 'path-flow');
    });
    path.currentElements.forEach(function (elementId) {
      marker(registry, canvas, elementId, 'path-current');
    });
    path.incidents.forEach(function (incident) {
      marker(registry, canvas, incident.elementId, incident.open ? 'path-incident' : 'path-incident-resolved');
    });
    eventBus.on('element.hover', function (event) {
      var id = event.element.id;
      overlays.remove({type: 'path-tooltip'});
      if (!steps[id] && !incidents[id]) {
        return;
      }
      overlays.add(id, 'path-tooltip', {
        position: {top: -10, left: (event.element.width || 0) + 10},
        scale: {min: 1},
        html: pathTip(steps[id] || [], incidents[id] || [], path.currentElements.indexOf(id) >= 0)
      });
    });
    eventBus.on('element.out', function () {
      overlays.remove({type: 'path-tooltip'});
    });
  }

  function showMap(counts, registry, canvas, overlays) {
    var max = 0;
    Object.keys(counts).forEach(function (id) {
      max = Math.max(max, counts[id]);
    });
    Object.keys(counts).forEach(function (id) {
      if (!registry.get(id)) {
        return;
      }
      var heat = Math.max(1, Math.ceil(4 * counts[id] / max));
      canvas.addMarker(id, 'heat-' + heat);
      var badge = text('span', String(counts[id]), 'path-count');
      badge.setAttribute('data-element-id', id);
      badge.title = counts[id] + ' ' + labels.labelCases;
      // readable however far the diagram is zoomed out
      overlays.add(id, 'path-count', {position: {top: -12, right: 12}, scale: {min: 1}, html: badge});
    });
  }

  fetch(labels.bpmnUrl, {credentials: 'same-origin', headers: {Accept: 'application/xml'}})
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    })
    .then(function (xml) {
      return viewer.importXML(xml);
    })
    .then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      var overlays = viewer.get('overlays');
      canvas.zoom('fit-viewport');
      if (data.mode === 'map') {
        showMap(data.counts || {}, registry, canvas, overlays);
      } else {
        showPath(data.path, registry, canvas, overlays, viewer.get('eventBus'));
      }
      container.setAttribute('data-diagram-ready', 'true');
    })
    .catch(function (error) {
      container.setAttribute('data-diagram-error', String(error && error.message || error));
      container.appendChild(text('p', labels.labelFailed, 'p-3 text-danger'));
    });
})();
