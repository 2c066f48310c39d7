# Compound commands (extras, tagged compound): if, for, while, case, { } groups and ( ) subshells.

#### if then else
if true; then echo yes; else echo no; fi
if false; then echo yes; else echo no; fi
## STDOUT:
yes
no
## END
## tags: compound

#### if elif else
X=2
if [ $X = 1 ]; then echo one; elif [ $X = 2 ]; then echo two; else echo other; fi
## stdout: two
## tags: compound

#### if over several lines
if [ -n "$HOME" ]
then
  echo has-home
fi
## stdout: has-home
## tags: compound

#### if without a taken branch has status 0
if false; then echo x; fi
echo $?
## stdout: 0
## tags: compound

#### for over words
for x in a b c; do echo $x; done
## STDOUT:
a
b
c
## END
## tags: compound

#### for over a glob
touch b a
for f in *; do echo file $f; done
## STDOUT:
file a
file b
## END
## tags: compound

#### for over quoted dollar-at
set -- "a b" c
for x in "$@"; do echo "[$x]"; done
## STDOUT:
[a b]
[c]
## END
## tags: compound

#### while loop
i=
while [ "$i" != xxx ]; do i=${i}x; echo $i; done
## STDOUT:
x
xx
xxx
## END
## tags: compound

#### case with patterns
for w in apple banana cherry; do
  case $w in
    a*) echo "$w starts with a" ;;
    b*|c*) echo "$w starts with b or c" ;;
    *) echo other ;;
  esac
done
## STDOUT:
apple starts with a
banana starts with b or c
cherry starts with b or c
## END
## tags: compound

#### case default branch
case xyz in a) echo a ;; *) echo default ;; esac
## stdout: default
## tags: compound

#### brace group with a redirection
{ echo a; echo b; } > f
cat f
## STDOUT:
a
b
## END
## tags: compound

#### subshell does not change the parent
X=1
(X=2; echo $X)
echo $X
## STDOUT:
2
1
## END
## tags: compound

#### subshell cd does not change the parent
(cd /; pwd)
test "$(pwd)" = "$HOME" && echo back
## STDOUT:
/
back
## END
## tags: compound

#### subshell exit status
(exit 4)
echo $?
## stdout: 4
## tags: compound

#### dollar-dollar in a subshell is the parent's
A=$$
(test "$$" = "$A" && echo same)
## stdout: same
## tags: compound

#### missing fi is a syntax error
if true; then echo x
## status: 2
## stderr-contains: syntax error
## tags: compound

#### a comment may follow any command
x=1 # after an assignment
( echo a ) # after a subshell
if true; then echo b; fi # after fi
{ echo c; } # after a group
f() { echo d; } # after a function
f
for i in e; do echo $i; done # after done
echo $x
## STDOUT:
a
b
c
d
e
1
## END
## tags: compound
