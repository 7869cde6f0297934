// Lints .bpmn files with the designer's rules, as the modeler does before Deploy:
//   node lint.mjs [--json] file.bpmn...
// Prints each issue (or, with --json, { file: [{ id, rule, category, message }] }); exits 1 when any error was found.
import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { config, resolver } from './src/lint/config.js';
import { issuesOf, reportsOf } from './src/lint/issues.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
const moddle = new BpmnModdle({ zeebe: zeebeModdle });

const results = {};
for (const file of files) {
  const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
  // A linter per file: some of bpmnlint's rules keep what they saw while one linter lives.
  const issues = issuesOf(reportsOf(await new Linter({ config, resolver }).lint(rootElement)));
  for (const warning of warnings) issues.push({ id: null, rule: 'import', category: 'warn', message: warning.message });
  results[file] = issues;
}

if (json) {
  process.stdout.write(JSON.stringify(results));
} else {
  for (const [file, issues] of Object.entries(results)) {
    for (const issue of issues) console.log(`${file}: ${issue.category} ${issue.id ?? '-'} ${issue.message} (${issue.rule})`);
  }
}
process.exitCode = Object.values(results).some((issues) => issues.some((i) => i.category === 'error')) ? 1 : 0;
