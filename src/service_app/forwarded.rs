//! Reading the hops a reverse proxy reports: `X-Forwarded-For` and `Forwarded` (RFC 7239
//! `for=`), right to left, one [`Node`] per element. Which of them to believe is
//! [`super::client_addr`]'s business; nothing here panics on any input.
//!
//! Elements are split at `,` (and `Forwarded` pairs at `;`) without a full quoted-string parser:
//! a `for=` node (an IP address with an optional port, `unknown` or an `_obfuscated` name) never
//! contains either, and only the elements to the right of the first untrusted hop are read, which
//! trusted proxies wrote. Whatever a client puts further left is never looked at.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use axum::http::header::{FORWARDED, HeaderMap, HeaderName};

/// `X-Forwarded-For` (not in the `http` crate's constants).
pub const X_FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");

/// One hop as a proxy reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// An address (any port dropped).
    Ip(IpAddr),
    /// `unknown`, an obfuscated `_name`, or a `Forwarded` element without `for=`.
    Hidden,
    /// Not an address, not valid header text.
    Malformed,
}

impl Node {
    /// One node: `192.0.2.60`, `192.0.2.60:47011`, `"[2001:db8::1]:4711"`, `2001:db8::1`,
    /// `unknown`, `_hidden`, optionally in double quotes.
    pub fn parse(text: &str) -> Node {
        let text = text.trim();
        let text = match text.strip_prefix('"') {
            Some(rest) => match rest.strip_suffix('"') {
                Some(inner) if !inner.contains(['"', '\\']) => inner,
                _ => return Node::Malformed,
            },
            None => text,
        };
        if text.eq_ignore_ascii_case("unknown") || text.starts_with('_') {
            return Node::Hidden;
        }
        if let Ok(ip) = text.parse::<IpAddr>() {
            return Node::Ip(ip);
        }
        if let Ok(addr) = text.parse::<SocketAddr>() {
            return Node::Ip(addr.ip());
        }
        address_with_any_port(text).map_or(Node::Malformed, Node::Ip)
    }
}

/// `[v6]`, or an address followed by an obfuscated port (`192.0.2.1:_p`, `[v6]:_p`), which
/// `SocketAddr` does not read.
fn address_with_any_port(text: &str) -> Option<IpAddr> {
    if let Some(rest) = text.strip_prefix('[') {
        let (inner, after) = rest.split_once(']')?;
        let ip = inner.parse::<Ipv6Addr>().ok()?;
        return (after.is_empty() || valid_port(after.strip_prefix(':')?))
            .then_some(IpAddr::V6(ip));
    }
    let (host, port) = text.split_once(':')?;
    let ip = host.parse::<Ipv4Addr>().ok()?;
    valid_port(port).then_some(IpAddr::V4(ip))
}

/// RFC 7239 `node-port`: digits or `_` followed by letters, digits, `.`, `_` and `-`.
fn valid_port(port: &str) -> bool {
    let obfuscated = port.strip_prefix('_').is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    });
    obfuscated || (!port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()))
}

/// The hops of every `X-Forwarded-For` field line, right to left; empty list elements skipped.
pub fn x_forwarded_for(headers: &HeaderMap) -> impl Iterator<Item = Node> + '_ {
    elements_right_to_left(headers, X_FORWARDED_FOR)
        .map(|element| element.map_or(Node::Malformed, Node::parse))
}

/// The `for=` node of every `Forwarded` element, right to left.
pub fn forwarded_for(headers: &HeaderMap) -> impl Iterator<Item = Node> + '_ {
    elements_right_to_left(headers, FORWARDED)
        .map(|element| element.map_or(Node::Malformed, for_of_element))
}

/// `for=…;proto=https;by=…` → the `for` node; a pair without `=` makes the element malformed.
fn for_of_element(element: &str) -> Node {
    let mut found = None;
    for pair in element.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((name, value)) = pair.split_once('=') else {
            return Node::Malformed;
        };
        if name.trim().eq_ignore_ascii_case("for") {
            if found.is_some() {
                // `for` twice in one element: which one is meant is anybody's guess.
                return Node::Malformed;
            }
            found = Some(Node::parse(value));
        }
    }
    found.unwrap_or(Node::Hidden)
}

