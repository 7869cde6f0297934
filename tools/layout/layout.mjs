// Usage: node layout.mjs <model.bpmn>...
// Rewrites each model with diagram information laid out from its process graph.
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

for (const file of process.argv.slice(2)) {
  const xml = readFileSync(file, 'utf8');
  const laidOut = await layoutProcess(xml);
  writeFileSync(file, laidOut);
  console.log(`laid out ${file}`);
}
