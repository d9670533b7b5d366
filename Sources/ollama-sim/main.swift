import Foundation
import OllamaSimulator

// Exit codes: 0 stopped by SIGINT/SIGTERM, 1 cannot bind, 2 usage error or bad scenario (see --help).
exit(SimulatorCLI.main(Array(CommandLine.arguments.dropFirst())))
