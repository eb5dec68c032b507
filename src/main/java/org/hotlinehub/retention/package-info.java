/**
 * Retention of personal data under the personal-information law (docs/retention.md): the rule of what anonymising a
 * ticket means, the nightly job that applies it and purges old records, a resident's export and erasure requests, and
 * the anonymised export of closed tickets for the city's data platform. Depends on model, config and deadletter.
 */
package org.hotlinehub.retention;
