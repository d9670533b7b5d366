import Foundation

/// A probe that could not measure at all (as opposed to measuring a failure).
package struct ProbeError: Error, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case launchFailed(program: String, reason: String)
        case systemCall(call: String, path: String, reason: String)
    }

    private let code: Code

    /// A program could not be started.
    package static func launchFailed(_ program: String, reason: String) -> ProbeError {
        ProbeError(code: .launchFailed(program: program, reason: reason))
    }

    /// A POSIX call failed on `path`; `errno` is read and described with `strerror`.
    package static func systemCall(_ call: String, path: String, errno number: Int32) -> ProbeError {
        ProbeError(code: .systemCall(call: call, path: path, reason: String(cString: strerror(number))))
    }

    package var description: String {
        switch code {
        case .launchFailed(let program, let reason):
            "could not start '\(program)': \(reason). Check that it is installed and on PATH."
        case .systemCall(let call, let path, let reason):
            "\(call)('\(path)') failed: \(reason)."
        }
    }
}