/// The list elements of all field lines named `name`, last line first and each line right to
/// left, trimmed, empty ones skipped. A line that is not visible ASCII is one `None`.
fn elements_right_to_left<'a>(
    headers: &'a HeaderMap,
    name: HeaderName,
) -> impl Iterator<Item = Option<&'a str>> + 'a {
    let lines: Vec<_> = headers.get_all(name).iter().collect();
    lines.into_iter().rev().flat_map(|line| {
        let elements: Box<dyn Iterator<Item = Option<&'a str>> + 'a> = match line.to_str() {
            Ok(text) => Box::new(
                text.rsplit(',')
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .map(Some),
            ),
            Err(_) => Box::new(std::iter::once(None)),
        };
        elements
    })
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn ip(text: &str) -> Node {
        Node::Ip(text.parse().unwrap())
    }

    fn headers(name: &HeaderName, lines: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for line in lines {
            h.append(name, HeaderValue::from_str(line).unwrap());
        }
        h
    }

    #[test]
    fn nodes() {
        for (text, node) in [
            ("192.0.2.60", ip("192.0.2.60")),
            (" 192.0.2.60:47011 ", ip("192.0.2.60")),
            ("\"192.0.2.60:_port\"", ip("192.0.2.60")),
            ("\"[2001:db8:cafe::17]:4711\"", ip("2001:db8:cafe::17")),
            ("[2001:db8:cafe::17]", ip("2001:db8:cafe::17")),
            ("[2001:db8:cafe::17]:_p.1", ip("2001:db8:cafe::17")),
            ("2001:db8:cafe::17", ip("2001:db8:cafe::17")),
            ("::ffff:192.0.2.1", ip("::ffff:192.0.2.1")),
            ("unknown", Node::Hidden),
            ("\"UNKNOWN\"", Node::Hidden),
            ("_hidden", Node::Hidden),
            ("\"_SEVKISEK\"", Node::Hidden),
            ("", Node::Malformed),
            ("\"", Node::Malformed),
            ("\"192.0.2.60", Node::Malformed),
            ("\"192.0.2.\\60\"", Node::Malformed),
            ("192.0.2.256", Node::Malformed),
            ("192.0.2.60:", Node::Malformed),
            ("192.0.2.60:999999", Node::Malformed),
            ("192.0.2.60:_", Node::Malformed),
            ("[2001:db8::1", Node::Malformed),
            ("[2001:db8::1]x", Node::Malformed),
            ("[192.0.2.1]", Node::Malformed),
            ("example.com", Node::Malformed),
            ("1.2.3.4 5.6.7.8", Node::Malformed),
        ] {
            assert_eq!(Node::parse(text), node, "{text:?}");
        }
    }

    #[test]
    fn x_forwarded_for_lines_and_elements_right_to_left() {
        let h = headers(
            &X_FORWARDED_FOR,
            &["203.0.113.7, 198.51.100.1", " ,, 10.0.0.2 ,garbage"],
        );
        let nodes: Vec<Node> = x_forwarded_for(&h).collect();
        assert_eq!(
            nodes,
            vec![
                Node::Malformed,
                ip("10.0.0.2"),
                ip("198.51.100.1"),
                ip("203.0.113.7")
            ]
        );
        assert_eq!(x_forwarded_for(&HeaderMap::new()).count(), 0);
        assert_eq!(
            x_forwarded_for(&headers(&X_FORWARDED_FOR, &[" , "])).count(),
            0
        );
    }

    #[test]
    fn forwarded_elements_right_to_left() {
        let h = headers(
            &FORWARDED,
            &[
                "for=192.0.2.43, for=\"[2001:db8:cafe::17]:4711\";proto=https",
                "by=203.0.113.43;For=198.51.100.17 , proto=http, for=unknown, for=_hidden",
            ],
        );
        let nodes: Vec<Node> = forwarded_for(&h).collect();
        assert_eq!(
            nodes,
            vec![
                Node::Hidden,
                Node::Hidden,
                Node::Hidden,
                ip("198.51.100.17"),
                ip("2001:db8:cafe::17"),
                ip("192.0.2.43"),
            ]
        );
    }

    #[test]
    fn malformed_forwarded_elements() {
        for line in [
            "for",
            "for=192.0.2.1;proto",
            "for=192.0.2.1;for=192.0.2.2",
            "for=\"192.0.2.1",
            "for=[2001:db8::1",
        ] {
            let h = headers(&FORWARDED, &[line]);
            let nodes: Vec<Node> = forwarded_for(&h).collect();
            assert_eq!(nodes, vec![Node::Malformed], "{line:?}");
        }
    }

    #[test]
    fn header_text_that_is_not_visible_ascii_is_malformed() {
        let mut h = HeaderMap::new();
        h.insert(
            &X_FORWARDED_FOR,
            HeaderValue::from_bytes(b"192.0.2.1, \xff").unwrap(),
        );
        assert_eq!(
            x_forwarded_for(&h).collect::<Vec<_>>(),
            vec![Node::Malformed]
        );
    }
}
