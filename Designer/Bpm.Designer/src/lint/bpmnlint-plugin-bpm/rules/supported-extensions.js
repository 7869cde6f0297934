// Flags the zeebe extension elements of a flow node that this engine cannot honour, such as execution and task
// listeners, job priorities or linked resources. The list is supported.json.
import supported from '../supported.json' with { type: 'json' };
import { inExecutableProcess } from '../executable.js';

// 'zeebe:ExecutionListeners' -> 'execution listeners'.
function words(type) {
  return type.replace(/^zeebe:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export default function supportedExtensions() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:FlowNode') || !inExecutableProcess(node)) return;
    const values = (node.extensionElements && node.extensionElements.values) || [];
    for (const value of values) {
      if (!value.$type.startsWith('zeebe:') || supported.extensions.includes(value.$type)) continue;
      const what = words(value.$type);
      reporter.report(node.id, `${what[0].toUpperCase()}${what.slice(1)} (${value.$type}) cannot run on this engine`);
    }
  }
  return { check };
}
