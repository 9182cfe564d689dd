# bash completion for showguide: commands, options, show names, sections.
# Install: showguide completion bash > ~/.local/share/bash-completion/completions/showguide
# (or add `eval "$(showguide completion bash)"` to ~/.bashrc).
# Each Tab asks `showguide _complete`, so show names come from your catalog as it is now.
_showguide() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    [[ $cur == "=" ]] && cur=""
    local IFS=$'\n'
    local -a candidates
    candidates=($(command showguide _complete "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null))
    if [[ ${candidates[0]-} == ":files" ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    else
        COMPREPLY=("${candidates[@]}")
    fi
}
complete -F _showguide showguide
