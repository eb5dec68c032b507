package org.hotlinehub.model.port;

/** Hands out ticket references that no other ticket has or will have. */
public interface ReferenceNumbers {

    String next();
}
