// A form-js form in the tasklist: shows the schema with the task's data and hands back what was entered.
import { createForm } from '../../dist/form.js';

export async function create(container, schemaJson, dataJson) {
  const form = createForm(container);
  await form.importSchema(JSON.parse(schemaJson), JSON.parse(dataJson));
  return {
    // { data, invalid }: invalid names the fields (by label) that failed validation; empty when the form is valid.
    submit() {
      const { data, errors } = form.submit();
      const registry = form.get('formFieldRegistry');
      const invalid = Object.keys(errors).map((id) => {
        const field = registry.get(id);
        return (field && (field.label || field.key)) || id;
      });
      return JSON.stringify({ data, invalid });
    },
    destroy() {
      form.destroy();
    },
  };
}
