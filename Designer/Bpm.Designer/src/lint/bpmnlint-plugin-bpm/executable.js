// The engine deploys only executable processes: a process marked isExecutable="false" (a partner's pool) is skipped.
export function inExecutableProcess(node) {
  let scope = node;
  while (scope && scope.$type !== 'bpmn:Process') scope = scope.$parent;
  return !scope || scope.isExecutable !== false;
}

// Wraps a rule so that it looks only at what the engine deploys.
export function executableOnly(ruleFactory) {
  return (config) => {
    const rule = ruleFactory(config);
    return { ...rule, check: (node, reporter) => inExecutableProcess(node) && rule.check(node, reporter) };
  };
}
