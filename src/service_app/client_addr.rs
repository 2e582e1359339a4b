//! Who the client is: the TCP peer, or, when the peer is one of the configured
//! `trusted_proxies`, the address that proxy reports in `X-Forwarded-For` or `Forwarded`.
//!
//! The rule (the usual one for reverse proxies): walk the reported hops from the right (the hop
//! nearest to us first), skip every address that is itself a trusted proxy, and take the first
//! one that is not. Everything left of it was written by the client or by proxies we do not know,
//! and is never believed. When the chain cannot be read (an `unknown` or obfuscated hop, a
//! malformed element, more hops than [`MAX_HOPS`]), the peer's own address is the client.

use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;

use super::forwarded::{self, Node};

/// Longest chain of trusted proxies walked before giving up on the headers.
pub const MAX_HOPS: usize = 32;

/// What a `trusted_proxies` entry must be, for messages.
pub const ENTRY_FORMS: &str =
    "an IP address or a CIDR range (such as 10.0.0.1, 10.0.0.0/8, ::1 or 2001:db8::/32)";

/// A `trusted_proxies` entry that is neither an address nor a CIDR range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{entry:?} is not {ENTRY_FORMS}")]
pub struct BadProxyEntry {
    pub entry: String,
}

/// The reverse proxies whose forwarding headers are believed: addresses and CIDR ranges, IPv4
/// and IPv6. Empty (the default): no header is believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn parse<'a>(entries: impl IntoIterator<Item = &'a str>) -> Result<Self, BadProxyEntry> {
        entries
            .into_iter()
            .map(parse_entry)
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// `ip` (IPv4-mapped IPv6 addresses as IPv4) is inside one of the ranges.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }
}

/// `10.0.0.1`, `10.0.0.0/8`, `::1`, `2001:db8::/32`. Host bits after the prefix are ignored
/// (`10.0.0.1/8` is `10.0.0.0/8`), as proxies' own `set_real_ip_from`-style settings do.
pub fn parse_entry(entry: &str) -> Result<IpNet, BadProxyEntry> {
    let text = entry.trim();
    let bad = || BadProxyEntry {
        entry: entry.to_string(),
    };
    if text.contains('/') {
        return text.parse::<IpNet>().map(|n| n.trunc()).map_err(|_| bad());
    }
    text.parse::<IpAddr>()
        .map(|ip| IpNet::from(ip.to_canonical()))
        .map_err(|_| bad())
}

/// The client's address for a request that reached us from `peer`.
///
/// Precedence: `X-Forwarded-For` when the request has one, else `Forwarded`. The proxies people
/// put in front of a service (nginx's `$proxy_add_x_forwarded_for`, HAProxy's `option
/// forwardfor`, cloud load balancers) append to `X-Forwarded-For` and pass any `Forwarded` the
/// client sent through untouched. Reading `Forwarded` first would let a client behind such a
/// proxy name any address it likes; reading `X-Forwarded-For` first cannot be fooled that way,
/// because such a proxy always sends one. A proxy that writes only `Forwarded` must drop an
/// incoming `X-Forwarded-For` (README, service application).
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    let peer = peer.to_canonical();
    if !trusted.contains(peer) {
        return peer;
    }
    if forwarded::x_forwarded_for(headers).next().is_some() {
        walk(peer, forwarded::x_forwarded_for(headers), trusted)
    } else {
        walk(peer, forwarded::forwarded_for(headers), trusted)
    }
}

/// `hops` right to left, after the trusted `peer`.
fn walk(peer: IpAddr, hops: impl Iterator<Item = Node>, trusted: &TrustedProxies) -> IpAddr {
    let mut nearest = peer;
    for (n, hop) in hops.enumerate() {
        if n == MAX_HOPS {
            return peer;
        }
        let Node::Ip(ip) = hop else {
            return peer;
        };
        let ip = ip.to_canonical();
        if !trusted.contains(ip) {
            return ip;
        }
        nearest = ip;
    }
    // Every reported hop is a trusted proxy: the leftmost one is where the request started.
    nearest
}

#[cfg(test)]
mod tests {
    use axum::http::header::FORWARDED;
    use axum::http::{HeaderName, HeaderValue};

    use super::forwarded::X_FORWARDED_FOR;
    use super::*;

    const CLIENT: &str = "203.0.113.7";
    const PROXY: &str = "10.0.0.2";

