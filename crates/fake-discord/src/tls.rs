//! The REST API over TLS as `discord.com` ([`super::FakeOptions::tls`]): the test CA, the server
//! side, and the resolver that sends every host name to the fake.

use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// The test CA the fake's `discord.com` certificate is signed by (`crates/fake-discord/tls`).
pub const TEST_CA_PEM: &str = include_str!("../tls/ca.pem");
const TLS_CERT_PEM: &str = include_str!("../tls/discord.com.pem");
const TLS_KEY_PEM: &str = include_str!("../tls/discord.com.key");

/// Resolves every host name to the fake's REST address.
pub(super) struct EveryHostIsHere(pub(super) SocketAddr);

impl reqwest::dns::Resolve for EveryHostIsHere {
    fn resolve(&self, _name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let addr = self.0;
        Box::pin(async move { Ok(Box::new(std::iter::once(addr)) as reqwest::dns::Addrs) })
    }
}

fn tls_acceptor() -> tokio_rustls::TlsAcceptor {
    use tokio_rustls::rustls;
    use tokio_rustls::rustls::pki_types::pem::PemObject;
    use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs: Vec<CertificateDer<'static>> =
        CertificateDer::pem_slice_iter(TLS_CERT_PEM.as_bytes())
            .collect::<Result<_, _>>()
            .expect("test certificate parses");
    let key = PrivateKeyDer::from_pem_slice(TLS_KEY_PEM.as_bytes()).expect("test key parses");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .expect("test certificate and key match");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    tokio_rustls::TlsAcceptor::from(Arc::new(config))
}

pub(super) async fn serve(listener: TcpListener, app: Router) {
    let acceptor = tls_acceptor();
    while let Ok((tcp, _)) = listener.accept().await {
        let _ = tcp.set_nodelay(true);
        let (acceptor, app) = (acceptor.clone(), app.clone());
        tokio::spawn(async move {
            let Ok(tls) = acceptor.accept(tcp).await else {
                return;
            };
            let service = hyper_util::service::TowerToHyperService::new(app);
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(tls), service)
                .await;
        });
    }
}
