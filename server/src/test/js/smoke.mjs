// create -> start -> describe with @aws-sdk/client-sfn against the endpoint given as the first argument.
import {
  SFNClient, CreateStateMachineCommand, StartExecutionCommand, DescribeExecutionCommand,
} from "@aws-sdk/client-sfn";

const endpoint = process.argv[2];
const sfn = new SFNClient({
  endpoint, region: "us-east-1", disableHostPrefix: true,
  credentials: { accessKeyId: "dummy", secretAccessKey: "dummy" },
});
const name = `js-smoke-${Date.now()}`;
const definition = JSON.stringify({
  StartAt: "Hello",
  States: { Hello: { Type: "Pass", Parameters: { "greeting.$": "States.Format('Hello, {}!', $.who)" }, End: true } },
});
const created = await sfn.send(new CreateStateMachineCommand({
  name, definition, roleArn: "arn:aws:iam::123456789012:role/stepstream",
}));
const started = await sfn.send(new StartExecutionCommand({
  stateMachineArn: created.stateMachineArn, input: JSON.stringify({ who: "JavaScript" }),
}));
let described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
for (let i = 0; i < 200 && described.status === "RUNNING"; i++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
}
if (!(described.startDate instanceof Date)) {
  throw new Error(`startDate is not a Date: ${described.startDate}`);
}
console.log(JSON.stringify({ status: described.status, output: described.output }));
