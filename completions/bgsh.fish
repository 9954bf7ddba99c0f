# fish completion for bgsh. Generated from bgsh's command table by `bgsh __completions fish`: do not edit (a test compares).
# Install: copy to ~/.config/fish/completions/bgsh.fish, or `scripts/bgsh --install-completions`.
function __bgsh_complete
    set -l words (commandline -opc)
    set -e words[1]
    command bgsh __complete -- $words (commandline -ct) 2>/dev/null
end

# Every candidate from bgsh itself (values, runbooks, -c's commands); the flags' help here.
complete -c bgsh -f -a '(__bgsh_complete)'
complete -c bgsh -s c -d 'run these commands and exit'
complete -c bgsh -l backend -d 'the embedded simulator (default) or AWS'
complete -c bgsh -l state -d 'the simulator'\''s database (default ~/.bgsh/sim.db)'
complete -c bgsh -l region -d 'the AWS region'
complete -c bgsh -l profile -d 'a profile of ~/.aws/config'
complete -c bgsh -l endpoint-url -d 'send AWS calls to this endpoint'
complete -c bgsh -s v -d 'set a variable before the first command'
complete -c bgsh -l on-error -d 'what a failed command does'
complete -c bgsh -l output -d 'how results are printed'
complete -c bgsh -l color -d 'colour (NO_COLOR means never)'
complete -c bgsh -l echo -d 'print each command before running it'
complete -c bgsh -l dry-run -d 'print the calls mutating commands would make'
complete -c bgsh -l yes -d 'answer yes to confirmations'
complete -c bgsh -l debug -d 'each API call'\''s operation, status and latency on stderr'
complete -c bgsh -l version -d 'print the version and exit'
complete -c bgsh -l help -d 'the launch flags'
