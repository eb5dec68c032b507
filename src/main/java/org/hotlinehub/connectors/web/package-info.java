/**
 * The residents' web channel: the bilingual report form ({@code /report}) and the status page ({@code /status}).
 */
package org.hotlinehub.connectors.web;
