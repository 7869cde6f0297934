// bpmnlint in the modeler (bpmn-js-bpmnlint): issues marked on the diagram as it changes, with the designer's rules.
import lintModule from 'bpmn-js-bpmnlint';
import bpmnlint from './lint/config.js';
import { issuesOf, reportsOf } from './lint/issues.js';

export { lintModule };

export const linting = { active: true, bpmnlint };

// Lints the diagram as it is now.
export async function lintIssues(modeler) {
  return issuesOf(reportsOf(await modeler.get('linting').lint()));
}

// Calls back with the issues each time the live lint has run (bpmn-js-bpmnlint groups them by element).
export function onLinted(modeler, callback) {
  modeler.on('linting.completed', ({ issues }) => callback(issuesOf(Object.values(issues).flat())));
}
