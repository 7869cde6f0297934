// The designer's bpmnlint configuration, packed by hand the way bpmnlint-pack-config would (its rollup step does not
// fit an esbuild build): the rules are imported here and handed to bpmnlint through a static resolver.
// Errors are what the engine refuses at deploy time (so Deploy stops at them); warnings are modelling advice.
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import globalElements from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';
import { configs } from './bpmnlint-plugin-bpm/index.js';
import { executableOnly } from './bpmnlint-plugin-bpm/executable.js';
import supportedElements from './bpmnlint-plugin-bpm/rules/supported-elements.js';
import supportedExtensions from './bpmnlint-plugin-bpm/rules/supported-extensions.js';
import taskDefinition from './bpmnlint-plugin-bpm/rules/task-definition.js';

// bpmnlint's recommended rules, with the engine's view of them: the engine refuses a scope without a start event
// and one with two none start events (errors); the rest is advice (warnings). Left out: ad-hoc-sub-process,
// event-sub-process-typed-start-event, link-event, no-complex-gateway, single-event-definition and
// sub-process-blank-start-event (bpm/supported-elements says the same in the engine's terms) and no-inclusive-gateway
// (the engine runs inclusive gateways).
const recommended = {
  'conditional-flows': ['warn', conditionalFlows],
  'end-event-required': ['warn', endEventRequired],
  'event-based-gateway': ['warn', eventBasedGateway],
  'fake-join': ['warn', fakeJoin],
  'global': ['warn', globalElements],
  'label-required': ['warn', labelRequired],
  'no-bpmndi': ['warn', noBpmndi],
  'no-disconnected': ['warn', noDisconnected],
  'no-duplicate-sequence-flows': ['warn', noDuplicateSequenceFlows],
  'no-gateway-join-fork': ['warn', noGatewayJoinFork],
  'no-implicit-end': ['warn', noImplicitEnd],
  'no-implicit-split': ['warn', noImplicitSplit],
  'no-implicit-start': ['warn', noImplicitStart],
  'no-overlapping-elements': ['warn', noOverlappingElements],
  'single-blank-start-event': ['error', executableOnly(singleBlankStartEvent)],
  'start-event-required': ['error', executableOnly(startEventRequired)],
  'superfluous-gateway': ['warn', superfluousGateway],
  'superfluous-label': ['warn', superfluousLabel],
  'superfluous-termination': ['warn', superfluousTermination],
};

export const config = {
  extends: 'plugin:bpm/recommended',
  rules: Object.fromEntries(Object.entries(recommended).map(([name, [category]]) => [name, category])),
};

export const resolver = new StaticResolver({
  ...Object.fromEntries(Object.entries(recommended).map(([name, [, rule]]) => [`rule:bpmnlint/${name}`, rule])),
  'rule:bpmnlint-plugin-bpm/supported-elements': supportedElements,
  'rule:bpmnlint-plugin-bpm/supported-extensions': supportedExtensions,
  'rule:bpmnlint-plugin-bpm/task-definition': taskDefinition,
  'config:bpmnlint-plugin-bpm/recommended': configs.recommended,
});

export default { config, resolver };
