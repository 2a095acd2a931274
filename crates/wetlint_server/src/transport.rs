//! A guard in front of tower-lsp-server's transport.
//!
//! tower-lsp-server stops reading its input after the first frame it cannot
//! decode (invalid JSON, or JSON that is no JSON-RPC message): one malformed
//! message would end the session. This module reads the client's frames
//! itself and forwards only well-formed messages to the server. A malformed
//! request that carries an `id` gets a JSON-RPC error response; anything else
//! that cannot be read gets an error response with `id: null` (as JSON-RPC
//! prescribes for parse errors). The server's output is copied frame by frame
//! so that these injected responses never split a message.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};

/// Frames larger than this are skipped (and answered with an error).
pub const MAX_FRAME: usize = 512 * 1024 * 1024;

/// One frame read from a stream.
enum Frame {
    Body(Vec<u8>),
    /// Headers without a usable Content-Length, or a frame over [`MAX_FRAME`].
    Bad(String),
    Eof,
}

async fn read_frame<R: AsyncRead + Unpin>(r: &mut BufReader<R>) -> Frame {
    let mut len: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        match r.read_until(b'\n', &mut line).await {
            Ok(0) => return Frame::Eof,
            Ok(_) => {}
            Err(_) => return Frame::Eof,
        }
        let text = String::from_utf8_lossy(&line);
        let t = text.trim();
        if t.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = t.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            len = value.trim().parse::<usize>().ok();
        }
    }
    let Some(len) = len else {
        return Frame::Bad("bericht zonder geldige Content-Length".to_string());
    };
    if len > MAX_FRAME {
        // Skip the body without holding it in memory.
        let mut left = len;
        let mut buf = vec![0u8; 64 * 1024];
        while left > 0 {
            let n = left.min(buf.len());
            if r.read_exact(&mut buf[..n]).await.is_err() {
                return Frame::Eof;
            }
            left -= n;
        }
        return Frame::Bad(format!("bericht van {len} bytes is te groot"));
    }
    let mut body = vec![0u8; len];
    if r.read_exact(&mut body).await.is_err() {
        return Frame::Eof;
    }
    Frame::Body(body)
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_response(id: Value, code: i64, message: &str) -> Vec<u8> {
    let v = json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } });
    frame(v.to_string().as_bytes())
}

/// Checks one client frame; `Ok` to forward it, `Err` with a response to send back.
fn check(body: &[u8]) -> Result<(), Option<Vec<u8>>> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Err(Some(error_response(
                Value::Null,
                -32700,
                &format!("ongeldige JSON: {e}"),
            )));
        }
    };
    let is_request = serde_json::from_value::<Request>(value.clone()).is_ok();
    let is_response = !is_request && serde_json::from_value::<Response>(value.clone()).is_ok();
    if is_request || is_response {
        return Ok(());
    }
    let id = value
        .get("id")
        .filter(|id| id.is_number() || id.is_string());
    match (id, value.get("method")) {
        // A broken notification or response: nothing to answer.
        (None, Some(_)) => Err(None),
        (None, None) if value.get("result").is_some() || value.get("error").is_some() => Err(None),
        (id, _) => Err(Some(error_response(
            id.cloned().unwrap_or(Value::Null),
            -32600,
            "ongeldig JSON-RPC-bericht",
        ))),
    }
}

/// Copies client frames to the server, dropping malformed ones.
async fn pump_in<I, W>(input: I, mut to_server: W, replies: mpsc::UnboundedSender<Option<Vec<u8>>>)
where
    I: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut r = BufReader::with_capacity(1 << 16, input);
    loop {
        match read_frame(&mut r).await {
            Frame::Eof => break,
            Frame::Bad(why) => {
                let _ = replies.send(Some(error_response(Value::Null, -32700, &why)));
            }
            Frame::Body(body) => match check(&body) {
                Ok(()) => {
                    if to_server.write_all(&frame(&body)).await.is_err()
                        || to_server.flush().await.is_err()
                    {
                        break;
                    }
                }
                Err(Some(reply)) => {
                    let _ = replies.send(Some(reply));
                }
                Err(None) => {}
            },
        }
    }
    let _ = to_server.shutdown().await;
}

/// Copies server frames to the client, interleaving the guard's own replies
/// (whole frames only). Ends when the server's output ends.
async fn pump_out<R, O>(
    from_server: R,
    output: O,
    tx: mpsc::UnboundedSender<Option<Vec<u8>>>,
    mut rx: mpsc::UnboundedReceiver<Option<Vec<u8>>>,
) where
    R: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let reader = async move {
        let mut r = BufReader::with_capacity(1 << 16, from_server);
        loop {
            match read_frame(&mut r).await {
                Frame::Body(body) => {
                    if tx.send(Some(frame(&body))).is_err() {
                        break;
                    }
                }
                Frame::Bad(_) => {}
                Frame::Eof => {
                    let _ = tx.send(None);
                    break;
                }
            }
        }
    };
    let writer = async move {
        let mut output = std::pin::pin!(output);
        while let Some(Some(bytes)) = rx.recv().await {
            if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
                break;
            }
        }
        let _ = output.flush().await;
    };
    tokio::join!(reader, writer);
}

/// Runs `serve` (the LSP server on an in-memory pipe pair) behind the guard.
pub async fn guarded<I, O, F, Fut>(input: I, output: O, serve: F)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
    F: FnOnce(tokio::io::DuplexStream, tokio::io::DuplexStream) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let (to_server, server_in) = tokio::io::duplex(1 << 20);
    let (server_out, from_server) = tokio::io::duplex(1 << 20);
    let (tx, rx) = mpsc::unbounded_channel();
    let inp = pump_in(input, to_server, tx.clone());
    let rest = async {
        tokio::join!(
            serve(server_in, server_out),
            pump_out(from_server, output, tx, rx)
        );
    };
    let mut inp = std::pin::pin!(inp);
    let mut rest = std::pin::pin!(rest);
    tokio::select! {
        () = &mut rest => {}
        () = &mut inp => rest.await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_frames() {
        assert!(check(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":3,"result":null}"#).is_ok());
        let bad = check(b"{geen json").err().flatten().unwrap_or_default();
        assert!(String::from_utf8_lossy(&bad).contains("-32700"));
        let bad = check(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#)
            .err()
            .flatten()
            .unwrap_or_default();
        assert!(
            String::from_utf8_lossy(&bad).contains(r#""id":7"#),
            "{}",
            String::from_utf8_lossy(&bad)
        );
        assert!(matches!(
            check(br#"{"jsonrpc":"2.0","method":5}"#),
            Err(None)
        ));
        let bad = check(br#"{"jsonrpc":"2.0","method":"x","params":{"t":"\ud800"}}"#);
        assert!(matches!(bad, Err(Some(_))));
    }
}
