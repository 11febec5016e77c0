package com.patientpayments.emr.demo;

import com.patientpayments.emr.EmrSettings;
import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.practice.PracticeLogos;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo data at start-up ({@code EMR_SEED_DEMO=true}) when the database has none yet; a database that
 * already holds it is left alone. Runs before the HTTP server binds, so {@code /health} = 200 means seeded.
 */
@Singleton
@Requires(property = "payments.emr.seed-demo", value = "true")
public class DemoSeeder implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private final TransactionOperations<Connection> tx;
    private final DemoLedgerHistory history;
    private final PracticeLogos logos;

    public DemoSeeder(
            TransactionOperations<Connection> tx, DemoLedgerHistory history, PracticeLogos logos, EmrSettings config) {
        this.tx = tx;
        this.history = history;
        this.logos = logos;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        seed();
    }

    /** Writes the demo data unless present. Returns true when it wrote. */
    public boolean seed() {
        boolean wrote = tx.executeWrite(s -> {
            Connection c = s.getConnection();
            // Serializes two connectors seeding one database at once.
            Jdbc.one(c, "SELECT pg_advisory_xact_lock(727001)", rs -> 1);
            if (Jdbc.one(c, "SELECT 1 FROM practice_hashes WHERE hash = 'K7MX4Q'", rs -> 1)
                    .isPresent()) {
                return false;
            }
            new DemoData(c, logos).writeAll();
            new DemoConsole(c).writeAll();
            // Joins this transaction: the demo data is written completely or not at all.
            history.write();
            return true;
        });
        if (wrote) {
            LOG.info("demo data seeded");
        }
        return wrote;
    }
}
