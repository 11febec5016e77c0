package com.patientpayments.bff.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.GraphQLTestClient;
import com.patientpayments.bff.testsupport.GraphQLTestClient.Result;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** GRAPHQL_DEV_TOOLS=true: GraphiQL from WebJars, introspection on — and the depth limit still holds. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevToolsTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(BffTestSupport.properties(getClass()));
        p.put("payments.graphql.dev-tools", "true");
        p.put("graphql.graphiql.enabled", "true");
        p.put("micronaut.router.static-resources.graphiql-assets.enabled", "true");
        p.put("micronaut.router.static-resources.graphiql-static.enabled", "true");
        return p;
    }

    @Test
    void graphiqlIsServedWithLocalAssetsOnly() {
        GraphQLTestClient c = new GraphQLTestClient(server.getURL());
        Result page = c.get("/graphiql");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw())
                .contains("/graphiql-assets/graphiql/")
                .doesNotContain("unpkg")
                .doesNotContain("cdn");
        for (String asset : new String[] {
            "/graphiql-assets/graphiql/2.4.7/graphiql.min.js",
            "/graphiql-assets/graphiql/2.4.7/graphiql.min.css",
            "/graphiql-assets/react/18.2.0/umd/react.production.min.js",
            "/graphiql-assets/react-dom/18.2.0/umd/react-dom.production.min.js",
            "/graphiql-static/graphiql-init.js"
        }) {
            assertThat(c.get(asset).status()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void introspectionWorks() {
        Result r =
                new GraphQLTestClient(server.getURL()).execute("{ __type(name: \"Household\") { fields { name } } }");
        assertThat(r.hasErrors()).as(r.raw()).isFalse();
        assertThat(r.raw()).contains("chargeSummary");
    }

    @Test
    void deepDocumentsAreRejectedBeforeExecution() {
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }";
        Result r = new GraphQLTestClient(server.getURL()).execute(deep);
        assertThat(r.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(r.errors().path(0).path("message").asText()).containsIgnoringCase("depth");
        assertThat(r.data().isMissingNode() || r.data().isNull()).isTrue();
    }
}
