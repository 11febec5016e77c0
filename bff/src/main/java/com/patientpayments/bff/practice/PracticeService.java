package com.patientpayments.bff.practice;

import com.patientpayments.bff.emr.ConnectorErrors;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrPractice;
import com.patientpayments.bff.household.CacheSettings;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;

/**
 * Practice landing data by hash, cached in Redis for {@link CacheSettings#practiceTtl()}; the connector answers when
 * Redis is down or the entry is missing. Unknown and inactive hashes are not cached (nothing to fill Redis with).
 */
@Singleton
public class PracticeService {

    private final RedisStore redis;
    /** micronaut-serde (unknown properties are ignored, so an entry with more fields still reads). */
    private final JsonMapper json;

    private final EmrClient emr;
    private final CacheSettings settings;

    public PracticeService(RedisStore redis, JsonMapper json, EmrClient emr, CacheSettings settings) {
        this.redis = redis;
        this.json = json;
        this.emr = emr;
        this.settings = settings;
    }

    /** The connector's practice (including ids), for features that need more than the landing view. */
    public Optional<EmrPractice> practice(String hash) {
        String key = "practice:" + hash;
        try {
            Optional<String> cached = redis.get(key);
            if (cached.isPresent()) {
                return Optional.of(json.readValue(cached.get(), EmrPractice.class));
            }
        } catch (RedisUnavailableException | IOException e) {
            // Fall through to the connector.
        }
        EmrOutcome<EmrPractice> answer = emr.practiceByHash(hash);
        if (answer instanceof EmrOutcome.NotFound<EmrPractice>) {
            return Optional.empty();
        }
        Optional<EmrPractice> fresh = Optional.of(answer.orElseThrow(o -> ConnectorErrors.toApi(o, "")));
        fresh.ifPresent(p -> {
            try {
                redis.set(key, json.writeValueAsString(p), settings.practiceTtl());
            } catch (RedisUnavailableException | IOException e) {
                // Serve without caching.
            }
        });
        return fresh;
    }

    /** The landing view of an active practice, or empty for an unknown or inactive hash. */
    public Optional<PracticeView> byHash(String hash) {
        return practice(hash).map(PracticeView::of);
    }
}
