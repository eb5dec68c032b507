package org.hotlinehub.intake;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotlinehub.model.ResidentFlags;
import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.IntakeRows;
import org.hotlinehub.store.ResidentEntity;

/**
 * A ticket's priority is its catalog entry's urgency, raised one step for registered elderly or disabled residents
 * (the 96993 call-assurance promise: they get priority help).
 */
@ApplicationScoped
public class Priorities {

    public String of(CatalogEntryEntity category, ResidentEntity resident) {
        return of(category == null ? null : category.urgency, resident == null ? null : resident.flags);
    }

    /** As {@link #of(String, java.util.Collection)}, for a resident as intake reads it (null without one). */
    public String of(String urgency, IntakeRows.Resident resident) {
        return of(urgency, resident == null ? null : resident.flags());
    }

    /**
     * @param urgency the catalog entry's urgency, null without an entry
     * @param residentFlags the resident's flags, null without a resident
     */
    public String of(String urgency, java.util.Collection<String> residentFlags) {
        String base = urgency == null ? "normal" : urgency;
        boolean vulnerable = ResidentFlags.vulnerable(residentFlags);
        if (!vulnerable) {
            return base;
        }
        return switch (base) {
            case "low" -> "normal";
            default -> "urgent";
        };
    }
}
