/**
 * Channel-neutral records, enums and events of the hub's domain, and the ports ({@code model.port}) through which
 * connectors reach the core. Imports nothing else of the hub.
 */
package org.hotlinehub.model;
