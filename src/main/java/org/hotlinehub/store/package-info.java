/**
 * Persistence: JPA entities ({@code *Entity}) and their repositories ({@code *Repository}) on PostgreSQL, plus the
 * read-side ports that are plain queries. Depends on model and config only.
 */
package org.hotlinehub.store;
