# fish completion for showguide: commands, options, show names, sections.
# Install: showguide completion fish > ~/.config/fish/completions/showguide.fish
# Each Tab asks `showguide _complete`, so show names come from your catalog as it is now.
function __showguide_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l candidates (command showguide _complete (math (count $words) - 1) $words 2>/dev/null)
    if test "$candidates[1]" = ":files"
        __fish_complete_path (commandline -ct)
    else
        printf '%s\n' $candidates
    end
end
complete -c showguide -f -a '(__showguide_complete)'
