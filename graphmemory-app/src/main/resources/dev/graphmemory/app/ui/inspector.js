// The inspector's one script: draws a memory's neighbourhood (the page's #graph) with Cytoscape.js.
// Its data comes from the server as JSON; labels are set as text by Cytoscape, never parsed as HTML.
(function () {
  'use strict';
  var container = document.getElementById('graph');
  if (!container || typeof cytoscape !== 'function') {
    return;
  }
  var colours = {
    Entity: '#2f6f9f', Commitment: '#c0762c', Decision: '#6b4fa3', Pattern: '#3d8f5a',
    Conversation: '#8f3d6b', Turn: '#7a7a7a', EnergyState: '#b5a03a'
  };
  fetch(container.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The graph could not be read: HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (graph) {
      var cy = cytoscape({
        container: container,
        maxZoom: 1.5, // a few nodes would otherwise fill the frame
        elements: { nodes: graph.nodes, edges: graph.edges },
        style: [
          { selector: 'node', style: {
            'background-color': function (node) { return colours[node.data('kind')] || '#555'; },
            label: 'data(label)', 'font-size': 10, color: '#222', 'text-valign': 'bottom', 'text-margin-y': 4,
            'text-wrap': 'ellipsis', 'text-max-width': 120, width: 18, height: 18 } },
          { selector: 'node[?center]', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#111' } },
          { selector: 'edge', style: {
            width: 1.5, 'line-color': '#aaa', 'target-arrow-color': '#aaa', 'target-arrow-shape': 'triangle',
            'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#666',
            'text-rotation': 'autorotate' } }
        ],
        layout: { name: graph.nodes.length > 30 ? 'concentric' : 'cose', animate: false, padding: 20,
          concentric: function (node) { return node.data('center') ? 2 : 1; }, levelWidth: function () { return 1; } }
      });
      cy.on('tap', 'node', function (event) {
        var href = event.target.data('href');
        if (href && !event.target.data('center')) {
          window.location.assign(href);
        }
      });
      container.dataset.nodes = String(cy.nodes().length);
      if (graph.truncated) {
        container.insertAdjacentText('afterend', 'Only the first ' + (graph.nodes.length - 1) + ' links are drawn.');
      }
      window.inspectorGraph = cy;
    })
    .catch(function (error) {
      container.textContent = error.message;
    });
})();
