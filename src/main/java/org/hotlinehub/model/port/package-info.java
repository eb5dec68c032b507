/**
 * Ports: the interfaces connectors call to reach the core (and the core calls to reach the broker). Implementations
 * live in feature packages or connectors and are wired by CDI, so no connector imports another or the core.
 */
package org.hotlinehub.model.port;
