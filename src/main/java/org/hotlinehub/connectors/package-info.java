/**
 * One package per outside system. A connector imports only model and config: never another connector, never
 * routes or feature packages; it reaches the core through {@code model.port} interfaces.
 */
package org.hotlinehub.connectors;
