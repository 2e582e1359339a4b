//! Checks of exported files written independently of the code under test: a HAR 1.2
//! validator that walks the JSON against the spec's required fields, and a zip reader.

use std::io::Read;

use serde_json::Value;

fn is_str(v: &Value) -> bool {
    v.is_string()
}

fn is_num(v: &Value) -> bool {
    v.is_number()
}

fn is_iso_date(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok()
    })
}

/// Every object of `list` has string `name` and `value`.
fn name_values(v: &Value) -> bool {
    v.as_array()
        .is_some_and(|a| a.iter().all(|p| is_str(&p["name"]) && is_str(&p["value"])))
}

struct Check<'a> {
    problems: &'a mut Vec<String>,
    at: String,
}

impl Check<'_> {
    fn need(&mut self, v: &Value, field: &str, ok: fn(&Value) -> bool) {
        if !ok(&v[field]) {
            self.problems.push(format!(
                "{}.{field}: missing or wrong type: {}",
                self.at, v[field]
            ));
        }
    }
}

/// Problems of a HAR 1.2 document (empty when it is valid).
pub fn har_problems(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let log = &doc["log"];
    let mut c = Check {
        problems: &mut problems,
        at: "log".into(),
    };
    c.need(log, "version", is_str);
    c.need(log, "creator", Value::is_object);
    c.need(&log["creator"], "name", is_str);
    c.need(&log["creator"], "version", is_str);
    c.need(log, "entries", Value::is_array);
    let mut page_ids = Vec::new();
    if !log["pages"].is_null() {
        c.need(log, "pages", Value::is_array);
        for (i, p) in log["pages"].as_array().into_iter().flatten().enumerate() {
            c.at = format!("log.pages[{i}]");
            c.need(p, "startedDateTime", is_iso_date);
            c.need(p, "id", is_str);
            c.need(p, "title", is_str);
            c.need(p, "pageTimings", Value::is_object);
            page_ids.extend(p["id"].as_str().map(str::to_string));
        }
    }
    for (i, e) in log["entries"].as_array().into_iter().flatten().enumerate() {
        c.at = format!("log.entries[{i}]");
        if let Some(r) = e.get("pageref")
            && !r.as_str().is_some_and(|r| page_ids.iter().any(|p| p == r))
        {
            c.problems
                .push(format!("{}: pageref {r} names no page", c.at));
        }
        c.need(e, "startedDateTime", is_iso_date);
        c.need(e, "time", is_num);
        for k in ["request", "response", "cache", "timings"] {
            c.need(e, k, Value::is_object);
        }
        let req = &e["request"];
        c.at = format!("log.entries[{i}].request");
        c.need(req, "method", is_str);
        c.need(req, "url", |u| {
            u.as_str().is_some_and(|u| url::Url::parse(u).is_ok())
        });
        c.need(req, "httpVersion", is_str);
        c.need(req, "cookies", Value::is_array);
        c.need(req, "headers", name_values);
        c.need(req, "queryString", name_values);
        c.need(req, "headersSize", is_num);
        c.need(req, "bodySize", is_num);
        if !req["postData"].is_null() {
            c.need(&req["postData"], "mimeType", is_str);
            if !is_str(&req["postData"]["text"]) {
                c.need(&req["postData"], "params", Value::is_array);
            }
        }
        let resp = &e["response"];
        c.at = format!("log.entries[{i}].response");
        c.need(resp, "status", is_num);
        c.need(resp, "statusText", is_str);
        c.need(resp, "httpVersion", is_str);
        c.need(resp, "cookies", Value::is_array);
        c.need(resp, "headers", name_values);
        c.need(resp, "content", Value::is_object);
        c.need(&resp["content"], "size", is_num);
        c.need(&resp["content"], "mimeType", is_str);
        c.need(resp, "redirectURL", is_str);
        c.need(resp, "headersSize", is_num);
        c.need(resp, "bodySize", is_num);
        let t = &e["timings"];
        c.at = format!("log.entries[{i}].timings");
        let mut sum = 0.0;
        for k in ["send", "wait", "receive"] {
            match t[k].as_f64() {
                Some(x) if x >= 0.0 => sum += x,
                _ => c
                    .problems
                    .push(format!("{}.{k}: not a number >= 0: {}", c.at, t[k])),
            }
        }
        for k in ["blocked", "dns", "connect", "ssl"] {
            match t[k].as_f64() {
                None if t[k].is_null() => {}
                Some(x) if x >= 0.0 => sum += x,
                Some(-1.0) => {}
                _ => c
                    .problems
                    .push(format!("{}.{k}: not -1 or >= 0: {}", c.at, t[k])),
            }
        }
        if let Some(time) = e["time"].as_f64()
            && (time - sum).abs() > 0.01
        {
            c.problems.push(format!(
                "log.entries[{i}].time {time} is not the sum of the timings {sum}"
            ));
        }
    }
    problems
}

/// The files of a zip, by name, as text.
pub fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("a file");
            let mut text = String::new();
            f.read_to_string(&mut text).expect("text");
            (f.name().expect("a name").to_string(), text)
        })
        .collect()
}

/// The text of `name` in unzipped files.
pub fn file<'a>(files: &'a [(String, String)], name: &str) -> &'a str {
    files
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.as_str())
        .unwrap_or_else(|| panic!("{name} missing from the bundle"))
}
