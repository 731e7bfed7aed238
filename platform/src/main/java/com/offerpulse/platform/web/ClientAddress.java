package com.offerpulse.platform.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, for per-client limits. Behind a reverse proxy this is the proxy unless Spring
 * applies the forwarded headers ({@code server.forward-headers-strategy=framework}, only behind a proxy that sets
 * them: otherwise clients could pick their own address).
 */
public final class ClientAddress {
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? UNKNOWN : remote.getAddress().getHostAddress();
    }

    /**
     * The key per-address limits count under: the IPv4 address, or the /64 prefix of an IPv6 address. One
     * subscriber usually holds a whole /64, so counting single IPv6 addresses would let one client rotate through
     * billions of them.
     */
    public static String limitKey(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? UNKNOWN : limitKey(remote.getAddress());
    }

    static String limitKey(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF))).append(':');
            }
            return sb.append(":/64").toString();
        }
        return address.getHostAddress();
    }
}
