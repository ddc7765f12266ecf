//! A focused Snowflake REST client: the endpoints the official connectors use — login,
//! query-request (polling the result URL while a query runs), result-chunk download and
//! abort-request — against a configurable base URL.
//!
//! Written here rather than taken from `snowflake-api` (see ARCHITECTURE.md): that crate has no
//! base-URL override, brings a second arrow, keeps whole results in memory and cannot cancel.
//! Secrets are resolved at login and never logged; error messages carry Snowflake's message
//! and code, never a token or key.

use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use package::{SnowflakeAuth, Source};
use serde::Deserialize;
use serde_json::{Value, json};

use super::decode::ColumnType;
use super::jwt::KeyPairAuth;
use crate::error::{ConnectorError, ErrorKind};

/// Snowflake's codes for "the query is still running: ask the result URL again".
const IN_PROGRESS: [&str; 2] = ["333333", "333334"];
/// Snowflake's codes for an expired or unknown session token: log in again.
const SESSION_GONE: [&str; 3] = ["390104", "390112", "390114"];
/// Attempts of one request on a connection failure or a 5xx/429 answer (the request id makes a
/// retried query-request idempotent).
const ATTEMPTS: u32 = 3;

/// One logged-in client of a Snowflake source (its session token is shared by the statements
/// running on the source; Snowflake runs several statements of one session at once).
pub struct Client {
    http: reqwest::Client,
    base: String,
    account: String,
    user: String,
    auth: SnowflakeAuth,
    database: String,
    schema: String,
    warehouse: Option<String>,
    role: Option<String>,
    token: tokio::sync::Mutex<Option<String>>,
    /// A password given on the command line (`package init`), used instead of `auth`'s.
    password: Option<String>,
}

/// A query's first response: its result description and where the rows are.
#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct QueryData {
    pub rowtype: Vec<ColumnType>,
    pub query_result_format: Option<String>,
    /// The first rows, as base64 Arrow IPC.
    pub rowset_base64: Option<String>,
    /// The first rows, when the result is JSON.
    pub rowset: Option<Value>,
    pub chunks: Vec<Chunk>,
    pub chunk_headers: Option<HashMap<String, String>>,
    /// The key for chunks stored with customer-provided encryption keys (when no headers are given).
    pub qrmk: Option<String>,
    pub query_id: Option<String>,
    get_result_url: Option<String>,
    sql_state: Option<String>,
}

/// A part of a large result, downloaded separately.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Chunk {
    pub url: String,
    #[serde(default)]
    pub row_count: u64,
}

#[derive(Deserialize)]
struct Envelope {
    data: Option<Value>,
    code: Option<String>,
    message: Option<String>,
    #[serde(default)]
    success: bool,
}

impl Client {
    /// A client for a Snowflake source; nothing is sent until the first statement.
    pub fn new(source: &Source) -> Result<Client, ConnectorError> {
        let http = super::http_client()?;
        let Source::Snowflake { account, url, user, auth, database, schema, warehouse, role, .. } = source else {
            return Err(ConnectorError::new(ErrorKind::Internal, "not a snowflake source"));
        };
        Ok(Client {
            http,
            base: url.clone(),
            account: account.clone(),
            user: user.clone(),
            auth: auth.clone(),
            database: database.clone(),
            schema: schema.clone(),
            warehouse: warehouse.clone(),
            role: role.clone(),
            token: tokio::sync::Mutex::new(None),
            password: None,
        })
    }

    /// Logs in with this password instead of the source's (for `package init`, where it comes
    /// from the command line and never reaches the manifest).
    pub fn with_password(mut self, password: String) -> Client {
        self.password = Some(password);
        self
    }

    /// Runs one statement and returns its first response (after polling while it runs).
    /// `request_id` identifies it for [`Client::abort`].
    pub async fn query(
        &self,
        sql: &str,
        bindings: Option<Value>,
        parameters: Value,
        request_id: &str,
    ) -> Result<QueryData, ConnectorError> {
        let mut body = json!({
            "sqlText": sql,
            "asyncExec": false,
            "sequenceId": 1,
            "querySubmissionTime": now_millis(),
            "parameters": parameters,
        });
        if let Some(bindings) = bindings {
            body["bindings"] = bindings;
        }
        let url = format!("{}/queries/v1/query-request?requestId={request_id}", self.base);
        let mut relogged = false;
        loop {
            let token = self.token().await?;
            let envelope = self.post(&url, &body, Some(&token)).await?;
            match envelope.code.as_deref() {
                Some(code) if SESSION_GONE.contains(&code) && !relogged => {
                    relogged = true;
                    self.forget(&token).await;
                    continue;
                }
                Some(code) if IN_PROGRESS.contains(&code) => return self.poll(envelope, &token).await,
                _ => return finish(envelope),
            }
        }
    }

