package org.hotlinehub.model;

import java.util.Collection;
import java.util.List;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The registered residents' flags the hub acts on: elderly people living alone and disabled residents (老年人、残疾人
 * 呼叫保障) are helped first in the queue and by voice, may register a daily check-in, and their calls raise the
 * call-assurance emergency. The one list of them, for Java and for SQL; and every flag's name
 * ({@link ResidentFlagMessages}), for the console's resident panels and queue, the calls page, and the call-assurance
 * ticket the voice line writes in the resident's language.
 */
public final class ResidentFlags {

    /** The flags of the residents who get priority help, in the order the docs name them. */
    public static final List<String> VULNERABLE = List.of("elderly-alone", "disabled");

    /** {@link #VULNERABLE} as a PostgreSQL {@code text[]} literal, for {@code flags && …} in a query. */
    public static final String VULNERABLE_SQL = "cast('{" + String.join(",", VULNERABLE) + "}' as text[])";

    private ResidentFlags() {
    }

    /** Whether any of the resident's flags is one of {@link #VULNERABLE}. */
    public static boolean vulnerable(Collection<String> flags) {
        return flags != null && flags.stream().anyMatch(VULNERABLE::contains);
    }

    /** The flag's name in English or Chinese; an unknown flag as it is written. */
    public static String name(String flag, boolean english) {
        return words(english).name(flag);
    }

    /** Each flag's name, in order. */
    public static List<String> names(List<String> flags, boolean english) {
        ResidentFlagMessages words = words(english);
        return flags == null ? List.of() : flags.stream().map(words::name).toList();
    }

    private static ResidentFlagMessages words(boolean english) {
        return MessageBundles.get(ResidentFlagMessages.class, Localized.Literal.of(ResidentTexts.language(english)));
    }
}
