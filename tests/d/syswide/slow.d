syscall:::entry /execname=="valk"/ { self->ts=timestamp; }
  syscall:::return /self->ts && (timestamp-self->ts)>1000000/ {
  printf("%s took %d us", probefunc, (timestamp-self->ts)/1000); self->ts=0; }
