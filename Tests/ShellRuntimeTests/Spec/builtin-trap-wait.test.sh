# trap, wait, getopts, umask and times: the builtins scripts use around their commands.

#### trap EXIT runs when the shell ends, with the last status in $?
trap 'echo "bye $?"' EXIT
echo hi
false
## status: 1
## STDOUT:
hi
bye 1
## END

#### exit in the EXIT trap sets the shell's status
trap 'echo trap; exit 3' EXIT
exit 1
## status: 3
## stdout: trap

#### trap - EXIT resets it
trap 'echo no' EXIT
trap - EXIT
echo done
## stdout: done

#### trap 0 is EXIT
trap 'echo zero' 0
echo first
## STDOUT:
first
zero
## END

#### a subshell runs its own EXIT trap, not its parent's
trap 'echo outer' EXIT
( trap 'echo inner' EXIT; echo in )
echo out
## STDOUT:
in
inner
out
outer
## END

#### trap lists what is set
# Only EXIT and INT are looked at: bash also lists signals ignored when it started (a shell started in the background
# has QUIT ignored), which depends on the caller, not on the shell. Not in a pipeline: dash lists a subshell's traps.
trap 'echo a' EXIT
trap '' INT
trap > traps.txt
grep -e EXIT -e INT traps.txt
## STDOUT:
trap -- 'echo a' EXIT
trap -- '' INT
a
## END

#### trap with an unknown signal fails
trap 'echo x' NOSUCH 2>/dev/null
echo $?
## stdout: 1

#### wait for a background command returns its status
( exit 3 ) &
wait $!
echo $?
## stdout: 3

#### wait without operands waits for every background command
( sleep 0.1; echo late > f ) &
wait
cat f
## stdout: late

#### $! is a number
true &
case $! in *[!0-9]*|'') echo no ;; *) echo yes ;; esac
wait
## stdout: yes

#### wait for an unknown id is 127
wait 99 2>/dev/null
echo $?
## stdout: 127

#### background commands respect errexit
set -e
{ echo one; false; echo two; } &
wait $!
## status: 1
## stdout: one

#### getopts reads options, grouped options and arguments
while getopts ab:c opt -a -bfoo -c -b bar -- rest; do
  echo "$opt ${OPTARG:-} $OPTIND"
done
echo end $OPTIND
## STDOUT:
a  2
b foo 3
c  4
b bar 6
end 7
## END

#### getopts from the positional parameters, then shift
set -- -ac x y
while getopts abc o; do :; done
shift $((OPTIND - 1))
echo "$@"
## stdout: x y

#### getopts with a leading colon reports through NAME and OPTARG
while getopts :ab: o -x -b; do echo "$o $OPTARG"; done
## STDOUT:
? x
: b
## END

#### getopts reports an unknown option and sets NAME to ?
getopts a o -z 2>/dev/null
echo "$? $o"
## stdout: 0 ?

#### umask sets and shows the mask
umask 027
umask
umask -S
umask u=rwx,g=rx,o=
umask
## STDOUT:
0027
u=rwx,g=rx,o=
0027
## END

#### umask applies to new files
umask 077
echo x > f
ls -l f | cut -c1-10
## stdout: -rw-------

#### umask in a subshell stays there
umask 022
( umask 077 )
umask
## stdout: 0022

#### times prints two lines
times | wc -l | tr -d ' '
## stdout: 2

#### alias runs its text in place of the command word
alias say='echo said'
say hi > out
cat out
## stdout: said hi

#### an alias may hold several commands
alias two='echo one; echo two'
two
## STDOUT:
one
two
## END

#### an alias is not expanded inside itself, a quoted word is no alias
alias echo='echo X'
echo a
'echo' b
## STDOUT:
X a
b
## END

#### alias lists, unalias removes
alias b='echo b' a='echo a'
alias
alias a
unalias a
alias a 2>/dev/null || echo gone
unalias -a
alias
## STDOUT:
a='echo a'
b='echo b'
a='echo a'
gone
## END
