//! The real server on a free loopback port over a store and index of hand-made articles (with
//! entities, a quote, events and their stories placed), and an HTTP client for it.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::Duration;

use chancery_search::ArticleIndex;
use chancery_server::ServerConfig;
use chancery_store::Store;
use serde_json::Value;

mod fixture;

pub use fixture::corpus;

/// A running server and the directory it serves.
pub struct Server {
    _dir: tempfile::TempDir,
    pub addr: SocketAddr,
    pub agent: ureq::Agent,
}

impl Server {
    pub fn start() -> Server {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut store = Store::open(dir.path()).expect("the store opens");
        store.insert_batch(&corpus()).expect("articles are stored");
        fixture::place(&mut store);
        let index = ArticleIndex::open(dir.path()).expect("the index opens");
        let mut updater = index.updater(1).expect("the writer is free");
        updater.sync(&store).expect("the index catches up");
        drop(updater);
        let config = ServerConfig {
            data: dir.path().to_path_buf(),
            addr: "127.0.0.1:0".parse().expect("an address"),
        };
        let (ready, bound) = mpsc::channel();
        // The server runs until the test process ends.
        std::thread::spawn(move || {
            let outcome = chancery_server::run(&config, |addr| {
                ready.send(addr).expect("the test waits for the address");
            });
            outcome.expect("the server runs");
        });
        let addr = bound
            .recv_timeout(Duration::from_secs(60))
            .expect("the server starts");
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        Server {
            _dir: dir,
            addr,
            agent,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Status and JSON body of a GET.
    pub fn get(&self, path: &str) -> (u16, Value) {
        let mut response = self.agent.get(self.url(path)).call().expect("a response");
        let status = response.status().as_u16();
        (
            status,
            response.body_mut().read_json().expect("a JSON body"),
        )
    }

    /// Status and JSON body of a POST of `body` as JSON.
    pub fn post(&self, path: &str, body: &str) -> (u16, Value) {
        let mut response = self
            .agent
            .post(self.url(path))
            .header("content-type", "application/json")
            .send(body)
            .expect("a response");
        let status = response.status().as_u16();
        (
            status,
            response.body_mut().read_json().expect("a JSON body"),
        )
    }

    /// The raw response to bytes written straight to the socket.
    pub fn raw(&self, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(self.addr).expect("the server accepts");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("a read timeout");
        stream.write_all(request).expect("the request is sent");
        let mut response = Vec::new();
        // The server closes the connection after answering a request it cannot parse, or a
        // `Connection: close` one.
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response).into_owned()
    }
}
