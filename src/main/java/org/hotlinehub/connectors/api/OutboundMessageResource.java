package org.hotlinehub.connectors.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.EnumParams;
import org.hotlinehub.model.OutboundSms;
import org.hotlinehub.model.OutboundSmsStatus;
import org.hotlinehub.model.OutboundWechat;
import org.hotlinehub.model.OutboundWechatStatus;
import org.hotlinehub.model.Paging;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.model.port.WechatOutbox;

@Path("/api/v1/outbound-messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbound messages", description = "Text and WeChat messages the hub sent, or recorded without sending in sandbox mode")
@RolesAllowed({Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN})
public class OutboundMessageResource {

    @Inject
    SmsOutbox outbox;
    @Inject
    WechatOutbox wechat;

    @GET
    @Operation(summary = "List outbound SMS, newest first; filter by status (pending, sent, sandbox, blocked, failed)")
    public List<OutboundSms> list(@QueryParam("status") String status,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit, 500);
        return outbox.list(EnumParams.optional(OutboundSmsStatus.class, "status", status), offset, limit);
    }

    @GET
    @Path("/wechat")
    @Operation(summary = "List outbound WeChat messages (customer-service and template), newest first, openids masked;"
            + " filter by status (pending, sent, sandbox, failed)")
    public List<OutboundWechat> wechat(@QueryParam("status") String status,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit, 500);
        return wechat.list(EnumParams.optional(OutboundWechatStatus.class, "status", status), offset, limit).stream()
                .map(OutboundWechat::masked).toList();
    }
}
