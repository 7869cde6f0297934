// The read-only diagram of the cockpit.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

export function createViewer(container) {
  return new NavigatedViewer({ container, moddleExtensions: { zeebe: zeebeModdle } });
}
