package com.patientpayments.emr;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The connector's package rules (ARCHITECTURE.md "Package rules"): packages form no cycle and the root (the
 * application, configuration, the error vocabulary, the JDBC helper) depends on no feature package; only {@code api}
 * sees Micronaut HTTP; no feature package reaches into {@code api} or {@code demo}; the ledger's and the features'
 * model (enums, records, exceptions and the allocation rules) sees neither HTTP nor JDBC; nothing uses the embedded
 * PostgreSQL (it is demo/emr-connector-demo's, never in the production jar). Micronaut's generated bean definitions
 * ({@code $…}) are not ours.
 */
@AnalyzeClasses(
        packages = {"com.patientpayments.emr", ArchitectureTest.CONTRACT},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.patientpayments.emr";
    /** The connector's REST payloads (connector-contract), shared by the connector and the BFF. */
    static final String CONTRACT = "com.patientpayments.contract";

    private static final String API = ROOT + ".api..";
    private static final String DEMO = ROOT + ".demo..";
    private static final String[] FEATURES = {
        ROOT + ".charge..", ROOT + ".household..", ROOT + ".ledger..", ROOT + ".practice..", ROOT + ".console.."
    };

    /** The model: values, states, errors and pure rules, as opposed to the classes that read and write rows. */
    private static final DescribedPredicate<JavaClass> MODEL =
            new DescribedPredicate<>("enums, records, exceptions or the allocation rules") {
                @Override
                public boolean test(JavaClass c) {
                    return c.isEnum()
                            || c.isRecord()
                            || c.isAssignableTo(RuntimeException.class)
                            || c.getSimpleName().equals("Allocator")
                            || c.getSimpleName().equals("SvgSanitizer");
                }
            };

    @ArchTest
    static final ArchRule packagesFormNoCycle =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theRootDependsOnNoPackageOfTheModule = classes()
            .that()
            .resideInAPackage(ROOT)
            .should()
            .onlyDependOnClassesThat(resideInAPackage(ROOT).or(not(resideInAPackage(ROOT + ".."))));

    @ArchTest
    static final ArchRule onlyTheApiSeesHttp = noClasses()
            .that()
            .resideOutsideOfPackage(API)
            .and()
            .haveSimpleNameNotStartingWith("$")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micronaut.http..");

    @ArchTest
    static final ArchRule featuresUseNeitherTheApiNorTheDemo = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, DEMO);

    @ArchTest
    static final ArchRule theModelSeesNeitherHttpNorJdbc = noClasses()
            .that()
            .resideInAnyPackage(FEATURES)
            .and(MODEL)
            .and()
            .haveSimpleNameNotStartingWith("$")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.micronaut.http..",
                    "java.sql..",
                    "javax.sql..",
                    "io.micronaut.data..",
                    "io.micronaut.transaction..")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName(Jdbc.class.getName());

    @ArchTest
    static final ArchRule noClassUsesTheEmbeddedDatabase =
            noClasses().should().dependOnClassesThat().resideInAPackage("io.zonky..");

    /**
     * The contract holds payloads only: it sees neither this module (the connector depends on it, not the reverse) nor HTTP
     * nor JDBC.
     */
    @ArchTest
    static final ArchRule theContractIsPayloadsOnly = noClasses()
            .that()
            .resideInAPackage(CONTRACT + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ROOT + "..", "io.micronaut.http..", "java.sql..", "javax.sql..", "io.micronaut.data..");
}
