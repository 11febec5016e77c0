package com.patientpayments.emr.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/**
 * Reads the recorded reconciliation runs (the BFF's sweeps of the payment provider against the ledger). A Micronaut
 * Data repository with a native {@code @Query}; the runs are recorded by the operations API's insert.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ReconciliationRunRepository
        implements GenericRepository<ReconciliationRunRepository.RunTable, Long> {

    /** The latest {@code limit} runs, newest start first (then newest recorded). */
    @Query("SELECT started_at, window_from, window_to, checked, repaired FROM reconciliation_runs"
            + " ORDER BY started_at DESC, id DESC LIMIT :limit")
    public abstract List<RunRow> latest(int limit);

    /**
     * One reconciliation run.
     *
     * @param startedAt when the run started
     * @param windowFrom the start of the provider window it checked
     * @param windowTo the end of that window
     * @param checked how many it checked, as the BFF reported
     * @param repaired how many it repaired, as the BFF reported
     */
    @Introspected
    public record RunRow(Instant startedAt, Instant windowFrom, Instant windowTo, int checked, int repaired) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("reconciliation_runs")
    static final class RunTable {
        @Id
        private final Long id;

        RunTable(Long id) {
            this.id = id;
        }

        public Long getId() {
            return id;
        }
    }
}
