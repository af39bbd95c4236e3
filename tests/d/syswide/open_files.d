syscall::open*:entry /execname=="valk"/ { printf("%s", copyinstr(arg0)); }
