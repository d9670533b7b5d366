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
    // `lock` guards `connections` and `stopped`; the accept and connection threads all touch them.
    private let lock = NSLock()
    private var connections: Set<Socket> = []
    private var stopped = false
    private let running = DispatchGroup()

    /// Binds and starts accepting connections.
    /// - Throws: `SocketError` when the address cannot be bound.
    init(host: String, port: Int, stopSignal: StopSignal = StopSignal(), handler: @escaping Handler) throws {
        self.stopSignal = stopSignal
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
            receive: { try socket.read() },
            sendContinue: { try socket.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) })
        while !isStopped {
            let request: HTTPRequest
            do {
                guard let next = try reader.next() else { return }
                request = next
            } catch HTTPParseError.tooLarge {
                return reject(socket, status: 413)
            } catch HTTPParseError.malformed {
                return reject(socket, status: 400)
            } catch {
                return
            }
            let writer = HTTPResponseWriter(socket: socket, request: request)
            handler(request, writer)
            if writer.closesConnection { return }
        }
    }

    /// Answers a request that could not be read the way Go's net/http does, then closes.
    private func reject(_ socket: Socket, status: Int) {
        let body = "\(status) \(HTTPResponseWriter.reason(status))"
        let text = "HTTP/1.1 \(status) \(HTTPResponseWriter.reason(status))\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Connection: close\r\n\r\n\(body)"
        try? socket.write(Array(text.utf8))
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
