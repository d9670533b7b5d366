import Foundation
import Testing
@testable import OllamaKit

@Suite("OLLAMA_HOST parsing by Ollama's envconfig.Host rules")
struct OllamaHostTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let value: String
        let url: String
        var testDescription: String { "'\(value)' → \(url)" }
    }

    @Test(arguments: [
        Case(value: "", url: "http://127.0.0.1:11434"),
        Case(value: "1.2.3.4", url: "http://1.2.3.4:11434"),
        Case(value: ":1234", url: "http://127.0.0.1:1234"),
        Case(value: "1.2.3.4:1234", url: "http://1.2.3.4:1234"),
        Case(value: "example.com", url: "http://example.com:11434"),
        Case(value: "example.com:1234", url: "http://example.com:1234"),
        Case(value: "example.com:", url: "http://example.com:11434"),
        Case(value: "0.0.0.0", url: "http://0.0.0.0:11434"),
        Case(value: "::1", url: "http://[::1]:11434"),
        Case(value: "[::1]", url: "http://[::1]:11434"),
        Case(value: "[::1]:1337", url: "http://[::1]:1337"),
        Case(value: "http://example.com", url: "http://example.com:80"),
        Case(value: "https://example.com", url: "https://example.com:443"),
        Case(value: "https://example.com:1234/", url: "https://example.com:1234"),
        Case(value: "http://example.com/ollama/", url: "http://example.com:80/ollama"),
        Case(value: "  \"127.0.0.1:8080\"  ", url: "http://127.0.0.1:8080"),
        Case(value: "'localhost:11435'", url: "http://localhost:11435"),
        Case(value: "ollama.com", url: "https://ollama.com:443"),
    ])
    func `parses each form Ollama accepts`(_ row: Case) throws {
        #expect(try OllamaHost(parsing: row.value).url.absoluteString == row.url)
    }

    @Test func `0.0.0.0 and :: connect through loopback`() throws {
        #expect(try OllamaHost(parsing: "0.0.0.0:9999").connectable.url.absoluteString == "http://127.0.0.1:9999")
        #expect(try OllamaHost(parsing: "[::]:9999").connectable.url.absoluteString == "http://[::1]:9999")
        let configuration = try OllamaClient.Configuration.fromEnvironment(["OLLAMA_HOST": "0.0.0.0:9999"])
        #expect(configuration.baseURL.absoluteString == "http://127.0.0.1:9999")
        #expect(configuration.connectTimeout == .seconds(5))
        #expect(configuration.requestTimeout == .seconds(120))
    }

    @Test func `an unset OLLAMA_HOST means the default`() throws {
        #expect(try OllamaHost.fromEnvironment([:]) == .default)
        #expect(OllamaHost.default.description == "http://127.0.0.1:11434")
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let value: String
        let message: String
        var testDescription: String { value }
    }

    @Test(arguments: [
        Invalid(value: "ftp://example.com", message: "OLLAMA_HOST 'ftp://example.com' is not usable: the scheme 'ftp' is not supported; use http:// or https://. Set it like '127.0.0.1:11434' or 'http://host:11434'."),
        Invalid(value: "127.0.0.1:port", message: "OLLAMA_HOST '127.0.0.1:port' is not usable: the port 'port' is not a number from 0 to 65535. Set it like '127.0.0.1:11434' or 'http://host:11434'."),
        Invalid(value: "localhost:70000", message: "OLLAMA_HOST 'localhost:70000' is not usable: the port '70000' is not a number from 0 to 65535. Set it like '127.0.0.1:11434' or 'http://host:11434'."),
        Invalid(value: "bad host", message: "OLLAMA_HOST 'bad host' is not usable: 'bad host' cannot be used as a host name in a URL. Set it like '127.0.0.1:11434' or 'http://host:11434'."),
    ])
    func `rejects values that cannot name a server, saying why`(_ row: Invalid) {
        let error = #expect(throws: OllamaError.self) { try OllamaHost(parsing: row.value) }
        #expect(error?.description == row.message)
    }
}
