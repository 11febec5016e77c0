package com.patientpayments.emr.practice;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.emr.support.TestAppPerClass;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class PracticeHashGeneratorTest extends TestAppPerClass {

    @Test
    void alphabetHasNoLookAlikes() {
        for (char c : "0O1IL5S2Z8B".toCharArray()) {
            assertThat(PracticeHashGenerator.ALPHABET).doesNotContain(String.valueOf(c));
        }
        PracticeHashGenerator generator = new PracticeHashGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String hash = generator.candidate();
            assertThat(hash).hasSize(6).matches("[" + PracticeHashGenerator.ALPHABET + "]{6}");
            seen.add(hash);
        }
        assertThat(seen).hasSizeGreaterThan(1_990);
    }

    @Test
    void retriesOnCollisionInsideTheCallersTransaction() throws Exception {
        // A generator whose first draw is the demo's existing K7MX4Q, then "CCCCCC".
        String alphabet = PracticeHashGenerator.ALPHABET;
        int[] draws = "K7MX4QCCCCCC".chars().map(alphabet::indexOf).toArray();
        RandomGenerator scripted = new RandomGenerator() {
            int i;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int bound) {
                return draws[i++];
            }
        };
        PracticeHashGenerator generator = new PracticeHashGenerator(scripted);
        TransactionOperations<Connection> tx =
                app.context().getBean(Argument.of(TransactionOperations.class, Connection.class));
        UUID practice = tx.executeRead(s -> {
            try (ResultSet rs = s.getConnection()
                    .createStatement()
                    .executeQuery("SELECT practice_id FROM practice_hashes WHERE hash = 'HR9T3W'")) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        });

        String issued = tx.executeWrite(s -> generator.issue(s.getConnection(), practice));

        assertThat(issued).isEqualTo("CCCCCC");
        try (Connection c = app.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT hash, practice_id FROM practice_hashes WHERE hash IN ('K7MX4Q', 'CCCCCC') ORDER BY hash")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("CCCCCC");
            assertThat(rs.getObject(2, UUID.class)).isEqualTo(practice);
            rs.next();
            assertThat(rs.getObject(2, UUID.class))
                    .as("the existing hash is untouched")
                    .isNotEqualTo(practice);
        }
    }
}
