// The form-js editor in the dialog: opens a task's schema (or a new, empty form) and hands back the edited one.
import { createFormEditor } from '../../dist/form-editor.js';

export async function create(container, schemaJson, newFormId) {
  const editor = createFormEditor(container);
  try {
    await editor.importSchema(schemaJson ? JSON.parse(schemaJson) : { type: 'default', id: newFormId, components: [] });
  } catch (error) {
    editor.destroy();
    throw error;
  }
  return {
    save() {
      return JSON.stringify(editor.saveSchema(), null, 2);
    },
    destroy() {
      editor.destroy();
    },
  };
}
