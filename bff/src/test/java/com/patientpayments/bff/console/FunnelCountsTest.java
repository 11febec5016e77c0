package com.patientpayments.bff.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.observability.FunnelStepReached;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The BFF's batched funnel counts against the real connector and its PostgreSQL: every step reached is written once
 * — counts from many threads while flushes run lose nothing and double nothing — a second's counts of a practice and
 * step land as one row update, and what is pending when the BFF stops is written on the way out.
 */
class FunnelCountsTest {

    @Test
    void countsFromManyThreadsDuringFlushesAreWrittenExactlyOnce() throws Exception {
        ConnectorHouseholds.Household h = ConnectorHouseholds.create();
        try (ApplicationContext context = ApplicationContext.run(
                new HashMap<String, Object>(BffTestSupport.properties(FunnelCountsTest.class)))) {
            FunnelCounts counts = context.getBean(FunnelCounts.class);
            ApplicationEventPublisher<FunnelStepReached> events = context.getEventPublisher(FunnelStepReached.class);
            AtomicBoolean counting = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                Future<?> flusher = pool.submit(() -> {
                    while (counting.get()) {
                        counts.flush();
                    }
                });
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < 500; i++) {
                            events.publishEvent(new FunnelStepReached("SIGNED_IN", h.practiceHash()));
                            if (i % 100 == 0) {
                                counts.count("LANDING", h.practiceHash());
                            }
                        }
                    }));
                }
                for (Future<?> w : writers) {
                    w.get();
                }
                counting.set(false);
                flusher.get();
            } finally {
                pool.shutdown();
            }
            counts.flush();
            assertThat(funnel(h)).isEqualTo(Map.of("SIGNED_IN", 2000L, "LANDING", 20L));
        }
    }

    @Test
    void whatIsPendingWhenTheBffStopsIsWritten() throws Exception {
        ConnectorHouseholds.Household h = ConnectorHouseholds.create();
        try (ApplicationContext context = ApplicationContext.run(
                new HashMap<String, Object>(BffTestSupport.properties(FunnelCountsTest.class)))) {
            FunnelCounts counts = context.getBean(FunnelCounts.class);
            for (int i = 0; i < 7; i++) {
                counts.count("PAYMENT_STARTED", h.practiceHash());
            }
        }
        assertThat(funnel(h)).isEqualTo(Map.of("PAYMENT_STARTED", 7L));
    }

    /** The practice's funnel rows (step → count); one row per step and day. */
    private static Map<String, Long> funnel(ConnectorHouseholds.Household h) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c =
                        DriverManager.getConnection(EmrConnectorProcess.shared().jdbcUrl());
                PreparedStatement s = c.prepareStatement("SELECT f.step, f.count FROM funnel_daily f"
                        + " JOIN practice_hashes p ON p.practice_id = f.practice_id WHERE p.hash = ?")) {
            s.setString(1, h.practiceHash());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(out.put(rs.getString(1), rs.getLong(2)))
                            .as("one row per step and day")
                            .isNull();
                }
            }
        }
        return out;
    }
}
