/**
 * Operators' casework on tickets (console and REST API): filing for a caller, triage, dispatch overrides, notes,
 * messages to residents, merging duplicates, reopening and cancelling — each on the timeline and in the audit log — and the status notices residents get
 * from the ticket events.
 */
package org.hotlinehub.casework;
