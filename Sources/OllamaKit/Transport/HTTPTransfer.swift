import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What arrives from the server during one exchange, in order: one head, then body bytes.
enum TransferEvent: Sendable {
    /// The status line and headers arrived.
    case head(status: Int)
    /// Some body bytes arrived.
    case body(Data)
}

/// Who an exchange talks to and how long it may take, for the exchange's deadlines and error messages.
struct TransferTarget: Sendable {
    /// The server, e.g. "http://127.0.0.1:11434".
    let host: String
    /// The method and URL, e.g. "POST http://127.0.0.1:11434/api/generate".
    let endpoint: String
    let connectTimeout: Duration
    let requestTimeout: Duration
}

/// One HTTP exchange on its own URLSession, whose delegate passes the head and body bytes on as they
/// arrive, so streams are read live and a time to first token is real.
///
/// The deadlines are ours, not URLSession's, so that a connect timeout and a request timeout can be told
/// apart: the connect deadline is met by the first sign of a connection (request body bytes written or a
/// response head received), the request deadline bounds the whole exchange. URLSession's own timer is set
/// past both as a backstop. The session is invalidated when the exchange ends, so nothing leaks.
final class HTTPTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked Sendable: the mutable state below is only read or written while holding `lock`.
    private let lock = NSLock()
    private var continuation: AsyncThrowingStream<TransferEvent, any Error>.Continuation?
    private var session: URLSession?
    private var deadlines: [Task<Void, Never>] = []
    private var connected = false
    private let target: TransferTarget

    private init(target: TransferTarget) {
        self.target = target
    }

    /// Starts `request` and returns its events; ending the iteration early cancels the request.
    static func start(_ request: URLRequest, target: TransferTarget) -> AsyncThrowingStream<TransferEvent, any Error> {
        let (events, continuation) = AsyncThrowingStream<TransferEvent, any Error>.makeStream()
        let transfer = HTTPTransfer(target: target)
        let backstop = target.requestTimeout.timeInterval + 1
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = backstop
        configuration.timeoutIntervalForResource = backstop
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: queue)
        var request = request
        request.timeoutInterval = backstop

        transfer.lock.withLock {
            transfer.continuation = continuation
            transfer.session = session
            transfer.deadlines = [
                Task { [weak transfer] in
                    guard (try? await Task.sleep(for: target.connectTimeout)) != nil else { return }
                    transfer?.connectDeadlinePassed()
                },
                Task { [weak transfer] in
                    guard (try? await Task.sleep(for: target.requestTimeout)) != nil else { return }
                    transfer?.finish(OllamaError.requestTimedOut(endpoint: target.endpoint, after: target.requestTimeout))
                },
            ]
        }
        continuation.onTermination = { [weak transfer] _ in transfer?.finish(nil) }
        session.dataTask(with: request).resume()
        return events
    }

    // MARK: URLSessionDataDelegate

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didSendBodyData bytesSent: Int64, totalBytesSent: Int64,
        totalBytesExpectedToSend: Int64
    ) {
        lock.withLock { connected = true }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        yield(.head(status: (response as? HTTPURLResponse)?.statusCode ?? 0))
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        yield(.body(data))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        finish(error.map(failure(for:)))
    }

    // MARK: Private

    private func yield(_ event: TransferEvent) {
        let continuation = lock.withLock {
            connected = true
            return self.continuation
        }
        continuation?.yield(event)
    }

    private func connectDeadlinePassed() {
        guard !lock.withLock({ connected }) else { return }
        finish(OllamaError.connectTimedOut(host: target.host, after: target.connectTimeout))
    }

    /// Ends the exchange once: reports `error` (or the end), stops the deadlines and frees the session.
    private func finish(_ error: (any Error)?) {
        let (continuation, session, deadlines) = lock.withLock {
            defer { (self.continuation, self.session, self.deadlines) = (nil, nil, []) }
            return (self.continuation, self.session, self.deadlines)
        }
        guard let continuation else { return }
        deadlines.forEach { $0.cancel() }
        continuation.finish(throwing: error)
        session?.invalidateAndCancel()
    }

    private func failure(for error: any Error) -> any Error {
        let wasConnected = lock.withLock { connected }
        guard let urlError = error as? URLError else {
            return OllamaError.connectionLost(endpoint: target.endpoint, reason: String(describing: error))
        }
        switch urlError.code {
        case .cancelled:
            return CancellationError()
        case .timedOut:
            return OllamaError.requestTimedOut(endpoint: target.endpoint, after: target.requestTimeout)
        case .cannotConnectToHost:
            return OllamaError.unreachable(host: target.host, reason: ConnectionFailure.refused)
        case .cannotFindHost, .dnsLookupFailed:
            return OllamaError.unreachable(host: target.host, reason: "unknown host")
        case .notConnectedToInternet:
            return OllamaError.unreachable(host: target.host, reason: "no network")
        default:
            // libcurl's "empty reply" (closed before any byte) arrives as a bad server response: it is a reset.
            let emptyReply = urlError.code == .badServerResponse && urlError.localizedDescription == "Empty reply from server"
            let reason = emptyReply ? ConnectionFailure.reset : Self.reason(for: urlError.code)
            return wasConnected
                ? OllamaError.connectionLost(endpoint: target.endpoint, reason: reason)
                : OllamaError.unreachable(host: target.host, reason: reason)
        }
    }

    private static func reason(for code: URLError.Code) -> String {
        switch code {
        case .networkConnectionLost: ConnectionFailure.reset
        // libcurl's "partial file" (a body cut short, e.g. a chunked stream without its last chunk) arrives as -1.
        case .unknown: "the answer broke off before it was complete"
        case .badServerResponse: "the answer was not valid HTTP"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            "the TLS handshake failed"
        default: "URL error \(code.rawValue)"
        }
    }
}
