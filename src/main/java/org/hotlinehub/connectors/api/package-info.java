/**
 * The REST API ({@code /api/v1}) for the console and integrators, and the one JSON error shape of every API.
 */
package org.hotlinehub.connectors.api;
