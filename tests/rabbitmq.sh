#!/usr/bin/env bash
# Starts (or stops) a private RabbitMQ node for the tests on 127.0.0.1:${BPM_RABBIT_PORT:-55672}, from the
# binaries Debian's rabbitmq-server package installs. Prints the host and port ("127.0.0.1:55672").
set -euo pipefail
port="${BPM_RABBIT_PORT:-55672}"
base="${BPM_RABBIT_DATA:-/tmp/bpm-rabbitmq-$port}"
bin=/usr/lib/rabbitmq/bin
if [ ! -x "$bin/rabbitmq-server" ]; then
  echo "RabbitMQ is not installed: apt-get install -y rabbitmq-server" >&2
  exit 1
fi
export RABBITMQ_NODENAME="bpm-test-$port@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT=$((port + 1))
export RABBITMQ_MNESIA_BASE="$base/mnesia"
export RABBITMQ_LOG_BASE="$base/log"
export RABBITMQ_PID_FILE="$base/rabbit.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$base/rabbitmq"
as_owner() {
  if [ "$(id -u)" = 0 ]; then HOME=/var/lib/rabbitmq runuser -u rabbitmq --preserve-environment -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    mkdir -p "$base/mnesia" "$base/log"
    [ -f "$base/enabled_plugins" ] || echo "[]." > "$base/enabled_plugins"
    # Loopback users may use the default guest account; the tests connect over 127.0.0.1.
    [ -f "$base/rabbitmq.conf" ] || printf 'loopback_users = none\n' > "$base/rabbitmq.conf"
    [ "$(id -u)" = 0 ] && chown -R rabbitmq "$base"
    # The listener cannot bind while a closed connection still holds its port in TIME-WAIT (the port lies in the
    # kernel's ephemeral range): then the node stops at once, and a later attempt, after the wait runs out, succeeds.
    for attempt in 1 2 3 4; do
      as_owner "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" status >/dev/null 2>&1 && break
      as_owner "$bin/rabbitmq-server" -detached >/dev/null 2>&1
      # The node registers a few seconds after -detached returns: wait on its pid file, then for the broker.
      as_owner "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" --timeout 90 wait "$RABBITMQ_PID_FILE" >/dev/null 2>&1 && break
      [ "$attempt" = 4 ] && { echo "RabbitMQ did not start: see $base/log" >&2; exit 1; }
      sleep 20
    done
    echo "127.0.0.1:$port"
    ;;
  stop)
    as_owner "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" stop >/dev/null 2>&1 || true
    ;;
  restart-app)
    # Stops and starts the broker inside the running node, as a broker restart would.
    as_owner "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" stop_app >/dev/null
    as_owner "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" start_app >/dev/null
    ;;
  stop-app | start-app)
    # The two halves of restart-app, for an outage that lasts as long as a test needs.
    as_owner "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" "${1/-/_}" >/dev/null
    ;;
esac
