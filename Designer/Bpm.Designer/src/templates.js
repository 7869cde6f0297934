// The activity catalog in the modeler: the engine's element templates (Camunda 8 / zeebe flavour) shown in the
// properties panel, applied to a task through the template chooser, offered by the palette's own catalog entry
// and by the create and append menus (the palette's "Create element", the context pad's "Append element"),
// grouped by category, with their icons.
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import { CreateAppendAnythingModule, CreateAppendElementTemplatesModule } from 'bpmn-js-create-append-anything';
import ElementTemplateIconRendererModule from '@bpmn-io/element-template-icon-renderer';
import CatalogPaletteModule from './catalog-palette.js';

export const templateModules = [
  CloudElementTemplatesPropertiesProviderModule,
  ElementTemplateChooserModule,
  CreateAppendAnythingModule,
  CreateAppendElementTemplatesModule,
  ElementTemplateIconRendererModule,
  CatalogPaletteModule,
];

// Replaces the modeler's templates; returns how many it offers, how many it refused and why
// ("template(id: <…>, name: <…>): …").
export function setTemplates(modeler, templates) {
  const problems = [];
  const collect = ({ errors }) => problems.push(...errors.map((e) => e.message));
  const eventBus = modeler.get('eventBus');
  eventBus.on('elementTemplates.errors', collect);
  try {
    modeler.get('elementTemplatesLoader').setTemplates(templates);
  } finally {
    eventBus.off('elementTemplates.errors', collect);
  }
  const elementTemplates = modeler.get('elementTemplates');
  return {
    offered: elementTemplates.getLatest().length,
    refused: templates.length - elementTemplates.getAll().length,
    problems,
  };
}
