package com.patientpayments.bff.payment;

import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrPractice;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A practice's public hash and Stripe connected account by its connector id, cached for the life of the process
 * (practices are few and these never change for a practice id). Only found practices are cached.
 */
@Singleton
public class PracticeAccounts {

    private final EmrClient emr;
    private final Map<String, EmrPractice> practices = new ConcurrentHashMap<>();

    public PracticeAccounts(EmrClient emr) {
        this.emr = emr;
    }

    /** The practice by connector id (from the cache when it was found before). */
    public EmrOutcome<EmrPractice> practice(String practiceId) {
        EmrPractice cached = practices.get(practiceId);
        if (cached != null) {
            return new EmrOutcome.Found<>(cached, 200);
        }
        EmrOutcome<EmrPractice> outcome = emr.practice(practiceId);
        outcome.optional().ifPresent(p -> practices.put(practiceId, p));
        return outcome;
    }
}
