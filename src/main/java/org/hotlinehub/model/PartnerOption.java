package org.hotlinehub.model;

/** An active partner an operator may hand a ticket to. */
public record PartnerOption(String code, String type, String nameZh, String nameEn) {
}
