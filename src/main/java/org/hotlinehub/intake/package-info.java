/**
 * Turning an inbound contact into a ticket: deduplication, the resident's profile, classification against the
 * catalog, locating to a grid, triage. Called by the intake route; depends on store and model. Also the rules by
 * which the SMS and WeChat edges read a resident's text ({@link org.hotlinehub.intake.ResidentTextRules}).
 */
package org.hotlinehub.intake;
