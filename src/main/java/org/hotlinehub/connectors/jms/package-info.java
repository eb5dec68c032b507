/**
 * The ActiveMQ Artemis broker: queue names and endpoint URIs, the JMS component, the embedded broker of the default
 * run, and the ports that send to queues (intake, replay, partner queues).
 */
package org.hotlinehub.connectors.jms;
