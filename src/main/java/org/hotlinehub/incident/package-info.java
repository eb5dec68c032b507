/**
 * One incident, many reporters: detecting a new contact that reports an open ticket again (intake calls it before
 * dispatch), linking, keeping apart and unlinking reports, the partner's follow-ups and surges. docs/architecture.md,
 * "Incidents".
 */
package org.hotlinehub.incident;
