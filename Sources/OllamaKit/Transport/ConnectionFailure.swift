/// The reasons `HTTPTransfer` gives for a connection that failed before any answer: what a restarting
/// server looks like, and so what the client retries.
enum ConnectionFailure {
    static let refused = "connection refused"
    static let reset = "the connection was closed or reset"

    static let reasons: Set<String> = [refused, reset]
}
