package org.hotlinehub.connectors.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.hotlinehub.incident.IncidentTest;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.port.IntakeGroups;
import org.hotlinehub.testsupport.HubTestResources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Contacts that incident detection compares with each other go to the intake queue in one message group per area and
 * category group (the key of detection's area lock), so one consumer takes them and two intake batches seldom wait
 * for the same lock; the rest carry no group and go to whichever consumer is free.
 */
@QuarkusTest
@TestProfile(IncidentTest.On.class)
@QuarkusTestResource(HubTestResources.class)
class IntakeGroupsTest {

    @Inject
    IntakeGroups groups;
    @Inject
    IntakeQueueSender sender;

    @Test
    void shouldGroupTheContactsDetectionComparesByAreaAndCategoryGroup() {
        Optional<String> court = groups.groupOf(form("INC-COURT", "property-repair"));
        assertTrue(court.isPresent(), "a marked need at a known place has a group");
        assertEquals(court, groups.groupOf(form("INC-COURT2", "property-repair")), "two compounds of one grid");
        Optional<String> garden = groups.groupOf(form("HY-GARDEN", "property-repair"));
        assertTrue(garden.isPresent());
        assertEquals(garden, groups.groupOf(form("HY-GARDEN-B03", "property-repair")), "a building of the compound");
        assertNotEquals(court, garden, "another grid");

        assertEquals(Optional.empty(), groups.groupOf(form("INC-COURT", "gas-delivery")), "a household's own need");
        assertEquals(Optional.empty(), groups.groupOf(form("INC-COURT", "urgent-help")), "a call for help");
        assertEquals(Optional.empty(), groups.groupOf(form(null, "property-repair")), "no place named");
        assertEquals(Optional.empty(), groups.groupOf(form("INC-COURT", null)), "no need named");
        assertEquals(Optional.empty(), groups.groupOf(form("NO-SUCH-PLACE", "property-repair")));
    }

    @Test
    void shouldSendTheGroupAsTheMessageGroupBesideTheDuplicateId() {
        InboundContact grouped = form("INC-COURT", "property-repair");
        Map<String, String> properties = sender.properties(grouped);
        assertEquals(groups.groupOf(grouped).orElseThrow(), properties.get("JMSXGroupID"));
        assertEquals("WEB:" + grouped.externalId() + ":" + grouped.reference(), properties.get("_AMQ_DUPL_ID"));

        Map<String, String> alone = sender.properties(form("INC-COURT", "gas-delivery"));
        assertFalse(alone.containsKey("JMSXGroupID"));
        assertTrue(alone.containsKey("_AMQ_DUPL_ID"));
    }

    private static InboundContact form(String place, String category) {
        return new InboundContact(Channel.WEB, "groups:" + System.nanoTime(), "100000017", Instant.now(),
                "+8613800000000", null, "楼道里的灯坏了", "zh", category, place, null, null, null, List.of());
    }
}
