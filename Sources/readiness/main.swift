import Foundation
import ReadinessKit

// Exit codes: 0 ready, 1 not ready, 2 undecided or usage/config error (see `readiness --help`).
let code = await ReadinessCLI.main(Array(CommandLine.arguments.dropFirst()), context: .live())
exit(code)
