import BGSHCore

/// The scripts in completions/: small shims over `bgsh __complete`, generated from the launch
/// flags (LaunchFlags) by `bgsh __completions bash|zsh|fish`. Every candidate comes from
/// `__complete` (the command table and the live names); the zsh and fish scripts add the
/// flags' one-line help beside them. A test fails when the committed files differ from these.
enum ShellCompletions {
    static let shells = ["bash", "zsh", "fish"]

    /// The file each script is kept in, under completions/.
    static func fileName(_ shell: String) -> String {
        switch shell {
        case "zsh": return "_bgsh"
        case "fish": return "bgsh.fish"
        default: return "bgsh.bash"
        }
    }

    static func script(_ shell: String) -> String? {
        switch shell {
        case "bash": return bash
        case "zsh": return zsh
        case "fish": return fish
        default: return nil
        }
    }

    static let header = "Generated from bgsh's command table by `bgsh __completions %@`: do not edit (a test compares)."

    static var bash: String {
        """
        # bash completion for bgsh. \(header.replacingOccurrences(of: "%@", with: "bash"))
        # Plain bash is enough (no bash-completion package): `source completions/bgsh.bash` in
        # ~/.bashrc, or `scripts/bgsh --install-completions`.
        _bgsh() {
            local cur=${COMP_WORDS[COMP_CWORD]} IFS=$'\n' i w glue=0
            # bash splits words at : and = (COMP_WORDBREAKS): put them back together, so that
            # bgsh sees the line's own words (REPO:TAG, --flag=value).
            local -a words=()
            for ((i = 1; i <= COMP_CWORD; i++)); do
                w=${COMP_WORDS[i]}
                if (( ${#words[@]} )) && [[ $w == [:=] || $glue == 1 ]]; then
                    words[${#words[@]}-1]+=$w
                else
                    words+=("$w")
                fi
                [[ $w == [:=] ]] && glue=1 || glue=0
            done
            local word=${words[${#words[@]}-1]}
            unset 'words[${#words[@]}-1]'
            COMPREPLY=($(command bgsh __complete -- "${words[@]}" "$word" 2>/dev/null))
            COMPREPLY=("${COMPREPLY[@]%%$'\\t'*}")  # bash shows no descriptions
            # bash replaces only its own word (after the last : or =): drop what comes before it.
            local typed=${word%"$cur"}
            if [[ -n $typed ]]; then
                for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=${COMPREPLY[i]#"$typed"}; done
            fi
            # A directory goes on (no space after its /), as does an image's REPO:.
            if [[ ${#COMPREPLY[@]} -eq 1 && ( ${COMPREPLY[0]} == */ || ${COMPREPLY[0]} == *: ) ]]; then
                compopt -o nospace 2>/dev/null
            fi
        }
        complete -F _bgsh bgsh

        """
    }

    static var zsh: String {
        let help = LaunchFlags.all.map { "    \($0.spelling) \(quoted($0.help))" }.joined(separator: "\n")
        return """
        #compdef bgsh
        # zsh completion for bgsh. \(header.replacingOccurrences(of: "%@", with: "zsh"))
        # Install: put this file, named _bgsh, in a folder of $fpath before compinit runs
        # (`fpath=(/path/to/bgsh/completions $fpath)` in ~/.zshrc), or `scripts/bgsh --install-completions`.
        typeset -gA _bgsh_flag_help
        _bgsh_flag_help=(
        \(help)
        )

        _bgsh() {
            local -a candidates described
            local c
            candidates=("${(@f)$(command bgsh __complete -- "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)}")
            candidates=(${candidates:#})
            (( ${#candidates} )) || return 1
            if [[ ${words[CURRENT]} == -* && -n ${_bgsh_flag_help[${candidates[1]}]} ]]; then
                for c in $candidates; do described+=("${c//:/\\\\:}:${_bgsh_flag_help[$c]}"); done
                _describe -t flags 'launch flag' described
            elif [[ ${candidates[1]} == *$'\\t'* ]]; then
                # NAME<TAB>description: shown beside the names.
                for c in $candidates; do described+=("${${c%%$'\\t'*}//:/\\\\:}:${c#*$'\\t'}"); done
                _describe -t values 'value' described
            elif (( ${#candidates} == 1 )) && [[ ${candidates[1]} == */ || ${candidates[1]} == *: ]]; then
                compadd -Q -S '' -- $candidates
            else
                compadd -Q -- $candidates
            fi
        }

        _bgsh "$@"

        """
    }

    static var fish: String {
        let flags = LaunchFlags.all.map { flag -> String in
            let spelled = flag.name.count == 1 ? "-s \(flag.name)" : "-l \(flag.name)"
            // Declared without -r: their values, like every candidate, come from __bgsh_complete.
            return "complete -c bgsh \(spelled) -d \(quoted(flag.help))"
        }.joined(separator: "\n")
        return """
        # fish completion for bgsh. \(header.replacingOccurrences(of: "%@", with: "fish"))
        # Install: copy to ~/.config/fish/completions/bgsh.fish, or `scripts/bgsh --install-completions`.
        function __bgsh_complete
            set -l words (commandline -opc)
            set -e words[1]
            command bgsh __complete -- $words (commandline -ct) 2>/dev/null
        end

        # Every candidate from bgsh itself (values, runbooks, -c's commands); the flags' help here.
        complete -c bgsh -f -a '(__bgsh_complete)'
        \(flags)

        """
    }

    /// In single quotes for a shell ('' inside written '\\'').
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
