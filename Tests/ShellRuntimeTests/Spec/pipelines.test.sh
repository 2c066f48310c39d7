# Pipelines with external filters, the status of a pipeline (its last stage), and ! negation.

#### pipe into tr
echo hello | tr a-z A-Z
## stdout: HELLO

#### pipe into wc -l
printf 'a\nb\nc\n' | wc -l
## stdout: 3

#### pipe into cut
echo a:b:c | cut -d: -f2
## stdout: b

#### pipe into sed
echo abc | sed 's/b/X/'
## stdout: aXc

#### three-stage pipeline
printf 'c\na\nb\n' | sort | head -n 2
## STDOUT:
a
b
## END

#### long chain of cat
echo x | cat | cat | cat | cat
## stdout: x

#### status of a pipeline is its last stage
false | true
echo $?
true | false
echo $?
## STDOUT:
0
1
## END

#### last stage status ends the script
echo x | false
## status: 1

#### negation of true and false
! true
echo $?
! false
echo $?
## STDOUT:
1
0
## END

#### negation applies to the whole pipeline
! true | false
echo $?
## stdout: 0

#### stderr is not piped
ls /nonexistent-dir 2>/dev/null | wc -l
## stdout: 0

#### stderr piped with 2>&1
ls /nonexistent-dir 2>&1 | grep -c nonexistent-dir
## stdout: 1

#### pipeline inside a substitution
X=$(echo a b c | wc -w)
echo $X
## stdout: 3

#### assignment in a pipeline stage does not leak
X=1
X=2 | true
echo $X
## stdout: 1

#### writer stops when the reader exits
yes | head -n 2
## STDOUT:
y
y
## END

#### large output through a pipe
seq 1 20000 | tail -n 1
## stdout: 20000

#### builtin output into a pipe
printf '%s\n' b a | sort
## STDOUT:
a
b
## END

#### cat reads empty stdin
cat
echo end
## stdout: end

#### first stage output bigger than a pipe buffer
seq 1 100000 | wc -l
## stdout: 100000
