package org.hotlinehub.model.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotlinehub.model.ReferenceRow;
import org.hotlinehub.model.port.ReferenceAdmin.Kind;

/**
 * Reference data one entry at a time, for the administration screens. A form has the fields of the kind's CSV
 * columns and is checked by the same validator as a YAML or CSV import, so the rules are the same everywhere. Every
 * change is written to the audit log in the same transaction.
 */
public interface ReferenceEditor {

    /** The form's fields for a kind, in order (the CSV columns less the secrets that are never shown). */
    List<String> fields(Kind kind);

    /** Entries whose code or name contains {@code query} (all when blank), by code; one more than {@code limit} tells "more". */
    List<ReferenceRow> list(Kind kind, String query, int offset, int limit);

    Optional<ReferenceRow> find(Kind kind, String key);

    /** The entry's current values by field; secrets left blank (blank on save keeps them). */
    Optional<Map<String, String>> values(Kind kind, String key);

    /**
     * Creates ({@code key} null) or updates the entry with {@code key}.
     *
     * @return the problems as the validator words them; empty when saved
     */
    Saved save(Kind kind, String key, Map<String, String> values, String actor, String client);

    /** The problems saving these values would meet, without saving (empty: it would save). */
    List<String> check(Kind kind, String key, Map<String, String> values);

    /** @throws org.hotlinehub.model.NotFoundException for an unknown key */
    void deactivate(Kind kind, String key, String actor, String client);

    /** @param key the entry's key after saving (a new resident's record id) */
    record Saved(String key, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }
}
