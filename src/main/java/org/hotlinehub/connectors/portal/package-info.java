/**
 * The partner portal ({@code /portal}): server-rendered pages (Qute) where a partner's signed-in users (role
 * {@code partner}, signed in with the form of {@code connectors.web}) see their organization's offers and open work and
 * answer them: accept, decline, return (退单) with a reason, progress notes, resolution with a photo. Every step goes
 * through {@link org.hotlinehub.model.port.PartnerWork}, the same rules as the partner API. Built for phones.
 */
package org.hotlinehub.connectors.portal;
