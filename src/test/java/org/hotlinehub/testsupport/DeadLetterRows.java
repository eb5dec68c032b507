package org.hotlinehub.testsupport;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.deadletter.DeadLetterCipher;

/** Dead letters found by what their body says: bodies are stored encrypted, so SQL alone cannot search them. */
@ApplicationScoped
public class DeadLetterRows {

    @Inject
    Sql sql;
    @Inject
    DeadLetterCipher cipher;

    /** The ids of the dead letters whose decrypted body contains {@code text}. */
    public List<Long> containing(String text) {
        return sql.column("select id from dead_letter order by id").stream().map(id -> ((Number) id).longValue())
                .filter(id -> cipher.open((String) sql.one("select body from dead_letter where id = ?", id))
                        .contains(text))
                .toList();
    }
}
