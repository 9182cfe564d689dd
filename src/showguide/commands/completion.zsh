#compdef showguide
# zsh completion for showguide: commands, options, show names, sections.
# Install: showguide completion zsh > ~/.zfunc/_showguide, with
# `fpath=(~/.zfunc $fpath)` before `compinit` in ~/.zshrc
# (or add `eval "$(showguide completion zsh)"` after `compinit`).
# Each Tab asks `showguide _complete`, so show names come from your catalog as it is now.
_showguide() {
    local -a candidates
    candidates=("${(@f)$(command showguide _complete $((CURRENT - 1)) "${(@)words[1,CURRENT]}" 2>/dev/null)}")
    if [[ ${candidates[1]-} == ":files" ]]; then
        _files
    elif (( ${#candidates} )) && [[ -n ${candidates[1]} ]]; then
        compadd -Q -S ' ' -- "${candidates[@]}"
    fi
}
if [[ ${zsh_eval_context[-1]-} == loadautofunc ]]; then
    _showguide "$@"
else
    compdef _showguide showguide
fi
