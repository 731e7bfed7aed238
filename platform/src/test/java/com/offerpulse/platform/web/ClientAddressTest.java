package com.offerpulse.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void shouldCountIpv4ByAddressAndIpv6ByItsSlash64() throws Exception {
        assertThat(ClientAddress.limitKey(InetAddress.getByName("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.limitKey(InetAddress.getByName("2001:db8:1:2:aaaa::1")))
                .isEqualTo(ClientAddress.limitKey(InetAddress.getByName("2001:db8:1:2:bbbb::9")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.limitKey(InetAddress.getByName("2001:db8:1:3::1"))).isNotEqualTo("2001:db8:1:2::/64");
    }
}
