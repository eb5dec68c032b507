/**
 * Turning an inbound contact into a ticket: deduplication, the resident's profile, classification against the
 * catalog, locating to a grid, triage. Called by the intake route; depends on store and model.
 */
package org.hotlinehub.intake;
