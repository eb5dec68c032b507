package org.hotlinehub.connectors.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Caller;
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
        return outbox.list(parseStatus(status), offset, limit);
    }

    @GET
    @Path("/wechat")
    @Operation(summary = "List outbound WeChat messages (customer-service and template), newest first, openids masked;"
            + " filter by status (pending, sent, sandbox, failed)")
    public List<OutboundWechat> wechat(@QueryParam("status") String status,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Paging.check(offset, limit, 500);
        Optional<OutboundWechatStatus> wanted = Optional.empty();
        if (status != null && !status.isBlank()) {
            try {
                wanted = Optional.of(OutboundWechatStatus.valueOf(status.strip().toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("unknown status '" + status + "'; use one of "
                        + Arrays.stream(OutboundWechatStatus.values()).map(s -> s.name().toLowerCase()).toList());
            }
        }
        return wechat.list(wanted, offset, limit).stream().map(OutboundWechat::masked).toList();
    }

    private static Optional<OutboundSmsStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OutboundSmsStatus.valueOf(status.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown status '" + status + "'; use one of "
                    + Arrays.stream(OutboundSmsStatus.values()).map(s -> s.name().toLowerCase()).toList());
        }
    }
}
