# bash completion for bgsh. Generated from bgsh's command table by `bgsh __completions bash`: do not edit (a test compares).
# Plain bash is enough (no bash-completion package): `source completions/bgsh.bash` in
# ~/.bashrc, or `scripts/bgsh --install-completions`.
_bgsh() {
    local cur=${COMP_WORDS[COMP_CWORD]} IFS=$'
' i w glue=0
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
    COMPREPLY=("${COMPREPLY[@]%%$'\t'*}")  # bash shows no descriptions
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
