// The modeler on the page: bpmn-js with the zeebe properties panel, a dirty flag, problem markers, the activity catalog, the lint and task forms.
import { createModeler, lintIssues, onLinted, setTemplates } from '../../dist/modeler.js';

export function create(canvas, panel, dotnet) {
  const modeler = createModeler(canvas, panel);
  let dirty = false;
  let marked = [];
  const setDirty = (value) => {
    if (dirty === value) return;
    dirty = value;
    dotnet.invokeMethodAsync('OnDirtyChanged', value);
  };
  const guard = (event) => {
    if (!dirty) return;
    event.preventDefault();
    event.returnValue = '';
  };
  modeler.on('commandStack.changed', () => setDirty(true));
  onLinted(modeler, (issues) => dotnet.invokeMethodAsync('OnLinted', issues));
  const reportSelected = (element) => {
    const selected = element && { id: element.id, type: element.type, name: element.businessObject.name || null };
    dotnet.invokeMethodAsync('OnSelectionChanged', selected);
  };
  modeler.on('selection.changed', ({ newSelection }) => reportSelected(newSelection.length === 1 ? newSelection[0] : null));
  // The selected element given another id or name (in the properties panel) is told again, so the page never acts on a stale id.
  modeler.on('element.changed', ({ element }) => {
    const selection = modeler.get('selection').get();
    if (selection.length === 1 && selection[0] === element) reportSelected(element);
  });
  window.addEventListener('beforeunload', guard);

  const clearProblems = () => {
    const canvasApi = modeler.get('canvas');
    marked.forEach((id) => canvasApi.removeMarker(id, 'bpm-problem'));
    modeler.get('overlays').remove({ type: 'bpm-problem' });
    marked = [];
  };

  return {
    async importXml(xml) {
      clearProblems();
      const { warnings } = await modeler.importXML(xml);
      modeler.get('canvas').zoom('fit-viewport', 'auto');
      setDirty(false);
      return warnings.map((w) => w.message);
    },
    async saveXml() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml;
    },
    async saveSvg() {
      const { svg } = await modeler.saveSVG();
      return svg;
    },
    processId() {
      const root = modeler.get('canvas').getRootElement();
      const bo = root && root.businessObject;
      if (!bo) return null;
      if (bo.$type === 'bpmn:Process') return bo.id;
      return bo.processRef ? bo.processRef.id : bo.id;
    },
    markSaved() {
      setDirty(false);
    },
    // templates: the engine's activity catalog (element templates); returns { offered, refused, problems }.
    setTemplates(templates) {
      return setTemplates(modeler, templates);
    },
    // problems: [{ elementId, message }]; returns the ids found on the diagram.
    showProblems(problems) {
      clearProblems();
      const registry = modeler.get('elementRegistry');
      const overlays = modeler.get('overlays');
      const canvasApi = modeler.get('canvas');
      for (const problem of problems) {
        if (!problem.elementId || !registry.get(problem.elementId)) continue;
        if (!marked.includes(problem.elementId)) {
          canvasApi.addMarker(problem.elementId, 'bpm-problem');
          marked.push(problem.elementId);
        }
        const note = document.createElement('div');
        note.className = 'bpm-problem-note';
        note.textContent = problem.message;
        overlays.add(problem.elementId, 'bpm-problem', { position: { bottom: -6, left: 0 }, html: note });
      }
      return marked.slice();
    },
    clearProblems,
    lint() {
      return lintIssues(modeler);
    },
    select(elementId) {
      const element = modeler.get('elementRegistry').get(elementId);
      if (!element) return;
      modeler.get('selection').select(element);
      modeler.get('canvas').scrollToElement(element);
    },
    // The user task's embedded form-js schema (JSON), or null.
    taskForm(elementId) {
      return modeler.get('taskForms').schemaOf(elementId);
    },
    linkTaskForm(elementId, schemaJson) {
      modeler.get('taskForms').link(elementId, schemaJson);
    },
    download(fileName, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    confirmLeave(message) {
      return !dirty || window.confirm(message);
    },
    destroy() {
      window.removeEventListener('beforeunload', guard);
      modeler.destroy();
    },
  };
}
