import Foundation
import ReadinessCommands

// Exit statuses: 0 ready, 1 not ready, 2 undecided or usage/config error (see `readiness --help`).
exit(await ReadinessCommand.main(Array(CommandLine.arguments.dropFirst())))
