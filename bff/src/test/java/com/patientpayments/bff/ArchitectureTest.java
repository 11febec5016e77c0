package com.patientpayments.bff;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The BFF's package rules (ARCHITECTURE.md "Package rules"): feature packages form no cycle; only the edges
 * ({@code graphql}, {@code web}) see GraphQL or the HTTP server, and only they and the connector's client ({@code emr})
 * see Micronaut HTTP at all; no feature package reaches back into an edge or uses JDBC; the shared error and money
 * vocabulary at the root depends on nothing else of the module; no production class reaches the demo stand-ins
 * ({@code demo} package, module {@code demo/bff-standins}, on this test classpath only) or their libraries: it finds
 * them by bean name. Micronaut's generated bean definitions ({@code $…}) are not ours.
 */
@AnalyzeClasses(
        packages = {"com.patientpayments.bff", ArchitectureTest.CONTRACT},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.patientpayments.bff";
    /** The connector's REST payloads (connector-contract), shared by the connector and the BFF. */
    static final String CONTRACT = "com.patientpayments.contract";

    private static final String GRAPHQL = ROOT + ".graphql..";
    private static final String WEB = ROOT + ".web..";
    private static final String EMR = ROOT + ".emr..";
    /** The stand-ins: demo/bff-standins (test scope here), demo/bff-demo; never in the production jar. */
    private static final String DEMO = ROOT + ".demo..";
    /** Packages that hold the product's rules: what a request may do, not how it arrived. */
    private static final String[] DOMAIN = {
        ROOT + ".console..",
        ROOT + ".email..",
        ROOT + ".household..",
        ROOT + ".observability..",
        ROOT + ".payment..",
        ROOT + ".practice..",
        ROOT + ".ratelimit..",
        ROOT + ".receipt..",
        ROOT + ".reconciliation..",
        ROOT + ".session..",
        ROOT + ".webhook.."
    };

    @ArchTest
    static final ArchRule featurePackagesFormNoCycle =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheGraphQLLayerSeesGraphQL = noClasses()
            .that()
            .resideOutsideOfPackages(GRAPHQL)
            .and()
            .haveSimpleNameNotStartingWith("$")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("graphql..");

    @ArchTest
    static final ArchRule onlyTheEdgesAndTheConnectorClientSeeHttp = noClasses()
            .that()
            .resideOutsideOfPackages(GRAPHQL, WEB, EMR)
            .and()
            .haveSimpleNameNotStartingWith("$")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micronaut.http..");

    @ArchTest
    static final ArchRule theConnectorClientServesNoHttp = noClasses()
            .that()
            .resideInAPackage(EMR)
            .and()
            .haveSimpleNameNotStartingWith("$")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micronaut.http.server..", "io.micronaut.http.annotation.Controller");

    @ArchTest
    static final ArchRule domainPackagesUseNeitherEdgesNorJdbc = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN)
            .and()
            .haveSimpleNameNotStartingWith("$")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(GRAPHQL, WEB, "java.sql..", "javax.sql..", "io.micronaut.data..");

    @ArchTest
    static final ArchRule theErrorVocabularyStandsAlone = classes()
            .that()
            .haveFullyQualifiedName(ErrorCode.class.getName())
            .or()
            .haveFullyQualifiedName(PaymentsException.class.getName())
            .or()
            .haveFullyQualifiedName(Money.class.getName())
            .should()
            .onlyDependOnClassesThat(resideInAPackage(ROOT).or(not(resideInAPackage(ROOT + ".."))))
            .andShould()
            .onlyDependOnClassesThat(not(JavaClass.Predicates.resideInAnyPackage("graphql..", "io.micronaut..")));

    @ArchTest
    static final ArchRule nothingDependsOnTheEntryPoint = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(Application.class.getName())
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(Application.class.getName());

    @ArchTest
    static final ArchRule productionCodeNeverNamesAStandIn = noClasses()
            .that()
            .resideOutsideOfPackage(DEMO)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DEMO, "redis.embedded..", "org.elasticmq..", "org.apache.pekko..");

    /**
     * The demo's card processor is the Stripe stand-in in demo/bff-standins, which the BFF finds by bean name
     * ({@code payment.StripeEndpoint}) and talks to through stripe-java like Stripe itself: no simulated provider and no
     * local HTTP server of its own come back into the production jar.
     */
    @ArchTest
    static final ArchRule noSimulatedCardProcessorInProductionCode = noClasses()
            .that()
            .resideOutsideOfPackage(DEMO)
            .should()
            .haveSimpleNameStartingWith("Simulated")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("com.sun.net.httpserver..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameContaining("StandIn");

    /**
     * The connector's contract is decoded here, never the reverse: it sees no BFF class (the connector's
     * {@code ArchitectureTest} checks that it sees neither HTTP nor JDBC).
     */
    @ArchTest
    static final ArchRule theContractDoesNotSeeTheBff = noClasses()
            .that()
            .resideInAPackage(CONTRACT + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + "..");
}
