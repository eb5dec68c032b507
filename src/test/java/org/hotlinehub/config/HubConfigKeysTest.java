package org.hotlinehub.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The keys of the embedded run that HubMain reads before Quarkus starts are keys Quarkus knows too: given as
 * {@code -Dhub.embedded.postgres-port=15432} (README, bench/generate-tickets.sh), an unknown key stopped the start with
 * "does not map to any root".
 */
class HubConfigKeysTest {

    @Test
    void theEmbeddedRunsKeysMapToTheHubsConfiguration() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(HubConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).withSources(
                        new PropertiesConfigSource(
                                Map.of("hub.embedded.postgres-port", "15432", "hub.embedded.broker-port",
                                        "0", "hub.embedded.global-max-size-mb", "128"),
                                "test", 500))
                .build();
        HubConfig.Embedded embedded = config.getConfigMapping(HubConfig.class).embedded();
        assertEquals(15432, embedded.postgresPort());
        assertEquals(0, embedded.brokerPort());
        assertEquals(128, embedded.globalMaxSizeMb());
    }
}
