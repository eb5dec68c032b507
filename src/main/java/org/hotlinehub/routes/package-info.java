/**
 * Camel routes: one RouteBuilder per business flow, and the shared error policy. Routes wire connectors' endpoints
 * to the core's beans; business logic stays in the beans.
 */
package org.hotlinehub.routes;
