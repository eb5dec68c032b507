package org.hotlinehub.connectors.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;

/** An assignment as the portal shows it: the partner's view of it with its deadlines spelled out. */
public record PortalAssignment(AssignmentView view, Deadline acceptBy, Deadline resolveBy) {

    static PortalAssignment of(AssignmentView view, Instant now, ZoneId zone, boolean english) {
        return new PortalAssignment(view, Deadline.of(view.acceptBy(), now, zone, english),
                Deadline.of(view.resolveBy(), now, zone, english));
    }

    public long id() {
        return view.id();
    }

    public AssignmentState state() {
        return view.state();
    }

    /** Waiting for the partner to accept or decline. */
    public boolean offered() {
        return view.state() == AssignmentState.OFFERED;
    }

    /** Accepted and not yet resolved: progress notes, resolution or a return are possible. */
    public boolean working() {
        return view.state() == AssignmentState.ACCEPTED || view.state() == AssignmentState.IN_PROGRESS;
    }

    public boolean returned() {
        return view.state() == AssignmentState.RETURNED;
    }

    /** The deadline that matters now: accept-by while offered, resolve-by after. */
    public Deadline due() {
        return offered() ? acceptBy : resolveBy;
    }

    /** Compound, grid and community with the address, as one line. */
    public String place() {
        AssignmentView.Location l = view.ticket().location();
        if (l == null) {
            return "";
        }
        return Stream.of(l.compound() != null ? l.compound() : l.grid(), l.community(), l.address())
                .filter(Objects::nonNull).filter(s -> !s.isBlank()).distinct().collect(Collectors.joining(" · "));
    }

    /** The first line of the description, for the list. */
    public String summary() {
        String d = view.ticket().description() == null ? "" : view.ticket().description().strip();
        int cut = d.indexOf('\n');
        String first = cut < 0 ? d : d.substring(0, cut);
        return first.codePointCount(0, first.length()) <= 80
                ? first
                : first.substring(0, first.offsetByCodePoints(0, 80)) + "…";
    }
}
