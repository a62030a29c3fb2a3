#!/usr/bin/env bash
# Creates the example against a running `stepstream dev` (or serve), produces orders.jsonl to the
# orders topic and waits for the paid order's execution. Override STEPSTREAM, ENDPOINT and KAFKA
# when dev runs elsewhere (for example `stepstream dev --port 19092 --api-port 18083`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stepstream="${STEPSTREAM:-$here/../../stepstream}"
endpoint="${ENDPOINT:-http://127.0.0.1:8083}"
kafka="${KAFKA:-localhost:9092}"
cd "$here"

"$stepstream" create ProcessOrder --definition process-order.asl.json --endpoint "$endpoint"
"$stepstream" create CleanupOrders --definition cleanup-orders.asl.json --endpoint "$endpoint"
"$stepstream" triggers create paid-orders --topic orders --target ProcessOrder \
  --filter @paid-orders.filter.json --transform @paid-orders.transform.jsonata \
  --name-template '{trigger}-{partition}-{offset}' --start earliest --max-concurrency 10 --endpoint "$endpoint"
"$stepstream" schedules create nightly-orders-cleanup --expression 'cron(0 2 * * ? *)' --timezone Europe/Lisbon \
  --flexible-window 15 --target CleanupOrders \
  --input '{"before": "<aws.scheduler.scheduled-time>", "retentionDays": 30}' --endpoint "$endpoint"

"$stepstream" produce --topic orders --kafka "$kafka" < orders.jsonl

for _ in $(seq 1 60); do
  if "$stepstream" list ProcessOrder --endpoint "$endpoint" | grep -q SUCCEEDED; then
    "$stepstream" list ProcessOrder --endpoint "$endpoint"
    "$stepstream" triggers describe paid-orders --endpoint "$endpoint"
    "$stepstream" schedules describe nightly-orders-cleanup --endpoint "$endpoint"
    exit 0
  fi
  sleep 1
done
echo "no ProcessOrder execution succeeded within 60 s" >&2
exit 1
