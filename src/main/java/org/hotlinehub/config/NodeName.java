package org.hotlinehub.config;

/**
 * This hub instance's name among the nodes that share one database: the host name (a pod's name in Kubernetes) and
 * the process id. Leases and background jobs record it, so a row tells which node holds it.
 */
public final class NodeName {

    private static final String NAME = name();

    private NodeName() {
    }

    public static String of() {
        return NAME;
    }

    private static String name() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "hub" : host) + ":" + ProcessHandle.current().pid();
    }
}
