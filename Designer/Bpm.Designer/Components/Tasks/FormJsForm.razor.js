// A form-js form in the tasklist: shows the schema with the task's data and hands back what was entered.
import { createForm } from '../../dist/form.js';

export async function create(container, schemaJson, dataJson) {
  const form = createForm(container);
  await form.importSchema(JSON.parse(schemaJson), JSON.parse(dataJson));
  return {
    // { data, errors }: errors is keyed by field and empty when the form is valid.
    submit() {
      const { data, errors } = form.submit();
      return JSON.stringify({ data, errors });
    },
    destroy() {
      form.destroy();
    },
  };
}
