//! `data:` URIs carrying message bodies (docs/protocol.md §2.2, §6): URL-encoded (`+` for space)
//! or base64.

use base64::Engine as _;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataUri {
    /// e.g. `text/plain`, `text/html` (lower-cased, parameters removed).
    pub media_type: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataUriError {
    #[error("not a data: URI")]
    NotDataUri,
    #[error("data: URI has no ',' separating the header from the body")]
    MissingComma,
    #[error("data: URI body is not valid base64")]
    BadBase64,
    #[error("data: URI body is not valid UTF-8 text")]
    NotUtf8,
}

/// Encode text the way UCWA does: URL-encoded with `+` for spaces.
pub fn encode_text(media_type: &str, text: &str) -> String {
    let body: String = url::form_urlencoded::byte_serialize(text.as_bytes()).collect();
    format!("data:{media_type};charset=utf-8,{body}")
}

/// Encode text as a base64 data: URI.
pub fn encode_base64(media_type: &str, text: &str) -> String {
    let body = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("data:{media_type};charset=utf-8;base64,{body}")
}

/// Decode a data: URI into text.
pub fn decode(uri: &str) -> Result<DataUri, DataUriError> {
    let rest = uri
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("data:"))
        .map(|_| &uri[5..])
        .ok_or(DataUriError::NotDataUri)?;
    let (header, body) = rest.split_once(',').ok_or(DataUriError::MissingComma)?;
    let mut params = header.split(';');
    let media_type = params.next().unwrap_or("").trim().to_ascii_lowercase();
    let is_base64 = params.any(|p| p.trim().eq_ignore_ascii_case("base64"));
    let bytes = if is_base64 {
        let cleaned: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        let cleaned = percent_encoding::percent_decode_str(&cleaned)
            .decode_utf8_lossy()
            .into_owned();
        base64::engine::general_purpose::STANDARD
            .decode(cleaned.trim_end_matches('='))
            .or_else(|_| {
                base64::engine::general_purpose::STANDARD_NO_PAD
                    .decode(cleaned.trim_end_matches('='))
            })
            .or_else(|_| {
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .decode(cleaned.trim_end_matches('='))
            })
            .map_err(|_| DataUriError::BadBase64)?
    } else {
        let spaced = body.replace('+', " ");
        percent_encoding::percent_decode_str(&spaced).collect::<Vec<u8>>()
    };
    let text = String::from_utf8(bytes).map_err(|_| DataUriError::NotUtf8)?;
    Ok(DataUri {
        media_type: if media_type.is_empty() {
            "text/plain".into()
        } else {
            media_type
        },
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_url_encoded_plain() {
        let d = decode("data:text/plain;charset=utf-8,Hi+Tosh%0d%0a").unwrap();
        assert_eq!(d.media_type, "text/plain");
        assert_eq!(d.text, "Hi Tosh\r\n");
    }

    #[test]
    fn decodes_html_and_base64() {
        let d = decode("data:text/html;charset=utf-8,%3cspan%3eHi%3c%2fspan%3e").unwrap();
        assert_eq!(
            (d.media_type.as_str(), d.text.as_str()),
            ("text/html", "<span>Hi</span>")
        );
        let d = decode("data:text/html;base64,PGI+SGk8L2I+").unwrap();
        assert_eq!(d.text, "<b>Hi</b>");
    }

    #[test]
    fn round_trips_both_encodings() {
        let text = "Grüße, 1+1=2 & 100% <ok>\n";
        assert_eq!(decode(&encode_text("text/plain", text)).unwrap().text, text);
        assert_eq!(
            decode(&encode_base64("text/plain", text)).unwrap().text,
            text
        );
    }

    #[test]
    fn rejects_malformed() {
        assert_eq!(decode("http://x"), Err(DataUriError::NotDataUri));
        assert_eq!(decode("data:text/plain"), Err(DataUriError::MissingComma));
        assert_eq!(
            decode("data:text/plain;base64,!!!"),
            Err(DataUriError::BadBase64)
        );
        assert_eq!(decode("data:text/plain,%ff%fe"), Err(DataUriError::NotUtf8));
        assert_eq!(decode("dat"), Err(DataUriError::NotDataUri));
    }
}

#[cfg(test)]
mod props;
