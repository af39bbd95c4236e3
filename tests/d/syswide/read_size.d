syscall::read:entry /execname == "valk"/ {
  self->fd = arg0;
}
syscall::read:return /execname == "valk" && self->fd/ {
  printf("read(%d) = %d bytes", self->fd, arg1);
  self->fd = 0;
}
