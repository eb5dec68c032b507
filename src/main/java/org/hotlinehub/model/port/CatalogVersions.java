package org.hotlinehub.model.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotlinehub.model.CatalogDraft;
import org.hotlinehub.model.CatalogDryRun;
import org.hotlinehub.model.CatalogVersion;

/**
 * The versioned dispatch catalog: one draft of edits to catalog entries and partners' areas, its dry run against the
 * real dispatch rule, publication as a new version, and rollback to an earlier one. Every change is written to the
 * audit log with who did it; the admin console and the admin API call the same methods.
 */
public interface CatalogVersions {

    /** Draft kinds: catalog entries, and partners (their areas and services only). */
    String CATALOG = "catalog";
    String PARTNERS = "partners";

    /** The fields a draft may change for a kind, in form order. @throws IllegalArgumentException for another kind */
    List<String> fields(String kind);

    Optional<CatalogDraft> draft();

    /**
     * Puts an entry's changed fields into the draft (starting one when there is none); a field given blank goes back
     * to the published value.
     *
     * @throws IllegalArgumentException naming an unknown kind or field
     * @throws org.hotlinehub.model.NotFoundException for a partner that does not exist
     * @throws org.hotlinehub.model.DraftRejectedException with the validator's problems, each naming its field
     */
    CatalogDraft change(String kind, String code, Map<String, String> fields, String actor, String client);

    /** Takes an entry's edits out of the draft. @throws org.hotlinehub.model.NotFoundException when not in it */
    Optional<CatalogDraft> withdraw(String kind, String code, String actor, String client);

    /** Throws the draft away. @throws org.hotlinehub.model.NotFoundException when there is none */
    void discard(String actor, String client);

    /** @throws org.hotlinehub.model.NotFoundException when there is no draft */
    CatalogDryRun dryRun(String actor, String client);

    /**
     * Publishes the draft as the next version.
     *
     * @throws org.hotlinehub.model.NotFoundException without one
     * @throws org.hotlinehub.model.IllegalTransitionException when the draft changed while it was being published
     */
    CatalogVersion publish(String note, String actor, String client);

    /**
     * Writes back what version {@code version} said, as the next version.
     *
     * @throws org.hotlinehub.model.NotFoundException for an unknown version
     * @throws org.hotlinehub.model.IllegalTransitionException for the current version
     */
    CatalogVersion rollback(int version, String note, String actor, String client);

    /** The newest versions first. */
    List<CatalogVersion> versions(int limit);

    /** The version dispatch decides by now (0 before the first). */
    int current();

    /** What the version said: per kind, per code, the fields. */
    Optional<Map<String, Map<String, Map<String, String>>>> content(int version);
}
