package org.hotlinehub.model;

/** How much open work one partner holds now, by assignment state; {@code overdue} counts accepted work past due. */
public record PartnerLoad(String code, String name, String type, long offered, long accepted, long inProgress,
        long returned, long overdue) {

    public long open() {
        return offered + accepted + inProgress + returned;
    }
}
