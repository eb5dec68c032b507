package org.hotlinehub.model.port;

import java.util.List;

import org.hotlinehub.model.DeadLetter;

public interface DeadLetters {

    /** Newest first, as shown to supervisors: phone numbers and WeChat openids in body and reason masked. */
    List<DeadLetter> list(boolean includeReplayed, int offset, int limit);

    /** Dead letters nobody has replayed yet: supervisors are alerted while there are any. */
    long openCount();

    /** Sends the dead letter back to where it failed; @throws org.hotlinehub.model.NotFoundException */
    DeadLetter replay(long id);
}
