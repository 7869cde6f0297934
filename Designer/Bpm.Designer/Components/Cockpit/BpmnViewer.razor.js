// The cockpit's diagram: bpmn-js viewer with token counts and incident markers on the elements.
import { createViewer } from '../../dist/viewer.js';

export function create(container) {
  const viewer = createViewer(container);
  return {
    // markers: [{ elementId, tokens, incidents }]
    async show(xml, markers) {
      await viewer.importXML(xml);
      const canvas = viewer.get('canvas');
      const overlays = viewer.get('overlays');
      const registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport', 'auto');
      for (const marker of markers) {
        if (!registry.get(marker.elementId)) continue;
        if (marker.tokens > 0) {
          canvas.addMarker(marker.elementId, 'bpm-active');
          overlays.add(marker.elementId, 'bpm-token', { position: { bottom: 0, left: -6 }, html: badge('bpm-token', marker.tokens, 'active tokens') });
        }
        if (marker.incidents > 0) {
          canvas.addMarker(marker.elementId, 'bpm-incident');
          overlays.add(marker.elementId, 'bpm-incident', { position: { top: -6, right: 12 }, html: badge('bpm-incident-badge', marker.incidents, 'open incidents') });
        }
      }
    },
    destroy() {
      viewer.destroy();
    },
  };
}

function badge(className, count, title) {
  const element = document.createElement('div');
  element.className = className;
  element.title = `${count} ${title}`;
  element.textContent = String(count);
  return element;
}
