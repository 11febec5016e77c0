package com.patientpayments.bff.household;

import com.patientpayments.bff.emr.ConnectorErrors;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrHousehold;
import com.patientpayments.bff.emr.EmrOpenCharges;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A household's guarantor, patients and open charges, cached in Redis for {@link CacheSettings#chargesTtl()} under one
 * key per household (so every session of the household sees the same figures and one {@link #evict(String)} drops
 * them). When Redis is down the connector answers every read.
 */
@Singleton
public class HouseholdChargesCache {

    private final RedisStore redis;
    /** micronaut-serde (unknown properties are ignored, so an entry with more fields still reads). */
    private final JsonMapper json;

    private final EmrClient emr;
    private final CacheSettings settings;
    private final Timer fetchTimer;
    private final Map<String, CompletableFuture<HouseholdSnapshot>> inFlight = new ConcurrentHashMap<>();
    /**
     * The last view built per household, with the exact Redis entry it was built from. A request whose Redis entry is
     * the same string reuses it instead of parsing the JSON and sorting again (the request path's largest share of
     * project CPU in the charges benchmark's profile, and the sorts share one {@code synchronized} Collator). Redis
     * stays the only source: an entry that differs in any byte — a payment's eviction and refetch, another instance's
     * write — is parsed afresh, so nothing here can be staler than Redis.
     */
    private final Map<String, BuiltView> views = new ConcurrentHashMap<>();

    /** How many households' views {@link #views} keeps (about 10 KiB each); past that it starts over. */
    static final int MAX_VIEWS = 1_000;

    private record BuiltView(String json, HouseholdView view) {}

    public HouseholdChargesCache(
            RedisStore redis, JsonMapper json, EmrClient emr, CacheSettings settings, MeterRegistry registry) {
        this.redis = redis;
        this.json = json;
        this.emr = emr;
        this.settings = settings;
        this.fetchTimer = Timer.builder("pp.charges.fetch")
                .description("Household and open charges fetch (cache or connector)")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The household's snapshot, from the cache or the connector; NOT_FOUND if the connector no longer knows it. */
    public HouseholdSnapshot get(String householdId) {
        return fetchTimer.record(() -> load(householdId));
    }

    /**
     * The household's patient-facing view (what {@code Query.household} answers), built from the same data as
     * {@link #get(String)}: the Redis entry, else the connector. Reuses the view built from an identical Redis entry.
     */
    public HouseholdView view(String householdId) {
        return fetchTimer.record(() -> loadView(householdId));
    }

    /** Drops the cached charges of a household (call when a payment, refund or dispute for it is posted). */
    public void evict(String householdId) {
        views.remove(householdId);
        try {
            redis.delete(key(householdId));
        } catch (RedisUnavailableException e) {
            // Nothing can be read from a Redis that is down either; the entry expires by its TTL at the latest.
        }
    }

    private HouseholdSnapshot load(String householdId) {
        Optional<String> cached;
        try {
            cached = redis.get(key(householdId));
        } catch (RedisUnavailableException e) {
            return fromConnector(householdId);
        }
        if (cached.isPresent()) {
            try {
                return json.readValue(cached.get(), HouseholdSnapshot.class);
            } catch (IOException | RuntimeException e) {
                // An entry from an older shape: refetch below.
            }
        }
        return loadOnce(householdId);
    }

    private HouseholdView loadView(String householdId) {
        Optional<String> cached;
        try {
            cached = redis.get(key(householdId));
        } catch (RedisUnavailableException e) {
            return new HouseholdView(fromConnector(householdId));
        }
        if (cached.isPresent()) {
            String entry = cached.get();
            BuiltView built = views.get(householdId);
            if (built != null && built.json().equals(entry)) {
                return built.view();
            }
            try {
                HouseholdView view = new HouseholdView(json.readValue(entry, HouseholdSnapshot.class));
                if (views.size() >= MAX_VIEWS) {
                    views.clear();
                }
                views.put(householdId, new BuiltView(entry, view));
                return view;
            } catch (IOException | RuntimeException e) {
                // An entry from an older shape: refetch below.
            }
        }
        return new HouseholdView(loadOnce(householdId));
    }

    /**
     * One connector fetch per household at a time in this instance: concurrent misses (several tabs, a burst after
     * eviction) wait for the same answer instead of each calling the connector.
     */
    private HouseholdSnapshot loadOnce(String householdId) {
        CompletableFuture<HouseholdSnapshot> mine = new CompletableFuture<>();
        CompletableFuture<HouseholdSnapshot> running = inFlight.putIfAbsent(householdId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            HouseholdSnapshot fresh = fromConnector(householdId);
            try {
                redis.set(key(householdId), json.writeValueAsString(fresh), settings.chargesTtl());
            } catch (RedisUnavailableException | IOException e) {
                // Serve without caching.
            }
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(householdId, mine);
        }
    }

    private HouseholdSnapshot fromConnector(String householdId) {
        EmrHousehold household = emr.household(householdId).orElseThrow(o -> ConnectorErrors.toApi(o, GONE));
        EmrOpenCharges charges = emr.openCharges(householdId).orElseThrow(o -> ConnectorErrors.toApi(o, GONE));
        return new HouseholdSnapshot(household, charges);
    }

    private static final String GONE = "We couldn't find this account any more. Please sign in again.";

    private static String key(String householdId) {
        return "household:" + householdId;
    }
}
