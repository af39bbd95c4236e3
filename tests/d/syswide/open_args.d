syscall::open*:entry /execname == "valk"/ { 
  printf("%s %s", execname, copyinstr(arg0)); 
}