    /// Asks Snowflake to stop the statement sent with `request_id` (best effort).
    pub async fn abort(&self, request_id: &str) {
        let Some(token) = self.token.lock().await.clone() else { return };
        let url = format!("{}/queries/v1/abort-request?requestId={}", self.base, uuid::Uuid::new_v4());
        let body = json!({ "requestId": request_id, "sqlText": "" });
        if let Err(e) = self.post(&url, &body, Some(&token)).await {
            tracing::debug!(error = %e.message, "snowflake abort-request failed");
        }
    }

    /// Downloads one result chunk (gunzipped when compressed).
    pub async fn chunk(&self, chunk: &Chunk, data: &QueryData) -> Result<Vec<u8>, ConnectorError> {
        let mut request = self.http.get(&chunk.url);
        match (&data.chunk_headers, &data.qrmk) {
            (Some(headers), _) => {
                for (name, value) in headers {
                    request = request.header(name, value);
                }
            }
            (None, Some(key)) => {
                request = request
                    .header("x-amz-server-side-encryption-customer-algorithm", "AES256")
                    .header("x-amz-server-side-encryption-customer-key", key);
            }
            (None, None) => {}
        }
        let response = request.send().await.map_err(unreachable)?;
        if !response.status().is_success() {
            return Err(ConnectorError::new(
                ErrorKind::Unavailable,
                format!("downloading a Snowflake result chunk failed: HTTP {}", response.status()),
            ));
        }
        let body = response.bytes().await.map_err(unreachable)?;
        if body.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&body[..]), &mut out)
                .map_err(|e| ConnectorError::new(ErrorKind::Internal, format!("a Snowflake result chunk: {e}")))?;
            return Ok(out);
        }
        Ok(body.to_vec())
    }

    /// Polls the result URL of a running query until it has finished.
    async fn poll(&self, mut envelope: Envelope, token: &str) -> Result<QueryData, ConnectorError> {
        let mut wait = Duration::from_millis(50);
        loop {
            let path = envelope
                .data
                .as_ref()
                .and_then(|d| d.get("getResultUrl"))
                .and_then(Value::as_str)
                .ok_or_else(|| ConnectorError::new(ErrorKind::Internal, "Snowflake gave no result URL"))?
                .to_string();
            tokio::time::sleep(wait).await;
            wait = (wait * 2).min(Duration::from_secs(1));
            let response = self
                .http
                .get(format!("{}{path}", self.base))
                .header("Authorization", format!("Snowflake Token=\"{token}\""))
                .header("Accept", "application/snowflake")
                .send()
                .await
                .map_err(unreachable)?;
            envelope = read_envelope(response).await?;
            if !envelope.code.as_deref().is_some_and(|c| IN_PROGRESS.contains(&c)) {
                return finish(envelope);
            }
        }
    }

    /// The session token, logging in first when there is none.
    async fn token(&self) -> Result<String, ConnectorError> {
        let mut slot = self.token.lock().await;
        if let Some(token) = slot.as_ref() {
            return Ok(token.clone());
        }
        let token = self.login().await?;
        *slot = Some(token.clone());
        Ok(token)
    }

    /// Drops an expired token (unless another statement already replaced it).
    async fn forget(&self, expired: &str) {
        let mut slot = self.token.lock().await;
        if slot.as_deref() == Some(expired) {
            *slot = None;
        }
    }

    async fn login(&self) -> Result<String, ConnectorError> {
        let failed =
            |reason: String| ConnectorError::new(ErrorKind::Unavailable, format!("Snowflake login failed: {reason}"));
        let mut data = json!({
            "CLIENT_APP_ID": "packwire",
            "CLIENT_APP_VERSION": env!("CARGO_PKG_VERSION"),
            "ACCOUNT_NAME": super::jwt::account_locator(&self.account),
            "LOGIN_NAME": self.user,
            "SESSION_PARAMETERS": { "TIMEZONE": "UTC", "QUOTED_IDENTIFIERS_IGNORE_CASE": false },
        });
        match (&self.password, &self.auth) {
            (Some(password), _) => data["PASSWORD"] = Value::String(password.clone()),
            (None, SnowflakeAuth::Password(secret)) => {
                data["PASSWORD"] = Value::String(secret.resolve().map_err(failed)?);
            }
            (None, SnowflakeAuth::KeyPair(secret)) => {
                let pem = secret.resolve().map_err(failed)?;
                let signer = KeyPairAuth::new(&pem, &self.account, &self.user).map_err(failed)?;
                data["AUTHENTICATOR"] = Value::String("SNOWFLAKE_JWT".into());
                data["TOKEN"] = Value::String(signer.token(now_millis() / 1000).map_err(failed)?);
            }
        }
        let mut query = vec![("databaseName", self.database.as_str()), ("schemaName", self.schema.as_str())];
        if let Some(warehouse) = &self.warehouse {
            query.push(("warehouse", warehouse));
        }
        if let Some(role) = &self.role {
            query.push(("roleName", role));
        }
        let request_id = uuid::Uuid::new_v4().to_string();
        query.push(("requestId", &request_id));
        let url = reqwest::Url::parse_with_params(&format!("{}/session/v1/login-request", self.base), &query)
            .map_err(|e| failed(format!("bad url: {e}")))?;
        let envelope = self.post(url.as_str(), &json!({ "data": data }), None).await?;
        if !envelope.success {
            return Err(failed(format!(
                "{} ({})",
                envelope.message.unwrap_or_default(),
                envelope.code.unwrap_or_default()
            )));
        }
        envelope
            .data
            .as_ref()
            .and_then(|d| d.get("token"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| failed("no session token in the answer".into()))
    }

    /// POSTs JSON, retrying connection failures and 5xx/429 answers.
    async fn post(&self, url: &str, body: &Value, token: Option<&str>) -> Result<Envelope, ConnectorError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut request = self
                .http
                .post(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/snowflake")
                .body(body.to_string());
            if let Some(token) = token {
                request = request.header("Authorization", format!("Snowflake Token=\"{token}\""));
            }
            let retry = match request.send().await {
                Ok(response) if response.status().is_server_error() || response.status().as_u16() == 429 => {
                    if attempt >= ATTEMPTS {
                        return read_envelope(response).await;
                    }
                    true
                }
                Ok(response) => return read_envelope(response).await,
                Err(e) if attempt >= ATTEMPTS || !(e.is_connect() || e.is_timeout()) => return Err(unreachable(e)),
                Err(_) => true,
            };
            if retry {
                tokio::time::sleep(Duration::from_millis(100 * u64::from(attempt))).await;
            }
        }
    }
}

