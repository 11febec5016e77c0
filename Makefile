# Patient Payments — the README's commands. `make demo`, `make test`, `make bench` (see README.md); `make help` lists
# every target. A `## target: text` comment above a target is its line in `make help`.
SHELL := /bin/bash
MVNW  := ./mvnw
# The production jars (the images' inputs; no demo stand-ins) and the demo jars `make demo` runs (the same services
# plus embedded PostgreSQL / Redis / ElasticMQ and the SES stand-in: demo/, see README "Jars").
EMR_JAR := emr-connector/target/emr-connector-0.1.0-SNAPSHOT.jar
BFF_JAR := bff/target/bff-0.1.0-SNAPSHOT.jar
EMR_DEMO_JAR := demo/emr-connector-demo/target/emr-connector-demo-0.1.0-SNAPSHOT.jar
BFF_DEMO_JAR := demo/bff-demo/target/bff-demo-0.1.0-SNAPSHOT.jar
UI_INDEX := ui-angular/dist/ui-angular/browser/index.html
UI_PRESENT := $(wildcard ui-angular/package.json)
INFRA_PRESENT := $(wildcard infra/package.json)
# Runs one named stage and prints its time (CI has a hard time limit).
TIMED := bash scripts/timed.sh

# The static checks: they read sources and compile nothing, so `make test` runs them first (a format slip fails in
# seconds, not after the Java suite). Where the Java checks run:
#  - Error Prone (its default checks, GuardedBy) and NullAway are javac plugins configured in the maven-compiler-plugin
#    of the parent pom.xml, so the one compile `test-java` already does (`$(MVNW) verify`) runs them: no second
#    compile inside `make test`. `make lint`, which runs no tests, compiles once for them (lint-java-compile).
#  - Spotless (palantir-java-format): `lint-java-format` runs `spotless:check` (no compile); `make format` or
#    `$(MVNW) spotless:apply` fixes what it reports.
LINT_CHECKS := lint-format lint-spa lint-schema lint-java-format

.PHONY: help demo test lint format bench build build-java build-ui test-java test-infra test-ui bench-java bench-ui \
	lint-format lint-spa lint-schema clean coverage mutation \
	lint-java-compile lint-java-format

## help: list the targets, one line each.
help:
	@awk 'match($$0, /^## [a-z-]+:/) { printf "  %-18s %s\n", substr($$0, 4, RLENGTH - 4), substr($$0, RLENGTH + 2) }' \
		$(MAKEFILE_LIST)

## demo: build what is missing, start the whole product on embedded stand-ins, print the DEMO line.
demo: $(EMR_DEMO_JAR) $(BFF_DEMO_JAR) $(if $(UI_PRESENT),$(UI_INDEX))
	@bash scripts/demo.sh

## test: `make lint`'s checks first, then every test of every module (unit, integration, browser end-to-end, infra/).
test: $(LINT_CHECKS) test-java $(if $(INFRA_PRESENT),test-infra) $(if $(UI_PRESENT),test-ui)

## lint: format check (prettier), SPA lint (ESLint), GraphQL schema lint, then Error Prone + NullAway (one compile).
lint: $(LINT_CHECKS) lint-java-compile

## lint-java-compile: compile main and test code with Error Prone and NullAway (what `make test` gets from verify).
lint-java-compile:
	$(TIMED) "lint: Java (Error Prone, NullAway)" $(MVNW) -q test-compile

## lint-java-format: Spotless check of the Java sources (palantir-java-format); `./mvnw spotless:apply` fixes.
lint-java-format:
	$(TIMED) "lint: Java format (Spotless)" $(MVNW) -q spotless:check

## format: rewrite the SPA's, infra/'s and ops/'s TS/HTML/CSS/JSON/YAML with prettier (what `make lint` checks).
format:
	bash scripts/format.sh

## lint-format: prettier --check over ui-angular/, infra/ and ops/ (settings: .prettierrc.json, .prettierignore).
lint-format:
	$(TIMED) "lint: format (prettier)" bash scripts/format.sh --check

