/**
 * Dispatch (派单): choosing the partner from the catalog's party type and the ticket's place, the assignment
 * lifecycle, and the outbox that carries offers to partners. Depends on store and model.
 */
package org.hotlinehub.dispatch;
