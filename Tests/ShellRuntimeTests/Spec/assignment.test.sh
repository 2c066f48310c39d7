# Assignments, prefix assignments for one command, export, unset, readonly.
# `sh` below is /bin/sh (an external program) used to look at the exported environment.

#### plain assignment
A=1
echo $A
## stdout: 1

#### several assignments on one line
A=1 B=2
echo $A$B
## stdout: 12

#### assignments run left to right
A=1 B=$A
echo $B
## stdout: 1

#### quoted value with spaces
A="a b"  B='c  d'
printf '[%s]\n' "$A" "$B"
## STDOUT:
[a b]
[c  d]
## END

#### assignment value is not split
B='x   y'
A=$B
printf '[%s]\n' "$A"
## stdout: [x   y]

#### assignment from a substitution is not split
A=$(echo 'a   b')
printf '[%s]\n' "$A"
## stdout: [a   b]

#### prefix assignment reaches the command environment
A=1 sh -c 'echo $A'
## stdout: 1

#### prefix assignment seen by env
A=1 B=2 env | grep -E '^(A|B)=' | sort
## STDOUT:
A=1
B=2
## END

#### prefix assignment does not stay
A=1 env >/dev/null
echo "[${A-unset}]"
## stdout: [unset]

#### prefix assignment restores a previous value
A=old
A=new sh -c 'echo $A'
echo $A
## STDOUT:
new
old
## END

#### arguments are expanded before the prefix assignment
A=1
A=2 echo $A
## stdout: 1

#### unexported variable is not in the environment
A=1
sh -c 'echo "[$A]"'
## stdout: []

#### export makes a variable visible to commands
A=1
export A
sh -c 'echo $A'
## stdout: 1

#### export with a value
export A=1
env | grep ^A=
## stdout: A=1

#### exported variable keeps later values
export A=1
A=2
sh -c 'echo $A'
## stdout: 2

#### export of several names
export A=1 B=2
sh -c 'echo $A $B'
## stdout: 1 2

#### export with an invalid option is a usage error
export -z
## status: 2

#### unset removes a variable
A=1
unset A
echo "[${A-unset}]"
## stdout: [unset]

#### unset removes it from the environment
export A=1
unset A
env | grep ^A= || echo gone
## stdout: gone

#### unset of a missing variable succeeds
unset NEVER_SET
echo $?
## stdout: 0

#### readonly value can be read
readonly R=1
echo $R
## stdout: 1

#### assigning to a readonly variable is an error
readonly R=1
R=2
echo after
## status: 1
## stderr-contains: readonly
## OK bash status: 127
## OK dash status: 2

#### unset of a readonly variable fails
readonly R=1
unset R
echo "status $? value $R"
## stdout: status 1 value 1
## OK dash STDOUT:
## END
## OK dash status: 2

#### a word starting with a digit is not an assignment
1A=x
## status: 127
## stderr-contains: command not found