async fn read_envelope(response: reqwest::Response) -> Result<Envelope, ConnectorError> {
    let status = response.status();
    let body = response.bytes().await.map_err(unreachable)?;
    serde_json::from_slice(&body).map_err(|_| {
        ConnectorError::new(ErrorKind::Unavailable, format!("Snowflake answered HTTP {status} without a JSON body"))
    })
}

/// The data of a finished query, or its error with a Postgres SQLSTATE.
fn finish(envelope: Envelope) -> Result<QueryData, ConnectorError> {
    let data: QueryData = match envelope.data {
        Some(data) => serde_json::from_value(data)
            .map_err(|e| ConnectorError::new(ErrorKind::Internal, format!("an unexpected Snowflake answer: {e}")))?,
        None => QueryData::default(),
    };
    if envelope.success {
        return Ok(data);
    }
    let code = envelope.code.unwrap_or_default();
    let message = format!("Snowflake: {}", envelope.message.unwrap_or_else(|| format!("error {code}")));
    Err(ConnectorError::new(error_kind(data.sql_state.as_deref(), &code), message))
}

/// Snowflake's SQLSTATE (and error code) in Postgres' terms.
fn error_kind(sql_state: Option<&str>, code: &str) -> ErrorKind {
    match (sql_state.unwrap_or(""), code) {
        ("22012", _) => ErrorKind::DivisionByZero,
        ("22003", _) => ErrorKind::NumericOutOfRange,
        ("57014", _) | (_, "000604") => ErrorKind::Cancelled,
        ("42S02", _) | (_, "002003") => ErrorKind::Backend("42P01".into()),
        ("42S22", _) | (_, "000904") => ErrorKind::Backend("42703".into()),
        (_, "390100" | "390144" | "390318") => ErrorKind::Unavailable,
        ("", _) => ErrorKind::Backend("XX000".into()),
        (state, _) if state.len() == 5 && state.starts_with(['0', '2', '4', '5']) => ErrorKind::Backend(state.into()),
        _ => ErrorKind::Backend("XX000".into()),
    }
}

fn unreachable(error: reqwest::Error) -> ConnectorError {
    // reqwest's message names the URL, never a header (the token travels in one).
    ConnectorError::new(ErrorKind::Unavailable, format!("Snowflake is not reachable: {error}"))
}

fn now_millis() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}
