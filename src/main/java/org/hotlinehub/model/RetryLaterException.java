package org.hotlinehub.model;

/**
 * A message that cannot be handled yet but will be later, e.g. a resident's follow-up whose ticket another consumer is
 * still committing. It is kept and tried again, never dead-lettered.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }
}
