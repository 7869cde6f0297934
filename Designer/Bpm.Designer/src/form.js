// The form-js viewer of the tasklist.
import { Form } from '@bpmn-io/form-js';

export function createForm(container) {
  return new Form({ container });
}
