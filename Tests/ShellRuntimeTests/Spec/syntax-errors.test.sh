# Syntax errors in a -c script: nothing runs, status 2, and lp-shell's message says "syntax error".
# (Only single-line scripts: bash and dash run the lines before a bad line, lp-shell may parse all first.)

#### unterminated double quote
echo "abc
## status: 2
## stderr-contains: syntax error

#### unterminated single quote
echo 'abc
## status: 2
## stderr-contains: syntax error

#### unterminated command substitution
echo $(ls
## status: 2
## stderr-contains: syntax error

#### unterminated backtick
echo `echo x
## status: 2
## stderr-contains: syntax error

#### unterminated braced variable
echo ${X
## status: 2
## stderr-contains: syntax error

#### pipe with nothing before it
| cat
## status: 2
## stderr-contains: syntax error

#### and-and with nothing after it
echo a &&
## status: 2
## stderr-contains: syntax error

#### or-or with nothing before it
|| echo a
## status: 2
## stderr-contains: syntax error

#### stray closing paren
echo )
## status: 2
## stderr-contains: syntax error

#### double semicolon
echo a;; echo b
## status: 2
## stderr-contains: syntax error

#### nothing runs before a syntax error on the same line
echo first; echo )
## status: 2
## stderr-contains: syntax error

#### redirection without a file name
echo a >
## status: 2
## stderr-contains: syntax error

#### pipe followed by end of input
echo a |
## status: 2
## stderr-contains: syntax error
