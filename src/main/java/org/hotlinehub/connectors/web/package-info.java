/**
 * The browser-facing web: the residents' bilingual report form ({@code /report}) and status page ({@code /status}),
 * and staff and partner sign-in ({@code /login}, {@code /home}, {@code /logout}) with CSRF protection of sessions.
 */
package org.hotlinehub.connectors.web;