    fn trusted(entries: &[&str]) -> TrustedProxies {
        TrustedProxies::parse(entries.iter().copied()).unwrap()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn with(lines: &[(&HeaderName, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in lines {
            h.append(*name, HeaderValue::from_str(value).unwrap());
        }
        h
    }

    #[test]
    fn entries_are_addresses_and_ranges_of_both_families() {
        let t = trusted(&[
            "127.0.0.1",
            " 10.0.0.0/8 ",
            "::1",
            "2001:db8::/32",
            "192.0.2.9/24",
        ]);
        for inside in [
            "127.0.0.1",
            "10.255.0.1",
            "::1",
            "2001:db8:ffff::1",
            "::ffff:10.1.2.3",
            "192.0.2.200",
        ] {
            assert!(t.contains(ip(inside)), "{inside}");
        }
        for outside in ["127.0.0.2", "11.0.0.1", "::2", "2001:db9::1", "192.0.3.1"] {
            assert!(!t.contains(ip(outside)), "{outside}");
        }
        assert!(!TrustedProxies::default().contains(ip("127.0.0.1")));
        // A mapped address in the list means the IPv4 address.
        assert!(trusted(&["::ffff:192.0.2.1"]).contains(ip("192.0.2.1")));
    }

    #[test]
    fn bad_entries_are_named() {
        for entry in [
            "",
            "proxy.example",
            "10.0.0.0/33",
            "10.0.0/8",
            "::1/129",
            "10.0.0.1:80",
        ] {
            let err = TrustedProxies::parse(["127.0.0.1", entry]).unwrap_err();
            assert_eq!(err.entry, entry);
            assert!(err.to_string().contains(&format!("{entry:?}")), "{err}");
        }
    }

    #[test]
    fn without_a_trusted_peer_the_headers_are_ignored() {
        let spoofed = with(&[
            (&X_FORWARDED_FOR, "198.51.100.99"),
            (&FORWARDED, "for=198.51.100.98"),
        ]);
        // No proxies configured.
        assert_eq!(
            client_ip(ip(CLIENT), &spoofed, &TrustedProxies::default()),
            ip(CLIENT)
        );
        // Proxies configured, but this peer is not one of them.
        assert_eq!(
            client_ip(ip(CLIENT), &spoofed, &trusted(&[PROXY])),
            ip(CLIENT)
        );
    }

    #[test]
    fn a_trusted_proxys_header_is_believed() {
        let t = trusted(&[PROXY]);
        let h = with(&[(&X_FORWARDED_FOR, CLIENT)]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(CLIENT));
        let h = with(&[(&FORWARDED, "for=\"[2001:db8::1]:4711\";proto=https")]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip("2001:db8::1"));
        // The peer as an IPv4-mapped address (a dual-stack listener) is the same proxy.
        let h = with(&[(&X_FORWARDED_FOR, CLIENT)]);
        assert_eq!(client_ip(ip("::ffff:10.0.0.2"), &h, &t), ip(CLIENT));
        // Without any header, the proxy itself is the client.
        assert_eq!(client_ip(ip(PROXY), &HeaderMap::new(), &t), ip(PROXY));
    }

    #[test]
    fn a_client_cannot_prepend_its_way_past_the_proxy() {
        let t = trusted(&[PROXY]);
        // The client sent `X-Forwarded-For: 198.51.100.99`; the proxy appended the real peer.
        let h = with(&[(&X_FORWARDED_FOR, &format!("198.51.100.99, {CLIENT}"))]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(CLIENT));
        // Garbage on the client's side of the chain is never read.
        let h = with(&[(&X_FORWARDED_FOR, &format!("unknown, not-an-ip, {CLIENT}"))]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(CLIENT));
    }

    #[test]
    fn multi_hop_chains_skip_trusted_proxies_from_the_right() {
        let t = trusted(&["10.0.0.0/8", "2001:db8:ffff::/48"]);
        let h = with(&[(
            &X_FORWARDED_FOR,
            &format!("198.51.100.99, {CLIENT}, 10.1.1.1, 2001:db8:ffff::5"),
        )]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(CLIENT));
        // The same chain over two field lines.
        let h = with(&[
            (&X_FORWARDED_FOR, &format!("198.51.100.99, {CLIENT}")),
            (&X_FORWARDED_FOR, "10.1.1.1, 2001:db8:ffff::5"),
        ]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(CLIENT));
        let h = with(&[(
            &FORWARDED,
            &format!(
                "for=198.51.100.99, for={CLIENT};proto=https, for=10.1.1.1, for=\"[2001:db8:ffff::5]\""
            ),
        )]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(CLIENT));
        // Every hop trusted: the leftmost is where the request started.
        let h = with(&[(&X_FORWARDED_FOR, "10.9.9.9, 10.1.1.1")]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip("10.9.9.9"));
    }

    #[test]
    fn x_forwarded_for_wins_over_forwarded() {
        let t = trusted(&[PROXY]);
        // A proxy that appends to X-Forwarded-For passes a client's own Forwarded through.
        let h = with(&[
            (&FORWARDED, "for=198.51.100.99"),
            (&X_FORWARDED_FOR, CLIENT),
        ]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(CLIENT));
        // An empty X-Forwarded-For counts as absent.
        let h = with(&[
            (&FORWARDED, &format!("for={CLIENT}")),
            (&X_FORWARDED_FOR, " "),
        ]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(CLIENT));
    }

    #[test]
    fn unreadable_chains_fall_back_to_the_peer() {
        let t = trusted(&["10.0.0.0/8"]);
        for (name, value) in [
            (&X_FORWARDED_FOR, "unknown"),
            (&X_FORWARDED_FOR, "not-an-ip"),
            (&X_FORWARDED_FOR, "203.0.113.7, _hidden, 10.0.0.9"),
            (&FORWARDED, "for=unknown"),
            (&FORWARDED, "for=_SEVKISEK"),
            (&FORWARDED, "proto=https"),
            (&FORWARDED, "for"),
            (&FORWARDED, "for=\"[2001:db8::1"),
            (&FORWARDED, "for=203.0.113.7;for=198.51.100.1"),
        ] {
            let h = with(&[(name, value)]);
            assert_eq!(client_ip(ip(PROXY), &h, &t), ip(PROXY), "{name}: {value}");
        }
        let mut h = HeaderMap::new();
        h.insert(
            &X_FORWARDED_FOR,
            HeaderValue::from_bytes(b"\xfe\xff").unwrap(),
        );
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(PROXY));
    }

    #[test]
    fn overlong_chains_of_trusted_hops_fall_back_to_the_peer() {
        let t = trusted(&["10.0.0.0/8"]);
        let hops = vec!["10.0.0.1"; MAX_HOPS];
        let h = with(&[(&X_FORWARDED_FOR, &hops.join(", "))]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip("10.0.0.1"));
        let h = with(&[(&X_FORWARDED_FOR, &format!("{CLIENT}, {}", hops.join(", ")))]);
        assert_eq!(client_ip(ip(PROXY), &h, &t), ip(PROXY));
    }
}
