// Flags a service task that names no task type, so no worker could ever fetch it: a zeebe:taskDefinition needs a
// type; without one, only a Camunda 7 external topic (camunda:topic) would do.
import { inExecutableProcess } from '../executable.js';

function taskDefinitionOf(node) {
  const values = (node.extensionElements && node.extensionElements.values) || [];
  return values.find((value) => value.$type === 'zeebe:TaskDefinition');
}

function hasCamundaTopic(node) {
  const topic = node.$attrs && node.$attrs['camunda:topic'];
  return typeof topic === 'string' && topic.trim() !== '';
}

export default function taskDefinition() {
  function check(node, reporter) {
    if (node.$type !== 'bpmn:ServiceTask' || !inExecutableProcess(node)) return;
    const definition = taskDefinitionOf(node);
    if (definition && (definition.type || '').trim() === '') {
      reporter.report(node.id, 'Service task has a task definition without a type: name the job type its workers fetch');
    } else if (!definition && !hasCamundaTopic(node)) {
      reporter.report(node.id, 'Service task has no task type: set Task definition › Type (zeebe:taskDefinition)');
    }
  }
  return { check };
}
