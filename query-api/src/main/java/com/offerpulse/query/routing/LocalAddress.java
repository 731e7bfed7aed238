package com.offerpulse.query.routing;

import org.apache.kafka.streams.state.HostInfo;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.offerpulse.query.QuerySettings;

/** This instance's address as other instances reach it: the advertised host and the HTTP port it bound. */
@Component
public class LocalAddress {
    private final QuerySettings settings;
    private final Environment environment;

    LocalAddress(QuerySettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** Valid once the web server has started (before the query streams start). */
    public HostInfo hostInfo() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return new HostInfo(settings.advertisedHost(), Integer.parseInt(port));
    }

    public String applicationServer() {
        HostInfo h = hostInfo();
        return h.host() + ":" + h.port();
    }
}
