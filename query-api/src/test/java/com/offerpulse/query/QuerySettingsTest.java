package com.offerpulse.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.query.views.UserRoundList;

/** The rounds-list bound is a validated setting: its default, and a start-up failure above the record budget's limit. */
class QuerySettingsTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(QuerySettings.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void shouldListTheNewestHundredRoundsByDefault() {
        runner.run(context -> assertThat(context.getBean(QuerySettings.class).roundsListed())
                .isEqualTo(UserRoundList.DEFAULT_ROUNDS_LISTED).isEqualTo(100));
    }

    @Test
    void shouldRefuseToStartWithARoundsListThatWouldOutgrowTheRecordBudget() {
        runner.withPropertyValues("offerpulse.query.rounds-listed=" + (UserRoundList.MAX_ROUNDS_LISTED + 1))
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("offerpulse.query.rounds-listed=" + UserRoundList.MAX_ROUNDS_LISTED)
                .run(context -> assertThat(context).hasNotFailed());
    }
}
