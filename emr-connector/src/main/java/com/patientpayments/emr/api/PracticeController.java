package com.patientpayments.emr.api;

import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.practice.PracticeRepository;
import com.patientpayments.emr.practice.PracticeView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;

/** Practice by landing-page hash (only active hashes) and by id. */
@Controller("/api/v1/practices")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PracticeController {
    private final TransactionOperations<Connection> tx;
    private final PracticeRepository practices;

    public PracticeController(TransactionOperations<Connection> tx, PracticeRepository practices) {
        this.tx = tx;
        this.practices = practices;
    }

    @Operation(summary = "Practice by landing-page hash; unknown or inactive hash is 404")
    @Get("/by-hash/{hash}")
    public PracticeView byHash(String hash) {
        if (!hash.matches("[A-Za-z0-9]{1,12}")) {
            throw EmrException.notFound("Practice");
        }
        String normalized = hash.toUpperCase(java.util.Locale.ROOT);
        return tx.executeRead(s -> practices.findByActiveHash(normalized))
                .orElseThrow(() -> EmrException.notFound("Practice"));
    }

    @Operation(summary = "Practice by id")
    @Get("/{practiceId}")
    public PracticeView byId(String practiceId) {
        var id = Ids.parse(practiceId, "Practice");
        return tx.executeRead(s -> practices.findById(id)).orElseThrow(() -> EmrException.notFound("Practice"));
    }
}
