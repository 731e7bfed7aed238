package com.offerpulse.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.springframework.beans.factory.annotation.Autowired;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.offerpulse.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryArchitectureTest {

    @ArchTest
    static final ArchRule queryApiNeverWrites = noClasses().that().resideOutsideOfPackage("..query.share..").should()
            .dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.offerpulse.platform.kafka.RecordWriter")
            .orShould().dependOnClassesThat()
            .haveFullyQualifiedName("com.offerpulse.platform.kafka.TransactionalKafkaWriter")
            .because("the query API is the read side: commands (including deletes) go through the ingest API, "
                    + "derivations through the stream processor; share links are the one exception (DESIGN.md)");

    @ArchTest
    static final ArchRule shareWritesOnlyShareTopics = noClasses().that().resideInAPackage("..query.share..")
            .should().accessField(com.offerpulse.contracts.topic.Topics.class, "TRANSCRIPT_SEGMENTS")
            .orShould().accessField(com.offerpulse.contracts.topic.Topics.class, "SESSION_LIFECYCLE")
            .because("share creation may write share snapshots and share events only; commands go through ingest");

    @ArchTest
    static final ArchRule noFieldInjection = fields().should().notBeAnnotatedWith(Autowired.class)
            .because("dependencies arrive through constructors; add a constructor parameter instead");

    @ArchTest
    static final ArchRule viewsDoNotKnowHttp = noClasses().that().resideInAPackage("..query.views..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "..query.user..",
                    "..query.sessions..")
            .because("the topology is a pure builder tested with TopologyTestDriver; HTTP lives in the controllers");
}
