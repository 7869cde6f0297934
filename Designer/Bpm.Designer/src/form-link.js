// Embedded forms of user tasks, kept as Camunda Modeler keeps them: the form-js schema is the text of a
// zeebe:UserTaskForm in the process's extension elements, and the task's zeebe:FormDefinition formKey names it
// (camunda-forms:bpmn:<id>) — the form key the engine gives the task and the tasklist looks up.
// Linking is one command on bpmn-js's command stack: one undo step, and the modeler's dirty flag sees it.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

const FORM_KEY_PREFIX = 'camunda-forms:bpmn:';

function valuesOf(bo) {
  return (bo.extensionElements && bo.extensionElements.values) || [];
}

function processOf(element) {
  let bo = getBusinessObject(element);
  while (bo.$parent && !is(bo, 'bpmn:Process')) bo = bo.$parent;
  return bo;
}

function formDefinitionOf(task) {
  return valuesOf(task).find((value) => is(value, 'zeebe:FormDefinition'));
}

function embeddedFormOf(element) {
  const definition = formDefinitionOf(getBusinessObject(element));
  const formKey = definition && definition.get('formKey');
  if (!formKey || !formKey.startsWith(FORM_KEY_PREFIX)) return null;
  const id = formKey.slice(FORM_KEY_PREFIX.length);
  return valuesOf(processOf(element)).find((value) => is(value, 'zeebe:UserTaskForm') && value.get('id') === id) || null;
}

class LinkFormHandler {
  static $inject = ['bpmnFactory', 'modeling'];

  constructor(bpmnFactory, modeling) {
    this._bpmnFactory = bpmnFactory;
    this._modeling = modeling;
  }

  preExecute({ element, schema }) {
    const existing = embeddedFormOf(element);
    if (existing) {
      this._modeling.updateModdleProperties(element, existing, { body: schema });
      return;
    }
    const task = getBusinessObject(element);
    const process = processOf(element);
    const processExtensions = this._extensionElements(element, process);
    const id = this._freeFormId(process, `UserTaskForm_${task.id}`);
    const form = this._create('zeebe:UserTaskForm', { id, body: schema }, processExtensions);
    this._modeling.updateModdleProperties(element, processExtensions, { values: [...processExtensions.get('values'), form] });

    // A Camunda user task (zeebe:UserTask) takes no embedded form, so the task becomes a job-worker user task, as
    // Camunda Modeler has it; the marker goes first, or the zeebe behaviors would drop the new form key again.
    const taskExtensions = this._extensionElements(element, task);
    const formKey = FORM_KEY_PREFIX + id;
    const kept = taskExtensions.get('values').filter((value) => !is(value, 'zeebe:UserTask'));
    const definition = formDefinitionOf(task);
    if (definition) {
      this._modeling.updateModdleProperties(element, taskExtensions, { values: kept });
      this._modeling.updateModdleProperties(element, definition, { formKey });
    } else {
      const created = this._create('zeebe:FormDefinition', { formKey }, taskExtensions);
      this._modeling.updateModdleProperties(element, taskExtensions, { values: [...kept, created] });
    }
  }

  _extensionElements(element, bo) {
    let extensions = bo.get('extensionElements');
    if (!extensions) {
      extensions = this._create('bpmn:ExtensionElements', { values: [] }, bo);
      this._modeling.updateModdleProperties(element, bo, { extensionElements: extensions });
    }
    return extensions;
  }

  _create(type, properties, parent) {
    const created = this._bpmnFactory.create(type, properties);
    created.$parent = parent;
    return created;
  }

  _freeFormId(process, wanted) {
    const taken = new Set(valuesOf(process).filter((value) => is(value, 'zeebe:UserTaskForm')).map((form) => form.get('id')));
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}_${n}`;
    return id;
  }
}

class TaskForms {
  static $inject = ['commandStack', 'elementRegistry'];

  constructor(commandStack, elementRegistry) {
    this._commandStack = commandStack;
    this._elementRegistry = elementRegistry;
    commandStack.registerHandler('bpm.taskForm.link', LinkFormHandler);
  }

  // The schema (JSON text) of the user task's embedded form, or null.
  schemaOf(elementId) {
    const element = this._userTask(elementId);
    const form = embeddedFormOf(element);
    return form ? form.get('body') || null : null;
  }

  // Embeds the schema (JSON text) and links it to the user task; a task with a form gets it replaced.
  link(elementId, schema) {
    this._commandStack.execute('bpm.taskForm.link', { element: this._userTask(elementId), schema });
  }

  _userTask(elementId) {
    const element = this._elementRegistry.get(elementId);
    if (!element || !is(element, 'bpmn:UserTask')) throw new Error(`'${elementId}' is no user task of this diagram`);
    return element;
  }
}

export default {
  __init__: ['taskForms'],
  taskForms: ['type', TaskForms],
};
