/**
 * Dispatch (派单): choosing the partner from the catalog's party type and the ticket's place, the assignment
 * lifecycle, and what partners are told, written to the hub's one outbox. Depends on store and model.
 */
package org.hotlinehub.dispatch;
