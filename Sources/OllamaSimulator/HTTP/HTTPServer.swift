import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on POSIX sockets: one thread per connection, keep-alive, chunked bodies both ways.
final class HTTPServer: @unchecked Sendable {
    /// Answers one request; runs on the connection's thread and may block (streams, queues, hangs).
    typealias Handler = @Sendable (HTTPRequest, HTTPResponseWriter) -> Void

    /// The port actually bound.
    let port: Int
    /// Raised by `stop()`; handlers use it to end their waits.
    let stopSignal: StopSignal

    private let listener: Socket
    private let handler: Handler
    private let limits: SimulatorLimits
    // `lock` guards `connections` and `stopped`; the accept and connection threads all touch them.
    private let lock = NSLock()
    private var connections: Set<Socket> = []
    private var stopped = false
    private let running = DispatchGroup()

    /// Binds and starts accepting connections.
    /// - Throws: `SocketError` when the address cannot be bound.
    init(host: String, port: Int, limits: SimulatorLimits = SimulatorLimits(), stopSignal: StopSignal = StopSignal(), handler: @escaping Handler) throws {
        self.stopSignal = stopSignal
        self.limits = limits
        // A client that hangs up mid-answer must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        listener = try Socket.listening(host: host, port: port)
        do {
            self.port = try listener.localPort()
        } catch {
            listener.close()
            throw error
        }
        self.handler = handler
        spawn { [self] in acceptLoop() }
    }

    /// Stops accepting, cuts every open connection, and waits until all connection threads have ended.
    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        let open = connections
        lock.unlock()
        guard !wasStopped else { return }
        stopSignal.raise()
        listener.shutdown()
        for connection in open { connection.shutdown() }
        running.wait()
        listener.close()
    }

    private func acceptLoop() {
        while true {
            let connection: Socket
            do {
                connection = try listener.accept()
            } catch {
                if isStopped { return }
                // Out of descriptors or a connection reset before accept: wait a moment and go on.
                usleep(10_000)
                continue
            }
            lock.lock()
            if stopped {
                lock.unlock()
                connection.close()
                return
            }
            connections.insert(connection)
            lock.unlock()
            spawn { [self] in serve(connection) }
        }
    }

    private func serve(_ socket: Socket) {
        defer {
            lock.lock()
            connections.remove(socket)
            lock.unlock()
            socket.close()
        }
        var reader = HTTPRequestReader(
            limits: limits,
            receive: { try socket.read(until: $0) },
            sendContinue: { try socket.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) })
        while !isStopped {
            let request: HTTPRequest
            do {
                guard let next = try reader.next() else { return }
                request = next
            } catch HTTPParseError.bodyTooLarge {
                return reject(socket, status: 413)
            } catch HTTPParseError.headTooLarge {
                return reject(socket, status: 431)
            } catch HTTPParseError.malformed {
                return reject(socket, status: 400)
            } catch {
                // A timeout, a peer gone mid-request or a reset: Go's server closes without a word too.
                return
            }
            let writer = HTTPResponseWriter(socket: socket, request: request)
            handler(request, writer)
            if writer.closesConnection { return }
        }
    }

    /// Answers a request that could not be read the way Go's net/http does ("431 Request Header Fields Too
    /// Large" as status line and body), then closes.
    private func reject(_ socket: Socket, status: Int) {
        let body = "\(status) \(HTTPResponseWriter.reason(status))"
        let text = "HTTP/1.1 \(body)\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n\(body)"
        try? socket.write(Array(text.utf8))
        // Like Go's closeWriteAndWait: let the client read the answer before unread bytes make the close a reset.
        socket.closeWrite()
        _ = try? socket.read(until: Date(timeIntervalSinceNow: 0.1))
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        running.enter()
        let thread = Thread { [running] in
            body()
            running.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
