syscall::read:entry /execname == "valk" && (arg2 == 100 || arg2 == 10)/ {
  self->fd = arg0;
}
syscall::read:return /execname == "valk" && self->fd/ {
  printf("read(fd%s) = %d bytes\n", self->fd > 2 ? "" : "?", arg1);
  self->fd = 0;
}
