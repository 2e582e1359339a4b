//! Message bodies as safe plain text (issue: HTML from the server is never rendered as HTML).
//! Tags are dropped, `<br>`/block ends become line breaks, script and style contents vanish,
//! the common entities are decoded, control characters other than newline and tab removed, and
//! the text is capped.

/// Longest message text kept, in characters.
pub const MAX_MESSAGE_CHARS: usize = 8_000;

const DROP_CONTENT: [&str; 4] = ["script", "style", "head", "title"];
const BREAKS: [&str; 8] = ["br", "p", "div", "li", "tr", "h1", "h2", "h3"];

/// Plain text from an HTML fragment.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len().min(MAX_MESSAGE_CHARS * 2));
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                out.push_str(rest);
            }
            break;
        };
        if skip_until.is_none() {
            out.push_str(&rest[..lt]);
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            // An unterminated tag: the rest is not text.
            break;
        };
        let tag = after[..gt].trim();
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match &skip_until {
            Some(until) if closing && *until == name => skip_until = None,
            Some(_) => {}
            None if !closing && DROP_CONTENT.contains(&name.as_str()) && !tag.ends_with('/') => {
                skip_until = Some(name)
            }
            None if BREAKS.contains(&name.as_str()) && (closing || name == "br") => out.push('\n'),
            None => {}
        }
        rest = &after[gt + 1..];
    }
    clean(&decode_entities(&out))
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((ch, e))
        });
        match decoded {
            Some((ch, e)) => {
                out.push(ch);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Plain text made safe to show: control characters out (newline and tab kept), runs of blank
/// lines collapsed, trimmed, capped at `MAX_MESSAGE_CHARS`.
pub fn clean(text: &str) -> String {
    let filtered: String = text
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let mut lines: Vec<&str> = Vec::new();
    for line in filtered.lines().map(str::trim_end) {
        if line.is_empty() && lines.last().is_some_and(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    let joined = lines.join("\n");
    let trimmed = joined.trim();
    if trimmed.chars().count() > MAX_MESSAGE_CHARS {
        let cut: String = trimmed.chars().take(MAX_MESSAGE_CHARS).collect();
        format!("{cut}… (message shortened)")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            html_to_text("<span style=\"color:red\">Hi <b>there</b></span>"),
            "Hi there"
        );
        assert_eq!(html_to_text("one<br>two<br/>three"), "one\ntwo\nthree");
        assert_eq!(html_to_text("<p>a</p><p>b</p>"), "a\nb");
        assert_eq!(
            html_to_text("x<script>alert('1')</script>y<style>p{}</style>z"),
            "xyz"
        );
        assert_eq!(html_to_text("<SCRIPT src=x>evil()</SCRIPT>ok"), "ok");
        assert_eq!(
            html_to_text("5 &lt; 6 &amp;&amp; 7 &gt; 6 &#39;q&#x27; &#128512; &bogus; & done"),
            "5 < 6 && 7 > 6 'q' 😀 &bogus; & done"
        );
        assert_eq!(
            html_to_text("<div><div><div>deep</div></div></div>"),
            "deep"
        );
        assert_eq!(html_to_text("tail <b unterminated"), "tail");
        assert_eq!(html_to_text("<img src=x onerror=alert(1)>"), "");
    }

    #[test]
    fn clean_removes_controls_and_caps() {
        assert_eq!(clean("a\u{7}b\r\nc\u{202e}d"), "ab\ncd");
        assert_eq!(clean("a\n\n\n\nb"), "a\n\nb");
        let long = "x".repeat(100_000);
        let c = clean(&long);
        assert!(c.ends_with("(message shortened)"));
        assert_eq!(
            c.chars().count(),
            MAX_MESSAGE_CHARS + "… (message shortened)".chars().count()
        );
    }

    #[test]
    fn never_panics_on_odd_markup() {
        for s in [
            "<",
            ">",
            "<<>>",
            "&",
            "&#;",
            "&#xZZ;",
            "&#99999999999;",
            "<script>",
            "</p></p>",
            "é<é>é",
            "<a\u{0}>",
        ] {
            let _ = html_to_text(s);
        }
    }
}
