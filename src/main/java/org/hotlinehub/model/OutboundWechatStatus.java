package org.hotlinehub.model;

/** The hub's view of an outbound WeChat message. */
public enum OutboundWechatStatus {
    PENDING,
    SENT,
    /** Recorded and not sent: the hub has no WeChat app id / secret. */
    SANDBOX,
    FAILED
}
