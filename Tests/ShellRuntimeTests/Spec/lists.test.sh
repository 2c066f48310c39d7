# Lists (; && ||), comments, backslash-newline continuation and commands spanning several lines.

#### semicolon list
echo a; echo b
## STDOUT:
a
b
## END

#### and-list runs the second on success
true && echo yes
## stdout: yes

#### and-list skips the second on failure
false && echo yes
echo $?
## stdout: 1

#### or-list runs the second on failure
false || echo fallback
## stdout: fallback

#### or-list skips the second on success
true || echo no
echo $?
## stdout: 0

#### and then or
false && echo a || echo b
true && echo c || echo d
## STDOUT:
b
c
## END

#### and-list failing in the middle
true && false || echo recovered
## stdout: recovered

#### status of a list is the last command
true; false
## status: 1

#### trailing semicolon
echo a;
## stdout: a

#### comment after a command
echo a # a comment; echo hidden
## stdout: a

#### hash inside a word is not a comment
echo a#b c# #d
## stdout: a#b c#

#### quoted hash is not a comment
echo '#x' "#y" \#z
## stdout: #x #y #z

#### comment lines and blank lines
# first comment

echo x
    # indented comment
echo y
## STDOUT:
x
y
## END

#### backslash-newline continues a command
echo one \
  two \
  three
## stdout: one two three

#### backslash-newline inside a word
echo ab\
cd
## stdout: abcd

#### trailing and-and continues on the next line
true &&
echo next
## stdout: next

#### trailing or-or continues on the next line
false ||
  echo next
## stdout: next

#### trailing pipe continues on the next line
echo abc |
tr a-z A-Z
## stdout: ABC

#### open double quote spans lines
echo "a
b"
## STDOUT:
a
b
## END

#### doc style multi-line command
printf '[%s]\n' -X POST \
  -H "Content-Type: application/json" \
  -d '{"a" : "b"}' \
  https://example.test/x
## STDOUT:
[-X]
[POST]
[-H]
[Content-Type: application/json]
[-d]
[{"a" : "b"}]
[https://example.test/x]
## END

#### commands on separate lines
echo 1
echo 2
echo 3
## STDOUT:
1
2
3
## END

#### exit inside an and-list
true && exit 4
echo not-reached
## status: 4
