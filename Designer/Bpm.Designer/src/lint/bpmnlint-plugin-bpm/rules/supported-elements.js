// Flags the flow nodes this engine cannot run: element types, event definitions (start events by the scope they
// start), several event definitions on one event, and loops other than multi-instance. The list is supported.json.
import supported from '../supported.json' with { type: 'json' };
import { inExecutableProcess } from '../executable.js';

const NONE = 'none';

// 'bpmn:ComplexGateway' -> 'complex gateway', 'bpmn:TimerEventDefinition' -> 'timer'.
function words(type) {
  return type.replace(/^bpmn:/, '').replace(/EventDefinition$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

// 'complex gateway' -> 'A complex gateway', to begin a message.
function article(text) {
  return `${/^[aeiou]/.test(text) ? 'An' : 'A'} ${text}`;
}

function startScope(event) {
  const parent = event.$parent;
  if (parent.$type === 'bpmn:Process') return 'process';
  return parent.$type === 'bpmn:SubProcess' && parent.triggeredByEvent ? 'eventSubProcess' : 'subProcess';
}

const scopeWords = { process: 'a process', subProcess: 'an embedded sub-process', eventSubProcess: 'an event sub-process' };

function eventProblem(node) {
  const definitions = [...(node.eventDefinitions || []), ...(node.eventDefinitionRefs || [])];
  const kind = words(node.$type);
  if (definitions.length > 1) {
    return `${article(kind)} with ${definitions.length} event definitions (${definitions.map((d) => words(d.$type)).join(', ')}) cannot run on this engine; use one`;
  }
  const definition = definitions.length ? definitions[0].$type : NONE;
  const isStart = node.$type === 'bpmn:StartEvent';
  const allowed = isStart ? supported.startEvents[startScope(node)] : supported.events[node.$type];
  if (allowed.includes(definition)) return null;
  const what = article(definition === NONE ? `none ${kind}` : `${words(definition)} ${kind}`);
  const where = isStart ? ` in ${scopeWords[startScope(node)]}` : '';
  const options = allowed.map((d) => (d === NONE ? NONE : words(d))).join(', ');
  return `${what}${where} cannot run on this engine (${node.$type}${definition === NONE ? '' : ` with ${definition}`}); supported here: ${options}`;
}

function problemOf(node) {
  const loop = node.loopCharacteristics;
  if (loop && !supported.loops.includes(loop.$type)) {
    return `${article(words(loop.$type))} cannot run on this engine; use a multi-instance loop`;
  }
  if (node.$type === 'bpmn:StartEvent' || supported.events[node.$type]) return eventProblem(node);
  if (supported.elements.includes(node.$type)) return null;
  return `${article(words(node.$type))} cannot run on this engine (${node.$type})`;
}

export default function supportedElements() {
  function check(node, reporter) {
    if (!node.$instanceOf || !node.$instanceOf('bpmn:FlowNode') || !inExecutableProcess(node)) return;
    const problem = problemOf(node);
    if (problem) reporter.report(node.id, problem);
  }
  return { check };
}
