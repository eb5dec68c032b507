/**
 * The shared domain's persistence: JPA entities ({@code *Entity}), their repositories ({@code *Repository}), the one
 * outbox, the event outbox and the row readers the core's services use. It implements no port (the core does, using
 * it) and depends on model and config only; no connector reaches it (docs/architecture.md, "Dependency rule").
 */
package org.hotlinehub.store;
