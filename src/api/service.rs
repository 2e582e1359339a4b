//! The client side of the service-application contract (docs/design.md §4).

use url::Url;

use crate::api::error::ApiError;
use crate::api::http::{HttpClient, Request, Response, check_transport, host_of};
use crate::api::wire::UcwaDate;
use crate::api::wire::service_app::{
    FIELD_ALLOWED_ORIGINS, FIELD_APPLICATION_SESSION_ID, FIELD_MEETING_URL, TokenRequest,
};
use crate::secret::Secret;

/// What the service application hands the guest. `discover_uri` embeds the token: a secret too.
#[derive(Debug, Clone)]
pub struct ServiceToken {
    pub discover_uri: Secret,
    pub token: Secret,
    pub tenant_endpoint_id: Option<String>,
    pub expires: UcwaDate,
}

/// `POST <token URL>` with the three form fields; validates the answer field by field.
pub async fn request_token(
    http: &HttpClient,
    token_url: &Url,
    service_key: Option<&Secret>,
    req: &TokenRequest,
) -> Result<(ServiceToken, Response), ApiError> {
    let mut request = Request::post(token_url.clone())
        .form(&[
            (
                FIELD_APPLICATION_SESSION_ID,
                req.application_session_id.as_str(),
            ),
            (FIELD_ALLOWED_ORIGINS, req.allowed_origins.as_str()),
            (FIELD_MEETING_URL, req.meeting_url.as_str()),
        ])
        .tag("service_application");
    if let Some(key) = service_key {
        request = request.bearer(key);
    }
    let resp = http.send(request).await?;
    let token = parse_token_response(&resp)?;
    Ok((token, resp))
}

/// Validate a 2xx answer of the service application field by field (public for the fuzz target).
pub fn parse_token_response(resp: &Response) -> Result<ServiceToken, ApiError> {
    let malformed = |detail: &str| ApiError::Malformed {
        host: host_of(&resp.url),
        status: resp.status,
        detail: detail.to_string(),
    };
    let body: serde_json::Map<String, serde_json::Value> = resp.json()?;
    let field = |name: &str| -> Result<Option<&str>, ApiError> {
        match body
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
        {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(malformed(&format!("{name} is not a string"))),
        }
    };
    let token = field("Token")?
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| malformed("the answer has no Token"))?;
    let discover = field("DiscoverUri")?
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| malformed("the answer has no DiscoverUri"))?;
    let expire = field("ExpireTime")?.ok_or_else(|| malformed("the answer has no ExpireTime"))?;
    let tenant = field("TenantEndpointId")?.map(str::to_string);
    let expires = UcwaDate::parse(expire)
        .map_err(|_| malformed("ExpireTime is neither /Date(ms)/ nor ISO-8601"))?;
    if expires <= UcwaDate::now() {
        return Err(malformed(
            "the token it handed out has already expired (check the service's clock)",
        ));
    }
    let discover_url =
        Url::parse(discover.trim()).map_err(|_| malformed("DiscoverUri is not an absolute URL"))?;
    check_transport(&discover_url)?;
    Ok(ServiceToken {
        discover_uri: Secret::new(discover.trim()),
        token: Secret::new(token.trim()),
        tenant_endpoint_id: tenant,
        expires,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};

    fn resp(body: &str) -> Response {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        Response {
            status: 200,
            headers,
            body: Bytes::from(body.to_string()),
            url: Url::parse("https://sa.example/GetAnonTokenJob").unwrap(),
            elapsed: std::time::Duration::ZERO,
        }
    }

    fn future() -> String {
        UcwaDate::from_unix_ms(UcwaDate::now().unix_ms + 3_600_000).to_aspnet()
    }

    #[test]
    fn accepts_the_contract_in_both_date_forms() {
        for exp in [
            future(),
            UcwaDate::from_unix_ms(UcwaDate::now().unix_ms + 3_600_000).to_iso(),
        ] {
            let body = serde_json::json!({"DiscoverUri":"https://api.example/platformService/discover?anonymousMeetingJoinContext=psat%253dx","Token":"psat=x","TenantEndpointId":"sip:a@b","ExpireTime":exp});
            let t = parse_token_response(&resp(&body.to_string())).unwrap();
            assert_eq!(t.token.expose(), "psat=x");
            assert_eq!(t.tenant_endpoint_id.as_deref(), Some("sip:a@b"));
        }
    }

    #[test]
    fn names_what_is_wrong() {
        let e = |b: &str| parse_token_response(&resp(b)).unwrap_err().to_string();
        let d = "https://api.example/d";
        assert!(
            e(&format!(
                r#"{{"DiscoverUri":"{d}","ExpireTime":"{}"}}"#,
                future()
            ))
            .contains("no Token")
        );
        assert!(
            e(&format!(
                r#"{{"DiscoverUri":"{d}","Token":"psat=x","ExpireTime":12}}"#
            ))
            .contains("ExpireTime is not a string")
        );
        assert!(
            e(&format!(
                r#"{{"DiscoverUri":"{d}","Token":"psat=x","ExpireTime":"soon"}}"#
            ))
            .contains("neither")
        );
        assert!(
            e(&format!(
                r#"{{"DiscoverUri":"{d}","Token":"psat=x","ExpireTime":"/Date(1000)/"}}"#
            ))
            .contains("already expired")
        );
        assert!(
            e(&format!(
                r#"{{"DiscoverUri":"/rel","Token":"psat=x","ExpireTime":"{}"}}"#,
                future()
            ))
            .contains("absolute")
        );
        assert!(
            e(&format!(
                r#"{{"DiscoverUri":"http://api.example/d","Token":"psat=x","ExpireTime":"{}"}}"#,
                future()
            ))
            .contains("https")
        );
        assert!(e("").contains("empty"));
        assert!(e("<html><title>Login</title></html>").contains("HTML"));
    }
}
