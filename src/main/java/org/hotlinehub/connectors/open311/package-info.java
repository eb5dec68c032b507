/**
 * Open311 GeoReport v2 ({@code /open311/v2}): discovery, the catalog as services with their attributes, filing
 * requests with an API client's key and reading requests and tokens, in XML and JSON, with the spec's error format.
 */
package org.hotlinehub.connectors.open311;
