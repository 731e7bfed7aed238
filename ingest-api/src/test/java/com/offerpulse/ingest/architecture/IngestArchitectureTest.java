package com.offerpulse.ingest.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.springframework.beans.factory.annotation.Autowired;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.offerpulse.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class IngestArchitectureTest {

    @ArchTest
    static final ArchRule ingestNeverReadsStateStores = noClasses().should()
            .dependOnClassesThat().resideInAPackage("org.apache.kafka.streams..")
            .because("the ingest API is the write side: derived views are served by query-api; "
                    + "validate against the session directory instead");

    @ArchTest
    static final ArchRule noFieldInjection = fields().should().notBeAnnotatedWith(Autowired.class)
            .because("dependencies arrive through constructors so each class shows what it needs; "
                    + "add a constructor parameter instead");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoEachOther = noClasses()
            .that().resideInAPackage("..ingest.events..")
            .should().dependOnClassesThat().resideInAnyPackage("..ingest.transcript..", "..ingest.sessions..")
            .because("product events are independent of rounds; share code through platform or contracts");
}
