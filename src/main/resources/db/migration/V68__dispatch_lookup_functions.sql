-- The two candidate lookups of a dispatch decision (target P6), as functions so that each is one round trip and
-- its plan is made once per connection: PL/pgSQL keeps the plans of its statements, and the SET clause makes them
-- generic plans (with array parameters PostgreSQL otherwise plans every execution afresh, which took longer than
-- executing: bench/dispatch-bench.sh). Called by store/PartnerRepository and store/VolunteerRepository.

-- The nearest active partner of the first of the types that has one, not tried yet, offering the service (a partner
-- listing no services offers all): the chain's areas of that type by partner_area's (place, type) index, nearest
-- place first, equals by code.
create function dispatch_nearest_partner(want_types text[], want_service text, chain bigint[], tried bigint[])
  returns table (partner_id bigint, area_id bigint, partner_code text, partner_type text)
  language plpgsql stable
  set plan_cache_mode = force_generic_plan
as $$
declare
  want_type text;
begin
  foreach want_type in array want_types loop
    return query
      select p.id, pa.place_id, p.code, p.type from partner_area pa join partner p on p.id = pa.partner_id
       where pa.place_id = any(chain) and pa.partner_type = want_type and p.active and p.id <> all(tried)
         and (not exists (select 1 from partner_service s where s.partner_id = p.id)
              or exists (select 1 from partner_service s where s.partner_id = p.id and s.catalog_code = want_service))
       order by array_position(chain, pa.place_id), p.code
       limit 1;
    if found then
      return;
    end if;
  end loop;
end
$$;

-- Active volunteers with every wanted skill, not tried, not unavailable at the given time, homed in one of the
-- grids (all grids when none are given): nearest tier first (0 the ticket's grid, 1 its community, 2 its street),
-- then the lightest open load, then whoever was offered least recently, so equals take turns.
create function dispatch_volunteer_candidates(want_skills text[], home_grid bigint, home_community bigint,
    home_street bigint, grids bigint[], tried bigint[], at_time timestamptz, max_rows int)
  returns table (volunteer_id bigint, volunteer_code text, tier int, open_load bigint, on_duty text[])
  language plpgsql stable
  set plan_cache_mode = force_generic_plan
as $$
declare
  -- shared by the three rings; $n are the function's arguments in order
  pick constant text := 'select v.id, v.code, case when v.grid_id = $2 then 0 when g.parent_id = $3 then 1'
    || ' when c.parent_id = $4 then 2 else 3 end,'
    || ' (select count(*) from assignment a where a.volunteer_id = v.id'
    || '   and a.state in (''OFFERED'', ''ACCEPTED'', ''IN_PROGRESS'', ''RETURNED'')), v.on_duty';
  rest constant text := ' left join place g on g.id = v.grid_id left join place c on c.id = g.parent_id'
    || ' where v.skills @> $1 and v.id <> all($6) and not exists (select 1 from volunteer_unavailability u'
    || '   where u.volunteer_id = v.id and u.starts_at <= $7 and u.ends_at > $7)';
  ranked constant text := ' order by 3, 4, v.last_offered_at nulls first, v.code limit $8';
begin
  if cardinality(grids) = 1 then
    -- One grid holds a few hundred volunteers at most: read them by the grid index, which carries the columns the
    -- choice reads (an index-only scan), and test the skills on each (OFFSET 0 keeps the planner from also scanning
    -- the skills index, whose common skills match a large share of the whole table). The common case: a kept plan.
    return query
      select v.id, v.code, case when v.grid_id = home_grid then 0 when g.parent_id = home_community then 1
                                 when c.parent_id = home_street then 2 else 3 end,
             (select count(*) from assignment a where a.volunteer_id = v.id
                and a.state in ('OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED')),
             v.on_duty
        from (select vo.id, vo.grid_id, vo.skills, vo.on_duty, vo.last_offered_at, vo.code from volunteer vo
               where vo.active and vo.grid_id = any(grids) offset 0) v
        left join place g on g.id = v.grid_id left join place c on c.id = g.parent_id
       where v.skills @> want_skills and v.id <> all(tried)
         and not exists (select 1 from volunteer_unavailability u
                          where u.volunteer_id = v.id and u.starts_at <= at_time and u.ends_at > at_time)
       order by 3, 4, v.last_offered_at nulls first, v.code
       limit max_rows;
  elsif cardinality(grids) > 1 then
    -- wider rings, rarely reached: planned for their own grids and skills (EXECUTE is planned each time)
    return query execute pick || ' from volunteer v' || rest || ' and v.active and v.grid_id = any($5)' || ranked
      using want_skills, home_grid, home_community, home_street, grids, tried, at_time, max_rows;
  else
    return query execute pick || ' from volunteer v' || rest || ' and v.active' || ranked
      using want_skills, home_grid, home_community, home_street, grids, tried, at_time, max_rows;
  end if;
end
$$;
