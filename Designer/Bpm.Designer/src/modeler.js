// The BPMN modeler in the Camunda 8 (zeebe) dialect, with its properties panel, the activity catalog, the lint and embedded task forms.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { templateModules } from './templates.js';
import FormLinkModule from './form-link.js';
import { linting, lintModule } from './lint.js';

export { setTemplates } from './templates.js';
export { lintIssues, onLinted } from './lint.js';

export function createModeler(container, panel) {
  return new BpmnModeler({
    container,
    propertiesPanel: { parent: panel },
    linting,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      ZeebeBehaviorsModule,
      ...templateModules,
      lintModule,
      FormLinkModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
  });
}
