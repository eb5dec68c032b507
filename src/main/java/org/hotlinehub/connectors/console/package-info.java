/**
 * The operator console ({@code /console}): server-rendered pages (Qute, htmx) for operators, supervisors and
 * administrators, signed in with the form of {@code connectors.web}. Each page checks its role; the pages reach the
 * core through the same {@code model.port} interfaces as the REST API.
 */
package org.hotlinehub.connectors.console;
