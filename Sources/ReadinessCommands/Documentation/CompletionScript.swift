/// `readiness --generate-completion-script SHELL`: completions for every command, action and option, from the
/// same specs as parsing and `--help`.
enum CompletionScript {
    enum Shell: String, CaseIterable {
        case bash, zsh, fish

        /// "bash, zsh or fish".
        static var names: String { "'bash', 'zsh' or 'fish'" }
    }

    /// The script for `shell`.
    static func render(for shell: Shell, commands: [any Command.Type]) -> String {
        let specs = commands.map { $0.spec }
        switch shell {
        case .bash: return bash(specs)
        case .zsh: return zsh(specs)
        case .fish: return fish(specs)
        }
    }

    /// The option names a command takes, `--help` included.
    static func optionNames(_ spec: CommandSpec) -> [String] {
        spec.arguments.filter { !$0.isPositional }.map(\.name) + ["--help"]
    }

    private static func bash(_ specs: [CommandSpec]) -> String {
        func words(_ spec: CommandSpec) -> String { optionNames(spec).joined(separator: " ") }
        let cases = specs.map { spec -> String in
            guard !spec.subcommands.isEmpty else { return "        \(spec.word)) options=\"\(words(spec))\" ;;" }
            let actions = spec.subcommands.map { $0.spec }
            return """
                        \(spec.word))
                            if [[ $COMP_CWORD -eq 2 ]]; then options="\(actions.map(\.word).joined(separator: " ")) --help"
                            else case "${COMP_WORDS[2]}" in
                \(actions.map { "                \($0.word)) options=\"\(words($0))\" ;;" }.joined(separator: "\n"))
                            esac; fi ;;
                """
        }.joined(separator: "\n")
        return """
            # bash completion for readiness: readiness --generate-completion-script bash > ~/.local/share/bash-completion/completions/readiness
            _readiness() {
                local cur="${COMP_WORDS[COMP_CWORD]}" previous="${COMP_WORDS[COMP_CWORD-1]}" options=""
                if [[ "$previous" == "--generate-completion-script" ]]; then
                    COMPREPLY=($(compgen -W "\(Shell.allCases.map(\.rawValue).joined(separator: " "))" -- "$cur")); return
                fi
                if [[ $COMP_CWORD -eq 1 ]]; then
                    COMPREPLY=($(compgen -W "\((specs.map(\.word) + ReadinessCommand.topLevelOptions.map(\.name)).joined(separator: " "))" -- "$cur")); return
                fi
                case "${COMP_WORDS[1]}" in
            \(cases)
                esac
                if [[ "$cur" == -* || $COMP_CWORD -eq 2 && "${COMP_WORDS[1]}" == migrate ]]; then
                    COMPREPLY=($(compgen -W "$options" -- "$cur"))
                else
                    COMPREPLY=($(compgen -f -- "$cur"))
                fi
            }
            complete -o default -F _readiness readiness

            """
    }

    private static func zsh(_ specs: [CommandSpec]) -> String {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        func described(_ specs: [CommandSpec]) -> String {
            specs.map { quoted($0.word + ":" + $0.abstract.replacingOccurrences(of: ":", with: "\\:")) }.joined(separator: " ")
        }
        func arguments(_ spec: CommandSpec) -> String {
            let options = spec.arguments.filter { !$0.isPositional }.map { argument -> String in
                let help = "[" + argument.help.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
                    .replacingOccurrences(of: ":", with: "\\:") + "]"
                switch argument.kind {
                case .flag: return quoted(argument.name + help)
                case .repeatable(let value): return quoted("*" + argument.name + help + ":" + value + ":_files")
                case .option(let value, _): return quoted(argument.name + help + ":" + value + ":_files")
                case .positional, .variadic: return ""
                }
            }
            return (["_arguments", "-s"] + options + [quoted("--help[Show this help.]"), quoted("*:file:_files")]).joined(separator: " ")
        }
        let cases = specs.map { spec -> String in
            guard !spec.subcommands.isEmpty else { return "    \(spec.word)) shift words; (( CURRENT-- )); \(arguments(spec)) ;;" }
            let actions = spec.subcommands.map { $0.spec }
            return """
                    \(spec.word))
                        if (( CURRENT == 3 )); then local -a actions; actions=(\(described(actions))); _describe action actions; return; fi
                        shift 2 words; (( CURRENT -= 2 ))
                        case $words[1] in
                \(actions.map { "            \($0.word)) \(arguments($0)) ;;" }.joined(separator: "\n"))
                        esac ;;
                """
        }.joined(separator: "\n")
        return """
            #compdef readiness
            # zsh completion for readiness: readiness --generate-completion-script zsh > "${fpath[1]}/_readiness"
            _readiness() {
                if (( CURRENT == 2 )); then
                    local -a commands; commands=(\(described(specs)))
                    _describe command commands; return
                fi
                case $words[2] in
            \(cases)
                esac
            }
            _readiness "$@"

            """
    }

    private static func fish(_ specs: [CommandSpec]) -> String {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'" }
        func options(_ spec: CommandSpec, when condition: String) -> [String] {
            spec.arguments.filter { !$0.isPositional }.map { argument in
                let value = argument.kind == .flag ? "" : " -r"
                return "complete -c readiness -n \(quoted(condition)) -l \(argument.name.dropFirst(2))\(value) -d \(quoted(argument.help))"
            }
        }
        var lines = [
            "# fish completion for readiness: readiness --generate-completion-script fish > ~/.config/fish/completions/readiness.fish",
            "complete -c readiness -f",
            "complete -c readiness -n '__fish_use_subcommand' -l help -d 'Show help'",
            "complete -c readiness -n '__fish_use_subcommand' -l version -d 'Show the version'",
            "complete -c readiness -n '__fish_use_subcommand' -l generate-completion-script -xa 'bash zsh fish' -d 'Print a completion script'",
        ]
        for spec in specs {
            lines.append("complete -c readiness -n '__fish_use_subcommand' -a \(spec.word) -d \(quoted(spec.abstract))")
            if spec.subcommands.isEmpty {
                lines += options(spec, when: "__fish_seen_subcommand_from \(spec.word)")
                continue
            }
            let actions = spec.subcommands.map { $0.spec }
            let none = "__fish_seen_subcommand_from \(spec.word); and not __fish_seen_subcommand_from \(actions.map(\.word).joined(separator: " "))"
            for action in actions {
                lines.append("complete -c readiness -n \(quoted(none)) -a \(action.word) -d \(quoted(action.abstract))")
                lines += options(action, when: "__fish_seen_subcommand_from \(spec.word); and __fish_seen_subcommand_from \(action.word)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
