package org.hotlinehub.model;

/** Where a partner's appeal against a survey result stands; an upheld appeal takes the result out of the rates. */
public enum AppealStatus {

    PENDING,
    UPHELD,
    REJECTED
}
