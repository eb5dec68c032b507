package org.hotlinehub.model.port;

import org.hotlinehub.model.ImportReport;

/**
 * Administration of reference data: imports (YAML in the format of docs/contract.md, "Reference-data file", or CSV per
 * kind) and retirement.
 */
public interface ReferenceAdmin {

    /** Kinds that can be imported as CSV, one file per kind. */
    enum Kind {
        PLACES,
        CATALOG,
        PARTNERS,
        VOLUNTEERS,
        RESIDENTS
    }

    /** Validates the whole document and applies it (upsert by code) or nothing. */
    ImportReport importYaml(String source, String yaml);

    ImportReport importCsv(String source, Kind kind, String csv);

    /** Retires an entry: it stays in history but is no longer offered work or shown to residents. */
    void deactivate(Kind kind, String code);

    /** A new API key for a partner; the old one stops working at once. Only the hash is kept. */
    String rotatePartnerKey(String partnerCode);
}
