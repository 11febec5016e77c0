# Patient Payments — the README's commands. `make demo`, `make test`, `make bench` (see README.md).
SHELL := /bin/bash
MVNW  := ./mvnw
EMR_JAR := emr-connector/target/emr-connector-0.1.0-SNAPSHOT.jar
BFF_JAR := bff/target/bff-0.1.0-SNAPSHOT.jar
UI_INDEX := ui-angular/dist/ui-angular/browser/index.html
UI_PRESENT := $(wildcard ui-angular/package.json)
INFRA_PRESENT := $(wildcard infra/package.json)

.PHONY: demo test bench build build-java build-ui test-java test-infra test-ui bench-java bench-ui replay-dlq reconcile clean

## demo: build what is missing, start the whole product on embedded stand-ins, print the DEMO line.
demo: $(EMR_JAR) $(BFF_JAR) $(if $(UI_PRESENT),$(UI_INDEX))
	@bash scripts/demo.sh

## test: every test of every module (unit, integration against real services, browser end-to-end).
test: test-java $(if $(INFRA_PRESENT),test-infra) $(if $(UI_PRESENT),test-ui)

## bench: every benchmark; each prints its figures.
bench: bench-java $(if $(UI_PRESENT),bench-ui)

## build: rebuild everything (jars and the SPA).
build: build-java $(if $(UI_PRESENT),build-ui)

$(EMR_JAR) $(BFF_JAR):
	$(MVNW) -q package -DskipTests

$(UI_INDEX):
	$(MAKE) build-ui

build-java:
	$(MVNW) -q package -DskipTests

build-ui:
	bash scripts/ui-deps.sh
	cd ui-angular && npm run build

test-java:
	$(MVNW) verify

## test-infra: the AWS CDK app's tests (template, cdk-nag HIPAA/PCI, images, ops kit); offline, no Docker.
test-infra: $(EMR_JAR) $(BFF_JAR)
	bash scripts/test-infra.sh

test-ui:
	bash scripts/test-ui.sh

bench-java:
	$(MVNW) verify -Pbench

bench-ui:
	bash scripts/bench-ui.sh

clean:
	$(MVNW) -q clean
	rm -rf ui-angular/dist .demo
