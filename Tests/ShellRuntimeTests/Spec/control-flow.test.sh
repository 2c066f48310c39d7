# break, continue, return and local (tagged control-flow): loops and functions end where they should, never loop on.

#### break leaves a while true loop
while true; do echo x; break; done
echo done
## STDOUT:
x
done
## END
## tags: control-flow

#### break in the condition of a loop
while break; do echo x; done
echo done
## stdout: done
## tags: control-flow

#### continue skips the rest of the body
for i in 1 2 3; do
  if test $i = 2; then continue; fi
  echo $i
done
## STDOUT:
1
3
## END
## tags: control-flow

#### break 2 leaves two loops
for i in 1 2; do
  for j in a b; do
    echo $i$j
    break 2
  done
done
echo out
## STDOUT:
1a
out
## END
## tags: control-flow

#### continue 2 goes on with the outer loop
for i in 1 2; do
  for j in a b; do
    test $j = b && continue 2
    echo $i$j
  done
  echo never
done
## STDOUT:
1a
2a
## END
## tags: control-flow

#### break N larger than the nesting leaves every loop
for i in 1 2; do while true; do break 9; done; echo never; done
echo out
## stdout: out
## tags: control-flow

#### break outside a loop is ignored with status 0
break
echo status=$?
continue
echo status=$?
## STDOUT:
status=0
status=0
## END
## tags: control-flow

#### break inside eval leaves the loop
for i in 1 2 3; do echo $i; eval break; done
## stdout: 1
## tags: control-flow

#### return ends a function with its status
f() { echo one; return 42; echo two; }
f
echo status=$?
## STDOUT:
one
status=42
## END
## tags: control-flow

#### return without a number keeps the last status
f() { false; return; }
f
echo status=$?
## stdout: status=1
## tags: control-flow

#### return from inside a loop in a function
f() {
  for i in 1 2 3; do
    echo $i
    test $i = 2 && return 7
  done
  echo never
}
f
echo status=$?
## STDOUT:
1
2
status=7
## END
## tags: control-flow

#### return ends a sourced file only
printf 'echo in\nreturn 3\necho never\n' > lib.sh
. ./lib.sh
echo status=$?
## STDOUT:
in
status=3
## END
## tags: control-flow

#### local variables are put back when the function returns
x=global
f() { local x=inner; echo $x; g; }
g() { echo g sees $x; }
f
echo $x
## STDOUT:
inner
g sees inner
global
## END
## tags: control-flow

#### a local assigned later stays local
f() { local y; y=set; echo $y; }
y=outer
f
echo $y
## STDOUT:
set
outer
## END
## tags: control-flow

#### a stray break with a bad count never loops on
for i in 1 2 3; do echo $i; break 1 2; done
echo out
## STDOUT:
1
out
## END
## OK bash stdout: 1
## OK bash status: 1
## tags: control-flow

#### source finds a file on PATH and skips directories
mkdir -p bin/lib.sh other
printf 'echo found\n' > other/lib.sh
PATH="$PWD/bin:$PWD/other:$PATH"
. lib.sh
## stdout: found
## tags: control-flow

#### source of a directory fails with status 1
mkdir d
. ./d/ 2>/dev/null
echo status=$?
## stdout: status=1
## OK dash stdout: status=0
## tags: control-flow

#### builtin runs the builtin, skipping a function, and can break a loop
echo() { printf 'function\n'; }
builtin echo hi
for i in 1 2 3; do builtin printf '%s\n' $i; builtin break; done
## STDOUT:
hi
1
## END
## N-I dash STDOUT:
## END
## N-I dash status: 127
