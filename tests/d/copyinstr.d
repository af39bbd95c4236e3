syscall::openat:entry /execname == "valk" && basename(copyinstr(arg1)) == "zero"/ { printf("%s", copyinstr(arg1)); }
