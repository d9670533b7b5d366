import Foundation
import HTTPTestSupport
import Testing
@testable import OllamaKit

@Suite("Credentials in OLLAMA_HOST: sent to the server, never printed")
struct HostCredentialsTests {
    struct Redaction: Sendable, CustomTestStringConvertible {
        let value: String
        let redacted: String
        var testDescription: String { value }
    }

    @Test(arguments: [
        Redaction(value: "http://127.0.0.1:11434", redacted: "http://127.0.0.1:11434"),
        Redaction(value: "http://user:secret@host:11434", redacted: "http://***@host:11434"),
        Redaction(value: "http://secret@host:11434/ollama", redacted: "http://***@host:11434/ollama"),
        Redaction(value: "https://u:p%40ss@host/api?token=secret", redacted: "https://***@host/api?token=***"),
        Redaction(value: "http://host:1/?token=secret&mode=secret&secret", redacted: "http://host:1/?token=***&mode=***&***"),
        Redaction(value: "http://host:1#secret", redacted: "http://host:1"),
        Redaction(value: "http://host:1/p?#secret", redacted: "http://host:1/p?"),
        // Unparseable or unencoded values are redacted all the same: the last "@" ends the userinfo.
        Redaction(value: "user:se@cr/et@host:11434", redacted: "***@host:11434"),
        Redaction(value: "http://us er:sec ret@bad host", redacted: "http://***@bad host"),
        Redaction(value: "http://***@host:11434?token=***", redacted: "http://***@host:11434?token=***"),
    ])
    func `redacts user, password, query values and fragment`(_ row: Redaction) {
        #expect(OllamaHost.redacted(row.value) == row.redacted)
        #expect(!OllamaHost.redacted(row.value).contains("secret"))
    }

    @Test func `a host with credentials parses, connects with them and prints without them`() throws {
        let host = try OllamaHost(parsing: "http://user:secret@proxy.example:8443/ollama?token=secret#secret")
        #expect(host.host == "proxy.example")
        #expect(host.port == 8443)
        #expect(host.path == "ollama")
        #expect(host.userinfo == "user:secret")
        #expect(host.query == "token=secret")
        #expect(host.url.absoluteString == "http://user:secret@proxy.example:8443/ollama?token=secret")
        #expect(host.description == "http://***@proxy.example:8443/ollama?token=***")
        #expect(host.redacted == host.description)

        let configuration = OllamaClient.Configuration(host: host)
        #expect(configuration.url(for: "/api/tags").absoluteString == "http://proxy.example:8443/ollama/api/tags?token=secret")
        #expect(configuration.authorization == "Basic " + Data("user:secret".utf8).base64EncodedString())
        #expect(configuration.redactedHost == "http://***@proxy.example:8443/ollama?token=***")
        #expect(OllamaClient.Configuration(host: .default).authorization == nil)
        #expect(OllamaClient.Configuration(host: .default).url(for: "/api/tags").absoluteString == "http://127.0.0.1:11434/api/tags")
    }

    @Test func `a bare OLLAMA_HOST with userinfo keeps the default port`() throws {
        let host = try OllamaHost(parsing: "user:secret@10.0.0.5")
        #expect(host.url.absoluteString == "http://user:secret@10.0.0.5:11434")
        #expect(host.connectable.userinfo == "user:secret")
    }

    struct Message: Sendable, CustomTestStringConvertible {
        let error: OllamaError
        var testDescription: String { error.description }
    }

    @Test(arguments: [
        Message(error: .unreachable(host: "http://user:secret@host:11434", reason: "connection refused")),
        Message(error: .connectTimedOut(host: "http://host:11434?token=secret", after: .seconds(5))),
        Message(error: .invalidHost("http://user:secret@bad host", reason: "no")),
        Message(error: .invalidHost("ftp://user:secret@host#secret", reason: "no")),
    ])
    func `error messages never show a secret`(_ row: Message) {
        #expect(!row.error.description.contains("secret"))
    }

    @Test func `an invalid port in a host with credentials is reported without them`() {
        let error = #expect(throws: OllamaError.self) { try OllamaHost(parsing: "http://user:secret@host:port?token=secret") }
        #expect(error?.description == "OLLAMA_HOST 'http://***@host:port?token=***' is not usable: the port 'port' is not a number from 0 to 65535. Set it like '127.0.0.1:11434' or 'http://host:11434'.")
    }

    @Test func `the client sends Basic auth and the query, and its errors name the host redacted`() async throws {
        try await CannedHTTPServer.with([.send(CannedHTTPServer.response("500 Internal Server Error", body: #"{"error":"boom"}"#))]) { server in
            let base = URL(string: "http://user:secret@127.0.0.1:\(server.port)/?token=secret")!
            let client = OllamaClient(.init(baseURL: base, requestTimeout: .seconds(30)))
            let error = await #expect(throws: OllamaError.self) { try await client.version() }
            let request = try #require(server.requests.first)
            #expect(request.hasPrefix("GET /api/version?token=secret HTTP/1.1\r\n"))
            #expect(request.contains("Authorization: Basic \(Data("user:secret".utf8).base64EncodedString())\r\n"))
            #expect(error?.description == "Ollama answered GET http://127.0.0.1:\(server.port)/api/version?token=*** with HTTP 500: boom")
        }
    }

    @Test func `long server messages are quoted up to the limit`() {
        let error = OllamaError.httpStatus(endpoint: "GET /", status: 500, message: String(repeating: "x", count: 5000))
        #expect(error.description == "Ollama answered GET / with HTTP 500: " + String(repeating: "x", count: 199) + "…")
    }

    @Test func `a missing model's hint suggests ollama pull only for a valid name`() {
        #expect(OllamaError.modelNotFound(model: "llama3:8b", message: "not found").description.hasSuffix("e.g. 'ollama pull llama3:8b'."))
        let hostile = OllamaError.modelNotFound(model: "x'; rm -rf ~; '", message: "not found").description
        #expect(!hostile.contains("ollama pull"))
    }
}
