package com.patientpayments.bff.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address for rate limits, replacing Micronaut's {@link DefaultHttpClientAddressResolver}, which believes
 * {@code Forwarded}/{@code X-Forwarded-For} from anyone (Micronaut 4.10 has no trusted-proxy setting): a client
 * could then pick a fresh address per request and never be limited.
 *
 * <p>Rule (as Tomcat's {@code RemoteIpValve}, nginx {@code real_ip_recursive}): the socket's peer is the client unless
 * it is one of {@link HttpSettings#trustedProxies()}. Only then is the forwarded header read — every line, as
 * one list — from the right, skipping trusted hops; the first address outside them is the client. What lies left of
 * it was written by the client itself and is never read. If every hop is trusted the leftmost is the client. An
 * entry that is not an IP literal ends the walk at the last trusted hop (never resolved by DNS), so a garbled header
 * makes requests share a bucket rather than escape it.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public class TrustedProxyClientAddressResolver implements HttpClientAddressResolver {

    private final List<IpSubnetFilterRule> trusted;
    private final String header;

    public TrustedProxyClientAddressResolver(HttpSettings settings) {
        this.trusted = settings.trustedProxies().stream()
                .map(TrustedProxyClientAddressResolver::rule)
                .toList();
        this.header = settings.forwardedHeader();
    }

    @Override
    @Nullable
    public String resolve(@NonNull HttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return null;
        }
        InetAddress current = peer.getAddress();
        if (!isTrusted(current)) {
            return current.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String line : request.getHeaders().getAll(header)) {
            for (String part : line.split(",")) {
                if (!part.isBlank()) {
                    hops.add(part.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break;
            }
            current = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return current.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress a = new InetSocketAddress(address, 0);
        for (IpSubnetFilterRule r : trusted) {
            if (r.matches(a)) {
                return true;
            }
        }
        return false;
    }

    /** An IPv4/IPv6 literal, optionally with a port ({@code 1.2.3.4:5678}, {@code [::1]:80}); null for anything else. */
    static InetAddress literal(String value) {
        String v = value;
        if (v.startsWith("[") && v.indexOf(']') > 0) {
            v = v.substring(1, v.indexOf(']'));
        } else if (v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            v = v.substring(0, v.indexOf(':')); // IPv4 with a port
        }
        return NetUtil.createInetAddressFromIpAddressString(v);
    }

    private static IpSubnetFilterRule rule(String spec) {
        int slash = spec.indexOf('/');
        String address = slash < 0 ? spec : spec.substring(0, slash);
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            throw new IllegalArgumentException("TRUSTED_PROXIES: not an IP address or CIDR range: " + spec);
        }
        int bits = parsed.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(spec.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("TRUSTED_PROXIES: invalid prefix length in " + spec);
        }
        return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
    }
}
