// The form-js viewer of the tasklist.
import { Form } from '@bpmn-io/form-js';

// Without debouncing, what was typed is in the form's data as soon as the user clicks Complete.
export function createForm(container) {
  return new Form({ container, debounce: false });
}
