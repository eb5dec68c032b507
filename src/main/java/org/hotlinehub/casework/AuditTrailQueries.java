package org.hotlinehub.casework;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.AuditEntry;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.store.AuditEntryEntity;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AuditTrailQueries implements AuditTrail {

    @Inject
    Clock clock;

    @Override
    @Transactional
    public void record(String actor, String action, String targetType, String target, String detail, String client) {
        AuditEntryEntity e = new AuditEntryEntity();
        e.actor = actor;
        e.action = action;
        e.targetType = targetType;
        e.target = target;
        e.detail = detail;
        e.client = client;
        e.at = clock.instant();
        e.persist();
    }

    @Override
    @Transactional
    public List<AuditEntry> list(Optional<String> actor, Optional<String> action, Optional<String> targetType,
            Optional<String> target, Long beforeId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        actor.ifPresent(a -> add(where, params, "actor", a));
        action.ifPresent(a -> add(where, params, "action", a));
        targetType.ifPresent(t -> add(where, params, "targetType", t));
        target.ifPresent(t -> add(where, params, "target", t));
        if (beforeId != null) {
            where.add("id < :beforeId");
            params.put("beforeId", beforeId);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return AuditEntryEntity.<AuditEntryEntity>find(query, Sort.descending("id"), params).page(0, limit).list()
                .stream().map(AuditEntryEntity::view).toList();
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String value) {
        where.add(field + " = :" + field);
        params.put(field, value);
    }
}
