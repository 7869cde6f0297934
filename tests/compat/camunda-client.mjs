// Camunda's external task client, unchanged, serving three topics of the compat model against
// ENGINE_URL/engine-rest with the API key as an interceptor. It prints one line per finished call
// ("completed <taskId>") so the test can follow it; errors from the engine are printed and fatal.
import { Client, Variables, logger } from "camunda-external-task-client-js";

const baseUrl = `${process.env.ENGINE_URL}/engine-rest`;
const apiKey = process.env.API_KEY;
const withKey = (config) => ({ ...config, headers: { ...config.headers, "x-api-key": apiKey } });

const client = new Client({
  baseUrl,
  workerId: "camunda-js",
  asyncResponseTimeout: 5000,
  lockDuration: 10000,
  interceptors: withKey,
  use: logger.level("error"),
});

const fatal = (what) => (error) => {
  console.log(`failed ${what}: ${error?.message ?? error}`);
  process.exit(1);
};

client.subscribe("compat-complete", async ({ task, taskService }) => {
  const amount = task.variables.get("amount");
  await taskService.extendLock(task, 20000).catch(fatal("extendLock"));
  console.log(`extended ${task.id}`);
  const variables = new Variables().set("result", "done").set("doubled", amount * 2);
  await taskService.complete(task, variables).catch(fatal("complete"));
  console.log(`completed ${task.id}`);
});

client.subscribe("compat-fail", async ({ task, taskService }) => {
  await taskService
    .handleFailure(task, { errorMessage: "compat failure", errorDetails: "details from the JS client", retries: 0, retryTimeout: 0 })
    .catch(fatal("handleFailure"));
  console.log(`failed-task ${task.id}`);
});

client.subscribe("compat-error", async ({ task, taskService }) => {
  const variables = new Variables().set("reason", "out of stock");
  await taskService.handleBpmnError(task, "COMPAT_ERROR", "rejected by the JS client", variables).catch(fatal("handleBpmnError"));
  console.log(`bpmn-error ${task.id}`);
});

console.log("subscribed");
