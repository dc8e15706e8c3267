"""`serve --tls-cert --tls-key`: HTTPS that a client trusting the office's CA accepts."""

import ssl

import pytest
import trustme

from .wire import Branch, call


def test_https_with_a_custom_ca(start_street, add_street_branch, tmp_path):
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    for extra in cert.cert_chain_pems[1:]:
        extra.write_to_path(str(cert_file), append=True)

    server = start_street(tls=(cert_file, key_file))
    assert server.url.startswith("https://127.0.0.1:")
    branch = Branch(server.url, *add_street_branch(server, "欧阳䶮𠮷"))
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    reply = call(server.url, "GET", branch.prefix, token=branch.token, context=trusting)
    assert reply.status == 200
    assert reply.body["name"] == "欧阳䶮𠮷"
    # A client that does not know the office's CA refuses the connection.
    with pytest.raises(ssl.SSLCertVerificationError):
        call(server.url, "GET", branch.prefix, context=ssl.create_default_context())
