package org.hotlinehub.model;

import java.util.Optional;

/** Datatypes of a catalog entry's custom attribute: the six of Open311 GeoReport v2 service definitions. */
public enum AttributeType implements Coded.LowerCaseName {

    /** One line of text ({@code <input>}). */
    STRING,
    /** A number. */
    NUMBER,
    /** An ISO-8601 date and time. */
    DATETIME,
    /** Text that may have line breaks ({@code <textarea>}). */
    TEXT,
    /** Exactly one of the listed values ({@code <select>}). */
    SINGLEVALUELIST,
    /** Any of the listed values ({@code <select multiple>}). */
    MULTIVALUELIST;

    public boolean hasValues() {
        return this == SINGLEVALUELIST || this == MULTIVALUELIST;
    }

    public static Optional<AttributeType> fromCode(String code) {
        return Coded.fromCode(values(), code);
    }
}
