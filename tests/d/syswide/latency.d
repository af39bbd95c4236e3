syscall:::entry /execname == "valk"/ { 
  self->ts = timestamp; 
}
syscall:::return /self->ts/ { 
  @[probefunc] = quantize(timestamp - self->ts);
  self->ts = 0; 
}
