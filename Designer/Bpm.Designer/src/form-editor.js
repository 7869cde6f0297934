// The form-js editor, for the form of a user task.
import { FormEditor } from '@bpmn-io/form-js-editor';

export function createFormEditor(container) {
  return new FormEditor({ container });
}
