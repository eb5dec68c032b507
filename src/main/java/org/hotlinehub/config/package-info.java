/**
 * Typed application configuration ({@code hub.*}). Imports nothing else of the hub.
 */
package org.hotlinehub.config;
