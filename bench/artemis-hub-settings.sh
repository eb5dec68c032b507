#!/usr/bin/env bash
# Puts into a standalone Artemis broker's etc/broker.xml what the hub needs of a broker, the same as the embedded
# broker sets for itself (connectors/jms/EmbeddedBroker; docs/operations.md). Shared by faults/run.sh and
# deploy/local/cluster.sh.
#
#   bench/artemis-hub-settings.sh <instance>/etc/broker.xml      # exit status 0 when the file is as expected
set -uo pipefail
xml=${1:?usage: artemis-hub-settings.sh broker.xml}
# Issue 17 item 6: the broker's own guarantees. Duplicate detection: the hub sends _AMQ_DUPL_ID (channel:external id)
# with every intake message; the id cache is persisted so a resend after a broker restart or a failover is still
# recognised. The journal is compacted only past 50 files (500 MiB): with Artemis's 10 the broker compacted again and
# again under steady load, reading every file each time (EmbeddedBroker, docs/operations.md). Redelivery delay with
# backoff, and a dead-letter address after 20 attempts (the hub's own error policy dead-letters to hub.dlq after 5;
# the broker's DLQ is the backstop for what never reaches it).
sed -i \
    -e 's#<persistence-enabled>true</persistence-enabled>#&\n      <id-cache-size>200000</id-cache-size>\n      <persist-id-cache>true</persist-id-cache>\n      <journal-compact-min-files>50</journal-compact-min-files>#' \
    -e 's#<redelivery-delay>0</redelivery-delay>#<redelivery-delay>1000</redelivery-delay>\n            <redelivery-delay-multiplier>2</redelivery-delay-multiplier>\n            <max-redelivery-delay>30000</max-redelivery-delay>\n            <max-delivery-attempts>20</max-delivery-attempts>#' \
    "$xml" || exit 1
# The pipeline's addresses (hub.intake, hub.events): the hub's batch consumers dead-letter poison themselves (hub.dlq,
# after 5 tries alone) and retry passing failures without a deadline, so the broker never gives up on them; the same
# settings as the embedded broker (EmbeddedBroker).
pipeline=""
for address in hub.intake hub.events; do
    pipeline+="<address-setting match=\"$address\"><dead-letter-address>hub.dlq</dead-letter-address>"
    pipeline+="<redelivery-delay>200</redelivery-delay><redelivery-delay-multiplier>2</redelivery-delay-multiplier>"
    pipeline+="<max-redelivery-delay>60000</max-redelivery-delay><max-delivery-attempts>-1</max-delivery-attempts>"
    pipeline+="<auto-create-queues>true</auto-create-queues><auto-create-addresses>true</auto-create-addresses>"
    pipeline+="</address-setting>"
done
sed -i -e "s#<address-settings>#&\n      $pipeline#" "$xml" || exit 1
grep -q '<address-setting match="hub.intake">' "$xml" || { echo "$xml has no pipeline settings" >&2; exit 1; }
grep -q '<persist-id-cache>true' "$xml" && grep -q '<max-delivery-attempts>20' "$xml" \
    || { echo "$xml not as expected" >&2; exit 1; }
grep -q '<dead-letter-address>DLQ</dead-letter-address>' "$xml" || { echo "$xml has no dead-letter address" >&2; exit 1; }
