package org.hotlinehub.intake;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.ResidentEntity;

/**
 * A ticket's priority is its catalog entry's urgency, raised one step for registered elderly or disabled residents
 * (the 96993 call-assurance promise: they get priority help).
 */
@ApplicationScoped
public class Priorities {

    static final Set<String> VULNERABLE = Set.of("elderly-alone", "disabled");

    public String of(CatalogEntryEntity category, ResidentEntity resident) {
        String base = category == null ? "normal" : category.urgency;
        boolean vulnerable = resident != null && resident.flags.stream().anyMatch(VULNERABLE::contains);
        if (!vulnerable) {
            return base;
        }
        return switch (base) {
            case "low" -> "normal";
            default -> "urgent";
        };
    }
}
