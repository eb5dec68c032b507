/**
 * Dead letters: what a route or the outbox gave up on, stored with its reason, listed for operators and
 * replayed to where it failed. Depends on store and model.
 */
package org.hotlinehub.deadletter;