## lint-spa: ESLint over ui-angular/src and e2e (typescript-eslint strict type-checked, angular-eslint + a11y).
lint-spa:
	bash scripts/ui-deps.sh
	$(TIMED) "lint: SPA (ESLint)" bash -c 'cd ui-angular && npm run --silent lint'

## lint-schema: graphql-schema-linter over schema.graphqls (rules: .graphql-schema-linterrc).
lint-schema:
	bash scripts/ui-deps.sh
	$(TIMED) "lint: GraphQL schema" bash -c 'cd ui-angular && npm run --silent lint:schema'

## mutation: PIT mutation testing of the pure domain code (connector and BFF); prints the score per class (not in `make test`).
# Classes and tests: the `mutation` profiles in emr-connector/pom.xml and bff/pom.xml; HTML: <module>/target/pit-reports/.
mutation:
	$(TIMED) "mutation: PIT" bash -c '$(MVNW) -q -fae -pl emr-connector,demo/bff-standins,bff -Pmutation \
		-Djacoco.skip=true test-compile org.pitest:pitest-maven:mutationCoverage; status=$$?; bash scripts/mutation-table.sh; exit $$status'

## bench: every benchmark, each figure beside its floor measured in the same run (BENCH_QUICK=1: short rounds).
bench: bench-java $(if $(UI_PRESENT),bench-ui)

## build: rebuild everything (jars and the SPA).
build: build-java $(if $(UI_PRESENT),build-ui)

$(EMR_JAR) $(BFF_JAR) $(EMR_DEMO_JAR) $(BFF_DEMO_JAR):
	$(MVNW) -q package -DskipTests
	@bash scripts/jar-sizes.sh

$(UI_INDEX):
	$(MAKE) build-ui

## build-java: package the services' production and demo jars (no tests) and print their sizes.
build-java:
	$(MVNW) -q package -DskipTests
	@bash scripts/jar-sizes.sh

## build-ui: the SPA's production build (dist/ui-angular/browser).
build-ui:
	bash scripts/ui-deps.sh
	cd ui-angular && npm run build

## test-java: every Java test (./mvnw verify) with coverage floors, then the per-package coverage table.
# `verify` fails when a money package is under its JaCoCo floor (pom.xml, money-floors); the table prints either way.
test-java:
	$(TIMED) "test: Java (./mvnw verify)" bash -c '$(MVNW) verify; status=$$?; bash scripts/coverage-table.sh; exit $$status'

## coverage: the per-package coverage table of the last `make test-java` (report: target/coverage/index.html).
coverage:
	@bash scripts/coverage-table.sh

## test-infra: the AWS CDK app's tests (template, cdk-nag HIPAA/PCI, images, ops kit); offline, no Docker.
test-infra: $(EMR_JAR) $(BFF_JAR) $(EMR_DEMO_JAR) $(BFF_DEMO_JAR)
	$(TIMED) "test: infra/" bash scripts/test-infra.sh

## test-ui: the SPA's unit tests with coverage, visual tests, then the browser end-to-end suite on a fresh demo.
test-ui:
	$(TIMED) "test: SPA (all)" bash scripts/test-ui.sh

## bench-java: the JUnit benchmarks (tag bench) of both services and their floors (needs Debian's wrk and hey).
bench-java:
	@command -v wrk >/dev/null && command -v hey >/dev/null || { echo "make bench needs Debian's wrk and hey: apt-get install -y wrk hey" >&2; exit 1; }
	$(MVNW) verify -Pbench

## bench-ui: the SPA's initial JS, and its LCP beside the same page's static HTML, against a fresh demo.
bench-ui:
	bash scripts/bench-ui.sh

## clean: remove build output (Maven targets, the SPA build, the demo's state).
clean:
	$(MVNW) -q clean
	rm -rf ui-angular/dist .demo
