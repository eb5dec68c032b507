-- Issue 16: dispatch writes a chunk's assignments in one JDBC batch at the session's flush. Hibernate can batch an
-- insert only when it knows the id before writing the row, so assignments take their ids from their sequence in
-- blocks of 50 (AssignmentEntity.ID_BLOCK, Hibernate's pooled optimizer); the sequence steps by as much, so whoever
-- else draws from it (a plain INSERT taking the column default) gets a value outside every block handed out.
ALTER SEQUENCE assignment_id_seq INCREMENT BY 50;

-- An offer's outbox row is written when the offer is decided, with plain JDBC, before the session writes the
-- assignment at its flush: the row's reference to its assignment is checked when the transaction commits.
ALTER TABLE outbox ALTER CONSTRAINT outbox_assignment_id_fkey DEFERRABLE INITIALLY DEFERRED;
