// bpmnlint-plugin-bpm: what this engine cannot run is an error, found before the diagram is deployed.
export const configs = {
  recommended: {
    rules: {
      'bpm/supported-elements': 'error',
      'bpm/supported-extensions': 'error',
      'bpm/task-definition': 'error',
    },
  },
};
