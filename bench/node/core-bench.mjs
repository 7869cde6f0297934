// Baseline throughput benchmark for the npm package bpmn-engine (pinned in package.json).
//
//   node core-bench.mjs <bpmn file> <seconds> [warmupSeconds]
//
// The BPMN file is read and parsed once (bpmn-moddle), then serialized once with
// moddle-context-serializer into a "source context". Every process instance is a
// fresh Engine built from that shared source context (the documented `sourceContext`
// option), so no instance pays for XML parsing or serialization.
//
// Instances run back to back (each awaited until its engine emits 'end'); instance i
// gets { total: i % 2 === 0 ? 750 : 10 } so both exclusive-gateway branches are taken.
// Prints one JSON line on stdout; exits non-zero with a message on stderr on any failure.

import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';

// bpmn-moddle, bpmn-elements and moddle-context-serializer are bpmn-engine's own
// dependencies (versions fixed by package-lock.json); importing them here gives the
// very same module instances the engine uses.
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import serialize, { TypeResolver } from 'moddle-context-serializer';

// bpmn-engine's "exports" hides package.json, so read it next to the resolved entry (src/index.js).
const ENGINE_VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('bpmn-engine')), 'utf8')).version;
const EXPECTED_VERSION = '25.0.1';

// Element ids in core-js.bpmn.
const BIG_TASK = 'reviewBig'; // branch A: total >= 500
const SMALL_TASK = 'autoApprove'; // branch B: default flow
const END_EVENT = 'end';

function fail(message) {
  process.stderr.write(`core-bench: ${message}\n`);
  process.exit(1);
}

function parseSeconds(text, name, fallback) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) fail(`${name} must be a non-negative number, got "${text}"`);
  return value;
}

async function loadSourceContext(file) {
  const xml = readFileSync(file, 'utf8');
  const moddleContext = await new BpmnModdle().fromXML(xml.trim());
  if (moddleContext.warnings?.length) {
    fail(`BPMN parse warnings in ${file}: ${moddleContext.warnings.map((w) => w.message).join('; ')}`);
  }
  return serialize(moddleContext, TypeResolver(elements));
}

// Per-instance tallies, filled by the shared listener and reset before each instance.
const seen = { big: 0, small: 0, end: 0 };
const listener = new EventEmitter();
listener.on('activity.end', (api) => {
  if (api.id === BIG_TASK) seen.big++;
  else if (api.id === SMALL_TASK) seen.small++;
  else if (api.id === END_EVENT) seen.end++;
});

function runInstance(sourceContext, i) {
  const total = i % 2 === 0 ? 750 : 10;
  seen.big = seen.small = seen.end = 0;
  const engine = new Engine({ name: `core-${i}`, sourceContext });

  return new Promise((resolve, reject) => {
    engine
      .execute({ listener, variables: { total } }, (err, execution) => {
        if (err) return reject(err);
        if (execution.stopped || engine.state !== 'idle') {
          return reject(new Error(`instance ${i} did not complete (state ${engine.state}, stopped ${execution.stopped})`));
        }
        const completed = execution.definitions[0]?.counters.completed;
        if (completed !== 1) return reject(new Error(`instance ${i}: definition completed ${completed} times, expected 1`));
        if (seen.end !== 1) return reject(new Error(`instance ${i}: end event reached ${seen.end} times`));
        const wantBig = total >= 500;
        if (seen.big !== (wantBig ? 1 : 0) || seen.small !== (wantBig ? 0 : 1)) {
          return reject(
            new Error(`instance ${i} (total ${total}) routed wrong: ${BIG_TASK}=${seen.big}, ${SMALL_TASK}=${seen.small}`)
          );
        }
        resolve(wantBig);
      })
      .catch(reject);
  });
}

async function runFor(sourceContext, seconds) {
  let instances = 0;
  let branchA = 0;
  let branchB = 0;
  const budgetNs = BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < budgetNs) {
    if (await runInstance(sourceContext, instances)) branchA++;
    else branchB++;
    instances++;
    elapsed = process.hrtime.bigint() - start;
  }
  return { instances, seconds: Number(elapsed) / 1e9, branchA, branchB };
}

async function main() {
  const [file, secondsArg, warmupArg] = process.argv.slice(2);
  if (!file || secondsArg === undefined) fail('usage: node core-bench.mjs <bpmn file> <seconds> [warmupSeconds]');
  const seconds = parseSeconds(secondsArg, 'seconds', undefined);
  if (seconds <= 0) fail('seconds must be greater than 0');
  const warmup = parseSeconds(warmupArg, 'warmupSeconds', 1);

  if (ENGINE_VERSION !== EXPECTED_VERSION) fail(`bpmn-engine ${ENGINE_VERSION} installed, expected ${EXPECTED_VERSION}`);
  const sourceContext = await loadSourceContext(file);

  if (warmup > 0) await runFor(sourceContext, warmup);
  const result = await runFor(sourceContext, seconds);

  if (result.instances === 0) fail('no instance completed');
  if (result.branchA + result.branchB !== result.instances) fail('branch counts do not add up to instances');
  if (result.instances > 1 && (result.branchA === 0 || result.branchB === 0)) {
    fail(`gateway did not route both ways: branchA=${result.branchA}, branchB=${result.branchB}`);
  }

  const line = {
    engine: 'bpmn-engine',
    version: ENGINE_VERSION,
    instances: result.instances,
    seconds: Number(result.seconds.toFixed(3)),
    instancesPerSecond: Number((result.instances / result.seconds).toFixed(1)),
    branchA: result.branchA,
    branchB: result.branchB,
  };
  process.stdout.write(JSON.stringify(line) + '\n');
}

// If an instance waits forever with nothing scheduled (e.g. a user task), Node drains its
// event loop and would exit 0 without output; turn that into a failure.
let finished = false;
process.on('exit', (code) => {
  if (finished || code !== 0) return;
  process.stderr.write('core-bench: an instance never completed (engine left waiting)\n');
  process.exitCode = 1;
});

main()
  .then(() => {
    finished = true;
  })
  .catch((err) => fail(err instanceof Error ? err.message : String(err)));
